// A moment as people in Beijing read it, whatever the browser's own time zone.

/** e.g. "2026年4月1日周三 09:00" (zh) or "Wed, 1 Apr 2026, 09:00" (en), in Beijing time. */
export function beijingDateTime(iso: string, language: string): string {
  const locale = language.startsWith('en') ? 'en-GB' : 'zh-CN';
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric', month: language.startsWith('en') ? 'short' : 'long', day: 'numeric', weekday: 'short',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(new Date(iso));
}
