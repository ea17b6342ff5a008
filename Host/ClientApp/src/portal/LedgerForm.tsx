import { Alert, Button, Card, Col, Form, InputNumber, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerView } from '../api/types';
import { errorText } from '../shared/errorText';
import { formatMoment } from '../shared/format';
import { getLedger, saveLedger } from './api';

const statusColours: Record<string, string> = { submitted: 'processing', confirmed: 'success', returned: 'warning' };

/**
 * 台账: the unit enters its figures for a year — 基本情况、经济发展、活动开展、经费收支、班子变化 —
 * with last year's beside each; the federation confirms them (or returns them with the reason), and
 * the review's computed standards read the confirmed figures.
 */
export default function LedgerForm({ token, year }: { token: string; year: number }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [shown, setShown] = useState(year);
  const [ledger, setLedger] = useState<LedgerView | null>(null);
  const [values, setValues] = useState<Record<string, number | null>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const load = useCallback(() => void getLedger(token, shown).then((view) => {
    setLedger(view);
    setValues(Object.fromEntries(view.sections.flatMap((s) => s.fields).map((f) => [f.key, f.value == null ? null : Number(f.value)])));
  }).catch((e) => setError(errorText(e))), [token, shown]);
  useEffect(() => { setSaved(false); setError(null); load(); }, [load]);

  const submit = async () => {
    setError(null);
    setSaved(false);
    try {
      setLedger(await saveLedger(token, shown, values));
      setSaved(true);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Card title={t('ledger.title')} data-testid="portal-ledger"
      extra={<Segmented value={shown} onChange={(v) => setShown(Number(v))} options={[year, year - 1].map((y) => ({ value: y, label: t('ledger.year', { year: y }) }))} />}>
      <Typography.Paragraph type="secondary">{t('ledger.hint')}</Typography.Paragraph>
      {ledger?.status && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag color={statusColours[ledger.status]} data-testid="ledger-status">{t(`ledger.statuses.${ledger.status}`)}</Tag>
          {ledger.submittedAt && <Typography.Text type="secondary">{t('ledger.submittedAt', { time: formatMoment(ledger.submittedAt, i18n.language) })}</Typography.Text>}
        </Space>
      )}
      {ledger?.status === 'returned' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="ledger-returned"
        title={t('ledger.returned')} description={<span data-user-text>{ledger.returnedReason}</span>} />}
      <Form layout="vertical">
        {ledger?.sections.map((section) => (
          <div key={section.key}>
            <Typography.Title level={5}>{en ? section.titleEn : section.title}</Typography.Title>
            <Row gutter={16}>
              {section.fields.map((field) => (
                <Col key={field.key} xs={24} sm={12}>
                  <Form.Item htmlFor={`ledger-${field.key}`} label={en ? `${field.labelEn} (${field.unitEn})` : `${field.label}（${field.unit}）`}
                    extra={field.previous != null ? t('ledger.previous', { value: Number(field.previous) }) : undefined}>
                    <InputNumber id={`ledger-${field.key}`} style={{ width: '100%' }} min={0} max={1_000_000_000} precision={field.whole ? 0 : 2}
                      value={values[field.key]} onChange={(v) => setValues((all) => ({ ...all, [field.key]: v }))} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </div>
        ))}
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="ledger-error" />}
      {saved && <Alert type="success" showIcon title={t('ledger.saved')} style={{ marginBottom: 12 }} />}
      <Button type="primary" onClick={() => void submit()} data-testid="submit-ledger">{t('ledger.submit')}</Button>
    </Card>
  );
}
