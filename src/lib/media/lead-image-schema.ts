import { z } from 'astro/zod';
import { isSecureWebAddress } from '../safety/url-policy.ts';

/**
 * Where a local lead image lives: under the archive's `media/` folder
 * (`content/media/2024/03/12/mist.jpg`), written from the archive folder
 * (`media/2024/03/12/mist.jpg`), whatever folder the article is in. Lower-case
 * or upper-case ASCII letters, digits, `-`, `_` and `.`; no `..`.
 */
export const LOCAL_IMAGE_PATH = /^media\/(?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*\.(?:jpe?g|png|webp|avif)$/i;

/** Whether `src` names a file of the archive rather than a remote image (never fetched by the build). */
export function isLocalImage(src: string): boolean {
  return !isSecureWebAddress(src);
}

const dimension = z.number().int('Розмір фото — ціле число пікселів.').positive('Розмір фото — додатне число пікселів.');

/**
 * The lead photo of an article, shown above its text, small in lists, and
 * carried by feeds, Open Graph and JSON-LD.
 */
export const leadImageSchema = z
  .object({
    /**
     * `media/<yyyy>/<mm>/<dd>/<name>.jpg` (a file of the archive: `.jpg`, `.jpeg`,
     * `.png`, `.webp`, `.avif`; resized for the site) or an `https://` address.
     */
    src: z
      .string()
      .trim()
      .refine((src) => LOCAL_IMAGE_PATH.test(src) || isSecureWebAddress(src), {
        message: 'Шлях до фото — файл у теці media/ архіву (media/2024/03/12/foto.jpg: .jpg, .png, .webp, .avif) або адреса https://.',
      }),
    /** Text alternative for readers who do not see the photo: what it shows, in the article's language. */
    alt: z.string({ error: 'Фото потребує опису alt.' }).trim().min(1, 'Опис фото (alt) не може бути порожнім.'),
    /** Shown under the photo. */
    caption: z.string().trim().min(1).optional(),
    /** Author or agency of the photo, shown as «Фото: …». */
    credit: z.string().trim().min(1).optional(),
    /** Size in pixels of a remote image (a local file's size is read from the file). */
    width: dimension.optional(),
    height: dimension.optional(),
  })
  .strict();

export type LeadImage = z.infer<typeof leadImageSchema>;
