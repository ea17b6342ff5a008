import { Alert, Button, Card, Progress, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { errorText } from '../shared/errorText';
import { formatMoment } from '../shared/format';
import { useLoaded } from '../shared/useLoaded';
import { listCampaigns } from './api';
import { campaignRows, type CampaignRow } from './campaignRows';
import CampaignWizard from './CampaignWizard';

export default function CampaignsPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  const { data: campaigns, error: unread } = useLoaded(() => listCampaigns(), []);

  return (
    <Card title={t('campaigns.title')} extra={hasRole('admin', 'staff') && <Button type="primary" onClick={() => setCreating(true)}>{t('campaigns.create')}</Button>}>
      {unread != null && <Alert type="error" title={errorText(unread)} showIcon style={{ marginBottom: 16 }} />}
      {/* The districts' campaigns opened for a city's hang under it. */}
      <Table<CampaignRow> rowKey="id" scroll={{ x: 'max-content' }} dataSource={campaignRows(campaigns ?? [])} loading={!campaigns && unread == null}
        columns={[
          { title: t('common.name'), render: (_, c) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link> },
          { title: t('campaigns.year'), dataIndex: 'year', width: 80 },
          { title: t('campaigns.template'), dataIndex: 'templateId', width: 180 },
          { title: t('common.status'), width: 110, render: (_, c) => <Tag color={({ Running: 'green', Launching: 'blue', Stopped: 'orange', Faulted: 'red' } as Record<string, string>)[c.status] ?? 'default'}>{t(`status.${c.status}`)}</Tag> },
          { title: t('campaigns.participants'), width: 200, render: (_, c) => c.status === 'Draft' ? c.participantCount
            : <Progress percent={Math.floor((100 * c.launchedCount) / Math.max(1, c.participantCount))} size="small" format={() => `${c.launchedCount}/${c.participantCount}`} /> },
          { title: t('common.createdAt'), width: 160, render: (_, c) => formatMoment(c.createdAt) },
        ]} />
      <CampaignWizard open={creating} onClose={() => setCreating(false)} onCreated={(c) => { setCreating(false); navigate(`/campaigns/${c.id}`); }} />
    </Card>
  );
}
