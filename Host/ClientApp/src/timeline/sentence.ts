import i18n from '../i18n';
import { personLabel } from '../shared/format';

/** A timeline entry as the Host sends it (see TimelineEntry): the client words it. */
export type TimelineEntry = {
  at: string; kind: string; count?: number; stage?: string | null; chamber?: string | null; person?: string | null;
  action?: string | null; template?: string | null; instanceId?: string | null;
};

/**
 * The entry as a sentence in the reader's language: "方案签批已送张书记", "已向18家商会发送截止前提醒",
 * "温州市服装商会提交了实施方案". An entry about many chambers says how many.
 */
export function sentenceOf(entry: TimelineEntry): string {
  const t = i18n.t.bind(i18n);
  const count = entry.count ?? 1;
  const many = count > 1 && !entry.chamber;
  const values = {
    count,
    stage: entry.stage ?? '',
    chamber: entry.chamber ?? '',
    // The Host names people; a role stays a tag, named here in the reader's language.
    person: entry.person?.startsWith('role:') ? personLabel(entry.person) : entry.person ?? '',
    template: entry.template ? t(`emailTemplates.names.${entry.template}`, { defaultValue: entry.template }) : '',
    action: t(`timeline.actions.${entry.action}`, { defaultValue: entry.action ?? '' }),
  };
  const who = many ? 'Many' : entry.chamber ? 'Chamber' : '';
  switch (entry.kind) {
    case 'created': return t('timeline.created');
    case 'started': return t('timeline.started');
    case 'finished': return t('timeline.finished', { status: t(`designer.statuses.${entry.action}`, { defaultValue: entry.action ?? '' }) });
    case 'launched': return t('timeline.launched', values);
    case 'task-opened': return t(`timeline.taskOpened${who}`, values);
    case 'task-answered': return t(`timeline.taskAnswered${who}`, values);
    case 'emailed': return t(entry.chamber ? 'timeline.emailedChamber' : count > 1 ? 'timeline.emailedMany' : 'timeline.emailedOne', values);
    case 'submitted': return t(`timeline.submitted${many ? 'Many' : ''}`, values);
    case 'submission-answered':
      return t(`timeline.${entry.action === 'returned' ? 'returned' : 'accepted'}${many ? 'Many' : ''}`, values);
    case 'demonstration': return t(`timeline.demonstration${many ? 'Many' : ''}`, values);
    case 'stopped': return t(entry.person ? 'timeline.stopped' : 'timeline.stoppedWithUpper', values);
    default: return entry.kind;
  }
}
