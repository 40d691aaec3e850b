/**
 * The command line of `npm run ingest`: parses options, draws progress,
 * prints the summary, writes the report and sets the exit code. The work
 * is `runIngest`.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArchiveError } from '#lib/archive/archive-problem.ts';
import { colours } from '../cli/colours.ts';
import { HELP, parseCliOptions } from './cli-options.ts';
import { createProgress } from './progress.ts';
import { formatSummary } from './report.ts';
import { IngestSetupError, runIngest } from './run-ingest.ts';

export async function ingestCli(argv: readonly string[]): Promise<void> {
  let options;
  try {
    options = parseCliOptions(argv);
  } catch (error) {
    console.error(`${colours(process.stderr).error('ingest:')} ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(HELP);
    return;
  }

  // `npm run` starts scripts in the project root; paths on the command line are relative to where it was typed.
  const typedFrom = process.env.INIT_CWD ?? process.cwd();
  const progress = createProgress();
  try {
    const report = await runIngest({
      inputs: options.inputs.map((input) => resolve(typedFrom, input)),
      contentDir: options.content ? resolve(typedFrom, options.content) : resolve('content'),
      ...(options.date ? { fallbackDate: options.date } : {}),
      ...(options.topicMap ? { topicMap: resolve(typedFrom, options.topicMap) } : {}),
      createTopics: options.createTopics,
      onePerFile: options.onePerFile,
      dryRun: options.dryRun,
      update: options.update,
      lockWaitMs: options.wait * 1000,
      // Beside the build's cache: `npm run` starts in the project root.
      cacheDir: resolve(process.env.ARKHIV_CACHE_DIR ?? 'node_modules/.astro'),
      onProgress: progress.update,
    });
    progress.done();
    if (options.report) writeFileSync(resolve(typedFrom, options.report), `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatSummary(report, colours(process.stdout)));
    process.exitCode = report.counts.error > 0 ? 1 : 0;
  } catch (error) {
    progress.done();
    if (error instanceof IngestSetupError || error instanceof InvalidArchiveError) {
      console.error(`${colours(process.stderr).error('ingest:')} ${error.message}`);
      process.exitCode = 1;
    } else throw error;
  }
}
