import { describe, expect, it } from 'vitest';
import { filterQuery } from './participantFilter';

describe('participant filter', () => {
  it('keeps only what is set, encoded for the URL', () => {
    expect(filterQuery({})).toBe('');
    expect(filterQuery({ status: 'overdue', outcome: undefined, search: '' })).toBe('status=overdue');
    expect(new URLSearchParams(filterQuery({ search: '五马 & 服装', outcome: 'none' })).get('search')).toBe('五马 & 服装');
    expect(filterQuery({ search: 'a&b=c' })).toBe('search=a%26b%3Dc');
    // A district opened from the campaign's districts card narrows the list and the export alike.
    expect(filterQuery({ district: '鹿城区', status: 'overdue' })).toBe('district=%E9%B9%BF%E5%9F%8E%E5%8C%BA&status=overdue');
  });
});
