import { describe, expect, it } from 'vitest';
import type { CampaignView } from '../api/types';
import i18n from '../i18n';
import { outcomeChart, stageChart } from './charts';

const view = {
  stages: [{ id: 'review', stage: '考核', dueAt: null, pending: 0, overdue: 0, submitted: 0, accepted: 3 }],
  outcomes: { commended: 1, rectifying: 2 },
} as unknown as CampaignView;

describe('the dashboard charts', () => {
  it('never draw a rectifying chamber as passed', () => {
    const pie = outcomeChart(view, i18n.t).series[0].data;
    const rectifying = pie.find((d) => d.name === '整改中')!;
    expect(rectifying.itemStyle.color).toBe('#faad14');
    expect(pie.find((d) => d.name === '表彰')!.itemStyle.color).toBe('#52c41a');
  });

  it('count those past a review as past it, not as passed', () => {
    const past = stageChart(view, i18n.t).series[3];
    expect(past.name).toBe('已完成本环节');
    expect(past.color).not.toBe('#52c41a');
    expect(past.data).toEqual([3]);
  });
});
