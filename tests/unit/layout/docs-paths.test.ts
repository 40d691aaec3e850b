import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const DOCUMENTS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
// A path of the project in backticks: `src/lib/text/slug.ts`, `scripts/lib/ingest/`, `.ci/run`.
const PATH = /`((?:src|scripts|tests|docs|public|examples|bench|\.ci|\.github)\/[A-Za-z0-9_.\-/[\]]*)`/g;

test('every project path that the README, CONTRIBUTING.md and docs/ name exists', () => {
  const missing = DOCUMENTS.flatMap((document) => {
    const text = readFileSync(join(ROOT, document), 'utf8');
    return (
      [...text.matchAll(PATH)]
        .map(([, path]) => path!)
        // Placeholders stand for any file of a kind (`tests/fixtures/<case>/`); `bench/out/` is what a benchmark run writes.
        .filter((path) => !/[<>*]/.test(path) && !path.startsWith('bench/out/') && !existsSync(join(ROOT, path)))
        .map((path) => `${document}: ${path}`)
    );
  });
  expect(missing).toEqual([]);
});
