import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSnapshot, readArchiveSnapshot, saveSnapshot, type ArchiveFiles, type ArchiveSnapshot } from '#lib/build/archive-snapshot.ts';
import { scopeOf, type Shard } from '#lib/build/shards.ts';
import { changedYears, shardsToBuild } from '#lib/build/shards-to-build.ts';
import { folderDigest } from '#lib/files/folder-digest.ts';
import { cacheKey } from '#lib/site/cache-keys.ts';

export interface ShardRunOptions {
  plan: readonly Shard[];
  /** The archive folder. */
  contentDir: string;
  /** Its files as this build found them. */
  files: ArchiveFiles;
  /** The project: its code and configuration are part of every shard's inputs. */
  root: string;
  /** A shard's kept folder, where the note of what its output was built from lives. */
  workOf: (shard: Shard) => string;
  /** A shard's output folder. */
  outputOf: (shard: Shard) => string;
  /** Where the snapshot of the archive the last build saw is kept. */
  snapshotFile: string;
  /** Everything else a shard's output depends on: the site's address and base path, the folders it reads, the environment it is given. */
  options: readonly string[];
}

export interface ShardRuns {
  /** The shards this build runs, in plan order. */
  run: Shard[];
  /** The shards whose kept output is this build's already. */
  kept: Shard[];
  /** Records what every shard's output was built from, once the whole build has succeeded. */
  succeeded(): Promise<void>;
}

/** What a shard's kept output was built from, beside the archive: written when a build succeeds, removed before the shard runs. */
interface BuiltFrom {
  inputs: string;
  snapshot: string;
}

/**
 * Decides which shards a build runs. A shard is kept, not run, when its
 * output was built by a build that succeeded, from the same code,
 * configuration, options and years, from the archive as the last build saw
 * it, and nothing that changed since may show on its years' pages
 * (`changedYears`). The global shard always runs. The first build, and a
 * build after a failed one, runs every shard whose note is missing.
 */
export async function planShardRuns(options: ShardRunOptions): Promise<ShardRuns> {
  const { plan, contentDir, files, workOf, snapshotFile } = options;
  const shared = await sharedInputs(options);
  const inputsOf = (shard: Shard) => cacheKey([shared, JSON.stringify(scopeOf(shard))]);
  const noteOf = (shard: Shard) => join(workOf(shard), 'built-from.json');
  const previous = loadSnapshot(snapshotFile);
  // Without a snapshot every shard runs, and the archive is read while they do.
  const current: Promise<ArchiveSnapshot> = readArchiveSnapshot(contentDir, files, previous);
  let run: Shard[] = [...plan];
  if (previous?.id) {
    const changed = shardsToBuild(plan, changedYears(previous, await current));
    run = plan.filter((shard) => {
      const note = readNote(noteOf(shard));
      return (
        changed.includes(shard) || note?.inputs !== inputsOf(shard) || note.snapshot !== previous.id || !existsSync(options.outputOf(shard))
      );
    });
  }
  // A shard that stops half way leaves output that no note vouches for.
  for (const shard of run) rmSync(noteOf(shard), { force: true });
  return {
    run,
    kept: plan.filter((shard) => !run.includes(shard)),
    async succeeded() {
      const id = saveSnapshot(snapshotFile, await current);
      for (const shard of plan) writeFileSync(noteOf(shard), JSON.stringify({ inputs: inputsOf(shard), snapshot: id } satisfies BuiltFrom));
    },
  };
}

function readNote(file: string): BuiltFrom | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuiltFrom;
  } catch {
    return undefined;
  }
}

/** The code and configuration every shard is built with, and the build's options. */
async function sharedInputs({ root, options }: ShardRunOptions): Promise<string> {
  const files = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'].map((name) => {
    const path = join(root, name);
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  });
  return cacheKey([await folderDigest(join(root, 'src')), ...files, ...options]);
}
