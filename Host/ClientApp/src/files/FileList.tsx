import { DeleteOutlined, EyeOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionFile } from '../api/types';
import { submissionFileUrl } from '../inbox/api';
import { formatMoment } from '../shared/format';
import FilePreview, { previewable } from './FilePreview';

/**
 * Files with their size and time, each a download; a PDF or an image is also shown in the page
 * (the first one at once, the others on request). With onDelete, each can be removed.
 */
export default function FileList({ files, preview = true, onDelete }: { files: SubmissionFile[]; preview?: boolean; onDelete?(file: SubmissionFile): void }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | null>(() => files.find(previewable)?.id ?? null);
  const current = preview ? files.find((f) => f.id === shown) : undefined;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {files.map((file) => (
        <Space key={file.id} size="small" wrap>
          <a href={submissionFileUrl(file.id)} download={file.fileName} data-testid="task-file">
            <PaperClipOutlined /> {file.fileName}
          </a>
          <Typography.Text type="secondary">{t('inbox.fileSize', { size: Math.max(1, Math.round(file.size / 1024)) })} · {formatMoment(file.uploadedAt)}</Typography.Text>
          {preview && previewable(file) && file.id !== shown && (
            <Button size="small" icon={<EyeOutlined />} onClick={() => setShown(file.id)}>{t('files.preview')}</Button>
          )}
          {onDelete && <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => onDelete(file)} />}
        </Space>
      ))}
      {current && <FilePreview key={current.id} url={submissionFileUrl(current.id)} file={current} height="60vh" />}
    </Space>
  );
}
