/**
 * `npm run export -- [--thread SLUG] [--format md|json|csv|w3c] [--min-taggers N] [--taggers ID,ID]
 * [--base-url URL] [--out FILE]`: the crux summary (of one thread, or all) from the database
 * (DATABASE_URL, else the embedded one), to stdout or a file. `--import FILE` reads W3C JSON-LD in.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { withDatabase } from './db/with-database';

const USAGE =
  'Usage: npm run export -- [--thread SLUG] [--format md|json|csv|w3c] [--min-taggers N] [--taggers ID,ID] [--base-url URL] [--out FILE]\n' +
  '       npm run export -- --import FILE.jsonld --as EMAIL';

const { values } = parseArgs({
  options: {
    thread: { type: 'string' },
    format: { type: 'string', default: 'md' },
    'min-taggers': { type: 'string' },
    taggers: { type: 'string' },
    'base-url': { type: 'string', default: 'http://localhost:3000' },
    out: { type: 'string' },
    import: { type: 'string' },
    as: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!['md', 'json', 'csv', 'w3c'].includes(values.format ?? '')) {
  console.error(`Unknown format "${values.format}".\n${USAGE}`);
  process.exit(2);
}

let code = 0;
await withDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  const { closeDatabase, db } = await import('../lib/server/db/client');
  const { ApiError } = await import('../lib/server/http/errors');
  try {
    if (values.import) {
      const user = values.as
        ? await db.user.findUnique({
            where: { email: values.as.toLowerCase() },
            select: { id: true, name: true, role: true },
          })
        : null;
      if (!user) throw new ApiError('bad_request', 'Name the importing account with --as EMAIL (an existing user).');
      const { importAnnotations } = await import('../lib/server/annotations/import-annotations');
      const report = await importAnnotations(await readFile(values.import, 'utf8'), {
        id: user.id,
        name: user.name,
        role: user.role,
      });
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    const { cruxReport, exportResponse } = await import('../lib/server/cruxes/crux-report');
    const report = await cruxReport(
      {
        thread: values.thread,
        taggers: values.taggers?.split(',').filter(Boolean),
        minTaggers: values['min-taggers'] ? Number(values['min-taggers']) : undefined,
      },
      values['base-url'] as string,
    );
    const body = await exportResponse(
      report,
      values.format as 'md' | 'json' | 'csv' | 'w3c',
      values['base-url'] as string,
    ).text();
    if (values.out) {
      await writeFile(values.out, body);
      console.error(
        `Wrote ${values.out} (${report.ranking.cruxes.length} cruxes, ${report.ranking.consensus.length} consensus claims).`,
      );
    } else {
      process.stdout.write(body);
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    console.error(error.message);
    code = 2;
  } finally {
    await closeDatabase();
  }
});
process.exit(code);
