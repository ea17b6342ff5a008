import { Alert, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionFile } from '../api/types';

/** At most this many pages of a PDF are drawn: a plan is read here, a long annex is downloaded. */
const maxPages = 30;

/** The types shown in the page; the rest are downloaded. */
export const previewable = (file: Pick<SubmissionFile, 'contentType'>) =>
  file.contentType === 'application/pdf' || file.contentType === 'image/png' || file.contentType === 'image/jpeg';

/**
 * A PDF or an image shown in the page. The Host serves every uploaded file as a download, never
 * rendered on our origin: the preview fetches the bytes and draws them itself — a PDF's pages on
 * canvases (pdf.js), an image from a blob of its declared type.
 */
export default function FilePreview({ url, file, height = 480 }: { url: string; file: SubmissionFile; height?: number | string }) {
  const { t } = useTranslation();
  const pages = useRef<HTMLDivElement>(null);
  const [image, setImage] = useState<string | null>(null);
  const [state, setState] = useState<{ loading: boolean; failed: boolean; pageCount?: number }>({ loading: true, failed: false });

  useEffect(() => {
    const signal = { cancelled: false };
    let blobUrl: string | null = null;
    const container = pages.current;
    setState({ loading: true, failed: false });
    setImage(null);
    (async () => {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      const bytes = await response.arrayBuffer();
      if (signal.cancelled) return;
      if (file.contentType === 'application/pdf' && container) {
        container.replaceChildren();
        const { drawPdf } = await import('./pdfPages');
        const pageCount = await drawPdf(bytes, container, maxPages, signal);
        if (!signal.cancelled) setState({ loading: false, failed: false, pageCount });
      } else {
        blobUrl = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
        setImage(blobUrl);
        setState({ loading: false, failed: false });
      }
    })().catch(() => !signal.cancelled && setState({ loading: false, failed: true }));
    return () => {
      signal.cancelled = true;
      if (blobUrl) URL.revokeObjectURL(blobUrl);
      container?.replaceChildren();
    };
  }, [url, file.contentType]);

  return (
    <div data-testid="file-preview" aria-label={file.fileName}>
      {state.failed && <Alert type="warning" showIcon title={t('files.previewFailed')} />}
      {state.loading && <Spin />}
      {image && <img src={image} alt={file.fileName} style={{ maxWidth: '100%', maxHeight: height, display: 'block' }} />}
      <div ref={pages} data-testid="pdf-pages" style={{ maxHeight: height, overflowY: 'auto', background: '#f5f5f5', padding: file.contentType === 'application/pdf' && !state.failed ? 8 : 0 }} />
      {state.pageCount !== undefined && state.pageCount > maxPages && (
        <Typography.Text type="secondary">{t('files.morePages', { shown: maxPages, count: state.pageCount })}</Typography.Text>
      )}
    </div>
  );
}
