import { describe, expect, it } from 'vitest';
import { beijingDateTime } from './beijingTime';

describe('beijingDateTime', () => {
  it('shows the Beijing day and hour whatever the browser zone', () => {
    // 23:30 UTC on 31 March is already 07:30 on 1 April in Beijing.
    const zh = beijingDateTime('2026-03-31T23:30:00Z', 'zh-CN');
    expect(zh).toContain('2026年4月1日');
    expect(zh).toContain('07:30');
    const en = beijingDateTime('2026-03-31T23:30:00Z', 'en');
    expect(en).toContain('1 Apr 2026');
    expect(en).toContain('07:30');
  });
});
