import { searchApiSuite } from './search-api';

// Before anything reads the environment: this file's searches never use the in-memory index.
process.env.SEARCH_INDEX = '0';

searchApiSuite('postgres');
