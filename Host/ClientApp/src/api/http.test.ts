import { describe, expect, it } from 'vitest';
import { path, withQuery } from './http';

describe('API paths', () => {
  it('encodes each value as one path segment', () => {
    expect(path`/campaigns/${'c-2026'}/launch`).toBe('/campaigns/c-2026/launch');
    expect(path`/portal/${'a/b?c#d'}/items/${3}/submit`).toBe('/portal/a%2Fb%3Fc%23d/items/3/submit');
    expect(path`/clock`).toBe('/clock');
  });

  it('adds only the query values that are set, encoded', () => {
    expect(withQuery('/tasks', { status: 'Open', page: 2, pageSize: 20 })).toBe('/tasks?status=Open&page=2&pageSize=20');
    expect(withQuery('/chambers', { page: 1, search: '', district: undefined })).toBe('/chambers?page=1');
    expect(withQuery('/outbox', {})).toBe('/outbox');
    expect(new URLSearchParams(withQuery('/r', { expression: '2026-10-03>+2 & x' }).split('?')[1]).get('expression')).toBe('2026-10-03>+2 & x');
  });
});
