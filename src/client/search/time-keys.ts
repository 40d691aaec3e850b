import type { StringKey } from '../../i18n/uk.ts';

/** The strings of the time filters and the timeline (`time-view.ts`), handed to the page in its configuration. */
export const TIME_KEYS = [
  'search.period.anyMonth',
  'search.period.monthName',
  'search.timeline.years',
  'search.timeline.months',
  'search.timeline.allYears',
  'search.timeline.bar.one',
  'search.timeline.bar.few',
  'search.timeline.bar.many',
  ...Array.from({ length: 12 }, (_, i) => `search.timeline.short.${i + 1}` as StringKey),
  ...Array.from({ length: 12 }, (_, i) => `month.nominative.${i + 1}` as StringKey),
] satisfies readonly StringKey[];
