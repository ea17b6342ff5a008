import { describe, expect, it } from 'vitest';
import { assigneeLabel, beijingDay, daysUntil } from './format';

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
