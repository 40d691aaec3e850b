import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const SOURCE = /\.(?:ts|mts|js|mjs|astro)$/;
// `from '…'`, `import '…'`, `import('…')` and `export … from '…'`.
const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => SOURCE.test(path))
    .map((path) => join(folder, path).replace(/\\/g, '/'));
}

/** Every import of a file as the project path it resolves to (`src/lib/…`), or the bare specifier (`astro:content`, `yaml`). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(SPECIFIER)].map(([, specifier]) => {
    if (specifier!.startsWith('#lib/')) return `src/lib/${specifier!.slice('#lib/'.length)}`;
    if (specifier!.startsWith('.')) return relative(ROOT, resolve(ROOT, dirname(file), specifier!)).replace(/\\/g, '/');
    return specifier!;
  });
}

function violations(files: string[], broken: (file: string, target: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter((target) => broken(file, target))
      .map((target) => `${file} → ${target}`),
  );
}

describe('imports run one way: the CLIs and the site depend on the core, never the reverse', () => {
  const site = sourceFiles('src');
  const core = site.filter((file) => file.startsWith('src/lib/'));

  test('finds the files it checks', () => {
    expect(core.length).toBeGreaterThan(40);
    expect(site.length).toBeGreaterThan(core.length);
  });

  test('nothing under src/ imports from scripts/', () => {
    expect(violations(site, (_, target) => target.startsWith('scripts/'))).toEqual([]);
  });

  test('the core imports only the core, the strings file and packages, never Astro’s virtual modules', () => {
    const allowed = (target: string) =>
      target.startsWith('src/lib/') || target === 'src/i18n/uk.ts' || !target.includes('/') || !/^(?:src|scripts|tests)\//.test(target);
    expect(violations(core, (_, target) => !allowed(target) || target.startsWith('astro:'))).toEqual([]);
  });

  test('outside the core, the core is imported through #lib/, not by climbing folders', () => {
    const outside = [...site.filter((file) => !file.startsWith('src/lib/')), ...sourceFiles('scripts')];
    const climbs = outside.flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return [...text.matchAll(SPECIFIER)]
        .filter(([, s]) => s!.startsWith('.') && relative(ROOT, resolve(ROOT, dirname(file), s!)).startsWith('src/lib/'))
        .map(([, s]) => `${file} → ${s}`);
    });
    expect(climbs).toEqual([]);
  });
});
