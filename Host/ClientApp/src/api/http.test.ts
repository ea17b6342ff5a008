import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { path, withQuery, problemOf } from './http';

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

describe('problemOf', () => {
  const refusal = () => new Response(JSON.stringify({
    title: '请求无效 / Invalid request', detail: '请填写活动名称 / The campaign needs a name.',
    errors: ['工作日历还没有 2027 年的节假日安排 / The business calendar has no 2027 yet.'],
  }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } });

  it("gives the server's message in the reader's language only", async () => {
    await i18n.changeLanguage('zh-CN');
    const chinese = await problemOf(refusal());
    expect(chinese.message).toBe('请求无效：请填写活动名称');
    expect(chinese.errors).toEqual(['工作日历还没有 2027 年的节假日安排']);

    await i18n.changeLanguage('en');
    const english = await problemOf(refusal());
    expect(english.message).toBe('Invalid request: The campaign needs a name.');
    expect(english.errors).toEqual(['The business calendar has no 2027 yet.']);
    await i18n.changeLanguage('zh-CN');
  });
});
