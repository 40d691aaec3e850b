import { z } from 'astro/zod';
import { SLUG_PATTERN } from '../text/slug.ts';

/**
 * One entry of the topic taxonomy (`content/topics.yaml`).
 * Match rules are lower-case word patterns over normalised text: `казахстан*`
 * matches every word that starts with «казахстан»; a rule of several words
 * (`гаранті* безпек*`) matches them in a row; a word without `*` must match whole.
 */
export const topicSchema = z
  .object({
    /** ASCII URL slug: `/topics/<slug>/`. Never changes once published. */
    slug: z.string().regex(SLUG_PATTERN),
    /** Ukrainian name as shown to readers (nominative). */
    name: z.string().trim().min(1),
    /** One sentence about the topic, shown on its page. */
    description: z.string().trim().optional(),
    /** Kind of topic, for grouping in the topic index. */
    kind: z.enum(['country', 'organisation', 'person', 'subject']).default('subject'),
    /** Word patterns that assign the topic to an article (see above). */
    match: z.array(z.string().trim().min(1)).min(1),
  })
  .strict();

export type TopicData = z.infer<typeof topicSchema>;
