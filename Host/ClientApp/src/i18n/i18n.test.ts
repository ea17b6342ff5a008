import { describe, expect, it } from 'vitest';
import en from './en';
import zh from './zh-CN';

function keys(value: unknown, prefix = ''): string[] {
  return value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];
}

describe('translations', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const key of keys(zh)) expect(key.split('.').reduce<any>((v, k) => v[k], zh)).not.toBe('');
  });
});
