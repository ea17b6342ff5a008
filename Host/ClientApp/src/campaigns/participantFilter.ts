// The participant filters of a campaign page, as the list and the export take them.

export type ParticipantFilter = { status?: string; outcome?: string; search?: string; district?: string; parent?: string };

/** The filter as a query string: only what is set, encoded ("search=五马&status=overdue"). */
export function filterQuery(filter: ParticipantFilter): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
  return query.toString();
}
