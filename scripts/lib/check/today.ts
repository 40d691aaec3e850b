/**
 * «Today» for contributor tools: the calendar day in Kyiv, where the archive's
 * dates are set, so that an article created after midnight in Kyiv is not
 * «in the future» while the UTC day is still the previous one.
 */
export function todayInKyiv(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
