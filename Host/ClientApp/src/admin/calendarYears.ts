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

/**
 * The year a file is for when the file says so itself (our yearly JSON: {"year": 2027, "holidays": [...]});
 * null for files that hold many years or none (chinese-days' JSON, an iCalendar feed), whose year is chosen.
 */
export function yearOfFile(text: string): number | null {
  try {
    const data = JSON.parse(text);
    return typeof data?.year === 'number' && Array.isArray(data.holidays) ? data.year : null;
  } catch {
    return null;
  }
}

/** The year to offer for a file that does not name one: the one to prepare, else next year (Beijing). */
export function defaultImportYear(years: number[], now: Date): number {
  return yearToPrepare(years, now) ?? new Date(now.getTime() + 8 * 3600_000).getUTCFullYear() + 1;
}
