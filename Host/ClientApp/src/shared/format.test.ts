import { describe, expect, it } from 'vitest';
import { assigneeLabel, beijingDateTime, beijingDay, daysUntil, formatDue, formatMoment, formatShortMoment } from './format';

describe('Beijing due days', () => {
  it('shows the end of 30 April in Beijing as 30 April, wherever the browser is', () => {
    expect(beijingDay('2026-04-30T15:59:59Z')).toBe('2026-04-30');
    expect(beijingDay('2026-04-30T16:00:00Z')).toBe('2026-05-01');
  });

  it('counts days left from the Beijing day of now', () => {
    // 29 April 20:00 UTC is already 30 April in Beijing: due today.
    expect(daysUntil('2026-04-30T15:59:59Z', new Date('2026-04-29T20:00:00Z'))).toBe(0);
    expect(daysUntil('2026-04-30T15:59:59Z', new Date('2026-04-27T01:00:00Z'))).toBe(3);
    expect(daysUntil('2026-04-30T15:59:59Z', new Date('2026-05-06T01:00:00Z'))).toBe(-6);
  });
});

describe('dates and times shown to people', () => {
  it('are Beijing time in the Chinese format in the Chinese UI, whatever the zone of the browser', () => {
    // 01:00 UTC is 09:00 in Beijing; 16:30 UTC on 30 April is already 1 May there.
    expect(formatMoment('2026-03-02T01:00:00Z', 'zh-CN')).toBe('2026年3月2日 09:00');
    expect(formatMoment('2026-04-30T16:30:00Z', 'zh-CN')).toBe('2026年5月1日 00:30');
    expect(formatShortMoment('2026-03-02T01:00:00Z', 'zh-CN')).toBe('3月2日 09:00');
    expect(formatDue('2026-04-30T15:59:59Z', 'zh-CN')).toBe('2026年4月30日');
  });

  it('give the weekday where a day matters', () => {
    // 23:30 UTC on 31 March is already 07:30 on Wednesday 1 April in Beijing.
    expect(beijingDateTime('2026-03-31T23:30:00Z', 'zh-CN')).toBe('2026年4月1日周三 07:30');
    expect(beijingDateTime('2026-03-31T23:30:00Z', 'en')).toBe('Wed, 1 Apr 2026, 07:30');
  });

  it('are Beijing time in the English format in the English UI', () => {
    expect(formatMoment('2026-03-02T01:00:00Z', 'en')).toBe('2 Mar 2026, 09:00');
    expect(formatDue('2026-04-30T15:59:59Z', 'en')).toBe('30 Apr 2026');
  });
});

describe('assignee labels', () => {
  it('shows people by address and keeps roles marked', () => {
    expect(assigneeLabel('user:leader@fic.example')).toBe('leader@fic.example');
    expect(assigneeLabel('role:staff')).toBe('role:staff');
    expect(assigneeLabel('role:staff', (role) => `(${role})`)).toBe('(staff)');
  });
});

describe('the server clock', () => {
  it('decides what is overdue, not the browser clock', async () => {
    const { syncServerClock } = await import('./format');
    syncServerClock('2026-04-01T01:00:00Z'); // a rehearsal on the manual clock, in April
    expect(daysUntil('2026-04-30T15:59:59Z')).toBe(29);
  });
});
