import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { formatProblem } from '#lib/problems.ts';
import { runCheck } from '../../../../scripts/lib/check/run-check.ts';

const TODAY = '2026-11-25';
let work: string;

async function put(path: string, content: string | Uint8Array): Promise<void> {
  const file = join(work, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
}

/** An article of 11 January 2022 whose front matter ends with `image`; `body` keeps the articles from being near duplicates. */
async function article(slug: string, image: string, id: string, body: string): Promise<void> {
  await put(
    `archive/articles/2022/01/11/${slug}.md`,
    `---\ntitle: Новина про ${slug}\ndate: 2022-01-11\nsummary: Коротко про ${slug}.\nid: sha256:${id}\n${image}---\n\n${body}\n`,
  );
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'arkhiv-check-photo-'));
  await put('archive/topics.yaml', '- slug: infrastruktura\n  name: Інфраструктура\n  match: [міст*]\n');
  await mkdir(join(work, 'public'));
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#1d4e89' } })
    .png()
    .toBuffer();
  await put('archive/media/2022/01/11/mist.png', png);
  await put('archive/media/2022/01/11/ne-foto.jpg', '<!doctype html><p>Це сторінка, а не фото.</p>');
  await article(
    'mist',
    'image:\n  src: media/2022/01/11/mist.png\n  alt: Новий міст через річку\n',
    '0000000000000001',
    'Міст через річку знову відкрили для руху.',
  );
  await article(
    'viddalene',
    'image:\n  src: https://photos.example.org/mist.jpg\n  alt: Міст уночі\n',
    '0000000000000002',
    'Уночі над містом пройшла сильна гроза.',
  );
  await article(
    'bez-opysu',
    'image:\n  src: media/2022/01/11/mist.png\n',
    '0000000000000003',
    'Школи області перейшли на дистанційне навчання.',
  );
  await article(
    'bez-failu',
    'image:\n  src: media/2022/01/11/nemaie.jpg\n  alt: Міст\n',
    '0000000000000004',
    'Фермери почали посівну раніше, ніж торік.',
  );
  await article(
    'ne-foto',
    'image:\n  alt: Міст\n  src: media/2022/01/11/ne-foto.jpg\n',
    '0000000000000005',
    'У театрі показали нову виставу.',
  );
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

test('a lead photo without a description, without its file or that is not an image is reported where it is written, with a fix', async () => {
  const result = await runCheck({ root: join(work, 'archive'), today: TODAY, cwd: work, publicDir: 'public' });
  expect(result.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.field ?? ''}`)).toEqual([
    'archive/articles/2022/01/11/bez-failu.md:7:8 image-missing image.src',
    'archive/articles/2022/01/11/bez-opysu.md:6:1 schema image.alt',
    'archive/articles/2022/01/11/ne-foto.md:8:8 image-type image.src',
  ]);
  expect(result.problems.map((p) => formatProblem(p)).join('\n')).toMatchInlineSnapshot(`
    "archive/articles/2022/01/11/bez-failu.md:7:8  image.src: Фото media/2022/01/11/nemaie.jpg не знайдено в архіві  (image-missing)
        → Покладіть файл у теку архіву за цим шляхом (content/media/2022/01/11/nemaie.jpg) або виправте image.src: шлях пишуть від теки архіву, media/<рррр>/<мм>/<дд>/<назва>.jpg.
    archive/articles/2022/01/11/bez-opysu.md:6:1  image.alt: Фото потребує опису alt.  (schema)
        → Додайте alt: одним реченням, що видно на фото, для читачів, які його не бачать.
    archive/articles/2022/01/11/ne-foto.md:8:8  image.src: Файл media/2022/01/11/ne-foto.jpg не є зображенням JPEG, PNG, WebP чи AVIF, хоч так названий  (image-type)
        → Збережіть фото як JPEG чи PNG (у графічному редакторі: «Експортувати як…») і покладіть замість цього файлу."
  `);
});
