import { Alert, Button, Card, Drawer, Empty, Grid, Input, Modal, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TitleView } from '../api/types';
import { errorText } from '../shared/errorText';
import { formatDay } from '../shared/format';
import { listTitles, removeTitle } from './api';

const statusColours: Record<string, string> = { held: 'green', expired: 'orange', removed: 'default' };

/**
 * A unit's titles (认定): each with where it stands today — held until a day, expired without a
 * re-check, or removed and why — and its history, granted, confirmed by re-checks, removed.
 * Staff remove a title by hand (摘牌), always with the reason.
 */
export default function ChamberTitlesDrawer({ chamber, canAct, onClose }: { chamber: { id: string; name: string } | null; canAct: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [titles, setTitles] = useState<TitleView[] | null>(null);
  const [removing, setRemoving] = useState<TitleView | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setTitles(null);
    if (chamber) void listTitles(chamber.id).then(setTitles).catch((e) => { setError(errorText(e)); setTitles([]); });
  }, [chamber]);
  useEffect(load, [load]);

  const remove = async () => {
    if (!chamber || !removing) return;
    try {
      await removeTitle(chamber.id, removing.id, reason.trim());
      setRemoving(null);
      load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Drawer open={!!chamber} onClose={onClose} size={screens.md ? 'large' : '100%'} destroyOnHidden data-testid="chamber-titles"
      title={chamber && t('titles.drawerTitle', { chamber: chamber.name })}>
      {error && !removing && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      {titles?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('titles.none')} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {(titles ?? []).map((title) => (
          <Card key={title.id} size="small" data-testid="chamber-title"
            title={<Space wrap><span data-user-text>{title.title}</span><Tag color={statusColours[title.status]}>{t(`titles.statuses.${title.status}`)}</Tag></Space>}
            extra={canAct && title.status !== 'removed' && (
              <Button size="small" danger onClick={() => { setRemoving(title); setReason(''); setError(null); }} data-testid="remove-title">{t('titles.remove')}</Button>
            )}>
            <Typography.Paragraph type="secondary">
              {title.status === 'removed'
                ? t('titles.removedOn', { date: formatDay(title.removedOn, i18n.language) })
                : t('titles.validUntil', { date: formatDay(title.validUntil, i18n.language) })}
            </Typography.Paragraph>
            <Timeline items={title.history.map((e) => ({
              color: e.action === 'removed' ? 'red' : e.action === 'confirmed' ? 'blue' : 'green',
              children: <Space orientation="vertical" size={0}>
                <Typography.Text>{formatDay(e.on, i18n.language)} · {t(`titles.actions.${e.action}`)}
                  {e.validUntil && ` · ${t('titles.validUntil', { date: formatDay(e.validUntil, i18n.language) })}`}</Typography.Text>
                {e.campaign && <Typography.Text type="secondary" data-user-text>{e.campaign}</Typography.Text>}
                {e.reason && <Typography.Text type="secondary"><span data-user-text>{e.reason}</span>{e.by && ` · ${e.by}`}</Typography.Text>}
              </Space>,
            }))} />
          </Card>
        ))}
      </Space>
      <Modal open={!!removing} destroyOnHidden onCancel={() => setRemoving(null)} onOk={() => void remove()} okButtonProps={{ danger: true, disabled: !reason.trim() }}
        okText={t('titles.remove')} cancelText={t('common.cancel')} title={removing && t('titles.removeTitle', { title: removing.title })}>
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('titles.reason')}
          aria-label={t('titles.reason')} data-testid="title-reason" />
        {error && <Alert type="error" title={error} showIcon style={{ marginTop: 8 }} />}
      </Modal>
    </Drawer>
  );
}
