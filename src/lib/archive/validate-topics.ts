import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { topicSchema } from './topic-schema.ts';
import type { Problem } from '../problems.ts';
import { issueMessage, type SchemaIssue } from './zod-messages.ts';

/** Checks `topics.yaml` (YAML, a list of topics, each valid, slugs unique); returns the valid slugs and every problem. */
export function validateTopics(text: string, file: string): { slugs: Set<string>; problems: Problem[] } {
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
      add(error.pos[0], 'topics-yaml', `YAML не розбирається: ${error.message.split('\n')[0]}`, 'Виправте синтаксис YAML у цьому місці.');
    return { slugs, problems };
  }
  if (!isSeq(doc.contents)) {
    add(0, 'topics-yaml', 'topics.yaml має бути списком тем', 'Кожна тема починається з «- slug: …».');
    return { slugs, problems };
  }
  const seen = new Map<string, number>();
  doc.contents.items.forEach((node, index) => {
    const offset = (node as { range?: [number, number, number] }).range?.[0];
    const value = (node as { toJSON?: () => unknown }).toJSON?.() ?? null;
    const parsed = topicSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues as SchemaIssue[]) {
        const field = issue.path.map(String).join('.');
        const keyNode =
          isMap(node) && field ? node.items.find((pair) => isScalar(pair.key) && pair.key.value === issue.path[0]) : undefined;
        const fieldOffset = keyNode && isScalar(keyNode.key) ? keyNode.key.range?.[0] : offset;
        const fieldValue = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[String(issue.path[0])] : value;
        add(
          fieldOffset,
          'topic-schema',
          `тема №${index + 1}: ${issueMessage(issue, fieldValue)}`,
          'Кожна тема має slug (латиниця, дефіси), name і непорожній список match.',
          field || undefined,
        );
      }
      return;
    }
    const slug = parsed.data.slug;
    if (seen.has(slug))
      add(
        offset,
        'topic-duplicate',
        `тема «${slug}» повторюється (уперше в рядку ${seen.get(slug)})`,
        'Обʼєднайте дві теми в одну: слаг теми — її адреса, він має бути унікальним.',
        'slug',
      );
    else seen.set(slug, at(offset).line);
    slugs.add(slug);
  });
  return { slugs, problems };
}
