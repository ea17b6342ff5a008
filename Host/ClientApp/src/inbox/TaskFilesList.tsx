import { Alert, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionFile } from '../api/types';
import FileList from '../files/FileList';
import FilePicker from '../files/FilePicker';
import { errorText } from '../shared/errorText';
import { addTaskFiles, listTaskFiles } from './api';

/**
 * The files behind a task (a chamber's submission, a campaign's plan): downloads, with PDFs and
 * images shown in the page. With canAdd, the person answering adds their own (a signed page).
 */
export default function TaskFilesList({ taskId, canAdd }: { taskId: string; canAdd?: boolean }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<SubmissionFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    listTaskFiles(taskId).then(setFiles).catch((e) => setError(errorText(e)));
  }, [taskId]);

  const add = async (chosen: File[]) => {
    setError(null);
    try {
      setFiles(await addTaskFiles(taskId, chosen));
    } catch (e) {
      setError(errorText(e));
    }
  };

  if (!files && !error) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error} />}
      {files && files.length === 0 && <Typography.Text type="secondary">{t('inbox.noFiles')}</Typography.Text>}
      {files && files.length > 0 && <FileList files={files} />}
      {canAdd && <FilePicker label={t('files.attach')} onChosen={(chosen) => void add(chosen)} />}
    </Space>
  );
}
