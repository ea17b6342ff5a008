import { describe, expect, it } from 'vitest';
import { fitLine } from './label';

describe("a node's label", () => {
  const tenPerCharacter = (text: string) => text.length * 10;

  it('keeps a line that fits, and cuts one that does not to the longest prefix that fits with an ellipsis', () => {
    expect(fitLine('审批 1', 50, tenPerCharacter)).toBe('审批 1');
    expect(fitLine('分管领导审批 Leader sign-off', 100, tenPerCharacter)).toBe('分管领导审批 Le…');
    expect(fitLine('abc', 5, tenPerCharacter)).toBe('…');
  });
});
