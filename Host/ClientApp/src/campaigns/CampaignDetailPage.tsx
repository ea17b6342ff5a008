import { Alert, App, Button, Card, Col, Descriptions, Progress, Row, Space, Statistic, Table } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { oneLanguage } from '../shared/oneLanguage';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { RetryResult } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { errorText } from '../shared/errorText';
import { formatDue, formatMoment, personLabel } from '../shared/format';
import { useLoaded } from '../shared/useLoaded';
import TimelineList from '../timeline/TimelineList';
import type { TimelineEntry } from '../timeline/sentence';
import { deleteCampaign, getCampaign, getCampaignTimeline, launchCampaign, retryFaulted } from './api';
import { retryInstance } from '../designer/api';
import { onLive, throttle } from '../live/live';
import CampaignDocuments from './CampaignDocuments';
import StopCampaignButton from './StopCampaignButton';
// The wizard edits a draft: loaded when asked for, not with every campaign page (a phone parses less).
const CampaignWizard = lazy(() => import('./CampaignWizard'));
import ParticipantsCard from './ParticipantsCard';
import DemonstrationUnitsCard from './DemonstrationUnitsCard';
import CampaignMeetingsCard from '../meetings/CampaignMeetingsCard';
import DistrictsCard from './DistrictsCard';
import FederationTreeCard from './FederationTreeCard';
import ObjectionsCard from './ObjectionsCard';
import NoticesCard from './NoticesCard';
import ShortlistCard from '../honours/ShortlistCard';

