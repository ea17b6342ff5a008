import { Alert, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionFile } from '../api/types';

/** The types shown in the page; the rest are downloaded. */
export const previewable = (file: Pick<SubmissionFile, 'contentType'>) =>
  file.contentType === 'application/pdf' || file.contentType === 'image/png' || file.contentType === 'image/jpeg';

/**
 * A PDF or an image shown in the page. The Host serves every uploaded file as a download, never
 * rendered on our origin; the preview fetches the bytes and shows them from a blob of the declared
 * type (a "PDF" that is really HTML is never run as a page: the browser's PDF viewer refuses it).
 */
export default function FilePreview({ url, file, height = 480 }: { url: string; file: SubmissionFile; height?: number | string }) {
  const { t } = useTranslation();
  const [blobUrl, setBlobUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let created: string | null = null;
    let cancelled = false;
    setBlobUrl(null);
    setFailed(false);
    fetch(url, { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(String(response.status)))))
      .then((bytes) => {
        if (cancelled) return;
        created = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
        setBlobUrl(created);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [url, file.contentType]);

  if (failed) return <Alert type="warning" showIcon title={t('files.previewFailed')} />;
  if (!blobUrl) return <Spin />;
  return file.contentType === 'application/pdf'
    ? <iframe src={blobUrl} title={file.fileName} data-testid="file-preview" style={{ width: '100%', height, border: '1px solid #f0f0f0' }} />
    : <img src={blobUrl} alt={file.fileName} data-testid="file-preview" style={{ maxWidth: '100%', maxHeight: height, display: 'block' }} />;
}
