import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { sentenceOf } from './sentence';

describe('a stopped campaign on its timeline', () => {
  afterAll(() => i18n.changeLanguage('zh-CN'));

  it('names who stopped it, in the reader\'s language', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(sentenceOf({ at: '2026-04-01T01:00:00Z', kind: 'stopped', person: '李干事' })).toBe('李干事中止了活动');
    await i18n.changeLanguage('en');
    expect(sentenceOf({ at: '2026-04-01T01:00:00Z', kind: 'stopped', person: 'Li' })).toBe('Li stopped the campaign');
  });

  it('says it stopped with the upper campaign when nobody here stopped it', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(sentenceOf({ at: '2026-04-01T01:00:00Z', kind: 'stopped', person: null })).toBe('随上级活动中止');
  });
});
