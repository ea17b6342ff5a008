// What an answer to a task must carry, action by action — checked here before the Host checks it
// again, so that the form says what is missing instead of sending a request bound to fail.

export type Answer = { action: string; comment?: string; transferTo?: string; addSigner?: string; scores?: Record<string, number>; vetoes?: string[] };

export type ScoredItem = { id: string; maxScore: number };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Problems with an answer (message keys for i18n, with values); empty when it can be sent. */
export function answerProblems(answer: Answer, scoredItems: ScoredItem[] = []): string[] {
  const problems: string[] = [];
  if ((answer.action === 'reject' || answer.action === 'return') && !answer.comment?.trim())
    problems.push('inbox.commentRequired');
  if (answer.action === 'recorded' && !answer.comment?.trim())
    problems.push('inbox.minutesRequired');
  if (answer.action === 'transfer' || answer.action === 'addSigner') {
    const target = answer.action === 'transfer' ? answer.transferTo : answer.addSigner;
    if (!target || !emailPattern.test(target.trim())) problems.push('inbox.target');
  }
  if (answer.action === 'score') {
    for (const item of scoredItems) {
      const score = answer.scores?.[item.id];
      if (score === undefined || Number.isNaN(score) || score < 0 || score > item.maxScore) problems.push(`score:${item.id}`);
    }
  }
  return problems;
}

/** The total of a scoring answer, as the Host will average it for one reviewer. */
export function scoreTotal(scores: Record<string, number | undefined>): number {
  return Math.round(Object.values(scores).reduce<number>((sum, s) => sum + (s ?? 0), 0) * 10) / 10;
}
