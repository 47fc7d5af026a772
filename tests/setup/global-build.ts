/** Browser tests run against the production build; build it first when the sources changed. */
import { buildIfNeeded } from '../../scripts/lib/build';

export default async function setup() {
  await buildIfNeeded((line) => console.log(line));
}
