import { Alert, Button, Card, Descriptions, Drawer, Empty, Grid, Input, Modal, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerView } from '../api/types';
import { errorText } from '../shared/errorText';
import { formatMoment } from '../shared/format';
import { listLedgers, reviewLedger } from './api';

const statusColours: Record<string, string> = { submitted: 'processing', confirmed: 'success', returned: 'warning' };

/** A unit's 台账, year by year, each figure with last year's: staff confirm a year's figures or return them with the reason. */
export default function ChamberLedgerDrawer({ chamber, onClose }: { chamber: { id: string; name: string } | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const screens = Grid.useBreakpoint();
  const [ledgers, setLedgers] = useState<LedgerView[] | null>(null);
  const [returning, setReturning] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    setLedgers(null);
    if (chamber) void listLedgers(chamber.id).then(setLedgers).catch((e) => { setError(errorText(e)); setLedgers([]); });
  }, [chamber]);
  useEffect(load, [load]);

  const review = async (year: number, confirm: boolean) => {
    if (!chamber || busy) return;
    setError(null);
    setBusy(true);
    try {
      await reviewLedger(chamber.id, year, confirm, confirm ? undefined : reason.trim());
      setReturning(null);
      load();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={!!chamber} onClose={onClose} size={screens.md ? 'large' : '100%'} destroyOnHidden data-testid="chamber-ledgers"
      title={chamber && t('ledger.drawerTitle', { chamber: chamber.name })}>
      {error && returning === null && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      {ledgers?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ledger.none')} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {(ledgers ?? []).map((ledger) => (
          <Card key={ledger.year} size="small" data-testid="ledger-year"
            title={<Space wrap>{t('ledger.year', { year: ledger.year })}
              {ledger.status && <Tag color={statusColours[ledger.status]} data-testid="ledger-status">{t(`ledger.statuses.${ledger.status}`)}</Tag>}</Space>}
            extra={ledger.status === 'submitted' && <Space>
              <Button size="small" type="primary" onClick={() => void review(ledger.year, true)} data-testid="confirm-ledger">{t('ledger.confirm')}</Button>
              <Button size="small" onClick={() => { setReturning(ledger.year); setReason(''); setError(null); }} data-testid="return-ledger">{t('ledger.return')}</Button>
            </Space>}>
            {ledger.reviewedAt && (
              <Typography.Paragraph type="secondary">
                {t('ledger.reviewedBy', { by: ledger.reviewedBy, time: formatMoment(ledger.reviewedAt, i18n.language), action: t(`ledger.statuses.${ledger.status}`) })}
                {ledger.returnedReason && <> · <span data-user-text>{ledger.returnedReason}</span></>}
              </Typography.Paragraph>
            )}
            {ledger.sections.map((section) => (
              <Descriptions key={section.key} size="small" column={{ xs: 1, sm: 2 }} title={en ? section.titleEn : section.title} style={{ marginBottom: 8 }}
                items={section.fields.filter((f) => f.value != null || f.previous != null).map((f) => ({
                  key: f.key, label: en ? f.labelEn : f.label,
                  children: <>{f.value ?? '—'} {en ? f.unitEn : f.unit}
                    {f.previous != null && <Typography.Text type="secondary"> · {t('ledger.previous', { value: Number(f.previous) })}</Typography.Text>}</>,
                }))} />
            ))}
          </Card>
        ))}
      </Space>
      <Modal open={returning !== null} destroyOnHidden onCancel={() => setReturning(null)} onOk={() => void review(returning!, false)}
        okButtonProps={{ disabled: !reason.trim() }} confirmLoading={busy} okText={t('ledger.return')} cancelText={t('common.cancel')}
        title={returning !== null && t('ledger.returnTitle', { year: returning })}>
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('ledger.reason')}
          aria-label={t('ledger.reason')} data-testid="ledger-reason" />
        {error && <Alert type="error" title={error} showIcon style={{ marginTop: 8 }} />}
      </Modal>
    </Drawer>
  );
}
