import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

/** The server's rule, checked before sending: ten characters besides spaces, three kinds (the server has the last word). */
export function passwordRules(t: TFunction): Rule[] {
  return [
    { required: true, message: t('password.rule') },
    {
      validator: async (_, value: string | undefined) => {
        const text = value ?? '';
        const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}\s]/u].filter((kind) => kind.test(text)).length;
        if (text.trim().length < 10 || kinds < 3) throw new Error(t('password.rule'));
      },
    },
  ];
}

/** The repeated password matches the first. */
export function repeatRule(t: TFunction, field: string): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_, value: string | undefined) => {
      if (value !== getFieldValue(field)) throw new Error(t('password.mismatch'));
    },
  });
}
