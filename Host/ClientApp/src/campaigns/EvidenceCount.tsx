import { Popover, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceSheet } from '../api/types';
import { itemTitle } from '../shared/rubricText';
import { getParticipantEvidence } from './api';

/**
 * How many standards a participant has documented, out of those scored by hand; opened, which ones
 * are still missing (read when asked, so a page of 50 participants costs nothing more).
 */
export default function EvidenceCount({ instanceId, provided, total }: { instanceId: string; provided: number; total: number }) {
  const { t, i18n } = useTranslation();
  const [sheet, setSheet] = useState<EvidenceSheet | null>(null);
  const missing = sheet?.items.filter((i) => !i.provided) ?? [];
  return (
    <Popover trigger="click" title={t('evidence.missingItems')} onOpenChange={(open) => { if (open && !sheet) void getParticipantEvidence(instanceId).then(setSheet); }}
      content={!sheet ? <Spin size="small" />
        : missing.length === 0 ? t('evidence.allProvided')
        : <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 360 }}>{missing.map((i) => <li key={i.itemId}><Typography.Text>{itemTitle(i, i18n.language)}</Typography.Text></li>)}</ul>}>
      <Tag color={provided >= total ? 'green' : provided === 0 ? 'red' : 'orange'} style={{ cursor: 'pointer' }} data-testid="participant-evidence">
        {provided} / {total}
      </Tag>
    </Popover>
  );
}
