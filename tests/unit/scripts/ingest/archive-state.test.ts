import { readFile, rm, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { InvalidArchiveError } from '#lib/archive/archive-problem.ts';
import { ArchiveState, archiveFactsFile } from '../../../../scripts/lib/ingest/archive-state.ts';
import { textSignature } from '../../../../scripts/lib/ingest/near-duplicates.ts';
import { writeFiles } from '../../../helpers/write-files.ts';

const OUTPUT = join(import.meta.dirname, '../../../.output/archive-state-cache');
const BUDGET =
  'Депутати сільської ради Згорян ухвалили бюджет громади на наступний рік, у якому найбільше коштів передбачено на ремонт школи та доріг. Голосування тривало понад три години, а засідання транслювали онлайн.';
const MUSEUM =
  'Обласний краєзнавчий музей відкрив після реставрації зал козацької доби: відвідувачі побачать понад двісті предметів, знайдених під час розкопок біля старої фортеці. Вхід у перший тиждень вільний.';

const article = (id: string, body: string, extra = '') =>
  `---\ntitle: Заголовок\ndate: 2022-01-11\ntopics: []\nsummary: Лід.\nid: sha256:${id}\n${extra}---\n\n${body}\n`;

afterAll(async () => {
  await rm(OUTPUT, { recursive: true, force: true });
});

describe('ArchiveState with kept facts', () => {
  const root = join(OUTPUT, 'archive');
  const cacheFile = archiveFactsFile(join(OUTPUT, 'cache'), root);
  /** A run that writes nothing: it loads the archive, then keeps what it learnt (`saveFacts`). */
  const load = async (withCache: boolean) => {
    const state = await ArchiveState.load(root, undefined, withCache ? cacheFile : undefined);
    state.saveFacts();
    return state;
  };
  const answers = (state: ArchiveState) => ({
    budget: state.nearDuplicate(textSignature(BUDGET))?.key.path,
    museum: state.nearDuplicate(textSignature(MUSEUM))?.key.path,
    byId: state.byArticleId('sha256:0123456789abcdef')?.path,
    aliasTaken: state.slugs.has('stara-adresa'),
  });

  test('answers as a full read does, keeps one entry per clean file, and sees edits', async () => {
    await rm(OUTPUT, { recursive: true, force: true });
    await writeFiles(root, {
      'topics.yaml': '- slug: viina\n  name: Війна\n  match: [війн*]\n',
      'articles/2022/01/11/a.md': article('0123456789abcdef', BUDGET, 'aliases: [/2022/01/10/stara-adresa/]\n'),
      'articles/2022/01/11/b.md': article('fedcba9876543210', 'Коротка замітка про погоду на вихідні.'),
    });
    const first = answers(await load(true));
    expect(first.budget).toBe('articles/2022/01/11/a.md');
    expect(first.museum).toBeUndefined();
    expect(first.byId).toBe('articles/2022/01/11/a.md');
    expect(first.aliasTaken).toBe(true);
    expect(Object.keys(JSON.parse(await readFile(cacheFile, 'utf8')).files).sort()).toEqual([
      'articles/2022/01/11/a.md',
      'articles/2022/01/11/b.md',
    ]);
    // From the kept facts alone: the same answers as reading every file.
    expect(answers(await load(true))).toEqual(first);
    expect(answers(await load(false))).toEqual(first);

    // An edit: the new text is found, the old one no longer.
    await writeFiles(root, { 'articles/2022/01/11/a.md': article('0123456789abcdef', MUSEUM) });
    await utimes(join(root, 'articles/2022/01/11/a.md'), new Date(), new Date(Date.now() + 5000));
    const edited = answers(await load(true));
    expect(edited).toEqual(answers(await load(false)));
    expect(edited.budget).toBeUndefined();
    expect(edited.museum).toBe('articles/2022/01/11/a.md');
  });

  test('keeps the facts of the files a run wrote, from the bytes written, as a read of them would give', async () => {
    const state = await load(true);
    const path = 'articles/2022/01/11/d.md';
    const content = new TextEncoder().encode(article('00000000000000aa', BUDGET));
    await writeFiles(root, { [path]: Buffer.from(content).toString('utf8') });
    state.keepWritten([{ path, content }]);
    expect(JSON.parse(await readFile(cacheFile, 'utf8')).files).toHaveProperty([path]);
    const kept = await load(true);
    expect(kept.byArticleId('sha256:00000000000000aa')?.path).toBe(path);
    expect(kept.nearDuplicate(textSignature(BUDGET))?.key.path).toBe(path);
    expect(answers(kept)).toEqual(answers(await load(false)));
  });

  test('a file the reader rejects is reported on every run, never kept', async () => {
    await writeFiles(root, { 'articles/2022/01/12/c.md': '---\ntitle: [зламано\n---\n\nТекст.\n' });
    await expect(load(true)).rejects.toBeInstanceOf(InvalidArchiveError);
    await expect(load(true)).rejects.toBeInstanceOf(InvalidArchiveError);
    expect(JSON.parse(await readFile(cacheFile, 'utf8')).files).not.toHaveProperty(['articles/2022/01/12/c.md']);
  });
});
