import { Button, Card, Empty, List, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../shared/format';
import { useLoaded } from '../shared/useLoaded';
import { dropDemonstration, listDemonstrations } from './api';

/** 示范单位: the participants staff picked to show the way, with why; staff may drop one. */
export default function DemonstrationUnitsCard({ campaignId, editable, refreshKey, onChanged }: {
  campaignId: string; editable: boolean; refreshKey: unknown; onChanged(): void;
}) {
  const { t } = useTranslation();
  const { data: units, reload } = useLoaded(() => listDemonstrations(campaignId), [campaignId, refreshKey], () => []);

  return (
    <Card title={t('demonstrations.title')} size="small" data-testid="demonstration-units" loading={!units}>
      {units?.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('demonstrations.none')} /> : (
        <List size="small" dataSource={units ?? []} renderItem={(unit) => (
          <List.Item data-testid="demonstration-unit" actions={editable ? [
            <Popconfirm key="drop" title={t('demonstrations.dropConfirm', { chamber: unit.chamber })} okText={t('common.yes')} cancelText={t('common.no')}
              onConfirm={() => void dropDemonstration(campaignId, unit.chamberId).then(() => { reload(); onChanged(); })}>
              <Button type="link" size="small">{t('demonstrations.drop')}</Button>
            </Popconfirm>,
          ] : []}>
            <List.Item.Meta title={unit.chamber}
              description={<>{unit.reason && <Typography.Text>{unit.reason} · </Typography.Text>}<Typography.Text type="secondary">{formatMoment(unit.at)}</Typography.Text></>} />
          </List.Item>
        )} />
      )}
    </Card>
  );
}
