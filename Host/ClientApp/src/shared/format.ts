import dayjs from 'dayjs';

// The application's clock can differ from the browser's (the manual clock of a rehearsal, or a
// wrong PC clock): "overdue" is decided against the server's time, learned at sign-in.
let serverOffsetMs = 0;

export function syncServerClock(serverNowIso: string): void {
  serverOffsetMs = Date.parse(serverNowIso) - Date.now();
}

export function serverNow(): Date {
  return new Date(Date.now() + serverOffsetMs);
}

// Deadlines are Beijing days: "due 30 April" ends at 23:59:59 there. Users may be elsewhere, so
// a due date is shown as its Beijing calendar day; moments (sent, received) in the user's locale.

const beijingOffsetMinutes = 8 * 60;

/** The Beijing calendar day of a moment, as yyyy-MM-dd. */
export function beijingDay(iso: string): string {
  const moment = new Date(iso);
  const beijing = new Date(moment.getTime() + beijingOffsetMinutes * 60_000);
  return beijing.toISOString().slice(0, 10);
}

/** Whole calendar days from today (Beijing) to the due day; negative when overdue. */
export function daysUntil(dueIso: string, now: Date = serverNow()): number {
  const due = Date.parse(beijingDay(dueIso));
  const today = Date.parse(beijingDay(now.toISOString()));
  return Math.round((due - today) / 86_400_000);
}

export function formatMoment(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
}

export function formatDue(iso: string | null | undefined): string {
  return iso ? beijingDay(iso) : '';
}

/** "user:leader@x.cn" → "leader@x.cn"; "role:staff" → its name when a namer is given (会员部工作人员), else as it is. */
export function assigneeLabel(tag: string, roleName?: (role: string) => string): string {
  if (tag.startsWith('role:') && roleName) return roleName(tag.slice(5));
  return tag.startsWith('user:') ? tag.slice(5) : tag;
}
