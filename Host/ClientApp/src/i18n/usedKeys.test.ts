import { describe, expect, it } from 'vitest';
import en from './en';
import zh from './zh-CN';

// Every source file's text, to find the keys it translates with a literal: t('campaigns.district').
const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../api/schema.gen.ts'],
  { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function has(messages: unknown, key: string): boolean {
  const parent = key.split('.').slice(0, -1).reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], messages) as Record<string, unknown> | undefined;
  const last = key.split('.').pop()!;
  // i18next's plurals: t('x', { count }) reads x_one / x_other.
  return typeof parent?.[last] === 'string' || typeof parent?.[`${last}_other`] === 'string';
}

describe('translation keys used in the code', () => {
  it('exist in both languages (a missing one shows its raw key on the page)', () => {
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      for (const [, key] of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+)'/g)) {
        if (!has(zh, key) || !has(en, key)) missing.push(`${file}: ${key}`);
      }
    }
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