export default function CampaignDetailPage() {
  const { t, i18n } = useTranslation();
  // The App's own modal: a static Modal.confirm would not see the theme (its buttons came out antd's blue).
  const { modal } = App.useApp();
  const { id = '' } = useParams();
  const { hasRole, user } = useAuth();
  const [timeline, setTimeline] = useState<TimelineEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [retried, setRetried] = useState<RetryResult | null>(null);
  // Demonstration units are picked in the participants list and shown in their own card: either refreshes the other.
  const [demonstrations, setDemonstrations] = useState(0);
  // A district opened in the districts card narrows the participants list.
  const [district, setDistrict] = useState<string | undefined>();
  // A federation opened in the tree narrows it to the participants directly under it.
  const [federation, setFederation] = useState<{ id: string; name: string } | undefined>();
  const navigate = useNavigate();

  // Reloaded on every live update: only the newest answer stands (a launch's or stop's own answer included).
  const { data: view, error: unread, reload: load, show: setView } = useLoaded(() => getCampaign(id), [id]);
  // The story below the figures: asked for once they are shown, and again at most every ten seconds.
  const loadTimeline = useCallback(() => {
    getCampaignTimeline(id).then(setTimeline).catch(() => setTimeline([]));
  }, [id]);
  const shown = view != null;
  useEffect(() => { if (shown) loadTimeline(); }, [shown, loadTimeline]);

  // The stage counts follow the participants as they move (live updates, at most once a second).
  useEffect(() => {
    const refresh = throttle(load, 1000);
    const refreshTimeline = throttle(loadTimeline, 10_000);
    const unsubscribe = onLive('campaign', (changed) => { if (changed === id) { refresh(); refreshTimeline(); } });
    return () => { unsubscribe(); refresh.cancel(); refreshTimeline.cancel(); };
  }, [id, load, loadTimeline]);

  // While participants are being started, the progress bar follows the launcher.
  useEffect(() => {
    if (view?.status !== 'Launching') return;
    const timer = setInterval(load, 1000);
    return () => clearInterval(timer);
  }, [view?.status, load]);

  // While a stop is carried out (workflows ended, notices written), the page follows it until it is done.
  const stopping = view?.stop?.pending === true;
  useEffect(() => {
    if (!stopping) return;
    const timer = setInterval(load, 2000);
    return () => clearInterval(timer);
  }, [stopping, load]);

  // Launching e-mails every chamber (or the plan's approvers first): it is confirmed, never a stray click.
  const launch = () => {
    if (!view) return;
    modal.confirm({
      title: t('campaigns.confirmLaunch', { name: view.name }),
      content: t('campaigns.confirmLaunchDetail', { count: view.participants }),
      okText: t('campaigns.launch'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          setView(await launchCampaign(id));
        } catch (e) {
          setError(errorText(e));
        }
      },
    });
  };

  const remove = () => {
    if (!view) return;
    modal.confirm({
      title: t('campaigns.confirmDelete', { name: view.name }),
      content: t('campaigns.confirmDeleteDetail'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await deleteCampaign(id);
          navigate('/campaigns');
        } catch (e) {
          setError(errorText(e));
        }
      },
    });
  };

  // A campaign that cannot be read at all (not found, not this account's) is an error page; a failed refresh keeps what is shown.
  const failure = error ?? (!view && unread != null ? errorText(unread) : null);
  if (failure) return <Alert type="error" title={failure} showIcon />;
  if (!view) return <Card loading />;
  const overdue = view.stages.reduce((sum, s) => sum + s.overdue, 0);
  // Before any chamber is asked, a campaign waits for its plan's sign-off: say so, and for whom.
  const signOff = view.status === 'Launching' && view.launched === 0 ? view.tasks.find((task) => task.kind === 'SignOff') : undefined;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Card title={view.name} extra={
        <Space>
          {view.status === 'Draft' && hasRole('admin', 'staff') && <>
            <Button onClick={() => setEditing(true)} data-testid="edit-campaign">{t('common.edit')}</Button>
            {!view.federation?.parentCampaignId && <Button danger onClick={remove} data-testid="delete-campaign">{t('common.delete')}</Button>}
            <Button type="primary" onClick={launch} data-testid="launch">{t('campaigns.launch')}</Button>
          </>}
          {/* A district's campaign opened by the city's stops with it, not on its own. */}
          {['Launching', 'Running', 'Faulted'].includes(view.status) && !view.federation?.parentCampaignId && hasRole('admin', 'staff') && (
            <StopCampaignButton view={view} onStopped={(stopped) => { setView(stopped); loadTimeline(); }} />
          )}
          {view.status !== 'Draft' && <Link to={`/instances/${view.instanceId}`}><Button>{t('designer.openInstance')}</Button></Link>}
        </Space>}>
        <Row gutter={24}>
          <Col xs={12} sm={6}><Statistic title={t('campaigns.participants')} value={view.participants} /></Col>
          <Col xs={12} sm={6}><Statistic title={t('dashboard.overdue')} value={overdue} styles={{ content: { color: overdue ? '#cf1322' : undefined } }} /></Col>
          <Col xs={12} sm={6}><Statistic title={t('status.finished')} value={view.finished} /></Col>
          <Col xs={12} sm={6}><Statistic title={t('outcome.commended')} value={view.outcomes.commended ?? 0} /></Col>
        </Row>
        {view.stop && (
          <Alert type="warning" showIcon style={{ marginTop: 16 }} data-testid="campaign-stopped"
            title={<>{t('campaigns.stopped', { at: formatMoment(view.stop.at) })}{view.stop.by && <> · <span data-user-text>{view.stop.by}</span></>}</>}
            description={<>
              <span data-user-text style={{ whiteSpace: 'pre-line' }}>{view.stop.reason}</span>
              {view.stop.pending && <div>{t('campaigns.stopPending')}</div>}
            </>} />
        )}
        {view.workflowFault != null && (
          <Alert type="error" showIcon style={{ marginTop: 16 }} data-testid="workflow-fault"
            title={t('campaigns.workflowFault')} description={oneLanguage(view.workflowFault, i18n.language)}
            action={hasRole('admin', 'staff') && <Button size="small" onClick={async () => {
              try {
                await retryInstance(view.instanceId);
                load();
              } catch (e) {
                setError(errorText(e));
              }
            }}>{t('campaigns.retryWorkflow')}</Button>} />
        )}
        {view.faultedParticipants > 0 && (
          <Alert type="warning" showIcon style={{ marginTop: 16 }} data-testid="faulted-participants"
            title={t('campaigns.faultedParticipants', { count: view.faultedParticipants })}
            action={hasRole('admin', 'staff') && <Button size="small" data-testid="retry-faulted" onClick={async () => {
              try {
                const result = await retryFaulted(view.id);
                setRetried(result);
                load();
              } catch (e) {
                setError(errorText(e));
              }
            }}>{t('campaigns.retryFaulted')}</Button>} />
        )}
        {retried && (
          <Alert type={retried.faultedAgain > 0 ? 'warning' : 'success'} showIcon closable onClose={() => setRetried(null)} style={{ marginTop: 16 }}
            data-testid="retry-result" title={t(retried.faultedAgain > 0 ? 'campaigns.retriedFaultedAgain' : 'campaigns.retried', retried)} />
        )}
        {view.failedEmails > 0 && (
          <Alert type="error" showIcon style={{ marginTop: 16 }} data-testid="failed-emails"
            title={t('campaigns.failedEmails', { count: view.failedEmails })}
            description={<>{view.lastEmailError}{hasRole('admin') && <> · <Link to="/admin/outbox">{t('campaigns.openOutbox')}</Link></>}</>} />
        )}
        {signOff && (
          <Alert type="info" showIcon style={{ marginTop: 16 }} data-testid="awaiting-sign-off"
            title={t('campaigns.awaitingSignOff', { who: personLabel(signOff.assignee, signOff.assigneeName) })}
            description={signOff.dueAt ? `${t('common.due')} ${formatDue(signOff.dueAt)}` : undefined} />
        )}
        {view.status === 'Launching' && !signOff && (
          <Progress percent={Math.floor((100 * view.launched) / Math.max(1, view.participants))} status="active" style={{ marginTop: 16 }}
            format={() => t('campaigns.launched', { launched: view.launched, total: view.participants })} />
        )}
        {view.federation?.parentCampaignId && view.status === 'Draft' && (
          <Alert type="info" showIcon style={{ marginTop: 16 }} data-testid="cascade-draft" title={t('cascade.draftHint')} />
        )}
        <Descriptions size="small" style={{ marginTop: 16 }} column={{ xs: 1, sm: 3 }}>
          <Descriptions.Item label={t('campaigns.year')}>{view.year}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.template')}>{view.templateName ?? view.templateId}</Descriptions.Item>
          <Descriptions.Item label={t('common.status')}>{t(`status.${view.status}`)}</Descriptions.Item>
          {view.federation && (
            <Descriptions.Item label={t('cascade.federation')}><span data-user-text data-testid="campaign-federation">{view.federation.name}</span></Descriptions.Item>
          )}
          {/* A district's staff do not reach the city's campaign: its name is shown, the link only to those who may open it. */}
          {view.federation?.parentCampaignId && (
            <Descriptions.Item label={t('cascade.parent')}>
              {user?.federation ? <span data-user-text>{view.federation.parentCampaignName}</span>
                : <Link to={`/campaigns/${view.federation.parentCampaignId}`} data-user-text data-testid="parent-campaign">{view.federation.parentCampaignName}</Link>}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      {view.tasks.length > 0 && (
        <Card title={t('campaigns.campaignTasks')} size="small">
          <Table size="small" pagination={false} rowKey={(r) => `${r.stage}-${r.assignee}`} dataSource={view.tasks} scroll={{ x: 'max-content' }}
            columns={[{ title: t('campaigns.stage'), dataIndex: 'stage' }, { title: t('inbox.task'), dataIndex: 'title' },
              { title: t('campaigns.assignee'), render: (_, r) => personLabel(r.assignee, r.assigneeName) }, { title: t('common.due'), render: (_, r) => formatDue(r.dueAt) }]} />
        </Card>
      )}

      <Card title={t('campaigns.stages')} size="small">
        <Table size="small" pagination={false} rowKey="id" dataSource={view.stages} scroll={{ x: 'max-content' }}
          locale={{ emptyText: signOff ? t('campaigns.stagesAfterSignOff', { who: personLabel(signOff.assignee, signOff.assigneeName) })
            : view.status === 'Draft' ? t('campaigns.stagesAfterLaunch') : t('campaigns.noStagesYet') }}
          columns={[
            { title: t('campaigns.stage'), dataIndex: 'stage' },
            { title: t('common.due'), render: (_, s) => formatDue(s.dueAt) },
            { title: t('dashboard.pending'), dataIndex: 'pending', responsive: ['sm'] },
            { title: t('common.overdue'), render: (_, s) => <span style={{ color: s.overdue ? '#cf1322' : undefined }}>{s.overdue}</span> },
            { title: t('dashboard.submitted'), dataIndex: 'submitted', responsive: ['sm'] },
            { title: t('dashboard.accepted'), dataIndex: 'accepted' },
          ]} />
      </Card>

      {view.status !== 'Draft' && <CampaignMeetingsCard campaignId={id} canAct={hasRole('admin', 'staff')} refreshKey={view} />}

      {view.status !== 'Draft' && <ShortlistCard campaignId={id} canAct={hasRole('admin', 'staff')} refreshKey={view} />}
      {view.status !== 'Draft' && <NoticesCard campaignId={id} refreshKey={view} />}
      {view.status !== 'Draft' && <ObjectionsCard campaignId={id} canAct={hasRole('admin', 'staff')} refreshKey={view} />}

      <Card title={t('files.documents')} size="small">
        <CampaignDocuments campaignId={id} editable={hasRole('admin', 'staff')} />
      </Card>

      <Card title={t('timeline.title')} size="small" data-testid="campaign-timeline">
        {timeline ? <TimelineList entries={timeline} /> : <Card loading bordered={false} />}
      </Card>

      {view.status !== 'Draft' && (
        <DemonstrationUnitsCard campaignId={id} editable={hasRole('admin', 'staff')} refreshKey={demonstrations} onChanged={() => setDemonstrations((n) => n + 1)} />
      )}

      {view.status !== 'Draft' && <FederationTreeCard campaignId={id} refreshKey={view} selected={federation?.id} onSelect={setFederation} />}
      {view.status !== 'Draft' && <DistrictsCard campaignId={id} refreshKey={view} selected={district} onSelect={setDistrict} />}

      <ParticipantsCard campaignId={id} canAct={hasRole('admin', 'staff') && view.status !== 'Draft' && view.status !== 'Stopped'} refreshKey={`${view.launched}/${view.status}/${view.stop?.pending}/${demonstrations}`}
        scoredItems={view.scoredItems ?? 0} onDemonstrationsChanged={() => setDemonstrations((n) => n + 1)}
        district={district} onDistrictCleared={() => setDistrict(undefined)} parent={federation} onParentCleared={() => setFederation(undefined)} />
      {editing && (
        <Suspense fallback={null}>
          <CampaignWizard open campaignId={id} templateLocked={!!view.federation?.parentCampaignId} onClose={() => setEditing(false)} onCreated={() => { setEditing(false); load(); }} />
        </Suspense>
      )}
    </Space>
  );
}
