import { z } from 'astro/zod';
import { WEB_ADDRESS } from '../safety/url-policy.ts';
import { leadImageSchema } from '../media/lead-image-schema.ts';
import { SLUG_PATTERN } from '../text/slug.ts';

/** An ISO calendar date (`2022-01-11`) or date-time; front matter may hold either. */
const isoDate = z.coerce.date();

/**
 * Front matter of one article in `content/articles/<yyyy>/<mm>/<dd>/<slug>.md(x)`.
 * The path gives the article's URL (`/<yyyy>/<mm>/<dd>/<slug>/`); `date` must agree with it.
 * Shared by the site, the ingest and `npm run check`.
 */
export const articleSchema = z
  .object({
    /** Headline, normalised typography, no final full stop. */
    title: z.string().trim().min(1, 'Заголовок не може бути порожнім.'),
    /** Publication date (the day the article belongs to in the archive). */
    date: isoDate,
    /** Date of the last correction or substantive update, if any; shown with `correction`. */
    updated: isoDate.optional(),
    /** Slugs of topics from `content/topics.yaml`, most relevant first. */
    topics: z.array(z.string().regex(SLUG_PATTERN, 'Тема має бути слагом з малих латинських літер, цифр і дефісів.')).default([]),
    /** Slugs of the people in the byline, from `content/authors.yaml`, in byline order. */
    authors: z.array(z.string().regex(SLUG_PATTERN, 'Автор має бути слагом з малих латинських літер, цифр і дефісів.')).default([]),
    /** The lead: one or two sentences that summarise the article; used in lists, feeds and previews. */
    summary: z.string().trim().min(1, 'Лід (summary) не може бути порожнім.'),
    /** Where the article was first published: outlet name and/or URL. Optional. */
    source: z
      .object({
        /** Outlet or author as it should be credited. */
        name: z.string().trim().min(1).optional(),
        /** Address of the original publication. */
        url: z
          .string()
          .url('Адреса джерела має бути повною URL-адресою (https://…).')
          .regex(WEB_ADDRESS, 'Адреса джерела має починатися з https://: інші схеми (javascript:, data:) не є вебадресами.')
          .optional(),
      })
      .optional(),
    /** Lead photo: a file of the archive's `media/` folder or an `https://` address, with its description (`src/lib/media/lead-image-schema.ts`). */
    image: leadImageSchema.optional(),
    /** BCP 47 language of the text; `<html lang>` of the page. */
    lang: z.string().default('uk'),
    /** Visible note that explains a correction; requires `updated`. */
    correction: z.string().trim().min(1).optional(),
    /**
     * Stable identity for idempotent ingest: `sha256:` and the first 16 hex digits
     * of the hash of the normalised text as first ingested. Never edited by hand.
     */
    id: z.string().regex(/^sha256:[0-9a-f]{16}$/, 'id має вигляд sha256:<16 шістнадцяткових цифр>.'),
    /** Where the ingest read the item (`file:line`), for provenance. Optional. */
    origin: z.string().optional(),
    /** Earlier URLs of this article (site paths such as `/2022/01/11/old-slug/`); each gets a redirect page. */
    aliases: z.array(z.string().regex(/^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/, 'Стара адреса має вигляд /рррр/мм/дд/слаг/.')).default([]),
  })
  .strict()
  .refine((a) => !a.correction || a.updated, { message: 'Поправка (correction) потребує дати updated.', path: ['updated'] });

export type ArticleData = z.infer<typeof articleSchema>;
