import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readInputText, utf16ByteOrder } from '../../../../scripts/lib/ingest/input-files.ts';

const DIR = join(tmpdir(), `arkhiv-input-files-${process.pid}`);
const TEXT = 'Рада ухвалила бюджет\nДепутати підтримали ремонт шкіл у місті, повідомили в раді.\n';

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

async function read(name: string, bytes: Uint8Array) {
  const absolute = join(DIR, name);
  await writeFile(absolute, bytes);
  return readInputText({ path: name, absolute, format: 'text' });
}

beforeAll(() => mkdir(DIR, { recursive: true }));
afterAll(() => rm(DIR, { recursive: true, force: true }));

describe('UTF-16 without a byte order mark', () => {
  test.each([
    ['little-endian Cyrillic', Buffer.from(TEXT, 'utf16le'), 'LE'],
    ['big-endian Cyrillic', utf16be(TEXT), 'BE'],
    ['little-endian ASCII', Buffer.from('City council approved the budget.\n', 'utf16le'), 'LE'],
  ])('is recognised in %s', (_, bytes, order) => {
    expect(utf16ByteOrder(bytes)).toBe(order);
  });

  test('is reported as UTF-16 with the command that converts it, not as a binary file', async () => {
    expect(await read('le.txt', Buffer.from(TEXT, 'utf16le'))).toEqual({
      error: {
        place: { file: 'le.txt', line: 1 },
        message:
          'файл у кодуванні UTF-16 (LE, без позначки порядку байтів), а не UTF-8. Перекодуйте його, наприклад: iconv -f UTF-16LE -t UTF-8 файл > файл.utf8',
      },
    });
    expect(await read('be.txt', utf16be(TEXT))).toMatchObject({
      error: { message: expect.stringContaining('iconv -f UTF-16BE -t UTF-8') },
    });
  });

  test('binary data with NUL bytes at both parities is still binary', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    expect(utf16ByteOrder(bytes)).toBeUndefined();
    expect(await read('archive.txt', bytes)).toMatchObject({
      error: { message: 'файл двійковий (містить нульові байти), а не текст. Передайте текстовий файл.' },
    });
  });

  test('UTF-8 text with a stray NUL is binary, not UTF-16', () => {
    expect(utf16ByteOrder(Buffer.from('Рада ухвалила бюджет громади\u0000 на рік.'))).toBeUndefined();
  });

  test('UTF-16 that decodes to control characters is binary', () => {
    expect(utf16ByteOrder(new Uint8Array([0x01, 0x00, 0x02, 0x00, 0x41, 0x00]))).toBeUndefined();
  });
});
