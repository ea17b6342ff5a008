import i18n from '../i18n';

// The application's clock can differ from the browser's (the manual clock of a rehearsal, or a
// wrong PC clock): "overdue" is decided against the server's time, learned at sign-in.
let serverOffsetMs = 0;

export function syncServerClock(serverNowIso: string): void {
  serverOffsetMs = Date.parse(serverNowIso) - Date.now();
}

export function serverNow(): Date {
  return new Date(Date.now() + serverOffsetMs);
}

// Deadlines are Beijing days: "due 30 April" ends at 23:59:59 there. Users may be elsewhere, or
// their PC set to another zone: every date and time is shown as it is in Beijing, in the reader's
// language's own format (2026年4月30日 09:00; 30 Apr 2026, 09:00).

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

const formats = new Map<string, Intl.DateTimeFormat>();

/** A formatter of the reader's language in Beijing time (Intl's, cached: making one costs more than using it). */
function formatter(kind: 'day' | 'moment' | 'short' | 'weekday', language: string): Intl.DateTimeFormat {
  const key = `${kind}/${language}`;
  let format = formats.get(key);
  if (!format) {
    const locale = language.startsWith('en') ? 'en-GB' : 'zh-CN';
    const day: Intl.DateTimeFormatOptions = kind === 'short' ? { month: 'short', day: 'numeric' }
      : { year: 'numeric', month: 'short', day: 'numeric', ...(kind === 'weekday' ? { weekday: 'short' } : {}) };
    const time: Intl.DateTimeFormatOptions = kind === 'day' ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    format = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', ...day, ...time });
    formats.set(key, format);
  }
  return format;
}

/** A moment in Beijing time: 2026年3月2日 09:00 (中文), 2 Mar 2026, 09:00 (English). */
export function formatMoment(iso: string | null | undefined, language = i18n.language): string {
  return iso ? formatter('moment', language).format(new Date(iso)).replace(/(日)\s*/, '$1 ') : '';
}

/** A moment with its weekday, where a day matters (a meeting, a receipt): 2026年4月1日周三 09:00, Wed, 1 Apr 2026, 09:00. */
export function beijingDateTime(iso: string, language = i18n.language): string {
  return formatter('weekday', language).format(new Date(iso));
}

/** A moment of this year without the year: 3月2日 09:00, 2 Mar, 09:00 (timelines). */
export function formatShortMoment(iso: string, language = i18n.language): string {
  return formatter('short', language).format(new Date(iso)).replace(/(日)\s*/, '$1 ');
}

/** A due date as its Beijing calendar day: 2026年4月30日, 30 Apr 2026. */
export function formatDue(iso: string | null | undefined, language = i18n.language): string {
  return iso ? formatter('day', language).format(new Date(iso)) : '';
}

/** A calendar day the server sends as yyyy-MM-dd (already a Beijing day): 2026年6月22日, 22 Jun 2026. */
export function formatDay(day: string | null | undefined, language = i18n.language): string {
  return day ? formatDue(`${day}T12:00:00+08:00`, language) : '';
}

/** "user:leader@x.cn" → "leader@x.cn"; "role:staff" → its name when a namer is given (会员部工作人员), else as it is. */
export function assigneeLabel(tag: string, roleName?: (role: string) => string): string {
  if (tag.startsWith('role:') && roleName) return roleName(tag.slice(5));
  return tag.startsWith('user:') ? tag.slice(5) : tag;
}

/** Whom a task is for, as people know them: a role by its name in the reader's language, a person by the name the Host gave. */
export function personLabel(tag: string, name?: string | null): string {
  if (tag.startsWith('role:')) return i18n.t(`roles.${tag.slice(5)}`, { defaultValue: name ?? tag.slice(5) });
  return name || assigneeLabel(tag);
}
