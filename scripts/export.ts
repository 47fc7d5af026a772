/**
 * `npm run export -- [--thread SLUG] [--format md|json|csv|w3c|hypothesis] [--min-taggers N] [--taggers ID,ID]
 * [--base-url URL] [--out FILE]`: the crux summary, or the annotations (w3c, hypothesis), of one
 * thread or all, from the database (DATABASE_URL, else the embedded one), to stdout or a file.
 * IRIs and links start with the site's public origin (PUBLIC_URL, NEXTAUTH_URL, else
 * http://localhost:$PORT) unless --base-url says otherwise. `--import FILE --as EMAIL [--thread SLUG]`
 * reads W3C JSON-LD or Hypothesis JSON in, as that account (as POST /api/annotations/import does).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { withDatabase } from './db/with-database';

const FORMATS = ['md', 'json', 'csv', 'w3c', 'hypothesis'] as const;
const USAGE =
  'Usage: npm run export -- [--thread SLUG] [--format md|json|csv|w3c|hypothesis] [--min-taggers N] [--taggers ID,ID] [--base-url URL] [--out FILE]\n' +
  '       npm run export -- --import FILE.json --as EMAIL [--thread SLUG]';

const { values } = parseArgs({
  options: {
    thread: { type: 'string' },
    format: { type: 'string', default: 'md' },
    'min-taggers': { type: 'string' },
    taggers: { type: 'string' },
    'base-url': { type: 'string' },
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
if (!(FORMATS as readonly string[]).includes(values.format ?? '')) {
  console.error(`Unknown format "${values.format}".\n${USAGE}`);
  process.exit(2);
}

let code = 0;
await withDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  const { closeDatabase, db } = await import('../lib/server/db/client');
  const { ApiError } = await import('../lib/server/http/errors');
  const { publicOrigin } = await import('../lib/server/public-origin');
  const baseUrl = values['base-url'] ?? publicOrigin();
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
      const report = await importAnnotations(
        await readFile(values.import, 'utf8'),
        { id: user.id, name: user.name, role: user.role },
        { origin: publicOrigin(), thread: values.thread },
      );
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    const selection = {
      thread: values.thread,
      taggers: values.taggers?.split(',').filter(Boolean),
      minTaggers: values['min-taggers'] ? Number(values['min-taggers']) : undefined,
    };
    const format = values.format as (typeof FORMATS)[number];
    let body: string;
    let summary: string;
    if (format === 'w3c' || format === 'hypothesis') {
      const { annotationDownload } = await import('../lib/server/annotations/annotation-export');
      body = await (await annotationDownload(selection, format, baseUrl)).text();
      summary = `${JSON.parse(body).total} annotations`;
    } else {
      const { cruxReport, exportResponse } = await import('../lib/server/cruxes/crux-report');
      const report = await cruxReport(selection, baseUrl);
      body = await exportResponse(report, format, baseUrl).text();
      summary = `${report.ranking.cruxes.length} cruxes, ${report.ranking.consensus.length} consensus claims`;
    }
    if (values.out) {
      await writeFile(values.out, body);
      console.error(`Wrote ${values.out} (${summary}).`);
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
