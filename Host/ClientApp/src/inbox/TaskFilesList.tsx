import { PaperClipOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionFile } from '../api/types';
import { errorText } from '../shared/errorText';
import { formatMoment } from '../shared/format';
import { listTaskFiles, submissionFileUrl } from './api';

/** The files behind a task, each a download link with its size and when it came in. */
export default function TaskFilesList({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<SubmissionFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    listTaskFiles(taskId).then(setFiles).catch((e) => setError(errorText(e)));
  }, [taskId]);

  if (error) return <Typography.Text type="danger">{error}</Typography.Text>;
  if (!files) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  if (files.length === 0) return <Typography.Text type="secondary">{t('inbox.noFiles')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {files.map((file) => (
        <Space key={file.id} size="small" wrap>
          <a href={submissionFileUrl(file.id)} download={file.fileName} data-testid="task-file">
            <PaperClipOutlined /> {file.fileName}
          </a>
          <Typography.Text type="secondary">{t('inbox.fileSize', { size: Math.max(1, Math.round(file.size / 1024)) })} · {formatMoment(file.uploadedAt)}</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
