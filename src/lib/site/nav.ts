import { urls } from './urls.ts';

/**
 * The main-menu entry a page belongs to, as that entry's URL: topic pages to
 * «Теми», the archive overview and year/month/day pages to «Архів», the search
 * page to «Пошук», the home page to «Головна»; articles to none.
 */
export function currentSection(pathname: string): string | undefined {
  const home = urls.home();
  if (pathname === home) return home;
  for (const section of [urls.topics(), urls.archive(), urls.search()]) if (pathname.startsWith(section)) return section;
  if (/^\d{4}\/(?:\d{2}\/(?:\d{2}\/)?)?$/.test(pathname.slice(home.length))) return urls.archive();
  return undefined;
}
