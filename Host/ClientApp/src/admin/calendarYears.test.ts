import { describe, expect, it } from 'vitest';
import { yearToPrepare } from './calendarYears';

describe('yearToPrepare', () => {
  it('asks for next year from 1 November, Beijing time, while it is missing', () => {
    expect(yearToPrepare([2025, 2026], new Date('2026-10-31T15:59:00Z'))).toBeNull(); // 23:59 on 31 October in Beijing
    expect(yearToPrepare([2025, 2026], new Date('2026-10-31T16:00:00Z'))).toBe(2027); // midnight, 1 November in Beijing
    expect(yearToPrepare([2025, 2026], new Date('2026-12-04T08:00:00Z'))).toBe(2027);
  });

  it('says nothing once the year is there', () => {
    expect(yearToPrepare([2026, 2027], new Date('2026-12-04T08:00:00Z'))).toBeNull();
  });
});
