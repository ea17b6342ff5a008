import { describe, expect, it } from 'vitest';
import { activityTitle, translation, withTranslation } from './translations';

const signOff = { id: 'approve-plan', type: 'Chamber.SignOff', name: '方案签批', customProperties: { mergeMode: 'Race', translations: { en: { name: 'Plan sign-off' } } } };

describe("a definition's own texts", () => {
  it('are shown in the reader language: the translation in English, the definition\'s own Chinese in Chinese', () => {
    expect(activityTitle(signOff, 'en')).toBe('Plan sign-off');
    expect(activityTitle(signOff, 'zh-CN')).toBe('方案签批');
    // Without a translation (or a name) the reader sees what there is.
    expect(activityTitle({ id: 'x', type: 'Elsa.End', name: '结束' }, 'en')).toBe('结束');
    expect(activityTitle({ id: 'x', type: 'Elsa.End' }, 'en')).toBe('x');
  });

  it('keep the other custom properties when a translation is edited, and drop empty ones', () => {
    const renamed = withTranslation(signOff, 'en', 'name', 'Sign-off of the plan');
    expect(translation(renamed, 'en', 'name')).toBe('Sign-off of the plan');
    expect(renamed.customProperties).toMatchObject({ mergeMode: 'Race' });
    const cleared = withTranslation(renamed, 'en', 'name', ' ');
    expect(cleared.customProperties).toEqual({ mergeMode: 'Race' });
  });
});
