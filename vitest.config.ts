import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Scratch copies of fixtures and test sites live in tests/.output/; they are never tests.
    exclude: ['tests/.output/**', 'node_modules/**'],
    // Gives each run an id so test files can share the fixture sites built earlier in the same run.
    globalSetup: ['tests/global-setup.ts'],
    // Integration and browser tests build real sites; they share two cores.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
