/** Reads a positive whole number from the environment, or the default. */
function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got "${raw}".`);
  return value;
}

/**
 * Articles per topic page. Changing it renumbers every topic page, so it is a
 * setting of the published site; `ARKHIV_TOPIC_PAGE_SIZE` exists for test
 * archives that need pagination with a handful of articles.
 */
export const TOPIC_PAGE_SIZE = positiveInteger('ARKHIV_TOPIC_PAGE_SIZE', 20);

/** Latest articles on the home page. */
export const HOME_LATEST = 12;
/** Topics with the most articles on the home page. */
export const HOME_TOPICS = 12;
/** Items in the site feed and in each topic feed. */
export const FEED_ITEMS = 30;
/** Related articles under an article. */
export const RELATED_LIMIT = 5;
