import { searchApiSuite } from './search-api';

searchApiSuite('index');
