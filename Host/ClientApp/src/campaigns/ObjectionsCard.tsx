import { Alert, Button, Card, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectionView } from '../api/types';
import { errorText } from '../shared/errorText';
import { formatMoment } from '../shared/format';
import { useLoaded } from '../shared/useLoaded';
import { answerObjection, listObjections } from './api';

/** 公示异议: what participants objected to while a notice was on public notice, and staff's answers, which the participant reads on its page. */
export default function ObjectionsCard({ campaignId, canAct, refreshKey }: { campaignId: string; canAct: boolean; refreshKey: unknown }) {
  const { t, i18n } = useTranslation();
  const [answering, setAnswering] = useState<ObjectionView | null>(null);
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { data: objections, show } = useLoaded(() => listObjections(campaignId), [campaignId, refreshKey], () => []);
  if (!objections || objections.length === 0) return null;

  const send = async () => {
    if (!answering) return;
    try {
      const answered = await answerObjection(campaignId, answering.id, answer.trim());
      show(objections.map((o) => (o.id === answered.id ? answered : o)));
      setAnswering(null);
      setAnswer('');
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Card title={t('notices.objectionsTitle')} size="small" data-testid="objections">
      <List size="small" dataSource={objections} renderItem={(o) => (
        <List.Item data-testid="objection" actions={canAct ? [
          <Button key="answer" type="link" size="small" onClick={() => { setAnswering(o); setAnswer(o.answer ?? ''); setError(null); }}>{t('notices.answerTitle')}</Button>,
        ] : []}>
          <Space orientation="vertical" size={2}>
            <Space wrap>
              <Typography.Text strong data-user-text>{o.chamber}</Typography.Text>
              <Tag color={o.answer ? 'green' : 'orange'}>{t(o.answer ? 'notices.answered' : 'notices.unanswered')}</Tag>
              <Typography.Text type="secondary">{formatMoment(o.at, i18n.language)} · <span data-user-text>{o.notice}</span></Typography.Text>
            </Space>
            <Typography.Text data-user-text>{o.text}</Typography.Text>
            {o.answer && <Typography.Text type="secondary">{t('notices.answer')}{i18n.language === 'en' ? ': ' : '：'}<span data-user-text>{o.answer}</span></Typography.Text>}
          </Space>
        </List.Item>
      )} />
      <Modal open={!!answering} title={t('notices.answerTitle')} onCancel={() => setAnswering(null)} onOk={() => void send()} okButtonProps={{ disabled: !answer.trim() }}
        okText={t('common.submit')} cancelText={t('common.cancel')} destroyOnHidden>
        {answering && <Typography.Paragraph type="secondary" data-user-text>{answering.text}</Typography.Paragraph>}
        <Input.TextArea rows={4} value={answer} onChange={(e) => setAnswer(e.target.value)} maxLength={1000} aria-label={t('notices.answer')} />
        {error && <Alert type="error" title={error} showIcon style={{ marginTop: 8 }} />}
      </Modal>
    </Card>
  );
}
