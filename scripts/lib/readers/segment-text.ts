import { CONTINUATION_SCORE, isHeadlineLike, keyWords, startsWithReference, storyScore, type StoryWords } from './story-words.ts';

/**
 * Segmentation of plain text into articles. The contract (also in docs/ingest.md):
 *
 * 1. Every non-empty line is a paragraph, whether paragraphs are separated by
 *    blank lines or not (hard-wrapped text belongs in Markdown, not here).
 * 2. A headline-like line (short, no final full stop: see `isHeadlineLike`)
 *    followed by an ordinary paragraph starts an article with that headline;
 *    that paragraph is its lead.
 * 3. A later paragraph continues the article before it when it opens with a
 *    reference back («Він…», «Президент також…», a dialogue dash; see
 *    `startsWithReference`), or, under a headline only, when it shares key
 *    words with the article (score ≥ 3, a headline word counting twice, see
 *    `storyScore`).
 * 4. Any other paragraph is a news item of its own, titled from its lead.
 * 5. Inside an article with a headline, a headline-like line whose next
 *    paragraph continues the story by key words (rule 3) is a subheading
 *    (`##`), not a new article.
 * 6. A headline-like line that no ordinary paragraph follows (a signature at
 *    the end, two short lines in a row) cannot head an article: it is a
 *    paragraph of the article before it, or an item of its own at the start.
 *
 * With `--one-per-file` the whole file is one article (`segmentOnePiece`):
 * a headline-like first line is its title, later headline-like lines that are
 * followed by an ordinary paragraph are subheadings.
 */

export interface Paragraph {
  text: string;
  /** 1-based line of the paragraph's first line in the file. */
  line: number;
}

export interface Block extends Paragraph {
  kind: 'paragraph' | 'heading';
}

export interface Segment {
  /** Line of the first thing in the segment (its headline, or its first paragraph). */
  line: number;
  headline?: Paragraph;
  blocks: Block[];
}

/** Rule 1: lines to paragraphs, keeping each paragraph's line number. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line !== '') paragraphs.push({ text: line, line: index + 1 });
  });
  return paragraphs;
}

function opensSection(paragraphs: readonly Paragraph[], index: number): boolean {
  const next = paragraphs[index + 1];
  return isHeadlineLike(paragraphs[index]!.text) && next !== undefined && !isHeadlineLike(next.text);
}

interface OpenStory extends Segment {
  words: StoryWords;
}

function addWords(story: OpenStory, text: string): void {
  for (const word of keyWords(text)) story.words.body.add(word);
}

/** Rules 2–5 over a whole file: one segment per article. */
export function segmentStories(paragraphs: readonly Paragraph[]): Segment[] {
  const stories: OpenStory[] = [];
  paragraphs.forEach((paragraph, index) => {
    const current = stories.at(-1);
    if (opensSection(paragraphs, index)) {
      const next = paragraphs[index + 1]!;
      if (current?.headline && storyScore(current.words, `${paragraph.text} ${next.text}`) >= CONTINUATION_SCORE) {
        current.blocks.push({ ...paragraph, kind: 'heading' });
        addWords(current, paragraph.text);
      } else {
        stories.push({
          line: paragraph.line,
          headline: paragraph,
          blocks: [],
          words: { headline: keyWords(paragraph.text), body: new Set() },
        });
      }
      return;
    }
    const continues =
      current !== undefined &&
      ((current.headline !== undefined && current.blocks.length === 0) ||
        isHeadlineLike(paragraph.text) ||
        startsWithReference(paragraph.text) ||
        (current.headline !== undefined && storyScore(current.words, paragraph.text) >= CONTINUATION_SCORE));
    if (continues) {
      current.blocks.push({ ...paragraph, kind: 'paragraph' });
      addWords(current, paragraph.text);
    } else {
      stories.push({
        line: paragraph.line,
        blocks: [{ ...paragraph, kind: 'paragraph' }],
        words: { headline: new Set(), body: keyWords(paragraph.text) },
      });
    }
  });
  return stories.map(({ line, headline, blocks }) => (headline ? { line, headline, blocks } : { line, blocks }));
}

/** `--one-per-file`: the whole file is one article. */
export function segmentOnePiece(paragraphs: readonly Paragraph[]): Segment | undefined {
  const first = paragraphs[0];
  if (!first) return undefined;
  const hasHeadline = paragraphs.length > 1 && isHeadlineLike(first.text);
  const blocks: Block[] = [];
  for (let index = hasHeadline ? 1 : 0; index < paragraphs.length; index += 1) {
    blocks.push({ ...paragraphs[index]!, kind: opensSection(paragraphs, index) ? 'heading' : 'paragraph' });
  }
  return hasHeadline ? { line: first.line, headline: first, blocks } : { line: first.line, blocks };
}
