import { z } from 'astro/zod';
import { WEB_ADDRESS } from '../safety/url-policy.ts';
import { SLUG_PATTERN } from '../text/slug.ts';

/**
 * One person of `content/authors.yaml`: someone credited in an article's
 * byline (`authors: [slug, …]` in its front matter).
 */
export const authorSchema = z
  .object({
    /** ASCII URL slug: `/authors/<slug>/`. Never changes once published. */
    slug: z.string().regex(SLUG_PATTERN, 'Слаг автора — малі латинські літери, цифри й дефіси.'),
    /** The name as the byline shows it. */
    name: z.string().trim().min(1, 'Імʼя автора не може бути порожнім.'),
    /** One or two sentences about the person, shown on their page. */
    bio: z.string().trim().min(1).optional(),
    /** The person's pages elsewhere (profile, social networks), full `https://` addresses. */
    links: z
      .array(
        z
          .string()
          .url('Посилання автора має бути повною URL-адресою (https://…).')
          .regex(WEB_ADDRESS, 'Посилання автора має починатися з https://.'),
      )
      .optional(),
  })
  .strict();

export type AuthorData = z.infer<typeof authorSchema>;
