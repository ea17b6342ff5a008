import { describe, expect, it } from 'vitest';
import { defaultImportYear, yearOfFile, yearToPrepare } from './calendarYears';

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

describe('the year of an imported file', () => {
  it('is the one our yearly file names, and chosen for files of many years or none', () => {
    expect(yearOfFile('{"year":2027,"holidays":[]}')).toBe(2027);
    expect(yearOfFile('{"holidays":{"2027-01-01":"New Year\'s Day,元旦,1"}}')).toBeNull(); // chinese-days
    expect(yearOfFile('BEGIN:VCALENDAR\r\nEND:VCALENDAR')).toBeNull();
  });

  it('is offered as the year to prepare, else next year in Beijing', () => {
    expect(defaultImportYear([2026], new Date('2026-12-04T08:00:00Z'))).toBe(2027);
    expect(defaultImportYear([2026, 2027], new Date('2026-12-31T16:30:00Z'))).toBe(2028); // already 1 January 2027 in Beijing
    expect(defaultImportYear([2026], new Date('2026-04-01T00:00:00Z'))).toBe(2027);
  });
});
