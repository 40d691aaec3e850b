import { writeIndex, assertNoErrors } from '#lib/search/write-index.ts';
import { articleAttributes, metadataAttributes } from '#lib/search/page-attributes.ts';

/**
 * Indexes articles that are not (yet) a built site, for the search
 * evaluation: each record becomes the HTML an article page carries (the same
 * attribute contract, with site chrome around it that must stay out of the
 * index) and goes to Pagefind's Node API under the URL `/<id>/`. A record
 * carries the article's text and topic names, which the site's
 * `ArticleRecord` (listings and feeds) does not.
 */
export interface IndexedRecord {
  /** `yyyy/mm/dd/slug`. */
  id: string;
  title: string;
  /** ISO date. */
  date: string;
  summary: string;
  topicNames: string[];
  paragraphs: string[];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attributes(record: Record<string, string>): string {
  return Object.entries(record)
    .map(([name, value]) => (value === '' ? name : `${name}="${escapeHtml(value)}"`))
    .join(' ');
}

/** The indexable HTML of one article page. */
export function articleHtml(record: IndexedRecord): string {
  // The evaluation judges words and ranking, which authors do not change: records carry none.
  const input = { title: record.title, date: record.date, summary: record.summary, topicNames: record.topicNames, authorNames: [] };
  return [
    '<!doctype html><html lang="uk"><head><meta charset="utf-8"><title>',
    escapeHtml(record.title),
    '</title></head><body><header><nav>Головна Теми Архів Пошук</nav></header><main>',
    `<article ${attributes(articleAttributes(input))}>`,
    `<h1>${escapeHtml(record.title)}</h1><p>${escapeHtml(record.summary)}</p><div ${attributes(metadataAttributes(input))}></div>`,
    ...record.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    '</article><aside data-pagefind-ignore><h2>Схожі статті</h2></aside></main><footer>Архів</footer></body></html>',
  ].join('');
}

/** Writes a Pagefind index of the records into `<siteDir>/pagefind/`; returns the number of pages. */
export async function writeRecordIndex(records: readonly IndexedRecord[], siteDir: string): Promise<number> {
  return writeIndex(`${siteDir.replace(/\/$/, '')}/pagefind`, async (index) => {
    for (const record of records) {
      const added = await index.addHTMLFile({ url: `/${record.id}/`, content: articleHtml(record) });
      assertNoErrors(`index ${record.id}`, added.errors);
    }
    return records.length;
  });
}
