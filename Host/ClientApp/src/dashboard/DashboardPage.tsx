import { Alert, Card, Col, Empty, List, Row, Statistic, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { oneLanguage } from '../shared/oneLanguage';
import { Link } from 'react-router-dom';
import type { Page } from '../api/http';
import type { CampaignView, ParticipantView } from '../api/types';
import { getCampaign, listCampaigns, listParticipants } from '../campaigns/api';
import { countOpenTasks } from '../inbox/api';
import { daysUntil, formatDue, personLabel, serverNow } from '../shared/format';
import { listCalendarYears } from '../admin/api';
import { yearToPrepare } from '../admin/calendarYears';
import { useAuth } from '../auth/AuthContext';
import Chart from './Chart';
import { outcomeChart, stageChart } from './charts';

/** 工作台: running campaigns, where their participants stand, and the reader's own tasks. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const [views, setViews] = useState<CampaignView[] | null>(null);
  const [tasks, setTasks] = useState(0);
  const [overdueList, setOverdueList] = useState<Page<ParticipantView> | null>(null);
  const [prepare, setPrepare] = useState<number | null>(null);
  const { hasRole } = useAuth();
  const administrator = hasRole('admin');

  // From 1 November administrators are told here when next year's holidays are missing: next year's campaigns need them.
  useEffect(() => {
    if (administrator) listCalendarYears().then((years) => setPrepare(yearToPrepare(years.map((y) => y.year), serverNow()))).catch(() => setPrepare(null));
  }, [administrator]);
  const calendarWarning = prepare && (
    <Alert type="warning" showIcon data-testid="calendar-missing" style={{ marginBottom: 24 }}
      title={t('calendar.missing', { year: prepare })} action={<Link to="/admin/calendar">{t('calendar.title')}</Link>} />
  );

  useEffect(() => {
    (async () => {
      const campaigns = await listCampaigns();
      const active = campaigns.filter((c) => c.status !== 'Draft' && c.status !== 'Stopped').slice(0, 5);
      setViews(await Promise.all(active.map((c) => getCampaign(c.id))));
    })();
    countOpenTasks().then(setTasks);
  }, []);

  const first = views?.[0];
  // The chambers longest overdue in the campaign shown (the server lists the earliest due first).
  useEffect(() => {
    if (first) listParticipants(first.id, { status: 'overdue' }, { pageSize: 10 }).then(setOverdueList).catch(() => setOverdueList(null));
  }, [first]);
  const funnel = useMemo(() => first && stageChart(first, t), [first, t]);
  const outcomes = useMemo(() => first && outcomeChart(first, t), [first, t]);

  // Before any chamber has something to submit, the chart would be a lone line: say what is awaited, and from whom.
  const waitingFor = (view: CampaignView) => {
    const signOff = view.launched === 0 ? view.tasks.find((task) => task.kind === 'SignOff') : undefined;
    if (signOff) return t('campaigns.stagesAfterSignOff', { who: personLabel(signOff.assignee, signOff.assigneeName) });
    return view.status === 'Launching' ? t('campaigns.launched', { launched: view.launched, total: view.participants }) : t('campaigns.noStagesYet');
  };

  if (views && views.length === 0) return <>{calendarWarning}<Card><Empty description={<Link to="/campaigns">{t('dashboard.noCampaign')}</Link>} /></Card></>;
  const participants = views?.reduce((sum, v) => sum + v.participants, 0) ?? 0;
  const overdue = views?.reduce((sum, v) => sum + v.stages.reduce((s, x) => s + x.overdue, 0), 0) ?? 0;

  // A stopped workflow is said here too, not only on its campaign's page: someone must act on it.
  const faults = (views ?? []).filter((v) => v.workflowFault != null || v.faultedParticipants > 0);
  return (
    <>
      {calendarWarning}
      {faults.map((v) => (
        <Alert key={v.id} type="error" showIcon style={{ marginBottom: 16 }} data-testid="campaign-fault"
          title={v.workflowFault != null ? t('dashboard.campaignFault', { name: v.name }) : t('dashboard.participantFaults', { name: v.name, count: v.faultedParticipants })}
          description={v.workflowFault == null ? undefined : oneLanguage(v.workflowFault, i18n.language)}
          action={<Link to={`/campaigns/${v.id}`}>{t('dashboard.openCampaign')}</Link>} />
      ))}
      <Row gutter={[24, 24]}>
        <Col xs={24} md={6}><Card loading={!views}><Statistic title={t('dashboard.campaigns')} value={views?.length ?? 0} /></Card></Col>
        <Col xs={24} md={6}><Card loading={!views}><Statistic title={t('dashboard.participants')} value={participants} /></Card></Col>
        <Col xs={24} md={6}><Card loading={!views}><Statistic title={t('dashboard.overdue')} value={overdue} styles={{ content: { color: overdue ? '#cf1322' : undefined } }} /></Card></Col>
        <Col xs={24} md={6}><Card><Link to="/inbox"><Statistic title={t('dashboard.myTasks')} value={tasks} /></Link></Card></Col>
        <Col xs={24} lg={16}>
          <Card title={first ? `${t('dashboard.funnel')} · ${first.name}` : t('dashboard.funnel')} loading={!views}>
            {first && first.stages.length === 0
              ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} data-testid="stages-waiting" description={waitingFor(first)} />
              : funnel && <Chart option={funnel} height={Math.max(200, 60 * (first?.stages.length ?? 1) + 80)} />}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('dashboard.outcomes')} loading={!views}>
            {first && Object.keys(first.outcomes).length === 0
              ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noOutcomesYet')} />
              : outcomes && <Chart option={outcomes} />}
          </Card>
        </Col>
        {first && overdueList && overdueList.total > 0 && (
          <Col span={24}>
            <Card title={`${t('dashboard.longestOverdue')} · ${first.name}`} size="small" data-testid="overdue-list"
              extra={<Link to={`/campaigns/${first.id}`}>{t('dashboard.allOverdue', { total: overdueList.total })}</Link>}>
              <Table<ParticipantView> size="small" rowKey="chamberId" pagination={false} dataSource={overdueList.items} columns={[
                { title: t('campaigns.chamber'), render: (_, p) => <Link to={`/instances/${p.instanceId}`}>{p.chamber}</Link> },
                { title: t('campaigns.district'), dataIndex: 'district', width: 120 },
                { title: t('campaigns.stage'), dataIndex: 'stage' },
                { title: t('common.due'), width: 120, render: (_, p) => formatDue(p.dueAt) },
                { title: t('dashboard.daysOverdue'), width: 120, render: (_, p) => p.dueAt ? -daysUntil(p.dueAt) : '' },
              ]} />
            </Card>
          </Col>
        )}
        <Col span={24}>
          <Card title={t('dashboard.campaigns')} loading={!views}>
            <List dataSource={views ?? []} renderItem={(v) => (
              <List.Item extra={<Tag>{t(`status.${v.status}`)}</Tag>}>
                <List.Item.Meta title={<Link to={`/campaigns/${v.id}`}>{v.name}</Link>}
                  description={`${t('campaigns.participants')} ${v.participants} · ${t('common.overdue')} ${v.stages.reduce((s, x) => s + x.overdue, 0)} · ${t('status.finished')} ${v.finished}`} />
              </List.Item>
            )} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
