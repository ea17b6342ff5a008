import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLoaded } from '../shared/useLoaded';
import { listDistricts } from './api';

/**
 * 各区进展: the campaign by district, as the city federation follows its districts — who owes
 * something, who is late, how the review came out. A row opens that district's participants below.
 * Shown once participants come from more than one district.
 */
export default function DistrictsCard({ campaignId, refreshKey, selected, onSelect }: {
  campaignId: string; refreshKey: unknown; selected?: string; onSelect(district: string | undefined): void;
}) {
  const { t } = useTranslation();
  const { data: districts } = useLoaded(() => listDistricts(campaignId), [campaignId, refreshKey], () => []);
  if (!districts || districts.filter((d) => d.district).length < 2) return null;

  return (
    <Card title={t('districts.title')} size="small" data-testid="campaign-districts">
      <Table size="small" pagination={false} rowKey={(d) => d.district ?? ''} dataSource={districts} scroll={{ x: 'max-content' }}
        onRow={(d) => ({ onClick: () => onSelect(d.district && d.district !== selected ? d.district : undefined), style: { cursor: d.district ? 'pointer' : undefined } })}
        rowClassName={(d) => (d.district && d.district === selected ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('campaigns.district'), render: (_, d) => (d.district ? <Typography.Link data-user-text>{d.district}</Typography.Link>
            : <Typography.Text type="secondary">{t('districts.none')}</Typography.Text>) },
          { title: t('districts.participants'), dataIndex: 'participants' },
          { title: t('districts.waiting'), dataIndex: 'waiting', responsive: ['sm'] },
          { title: t('common.overdue'), render: (_, d) => <span style={{ color: d.overdue ? '#cf1322' : undefined }}>{d.overdue}</span> },
          { title: t('outcome.commended'), dataIndex: 'commended' },
          { title: t('outcome.passed'), dataIndex: 'passed' },
          { title: t('outcome.rectifying'), dataIndex: 'rectifying', responsive: ['sm'] },
          { title: t('outcome.not-passed'), dataIndex: 'notPassed', responsive: ['sm'] },
          { title: t('districts.averageScore'), render: (_, d) => d.averageScore ?? '—', responsive: ['sm'] },
        ]} />
    </Card>
  );
}
