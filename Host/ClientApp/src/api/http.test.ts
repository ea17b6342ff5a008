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
  // The Host answers in the language the client asked for (Accept-Language): one language per answer.
  const refusal = (title: string, detail: string, errors: string[]) => new Response(JSON.stringify({ title, detail, errors }),
    { status: 400, headers: { 'Content-Type': 'application/problem+json' } });

  it("joins the server's title and detail as the reader's language writes them", async () => {
    await i18n.changeLanguage('zh-CN');
    const chinese = await problemOf(refusal('请求无效', '请填写活动名称', ['工作日历还没有 2027 年的节假日安排']));
    expect(chinese.message).toBe('请求无效：请填写活动名称');
    expect(chinese.errors).toEqual(['工作日历还没有 2027 年的节假日安排']);

    await i18n.changeLanguage('en');
    const english = await problemOf(refusal('Invalid request', 'The campaign needs a name.', ['The business calendar has no 2027 yet.']));
    expect(english.message).toBe('Invalid request: The campaign needs a name.');
    expect(english.errors).toEqual(['The business calendar has no 2027 yet.']);
    await i18n.changeLanguage('zh-CN');
  });

  it('keeps the status line when the answer is not a problem document', async () => {
    const problem = await problemOf(new Response('gateway down', { status: 502, statusText: 'Bad Gateway' }));
    expect(problem.message).toBe('502 Bad Gateway');
  });
});
