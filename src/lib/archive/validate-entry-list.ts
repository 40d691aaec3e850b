import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../problems.ts';
import { issueMessage, type SchemaIssue } from './zod-messages.ts';

/** What a list file of the archive (`topics.yaml`, `authors.yaml`) calls its rules and says in its messages. */
export interface EntryListRules {
  /** The schema of one entry; every entry has a `slug`. */
  schema: { safeParse(value: unknown): { success: true; data: { slug: string } } | { success: false; error: { issues: unknown[] } } };
  /** Rule of a file that is not YAML or not a list. */
  fileRule: string;
  /** Rule of an entry that breaks the schema. */
  entryRule: string;
  /** Rule of a slug given twice. */
  duplicateRule: string;
  /** Whether an empty file is an empty list (otherwise it is not a list). */
  emptyIsNone: boolean;
  notAList: { message: string; fix: string };
  /** `тема №3`: how a message names the entry at a 1-based position. */
  entryLabel: (position: number) => string;
  entryFix: string;
  duplicateMessage: (slug: string, firstLine: number) => string;
  duplicateFix: string;
}

/** Checks a YAML list of entries with slugs (YAML, a list, each entry valid, slugs unique); returns the valid slugs and every problem. */
export function validateEntryList(text: string, file: string, rules: EntryListRules): { slugs: Set<string>; problems: Problem[] } {
  const problems: Problem[] = [];
  const slugs = new Set<string>();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined) =>
    offset === undefined ? { line: 1, column: 1 } : { line: lineCounter.linePos(offset).line, column: lineCounter.linePos(offset).col };
  const add = (offset: number | undefined, rule: string, message: string, fix: string, field?: string) => {
    const { line, column } = at(offset);
    problems.push({ file, line, column, ...(field ? { field } : {}), message, fix, rule, severity: 'error' });
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors)
      add(error.pos[0], rules.fileRule, `YAML не розбирається: ${error.message.split('\n')[0]}`, 'Виправте синтаксис YAML у цьому місці.');
    return { slugs, problems };
  }
  if (rules.emptyIsNone && (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null))) return { slugs, problems };
  if (!isSeq(doc.contents)) {
    add(0, rules.fileRule, rules.notAList.message, rules.notAList.fix);
    return { slugs, problems };
  }
  const seen = new Map<string, number>();
  doc.contents.items.forEach((node, index) => {
    const offset = (node as { range?: [number, number, number] }).range?.[0];
    const value = (node as { toJSON?: () => unknown }).toJSON?.() ?? null;
    const parsed = rules.schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues as SchemaIssue[]) {
        const field = issue.path.map(String).join('.');
        const keyNode =
          isMap(node) && field ? node.items.find((pair) => isScalar(pair.key) && pair.key.value === issue.path[0]) : undefined;
        const fieldOffset = keyNode && isScalar(keyNode.key) ? keyNode.key.range?.[0] : offset;
        const fieldValue = issue.path.reduce<unknown>(
          (v, key) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined),
          value,
        );
        add(
          fieldOffset,
          rules.entryRule,
          `${rules.entryLabel(index + 1)}: ${issueMessage(issue, issue.path.length > 0 ? fieldValue : value)}`,
          rules.entryFix,
          field || undefined,
        );
      }
      return;
    }
    const slug = parsed.data.slug;
    if (seen.has(slug)) add(offset, rules.duplicateRule, rules.duplicateMessage(slug, seen.get(slug)!), rules.duplicateFix, 'slug');
    else seen.set(slug, at(offset).line);
    slugs.add(slug);
  });
  return { slugs, problems };
}
