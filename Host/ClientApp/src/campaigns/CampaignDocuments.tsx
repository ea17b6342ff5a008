import { Alert, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionFile } from '../api/types';
import FileList from '../files/FileList';
import FilePicker from '../files/FilePicker';
import { errorText } from '../shared/errorText';
import { addCampaignDocuments, deleteCampaignDocument, listCampaignDocuments } from './api';

/** The campaign's documents (the plan as Word/PDF): listed, added and removed by the department; the approvers open them on their task. */
export default function CampaignDocuments({ campaignId, editable }: { campaignId: string; editable: boolean }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<SubmissionFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => { listCampaignDocuments(campaignId).then(setFiles).catch((e) => setError(errorText(e))); }, [campaignId]);
  useEffect(load, [load]);

  const add = async (chosen: File[]) => {
    setError(null);
    try {
      setFiles(await addCampaignDocuments(campaignId, chosen));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="campaign-documents">
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} />}
      {files && files.length === 0 && <Typography.Text type="secondary">{t('files.noDocuments')}</Typography.Text>}
      {files && files.length > 0 && (
        <FileList files={files} preview={false}
          onDelete={editable ? async (file) => { await deleteCampaignDocument(campaignId, file.id).catch((e) => setError(errorText(e))); load(); } : undefined} />
      )}
      {editable && <FilePicker onChosen={(chosen) => void add(chosen)} />}
    </Space>
  );
}
