import { describe, expect, it } from 'vitest';
import { answerProblems, scoreTotal } from './taskAnswer';

describe('answers to tasks', () => {
  it('needs a comment to reject or return, not to approve', () => {
    expect(answerProblems({ action: 'reject' })).toEqual(['inbox.commentRequired']);
    expect(answerProblems({ action: 'return', comment: '  ' })).toEqual(['inbox.commentRequired']);
    // A meeting's record is finished with its minutes.
    expect(answerProblems({ action: 'recorded', comment: ' ' })).toEqual(['inbox.minutesRequired']);
    expect(answerProblems({ action: 'recorded', comment: '议定事项：……' })).toEqual([]);
    expect(answerProblems({ action: 'return', comment: '请补充材料' })).toEqual([]);
    expect(answerProblems({ action: 'approve' })).toEqual([]);
  });

  it('needs an address to transfer to or to add as a signer', () => {
    expect(answerProblems({ action: 'transfer', transferTo: 'not an address' })).toEqual(['inbox.target']);
    expect(answerProblems({ action: 'addSigner' })).toEqual(['inbox.target']);
    expect(answerProblems({ action: 'transfer', transferTo: 'leader2@fic.example' })).toEqual([]);
  });

  it('needs every scored item within its points', () => {
    const items = [{ id: 'a', maxScore: 10 }, { id: 'b', maxScore: 7.5 }];
    expect(answerProblems({ action: 'score', scores: { a: 10 } }, items)).toEqual(['score:b']);
    expect(answerProblems({ action: 'score', scores: { a: 11, b: 7.5 } }, items)).toEqual(['score:a']);
    expect(answerProblems({ action: 'score', scores: { a: 0, b: 7.5 } }, items)).toEqual([]);
  });

  it('adds scores to a tenth of a point', () => {
    expect(scoreTotal({ a: 6.75, b: 0.1, c: undefined })).toBe(6.9);
  });
});
