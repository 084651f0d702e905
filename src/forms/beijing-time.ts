/**
 * Times shown to people are Beijing time (UTC+8, no daylight saving): the Week, its deadlines and
 * the organizers are in China, and a draft finished at 07:00 there must not read as the day before.
 * Stored times stay in UTC (ISO 8601).
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** "2026-11-22 23:01": a moment as a Beijing date and time to the minute. */
export function beijingMinute(moment: Date | string): string {
  return new Date(new Date(moment).getTime() + OFFSET_MS)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

/** "2026-11-22": a moment's date in Beijing. */
export function beijingDate(moment: Date | string): string {
  return beijingMinute(moment).slice(0, 10);
}
