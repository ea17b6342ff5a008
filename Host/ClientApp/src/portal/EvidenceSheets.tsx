import { Alert, Button, Card, Collapse, Input, List, Progress, Space, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem, EvidenceSheet } from '../api/types';
import { errorText } from '../shared/errorText';
import { itemArea, itemTitle, rubricName } from '../shared/rubricText';
import { useLoaded } from '../shared/useLoaded';
import { addEvidenceFiles, deleteEvidenceFile, getEvidence, saveEvidenceNote } from './api';

/**
 * 考核材料: for each campaign the chamber takes part in, the standards it will be scored on, each
 * with a note and files (台账、会议纪要、照片…). Reviewers read them beside the item they score;
 * what has nothing yet is marked, so the chamber sees what is missing before the review.
 */
export default function EvidenceSheets({ token, accept }: { token: string; accept: string }) {
  const { t } = useTranslation();
  // A read still under way when the chamber saves must not bring back the sheet from before the save.
  const { data: sheets, show } = useLoaded(() => getEvidence(token), [token], () => []);
  const replace = (sheet: EvidenceSheet) => show((all) => all?.map((s) => (s.instanceId === sheet.instanceId ? sheet : s)) ?? null);

  if (!sheets || sheets.length === 0) return null;
  return (
    <>
      {sheets.map((sheet) => <SheetCard key={sheet.instanceId} token={token} sheet={sheet} accept={accept} onChanged={replace} />)}
      <Typography.Text type="secondary">{t('evidence.hint')}</Typography.Text>
    </>
  );
}

function SheetCard({ token, sheet, accept, onChanged }: { token: string; sheet: EvidenceSheet; accept: string; onChanged(sheet: EvidenceSheet): void }) {
  const { t, i18n } = useTranslation();
  const provided = sheet.provided ?? 0;
  const missing = sheet.items.length - provided;
  return (
    // The count under the title, not beside it: on a phone the header has no room for both.
    <Card data-testid="evidence-sheet" title={<>{t('evidence.title')} · <span data-user-text>{sheet.campaign}</span></>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={missing === 0 ? 'green' : 'orange'} data-testid="evidence-count">{t('evidence.provided', { provided, total: sheet.items.length })}</Tag>
          <Typography.Text type="secondary">{rubricName({ name: sheet.rubric, nameEn: sheet.rubricEn }, i18n.language)}</Typography.Text>
        </Space>
        <Progress percent={Math.round((100 * provided) / Math.max(1, sheet.items.length))} size="small" />
        {!sheet.open && <Alert type="info" showIcon title={t('evidence.closed')} />}
        <Collapse size="small" items={sheet.items.map((item) => ({
          key: item.itemId,
          label: (
            <Space wrap size={4}>
              <Tag>{itemArea(item, i18n.language)}</Tag>
              <span>{itemTitle(item, i18n.language)}</span>
              {item.provided
                ? <Tag color="green">{t('evidence.done')}</Tag>
                : <Tag color="orange" data-testid="evidence-missing">{t('evidence.missing')}</Tag>}
            </Space>
          ),
          children: <ItemEditor token={token} sheet={sheet} item={item} accept={accept} onChanged={onChanged} />,
        }))} />
      </Space>
    </Card>
  );
}

function ItemEditor({ token, sheet, item, accept, onChanged }: { token: string; sheet: EvidenceSheet; item: EvidenceItem; accept: string; onChanged(sheet: EvidenceSheet): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState(item.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = async (action: () => Promise<EvidenceSheet>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.TextArea rows={3} maxLength={2000} disabled={!sheet.open} value={note} placeholder={t('evidence.notePlaceholder')}
        aria-label={t('evidence.note')} onChange={(e) => setNote(e.target.value)} />
      <Space wrap>
        <Button disabled={!sheet.open || note === (item.note ?? '')} loading={busy}
          onClick={() => void attempt(() => saveEvidenceNote(token, sheet.instanceId, item.itemId, note))}>{t('evidence.saveNote')}</Button>
        <Upload multiple showUploadList={false} accept={accept} disabled={!sheet.open || busy}
          beforeUpload={(file, list) => {
            // One request for the files picked together: all are checked, and taken or refused, as one.
            if (file === list[list.length - 1]) void attempt(() => addEvidenceFiles(token, sheet.instanceId, item.itemId, list as File[]));
            return false;
          }}>
          <Button icon={<UploadOutlined />} disabled={!sheet.open}>{t('evidence.addFiles')}</Button>
        </Upload>
      </Space>
      {item.files.length > 0 && (
        <List size="small" dataSource={item.files} renderItem={(file) => (
          <List.Item actions={sheet.open ? [<Button key="delete" type="text" size="small" icon={<DeleteOutlined />} aria-label={t('evidence.removeFile', { name: file.fileName })}
            onClick={() => void attempt(() => deleteEvidenceFile(token, sheet.instanceId, file.id))} />] : []}>
            {file.fileName}
          </List.Item>
        )} />
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}
