import { describe, expect, it } from 'vitest';
import { itemArea, itemTitle, rubricName, rubricNote } from './rubricText';

describe("a rubric's texts", () => {
  const rubric = { name: '“四好”商会评价细则', nameEn: 'Four-Good standards', note: '满分100分', noteEn: null };
  const item = { area: '班子建设好', areaEn: 'Sound leadership', title: '政治素质过硬', titleEn: 'Sound political standing' };

  it('are the English beside the notice in English, and the notice in Chinese', () => {
    expect([rubricName(rubric, 'en'), itemArea(item, 'en'), itemTitle(item, 'en')]).toEqual(['Four-Good standards', 'Sound leadership', 'Sound political standing']);
    expect([rubricName(rubric, 'zh-CN'), itemArea(item, 'zh-CN'), itemTitle(item, 'zh-CN')]).toEqual(['“四好”商会评价细则', '班子建设好', '政治素质过硬']);
  });

  it('stay as written where there is no English', () => {
    expect(rubricNote(rubric, 'en')).toBe('满分100分');
    expect(itemTitle({ title: '自定义项目' }, 'en')).toBe('自定义项目');
  });
});
