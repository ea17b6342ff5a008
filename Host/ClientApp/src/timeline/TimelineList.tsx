import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatShortMoment } from '../shared/format';
import { sentenceOf, type TimelineEntry } from './sentence';

const colors: Record<string, string> = {
  'task-opened': 'blue', 'task-answered': 'green', submitted: 'green', 'submission-answered': 'green', emailed: 'gray', launched: 'blue', created: 'gray',
};

/** What happened, newest first, in sentences with Beijing dates: "3月2日 09:00 “方案签批”已送张书记办理". */
export default function TimelineList({ entries }: { entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />;
  return (
    <Timeline data-testid="timeline" items={entries.map((entry) => ({
      color: entry.kind === 'submission-answered' && entry.action === 'returned' ? 'orange' : colors[entry.kind] ?? 'gray',
      children: (
        <span data-testid="timeline-entry">
          <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>{formatShortMoment(entry.at, i18n.language)}</Typography.Text>
          {sentenceOf(entry)}
        </span>
      ),
    }))} />
  );
}
