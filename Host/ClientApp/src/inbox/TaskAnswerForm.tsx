import { Alert, Button, Checkbox, Descriptions, Form, Input, InputNumber, Radio, Space, Statistic, Table, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getRubric } from '../admin/api';
import type { EvidenceItem, Rubric, TaskView } from '../api/types';
import { errorText } from '../shared/errorText';
import { formatDue, personLabel } from '../shared/format';
import { itemArea, itemTitle, rubricName } from '../shared/rubricText';
import { completeTask, getTaskEvidence, submissionFileUrl } from './api';
import { tasksChanged } from './taskEvents';
import TaskFilesList from './TaskFilesList';
import { answerProblems, scoreTotal, type Answer } from './taskAnswer';

/** Answering one task: the actions its kind allows, with what each needs (comment, person, scores). */
export default function TaskAnswerForm({ task, onAnswered }: { task: TaskView; onAnswered(): void }) {
  const { t, i18n } = useTranslation();
  const actions = task.task.actions;
  const [action, setAction] = useState(actions[0]);
  const [comment, setComment] = useState('');
  const [target, setTarget] = useState('');
  const [scores, setScores] = useState<Record<string, number | undefined>>({});
  const [vetoes, setVetoes] = useState<string[]>([]);
  const [rubric, setRubric] = useState<Rubric | null>(null);
  const [evidence, setEvidence] = useState<Map<string, EvidenceItem>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const rubricId = task.task.context?.rubric;
  useEffect(() => {
    // The version the task's campaign scores by, whatever has been edited since.
    const version = Number(task.task.context?.rubricVersion) || undefined;
    if (task.task.kind === 'RubricReview' && rubricId) getRubric(rubricId, version).then(setRubric).catch((e) => setError(errorText(e)));
  }, [task.task.kind, rubricId, task.task.context?.rubricVersion]);
  useEffect(() => {
    // A campaign without a rubric sheet (or before evidence existed) simply shows none.
    if (task.task.kind === 'RubricReview') getTaskEvidence(task.id).then((sheet) => setEvidence(new Map(sheet.items.map((i) => [i.itemId, i])))).catch(() => undefined);
  }, [task.id, task.task.kind]);

  const scored = useMemo(() => rubric?.items.filter((i) => !i.veto && !i.indicator) ?? [], [rubric]);
  const answer: Answer = {
    action,
    comment: comment || undefined,
    transferTo: action === 'transfer' ? target : undefined,
    addSigner: action === 'addSigner' ? target : undefined,
    scores: action === 'score' ? (scores as Record<string, number>) : undefined,
    vetoes: action === 'score' ? vetoes : undefined,
  };
  const problems = answerProblems(answer, scored);

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await completeTask(task.id, answer);
      tasksChanged();
      onAnswered();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const context = task.task.context ?? {};
  return (
    <div>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('inbox.kind')}>{t(`inbox.kinds.${task.task.kind}`, { defaultValue: task.task.kind })}</Descriptions.Item>
          {task.task.dueAt && <Descriptions.Item label={t('common.due')}>{formatDue(task.task.dueAt)}</Descriptions.Item>}
          {context.chamber && <Descriptions.Item label={t('campaigns.chamber')}>{context.chamber}</Descriptions.Item>}
          {context.round && <Descriptions.Item label={t('campaigns.round')}>{context.round}</Descriptions.Item>}
          {task.task.mode && <Descriptions.Item label={t('inbox.mode')}>{t(`inbox.modes.${task.task.mode}`, { defaultValue: task.task.mode })}</Descriptions.Item>}
          <Descriptions.Item label={t('campaigns.assignee')}>{personLabel(task.task.assignee)}</Descriptions.Item>
        </Descriptions>
        {task.task.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{task.task.description}</Typography.Paragraph>}
        {/* What the task is about: a chamber's submission, or the plan to sign. */}
        {(task.task.kind === 'CheckSubmission' || task.task.kind === 'RubricReview' || task.task.kind === 'SignOff' || task.task.kind === 'Revise') && (
          <div data-testid="task-files">
            <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>{t('inbox.files')}</Typography.Text>
            <TaskFilesList taskId={task.id} canAdd={task.task.kind === 'SignOff' || task.task.kind === 'Revise'} />
          </div>
        )}

        {/* The sheet is kept on the campaign's page; the minutes are this task's answer. */}
        {task.task.kind === 'MeetingSheet' && context.campaignId && context.meetingId && (
          <Link to={`/campaigns/${encodeURIComponent(context.campaignId)}?meeting=${encodeURIComponent(context.meetingId)}`} data-testid="open-meeting-sheet">
            {t('inbox.openSheet')}
          </Link>
        )}

        <Radio.Group value={action} onChange={(e) => setAction(e.target.value)} optionType="button" buttonStyle="solid"
          options={actions.map((a) => ({ value: a, label: t(`inbox.${a}`, { defaultValue: a }) }))} />

        {action === 'score' && rubric && (
          <>
            <Table size="small" pagination={false} rowKey="id" dataSource={scored}
              columns={[
                { title: rubricName(rubric, i18n.language), render: (_, item) => (
                  <>
                    <Typography.Text type="secondary">{itemArea(item, i18n.language)}</Typography.Text> {itemTitle(item, i18n.language)}
                    <ItemEvidence item={evidence.get(item.id)} />
                  </>
                ) },
                { title: t('campaigns.score'), width: 140, render: (_, item) => (
                  <InputNumber aria-label={item.id} min={0} max={item.maxScore} step={0.5} value={scores[item.id]} status={problems.includes(`score:${item.id}`) && scores[item.id] !== undefined ? 'error' : undefined}
                    onChange={(v) => setScores((s) => ({ ...s, [item.id]: v ?? undefined }))} addonAfter={`/ ${item.maxScore}`} />
                ) },
              ]} />
            <Checkbox.Group value={vetoes} onChange={(v) => setVetoes(v as string[])}
              options={rubric.items.filter((i) => i.veto).map((i) => ({ value: i.id, label: `${t('inbox.vetoes')}${i18n.language === 'en' ? ': ' : '：'}${itemTitle(i, i18n.language)}` }))} />
            <Space size="large">
              <Statistic title={t('inbox.total')} value={scoreTotal(scores)} suffix={`/ ${scored.reduce((s, i) => s + i.maxScore, 0)}`} />
              <Statistic title={t('inbox.passLine')} value={rubric.passLine} />
            </Space>
          </>
        )}

        {(action === 'transfer' || action === 'addSigner') && (
          <Form.Item label={t('inbox.target')} style={{ marginBottom: 0 }}>
            <Input value={target} onChange={(e) => setTarget(e.target.value)} placeholder="leader@example.com" />
          </Form.Item>
        )}
        <Form.Item label={task.task.kind === 'MeetingSheet' ? t('inbox.minutes') : t('common.comment')} style={{ marginBottom: 0 }}>
          <Input.TextArea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
        </Form.Item>
        {problems.includes('inbox.commentRequired') && <Typography.Text type="warning">{t('inbox.commentRequired')}</Typography.Text>}
        {problems.includes('inbox.minutesRequired') && <Typography.Text type="warning">{t('inbox.minutesRequired')}</Typography.Text>}
        {error && <Alert type="error" title={error} showIcon />}
      </Space>
      {/* Kept in view at the bottom while the plan or the files above are read (a phone's screen holds little). */}
      <div style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '12px 0 4px', zIndex: 1 }}>
        <Button type="primary" onClick={send} loading={busy} disabled={problems.length > 0} data-testid="answer-task">
          {t('common.submit')}
        </Button>
      </div>
    </div>
  );
}

/** What the chamber showed for one standard, under the item the reviewer scores. */
function ItemEvidence({ item }: { item: EvidenceItem | undefined }) {
  const { t } = useTranslation();
  if (!item) return null;
  if (!item.provided) return <div><Tag color="orange" data-testid="evidence-none">{t('evidence.none')}</Tag></div>;
  return (
    <div data-testid="evidence-item" style={{ marginTop: 4 }}>
      {item.note && <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 2 }}>{item.note}</Typography.Paragraph>}
      <Space wrap size={4}>
        {item.files.map((f) => <a key={f.id} href={submissionFileUrl(f.id)} download={f.fileName}><PaperClipOutlined /> {f.fileName}</a>)}
      </Space>
    </div>
  );
}
