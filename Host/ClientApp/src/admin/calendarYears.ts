/**
 * The year whose holiday arrangement administrators should import now: next year, from 1 November
 * (Beijing time) — when departments prepare next year's campaigns and the State Council has
 * usually published it — as long as the calendar does not have it yet. Null otherwise.
 */
export function yearToPrepare(years: number[], now: Date): number | null {
  const beijing = new Date(now.getTime() + 8 * 3600_000);
  const next = beijing.getUTCFullYear() + 1;
  return beijing.getUTCMonth() >= 10 && !years.includes(next) ? next : null;
}
