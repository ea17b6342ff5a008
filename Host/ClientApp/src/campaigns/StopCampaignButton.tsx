import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../api/types';
import { errorText } from '../shared/errorText';
import { stopCampaign } from './api';

/** The server's limit on a stop reason (CampaignService.MaxStopReasonLength). */
const maxReasonLength = 500;

/**
 * 中止活动: a launched campaign is called off with a reason its participants are e-mailed. Asked
 * in a dialog that says what stopping does and cannot be undone, never on a single click.
 */
export default function StopCampaignButton({ view, onStopped }: { view: CampaignView; onStopped: (view: CampaignView) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missing = reason.trim() === '';

  const close = () => { setOpen(false); setReason(''); setTouched(false); setError(null); };
  const stop = async () => {
    setTouched(true);
    if (missing) return;
    setSaving(true);
    try {
      onStopped(await stopCampaign(view.id, reason.trim()));
      close();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="stop-campaign">{t('campaigns.stop')}</Button>
      <Modal open={open} title={t('campaigns.confirmStop', { name: view.name })} onCancel={close} onOk={stop} confirmLoading={saving} destroyOnHidden
        okText={t('campaigns.stop')} okButtonProps={{ danger: true, 'data-testid': 'confirm-stop' }} cancelText={t('common.cancel')}>
        <p>{t('campaigns.confirmStopDetail')}</p>
        <Form layout="vertical">
          <Form.Item label={t('campaigns.stopReason')} required validateStatus={touched && missing ? 'error' : undefined}
            help={touched && missing ? t('campaigns.stopReasonRequired') : undefined}>
            <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={maxReasonLength} showCount autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder={t('campaigns.stopReasonPlaceholder')} data-testid="stop-reason" />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
      </Modal>
    </>
  );
}
