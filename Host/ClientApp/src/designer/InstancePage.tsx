import { Alert, Button, Card, Descriptions, Empty, Grid, List, Spin, Tabs, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { oneLanguage } from '../shared/oneLanguage';
import { Link, useParams } from 'react-router-dom';
import type { InstanceView, JournalEntry, TaskView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { listOpenTasks } from '../inbox/api';
import { onLive, throttle } from '../live/live';
import TaskAnswerForm from '../inbox/TaskAnswerForm';
import { moveCampaignMeeting } from '../meetings/api';
import MoveMeetingForm, { type MeetingMove } from '../meetings/MoveMeetingForm';
import { errorText } from '../shared/errorText';
import { formatMoment, personLabel } from '../shared/format';
import { getDefinition, getInstance, getInstanceTimeline, getJournal, moveMeeting, retryInstance } from './api';
import TimelineList from '../timeline/TimelineList';
import type { TimelineEntry } from '../timeline/sentence';
import type { ActivityState } from './cells';
import type { DefinitionJson } from './model';
import { activityTitle, definitionText } from './translations';
import { useDescriptors } from './useDescriptors';
import WorkflowCanvas, { type CanvasHandle } from './WorkflowCanvas';


/** Where each activity stands: faulted wins over current, current over finished (a loop passes an activity more than once). */
export function statesOf(instance: InstanceView, journal: JournalEntry[]): Map<string, ActivityState> {
  const states = new Map<string, ActivityState>();
  for (const entry of journal) if (entry.activityId && entry.eventName === 'Completed') states.set(entry.activityId, 'finished');
  for (const bookmark of instance.bookmarks) states.set(bookmark.activityId, 'current');
  for (const incident of instance.incidents) states.set(incident.activityId, 'faulted');
  return states;
}

/** Whom each activity waits for: the assignees of its open tasks, as people know them, in the reader's language. */
export function waitingOf(instance: InstanceView, t: TFunction, language: string): Map<string, string> {
  const people = new Map<string, string[]>();
  for (const task of instance.waiting ?? []) {
    const names = people.get(task.activityId) ?? [];
    const name = personLabel(task.assignee, task.assigneeName);
    if (!names.includes(name)) names.push(name);
    people.set(task.activityId, names);
  }
  const separator = language === 'en' ? ', ' : '、';
  return new Map([...people].map(([activity, names]) => [activity, t('designer.waitingFor', { names: names.join(separator) })]));
}

/** A running instance on its flowchart: states on the nodes, the journal, incidents with retry, and the reader's own tasks answered on the node. */
export default function InstancePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { hasRole } = useAuth();
  const phone = !Grid.useBreakpoint().md;
  const descriptors = useDescriptors();
  const canvas = useRef<CanvasHandle>(null);
  const [instance, setInstance] = useState<InstanceView | null>(null);
  const [definition, setDefinition] = useState<DefinitionJson | null>(null);
  const [journal, setJournal] = useState<JournalEntry[]>([]);
  const [timeline, setTimeline] = useState<TimelineEntry[]>([]);
  const [tasks, setTasks] = useState<TaskView[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const loaded = await getInstance(id);
      setInstance(loaded);
      setJournal(await getJournal(id));
      setTimeline(await getInstanceTimeline(id));
      const mine = await listOpenTasks({ pageSize: 500 });
      setTasks(mine.items.filter((task) => task.instanceId === id));
      if (!definition) {
        const detail = await getDefinition(loaded.definitionId, loaded.version);
        setDefinition(detail.definition);
      }
    } catch (e) {
      setError(errorText(e));
    }
  }, [id, definition]);
  useEffect(() => void load(), [load]);
  // The running instance as it moves: a live update for it (at most once a second) fetches it again.
  useEffect(() => {
    const refresh = throttle(() => void load(), 1000);
    const unsubscribe = onLive('instance', (changed) => changed === id && refresh());
    return () => { unsubscribe(); refresh.cancel(); };
  }, [id, load]);

  const states = useMemo(() => (instance ? statesOf(instance, journal) : new Map<string, ActivityState>()), [instance, journal]);
  const waiting = useMemo(() => (instance ? waitingOf(instance, t, i18n.language) : new Map<string, string>()), [instance, t, i18n.language]);
  const activities = useMemo(() => new Map(definition?.root.activities.map((a) => [a.id, activityTitle(a, i18n.language)]) ?? []), [definition, i18n.language]);
  const taskHere = tasks.find((task) => task.activityId === selected);
  // A meeting not yet held waits on one of these bookmarks: staff may move it (a chamber's own, or one held for the whole campaign).
  const moveBookmark = hasRole('admin', 'staff') && selected != null
    ? instance?.bookmarks.find((b) => b.activityId === selected && (b.name === 'Chamber.MeetingMove' || b.name === 'Chamber.CampaignMeetingMove'))
    : undefined;
  const moveMeetingHere = (move: MeetingMove) => (moveBookmark?.name === 'Chamber.CampaignMeetingMove' && instance?.correlationId
    // The campaign's meeting is named after the campaign and the step (CampaignMeetings.IdOf).
    ? moveCampaignMeeting(instance.correlationId, `${instance.correlationId}-${selected}`, move)
    : moveMeeting(id, selected!, move));

  if (error) return <Alert type="error" title={error} showIcon />;
  if (!instance || !definition || !descriptors) return <Spin />;

  const canvasView = <WorkflowCanvas ref={canvas} definition={definition} descriptors={descriptors} readOnly states={states} waiting={waiting} onSelect={setSelected} />;
  // The task on the node, the timeline, the journal and the incidents: beside the flowchart on a desk, under it on a phone.
  const side = (
    <>
      {taskHere && (
        <Card size="small" title={`${t('designer.myTask')} · ${taskHere.task.title}`} style={{ marginBottom: 12 }} data-testid="task-on-node">
          <TaskAnswerForm task={taskHere} onAnswered={() => { setSelected(null); void load(); }} />
        </Card>
      )}
      {moveBookmark && (
        <Card size="small" title={t('meetings.moveTitle')} style={{ marginBottom: 12 }}>
          <MoveMeetingForm submit={moveMeetingHere} onMoved={() => void load()} />
        </Card>
      )}
      <Tabs items={[
        // What happened, in words; the engine's journal is for administrators.
        { key: 'timeline', label: t('timeline.title'), children: <TimelineList entries={timeline} /> },
        hasRole('admin') && {
          key: 'journal', label: t('timeline.journal'),
          children: (
            <Timeline items={journal.filter((e) => !selected || e.activityId === selected).slice(-200).map((e) => ({
              color: e.eventName === 'Faulted' ? 'red' : e.eventName === 'Completed' ? 'green' : e.eventName === 'Suspended' ? 'blue' : 'gray',
              children: <><Typography.Text type="secondary">{formatMoment(e.timestamp)}</Typography.Text> {e.activityId ? `${activities.get(e.activityId) ?? e.activityId} · ` : ''}{t(`designer.events.${e.eventName}`, { defaultValue: e.eventName })}{e.message ? ` — ${oneLanguage(e.message, i18n.language)}` : ''}</>,
            }))} />
          ),
        },
        {
          key: 'incidents', label: `${t('designer.incidents')} (${instance.incidents.length})`,
          children: instance.incidents.length === 0 ? <Empty description={t('designer.noIncidents')} /> : (
            <>
              <List size="small" dataSource={instance.incidents} renderItem={(i) => (
                <List.Item><List.Item.Meta title={`${activities.get(i.activityId) ?? i.activityId} · ${formatMoment(i.timestamp)}`} description={oneLanguage(i.message, i18n.language)} /></List.Item>
              )} />
              {hasRole('admin', 'staff') && <Button danger onClick={async () => { await retryInstance(id); await load(); }}>{t('designer.retry')}</Button>}
            </>
          ),
        },
      ].filter((tab) => !!tab)} />
      <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
        {instance.correlationId && <Descriptions.Item label={t('designer.campaign')}><Link to={`/campaigns/${instance.correlationId}`}>{t('designer.openCampaign')}</Link></Descriptions.Item>}
        <Descriptions.Item label={t('common.createdAt')}>{formatMoment(instance.createdAt)}</Descriptions.Item>
      </Descriptions>
    </>
  );

  return (
    <Card size="small" styles={{ body: { padding: 0 } }} title={
      <span>{definitionText(definition, 'name') ?? t('designer.instance')} <Typography.Text type="secondary">{t('designer.versionN', { version: instance.version })}</Typography.Text> <Tag data-testid="instance-status">{t(`designer.statuses.${instance.status}`, { defaultValue: instance.status })}</Tag></span>}
      extra={<span>{(['finished', 'current', 'faulted'] as const).map((s) => <Tag key={s} color={{ finished: 'green', current: 'blue', faulted: 'red' }[s]}>{t(`designer.states.${s}`)}</Tag>)}</span>}>
      {/* One tree for both layouts, as in the designer: crossing the phone width keeps the canvas (its zoom and place). */}
      <div style={phone ? undefined : { display: 'flex', height: 'calc(100vh - 190px)', minHeight: 480, background: '#fff' }}>
        <div style={phone ? { height: '60vh', position: 'relative' } : { flex: 1, minWidth: 0, position: 'relative' }}>{canvasView}</div>
        <div style={phone ? { padding: 12 } : { width: 380, flex: 'none', overflow: 'auto', padding: 12, borderLeft: '1px solid #f0f0f0' }}>{side}</div>
      </div>
    </Card>
  );
}
