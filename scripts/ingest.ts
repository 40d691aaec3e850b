/**
 * `npm run ingest -- [options] <file|dir>…`: raw news in, archive articles out.
 * The work is done in scripts/lib/ingest/; this file only parses the command
 * line, draws progress, prints the summary and sets the exit code.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HELP, parseCliOptions } from './lib/ingest/cli-options.ts';
import { createProgress } from './lib/ingest/progress.ts';
import { formatSummary } from './lib/ingest/report.ts';
import { IngestSetupError, runIngest } from './lib/ingest/run-ingest.ts';

let options;
try {
  options = parseCliOptions(process.argv.slice(2));
} catch (error) {
  console.error(`ingest: ${(error as Error).message}`);
  process.exit(2);
}
if (options.help) {
  console.log(HELP);
  process.exit(0);
}

// `npm run` starts scripts in the project root; paths on the command line are relative to where it was typed.
const typedFrom = process.env.INIT_CWD ?? process.cwd();
const progress = createProgress();
try {
  const report = await runIngest({
    inputs: options.inputs.map((input) => resolve(typedFrom, input)),
    contentDir: options.content ? resolve(typedFrom, options.content) : resolve('content'),
    ...(options.date ? { fallbackDate: options.date } : {}),
    onePerFile: options.onePerFile,
    dryRun: options.dryRun,
    onProgress: progress.update,
  });
  progress.done();
  if (options.report) writeFileSync(resolve(typedFrom, options.report), `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatSummary(report));
  process.exitCode = report.counts.error > 0 ? 1 : 0;
} catch (error) {
  progress.done();
  if (error instanceof IngestSetupError) {
    console.error(`ingest: ${error.message}`);
    process.exitCode = 1;
  } else throw error;
}
