import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionFile } from '../api/types';
import FileList from '../files/FileList';
import { errorText } from '../shared/errorText';
import { listTaskFiles } from './api';

/** The files behind a task (a chamber's submission, a campaign's plan): downloads, with PDFs and images shown in the page. */
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
  return <FileList files={files} />;
}
