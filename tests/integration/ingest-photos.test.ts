import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, test } from 'vitest';
import type { IngestReport } from '../../scripts/lib/ingest/report.ts';
import { readArticleFile } from '../fixtures/ingest/read-article-file.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { runNode } from '../helpers/run-node.ts';
import { writeFiles } from '../helpers/write-files.ts';

const ROOT = join(PROJECT_ROOT, 'tests/.output/ingest-photos');

const STORIES = [
  'Депутати міської ради ухвалили бюджет на ремонт шкіл. Голосували двадцять три депутати.',
  'У парку над річкою висадили сотню молодих каштанів. Волонтери поливатимуть їх усе літо.',
  'Трамвайне депо отримало три нові вагони з кондиціонерами. Вони вийдуть на маршрут у понеділок.',
  'Міська бібліотека подовжила години роботи читальної зали. Тепер вона відчинена до девʼятої вечора.',
];

const item = (n: number, image: object) => ({
  title: STORIES[n - 1]!.split('.')[0],
  date: `2022-03-0${n}`,
  body: STORIES[n - 1],
  ...image,
});

test('a JSON item may name a photo already in the archive; the ingest writes only photos npm run check accepts, and reports the rest', async () => {
  const archive = join(ROOT, 'archive');
  await rm(ROOT, { recursive: true, force: true });
  await mkdir(archive, { recursive: true });
  await cp(join(PROJECT_ROOT, 'content/topics.yaml'), join(archive, 'topics.yaml'));
  const jpeg = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#1d4e89' } })
    .jpeg()
    .toBuffer();
  await writeFiles(archive, {
    'media/2022/03/01/rada.jpg': new Uint8Array(jpeg),
    'media/2022/03/04/text.jpg': 'це не фото',
  });
  const input = join(ROOT, 'items.json');
  await writeFile(
    input,
    JSON.stringify([
      item(1, { image: { src: 'media/2022/03/01/rada.jpg', alt: 'Депутати голосують у сесійній залі', credit: 'Міська рада' } }),
      item(2, { image: 'media/2022/03/02/park.jpg', image_alt: 'Молоді каштани над річкою' }),
      item(3, { thumbnail: { url: 'https://example.org/foto/depo.jpg', alt: 'Новий трамвайний вагон', width: 1200, height: 800 } }),
      item(4, { image: { src: 'media/2022/03/04/text.jpg', alt: 'Читальна зала' } }),
    ]),
  );
  const reportFile = join(ROOT, 'report.json');
  const run = await runNode(['scripts/ingest.ts', '--content', archive, '--report', reportFile, input], { cwd: PROJECT_ROOT });
  expect(run.code, run.stdout + run.stderr).toBe(0);

  const report = JSON.parse(await readFile(reportFile, 'utf8')) as IngestReport;
  expect(report.counts).toMatchObject({ written: 4, error: 0 });
  const notes = report.items.map((entry) => entry.reason ?? '').join('\n');
  expect(notes).not.toContain('не використано');
  expect(notes).toContain(
    'головне зображення media/2022/03/02/park.jpg не імпортовано: файлу немає в архіві; покладіть файл у теку архіву (content/media/2022/03/02/park.jpg) і запустіть імпорт знову',
  );
  expect(notes).toContain(
    'головне зображення media/2022/03/04/text.jpg не імпортовано: файл не є зображенням JPEG, PNG, WebP чи AVIF; замініть його справжнім фото',
  );

  const files = (await readdir(join(archive, 'articles'), { recursive: true })).filter((name) => name.endsWith('.md')).sort();
  const images = await Promise.all(
    files.map(async (name) => readArticleFile(await readFile(join(archive, 'articles', name), 'utf8')).data.image),
  );
  expect(images.filter(Boolean)).toEqual([
    { src: 'media/2022/03/01/rada.jpg', alt: 'Депутати голосують у сесійній залі', credit: 'Міська рада' },
    { src: 'https://example.org/foto/depo.jpg', alt: 'Новий трамвайний вагон', width: 1200, height: 800 },
  ]);

  // The check a pull request runs finds nothing to fix in what the ingest wrote.
  const check = await runNode(['scripts/check.ts', '--content', archive, '--today', '2026-11-25'], { cwd: PROJECT_ROOT });
  expect(check.code, check.stdout + check.stderr).toBe(0);
}, 120_000);
