import { describe, expect, it } from 'vitest';
import { oneLanguage } from './oneLanguage';

describe('oneLanguage', () => {
  it('shows the Chinese or the English of a bilingual message, never both', () => {
    const text = '活动已启动 / The campaign was already launched.';
    expect(oneLanguage(text, 'zh-CN')).toBe('活动已启动');
    expect(oneLanguage(text, 'en')).toBe('The campaign was already launched.');
  });

  it('splits several joined messages, each into its own language', () => {
    const text = '请填写活动名称 / The campaign needs a name. 请选择参加的商会 / Choose the participating chambers.';
    expect(oneLanguage(text, 'zh-CN')).toBe('请填写活动名称 请选择参加的商会');
    expect(oneLanguage(text, 'en')).toBe('The campaign needs a name. Choose the participating chambers.');
  });

  it('keeps Chinese names quoted inside the English part', () => {
    const text = '商会流程“四好”不存在或未发布 / Participant workflow \'四好\' is not published.';
    expect(oneLanguage(text, 'en')).toBe('Participant workflow \'四好\' is not published.');
  });

  it('leaves text that is not bilingual as it is', () => {
    expect(oneLanguage('JavaScript error: 材料目录缺失', 'en')).toBe('JavaScript error: 材料目录缺失');
    expect(oneLanguage('see /api/health / or not', 'zh-CN')).toBe('see /api/health / or not');
    expect(oneLanguage('鹿城区 / 龙湾区', 'en')).toBe('鹿城区 / 龙湾区');
    expect(oneLanguage('550 5.1.1 <a@b.example>: mailbox unavailable', 'zh-CN')).toBe('550 5.1.1 <a@b.example>: mailbox unavailable');
  });
});
