import { articlePath, parseArticlePath } from '#lib/archive/article-file.ts';
import type { ArchiveState, KnownArticle } from './archive-state.ts';
import type { PlaceableArticle } from './item-jobs.ts';
import type { DuplicateMatch } from './near-duplicates.ts';
import { judgeUpdate, readVersion, updateDay, updatedArticle } from './possible-update.ts';
import { placeAliases } from './place-aliases.ts';
import type { ReportItem } from './report.ts';
import { formatPlace } from './types.ts';
import type { PlannedWrite } from './write-plan.ts';
import type { NewAuthor } from './authors.ts';
import type { TopicData } from '#lib/archive/topic-schema.ts';

/**
 * Placing prepared items, one at a time in input order: each is unchanged
 * (already archived), a duplicate, a possible update of an article (see
 * possible-update.ts), an update (with `--update`) or a new article with a
 * unique path. Writes are planned, not made.
 */

export interface Placement {
  archive: ArchiveState;
  /** The run's planned writes, in order; updates of an article already planned change that write. */
  writes: PlannedWrite[];
  /** Apply possible updates (`--update`). */
  update: boolean;
  /** `YYYY-MM-DD` in Kyiv, for `updated` when the item's own date cannot be used. */
  today?: string;
  /** Authors that written articles name and authors.yaml lacks, by slug, in the order first named. */
  newAuthors: Map<string, NewAuthor>;
  /** Topics that written articles name and topics.yaml lacks (`--create-topics`), by slug, in the order first named. */
  newTopics: Map<string, TopicData>;
}

const utf8 = new TextEncoder();

/** Decides one prepared item's outcome and plans its write, if any. */
export function placeItem(prepared: PlaceableArticle, placement: Placement): ReportItem {
  const { archive } = placement;
  const { data } = prepared;
  const source = formatPlace(prepared.place);
  const base = { source, title: data.title, id: data.id, date: data.date };
  const same = archive.byArticleId(data.id);
  if (same?.archived && !same.seenBy) {
    same.seenBy = source;
    archive.addToRun(same, prepared.signature);
    return { ...base, outcome: 'unchanged', path: same.path!, reason: `уже в архіві: ${same.path}` };
  }
  if (same?.archived)
    return {
      ...base,
      outcome: 'duplicate',
      duplicateOf: same.seenBy!,
      similarity: 1,
      path: same.path!,
      reason: `точний повтор ${same.seenBy} (уже в архіві: ${same.path})`,
    };
  if (same)
    return {
      ...base,
      outcome: 'duplicate',
      duplicateOf: same.label,
      similarity: 1,
      path: same.path!,
      reason: `точний повтор ${same.label}`,
    };
  const match = archive.nearDuplicate(prepared.signature, { archivedOnly: prepared.distinct ?? false });
  if (match) return placeNearDuplicate(prepared, match, base, placement);
  const { slug, clashed } = archive.slugs.claimSlug(prepared.slug);
  const path = articlePath(data.date, slug, prepared.extension);
  const aliases = placeAliases(prepared, { path, slug }, archive.slugs);
  const notes = [
    ...prepared.notes,
    ...(clashed ? [`слаг «${slug}»: такий заголовок уже є в архіві, додано суфікс`] : []),
    ...aliases.notes,
  ];
  const reason = [...notes, ...prepared.info].join('; ');
  const item: ReportItem = {
    ...base,
    topics: data.topics ?? [],
    outcome: 'written',
    path,
    ...(reason ? { reason } : {}),
    ...(notes.length > 0 ? { attention: true } : {}),
  };
  const write: PlannedWrite = { path, content: aliases.content, items: [item] };
  placement.writes.push(write);
  for (const author of prepared.newAuthors) if (!placement.newAuthors.has(author.slug)) placement.newAuthors.set(author.slug, author);
  for (const topic of prepared.newTopics) if (!placement.newTopics.has(topic.slug)) placement.newTopics.set(topic.slug, topic);
  archive.addNew({ label: source, path, archived: false, write }, data.id, prepared.signature);
  return item;
}

/** A near duplicate: a plain duplicate, or a possible update, applied with `--update`. */
function placeNearDuplicate(
  prepared: PlaceableArticle,
  match: DuplicateMatch<KnownArticle>,
  base: Omit<ReportItem, 'outcome'>,
  placement: Placement,
): ReportItem {
  const { key: known } = match;
  const similarity = Math.round(match.jaccard * 100) / 100;
  const duplicate: ReportItem = {
    ...base,
    outcome: 'duplicate',
    duplicateOf: known.label,
    similarity,
    ...(known.path ? { path: known.path } : {}),
    reason: `майже повтор ${known.label} (схожість ${match.jaccard.toFixed(2)}, вкладеність ${match.containment.toFixed(2)})`,
  };
  const { path } = known;
  const bytes = path ? placement.archive.currentBytes(known) : undefined;
  if (!path || !bytes) return duplicate;
  const current = readVersion(bytes);
  const next = readVersion(prepared.content);
  if (!current || !next) return duplicate;
  const judged = judgeUpdate(current, next);
  if (judged.kind === 'duplicate') return duplicate;
  const of = known.archived ? 'статті' : `новини ${known.label} з цього ж входу`;
  const possible: ReportItem = {
    ...base,
    outcome: 'possible-update',
    updateOf: known.label,
    path,
    similarity,
    changes: judged.changes,
    attention: true,
  };
  if (!placement.update)
    return { ...possible, reason: `схоже на оновлення ${of} (схожість ${similarity.toFixed(2)}): у новині є нові чи змінені абзаци` };
  if (parseArticlePath(path)?.extension !== prepared.extension) {
    return {
      ...possible,
      reason: `схоже на оновлення ${of}, але нова версія потребує іншого формату файлу (.${prepared.extension}); оновіть статтю вручну`,
    };
  }
  const updated = updateDay(current.data, prepared.data.date, prepared.dateSource !== 'option', placement.today);
  const content = utf8.encode(updatedArticle(current, next, updated));
  const item: ReportItem = {
    ...base,
    outcome: 'updated',
    updateOf: known.label,
    path,
    similarity,
    changes: judged.changes,
    reason: `оновлення ${of}, updated: ${updated}`,
  };
  if (known.write) {
    known.write.content = content;
    known.write.items.push(item);
  } else {
    known.write = { path, content, unchangedFrom: current.bytes, items: [item] };
    placement.writes.push(known.write);
  }
  // Later items are compared with the article as updated.
  placement.archive.addToRun(known, prepared.signature);
  return item;
}
