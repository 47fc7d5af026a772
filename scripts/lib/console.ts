/** One clear line for the person at the terminal; no stack traces for problems they can fix. */
export function step(message: string) {
  console.log(`• ${message}`);
}

export function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}
