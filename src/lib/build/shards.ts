import { planIndexParts, type IndexPart } from '../search/index-parts.ts';

/**
 * How one build is split into shards that run as separate processes, on one
 * machine or many. A shard renders the article, day, month and year pages of
 * its years and builds the search-index parts of those years; the shard with
 * `global` set also renders what needs the whole archive (home, topics,
 * feeds, search page, archive overview, 404, robots). Shards are runs of
 * whole index parts (`planIndexParts`), so every part is indexed by exactly
 * one shard and the parts are the same whatever the number of shards: the
 * assembled output is the output of a single-process build.
 */
export interface Shard {
  /** 1-based, as in `--shard 2/4`. */
  number: number;
  count: number;
  /** Years whose pages this shard renders, newest first. */
  years: number[];
  /** Index parts this shard builds. */
  parts: IndexPart[];
  articles: number;
  /** Renders the pages that need the whole archive. */
  global: boolean;
}

/**
 * Splits the index parts of an archive into `count` shards of consecutive
 * parts with about the same number of articles; the global pages go to the
 * shard with the newest years. With fewer parts than `count`, some shards
 * have no years, and the global pages go to one of them.
 */
export function planShards(articlesPerYear: ReadonlyMap<number, number>, count: number, partSize: number): Shard[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`The number of shards must be a whole number, at least 1 (got ${count}).`);
  const parts = planIndexParts(articlesPerYear, partSize);
  const total = parts.reduce((sum, part) => sum + part.articles, 0);
  const groups: IndexPart[][] = Array.from({ length: count }, () => []);
  let done = 0;
  let shard = 0;
  for (const part of parts) {
    // Move on when this part would take the shard further past its share than it is short of it,
    // or when the parts left are just enough for one each in the shards still to fill.
    const partsLeft = parts.length - parts.indexOf(part);
    const share = (total * (shard + 1)) / count;
    if (groups[shard]!.length > 0 && shard < count - 1 && (done + part.articles / 2 > share || partsLeft <= count - 1 - shard)) shard += 1;
    groups[shard]!.push(part);
    done += part.articles;
  }
  const shards = groups.map((group, index) => ({
    number: index + 1,
    count,
    years: group.flatMap((part) => part.years),
    parts: group,
    articles: group.reduce((sum, part) => sum + part.articles, 0),
    global: false,
  }));
  // A shard without years when there is one; otherwise the shard of the newest years, where new articles go:
  // publishing one then changes the pages of that shard alone, and the others are kept (`shards-to-build.ts`).
  const global = shards.findLast((shard) => shard.years.length === 0) ?? shards[0]!;
  global.global = true;
  return shards;
}

/** `--shard 2/4` as numbers; `undefined` for text of another shape. */
export function parseShardOption(text: string): { number: number; count: number } | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const number = Number(match[1]);
  const count = Number(match[2]);
  return number >= 1 && number <= count ? { number, count } : undefined;
}

/**
 * Set for a shard whose parent process validates the whole archive while it
 * builds (`npm run build` on one machine): the global shard then leaves it
 * to the parent. A shard built alone (`--shard k/n`) validates it itself.
 */
export const VALIDATED_VARIABLE = 'ARKHIV_ARCHIVE_VALIDATED';

/** Whether this process leaves the archive's validation to the build that started it (`VALIDATED_VARIABLE`). */
export function validatedByParent(environment: NodeJS.ProcessEnv = process.env): boolean {
  return environment[VALIDATED_VARIABLE] === '1';
}

/**
 * What one shard process renders, passed from the build to its routes and
 * integrations through the environment (`ARKHIV_SHARD`, JSON); `undefined`
 * when the build is not sharded and renders everything.
 */
export interface ShardScope {
  years: number[];
  global: boolean;
  /** Folders (relative to `pagefind/`) of the index parts this shard builds. */
  parts: string[];
}

export const SHARD_VARIABLE = 'ARKHIV_SHARD';

export function shardScope(environment: NodeJS.ProcessEnv = process.env): ShardScope | undefined {
  const value = environment[SHARD_VARIABLE];
  if (!value) return undefined;
  const scope = JSON.parse(value) as ShardScope;
  if (!Array.isArray(scope.years) || typeof scope.global !== 'boolean' || !Array.isArray(scope.parts)) {
    throw new Error(`${SHARD_VARIABLE} must describe a shard as {"years":[…],"global":true|false,"parts":[…]} (got ${value}).`);
  }
  return scope;
}

/**
 * The message a shard sends to the build that started it (over Node's IPC
 * channel, when it has one) once its pages are written: from then on it
 * changes nothing in its output folder but the search index (`pagefind/`),
 * so the build can assemble the pages while the index is built.
 */
export const PAGES_WRITTEN_MESSAGE = 'arkhiv:shard-pages-written';

export function scopeOf(shard: Shard): ShardScope {
  return { years: shard.years, global: shard.global, parts: shard.parts.map((part) => part.folder) };
}

/** Whether this process renders the pages of `year` (every year when the build is not sharded). */
export function rendersYear(year: number | string, scope: ShardScope | undefined = shardScope()): boolean {
  return !scope || scope.years.includes(Number(year));
}

/** Whether this process renders the pages that need the whole archive. */
export function rendersGlobalPages(scope: ShardScope | undefined = shardScope()): boolean {
  return !scope || scope.global;
}
