import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Identifies one `vitest` run, so that test files can share site builds made earlier in the same run. */
    arkhivRunId: string;
  }
}

/** Hands every test file the id of this run; builds themselves happen lazily (see tests/helpers/site-fixture.ts). */
export default function setup(project: TestProject): void {
  project.provide('arkhivRunId', `${process.pid}-${Date.now()}`);
}
