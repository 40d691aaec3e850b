import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { join } from 'node:path';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Identifies one `vitest` run, so that test files can share site builds made earlier in the same run. */
    arkhivRunId: string;
  }
}

/** Fixture sites of one test run live under this folder, removed after the run (unless `ARKHIV_KEEP_TEST_SITES` is set). */
export function runOutput(runId: string): string {
  return join(import.meta.dirname, '.output/site', `run-${runId}`);
}

/**
 * Hands every test file the id of this run; builds themselves happen lazily
 * (see tests/helpers/site-fixture.ts). After the run, its fixture sites are removed.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const runId = `${process.pid}-${Date.now()}`;
  project.provide('arkhivRunId', runId);
  return async () => {
    if (!process.env.ARKHIV_KEEP_TEST_SITES) await rm(runOutput(runId), { recursive: true, force: true });
  };
}
