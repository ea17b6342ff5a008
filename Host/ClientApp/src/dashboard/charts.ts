// The dashboard's charts as plain ECharts options, so what they say can be tested without a canvas.
import type { TFunction } from 'i18next';
import type { CampaignView } from '../api/types';

/** Each outcome in the colour people read it by: commended green, passed blue, rectifying amber, not passed red. */
export const outcomeColours: Record<string, string> = { commended: '#52c41a', passed: '#1677ff', rectifying: '#faad14', 'not-passed': '#cf1322', 'not-participated': '#8c8c8c' };

/** Where the participants stand, stage by stage: overdue, still to hand in, waiting for a check, past the stage. */
export function stageChart(view: CampaignView, t: TFunction) {
  return {
    tooltip: { trigger: 'axis' },
    legend: {},
    grid: { left: 160, right: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: view.stages.map((s) => s.stage), inverse: true },
    series: [
      { name: t('common.overdue'), type: 'bar', stack: 's', data: view.stages.map((s) => s.overdue), color: '#cf1322' },
      { name: t('dashboard.pending'), type: 'bar', stack: 's', data: view.stages.map((s) => s.pending - s.overdue), color: '#faad14' },
      { name: t('dashboard.submitted'), type: 'bar', stack: 's', data: view.stages.map((s) => s.submitted), color: '#1677ff' },
      // Past the stage: accepted for a submission, reviewed for a review (whatever the review decided).
      { name: t('dashboard.past'), type: 'bar', stack: 's', data: view.stages.map((s) => s.accepted), color: '#8c8c8c' },
    ],
  };
}

/** The review outcomes so far. */
export function outcomeChart(view: CampaignView, t: TFunction) {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['40%', '70%'],
      data: Object.entries(view.outcomes).map(([k, v]) => ({ name: t(`outcome.${k}`), value: v, itemStyle: { color: outcomeColours[k] } })),
    }],
  };
}
