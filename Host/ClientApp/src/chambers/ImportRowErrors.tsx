import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../api/types';

/** The rows a chamber import skipped, with why (the first `limit` of them). */
export default function ImportRowErrors({ errors, limit = 20 }: { errors: ImportResult['errors']; limit?: number }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <>
      <Typography.Text strong>{t('chambers.rowErrors')}</Typography.Text>
      <ul>{errors.slice(0, limit).map((e) => <li key={`${e.row}-${e.column}`}>#{e.row} {e.column}: {e.message}</li>)}</ul>
    </>
  );
}
