import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { passwordRules } from './passwordRules';

const t = ((key: string) => key) as unknown as TFunction;

async function check(password: string): Promise<boolean> {
  const rule = passwordRules(t)[1] as { validator(rule: unknown, value: string): Promise<void> };
  try {
    await rule.validator({}, password);
    return true;
  } catch {
    return false;
  }
}

describe('passwordRules', () => {
  it('accepts ten characters of three kinds, Chinese counting as a kind', async () => {
    expect(await check('Spring-Campaign-2027')).toBe(true);
    expect(await check('商会campaign2027')).toBe(true);
  });

  it('refuses short, blank or one- and two-kind passwords as the server does', async () => {
    expect(await check('Ab1-')).toBe(false);
    expect(await check('          ')).toBe(false);
    expect(await check('aaaaaaaaaaaa')).toBe(false);
    expect(await check('campaign2027')).toBe(false);
    expect(await check('  Ab1-x     ')).toBe(false);
  });
});
