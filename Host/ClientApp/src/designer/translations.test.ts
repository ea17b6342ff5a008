import { describe, expect, it } from 'vitest';
import { activityDescriptions, inputDescriptions } from '../i18n/designerDescriptions.zh-CN';
import type { ActivityDescriptor } from './model';
import { activityTitle, inputDescription, translation, typeDescription, withTranslation } from './translations';

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

describe('activity types and their inputs', () => {
  const signOff = {
    typeName: 'Chamber.SignOff', category: 'Approval', displayName: 'Sign-off', description: 'Leaders sign off.', kind: 'Action', isContainer: false, ports: [],
    inputs: [{ name: 'title', typeName: 'String', displayName: 'Title', description: 'What is to be signed off.', uiHint: 'singleline', isRequired: true, order: 0 }],
  } as unknown as ActivityDescriptor;

  it('are described in the reader language only: the Host\'s English in English, Chinese in Chinese', () => {
    expect(typeDescription(signOff, 'en')).toBe('Leaders sign off.');
    expect(typeDescription(signOff, 'zh-CN')).toBe(activityDescriptions['Chamber.SignOff']);
    expect(inputDescription(signOff, signOff.inputs[0], 'en')).toBe('What is to be signed off.');
    expect(inputDescription(signOff, signOff.inputs[0], 'zh-CN')).toBe(inputDescriptions['Chamber.SignOff/title']);
    // A type the Chinese descriptions do not know (a workflow used as an activity) shows none rather than English.
    expect(typeDescription({ ...signOff, typeName: 'four-good-chamber' }, 'zh-CN')).toBeUndefined();
  });

  it('have Chinese descriptions without English prose', () => {
    for (const text of [...Object.values(activityDescriptions), ...Object.values(inputDescriptions)]) {
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toMatch(/[A-Za-z]{3,} [a-z]{3,}/);
    }
  });
});
