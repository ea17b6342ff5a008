import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

// The types the Host takes (SubmissionFiles.AllowedTypes).
const accept = '.pdf,.doc,.docx,.wps,.ofd,.xls,.xlsx,.ppt,.pptx,.txt,.jpg,.jpeg,.png,.zip';

/** The button that picks files (several at once, of the types uploads take); they are handed over as picked. */
export default function FilePicker({ onChosen, label }: { onChosen(files: File[]): void; label?: string }) {
  const { t } = useTranslation();
  return (
    <Upload accept={accept} multiple showUploadList={false}
      beforeUpload={(file, list) => { if (file === list[list.length - 1]) onChosen(list); return false; }}>
      <Button icon={<UploadOutlined />} data-testid="add-documents">{label ?? t('files.addDocuments')}</Button>
    </Upload>
  );
}
