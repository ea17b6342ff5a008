import { Button, Card, Drawer, Grid, List, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/http';
import type { DoneTask, TaskView } from '../api/types';
import { daysUntil, formatDue, formatMoment } from '../shared/format';
import { onLive, throttle } from '../live/live';
import { listDoneTasks, listOpenTasks } from './api';
import TaskAnswerForm from './TaskAnswerForm';

/** 我的待办 / 已办: the signed-in person's tasks, answered in a drawer. */
export default function InboxPage() {
  // On a phone the task takes the whole screen: leaders answer there as often as at a desk.
  const screens = Grid.useBreakpoint();
  const { t } = useTranslation();
  const [open, setOpen] = useState<Page<TaskView> | null>(null);
  const [done, setDone] = useState<Page<DoneTask> | null>(null);
  const [page, setPage] = useState(1);
  const [current, setCurrent] = useState<TaskView | null>(null);

  const load = useCallback(() => {
    listOpenTasks({ page, pageSize: 20 }).then(setOpen);
    listDoneTasks({ pageSize: 50 }).then(setDone);
  }, [page]);
  useEffect(load, [load]);
  // A task given to this person (or taken away) shows without a reload.
  useEffect(() => {
    const refresh = throttle(load, 1000);
    const unsubscribe = onLive('tasks', refresh);
    return () => { unsubscribe(); refresh.cancel(); };
  }, [load]);

  const dueTag = (dueAt?: string | null) => {
    if (!dueAt) return null;
    const days = daysUntil(dueAt);
    return <Tag color={days < 0 ? 'red' : days <= 3 ? 'orange' : 'default'}>{formatDue(dueAt)}{days < 0 ? ` · ${t('common.overdue')}` : ''}</Tag>;
  };

  return (
    <Card title={t('inbox.title')}>
      <Tabs items={[
        {
          key: 'open', label: `${t('inbox.open')} (${open?.total ?? 0})`,
          children: !screens.md ? (
            // On a phone, a card per task: what it is, when it is due, and a button to answer it.
            <List<TaskView> dataSource={open?.items} loading={!open} locale={{ emptyText: t('inbox.empty') }} data-testid="task-list"
              pagination={open && open.total > 20 ? { current: page, pageSize: 20, total: open.total, onChange: setPage, simple: true } : false}
              renderItem={(r) => (
                <List.Item style={{ display: 'block' }}>
                  <Typography.Text strong style={{ display: 'block' }}>{r.task.title}</Typography.Text>
                  <div style={{ margin: '6px 0' }}>
                    <Tag>{t(`inbox.kinds.${r.task.kind}`, { defaultValue: r.task.kind })}</Tag>{dueTag(r.task.dueAt)}
                  </div>
                  <Button type="primary" block onClick={() => setCurrent(r)}>{t('inbox.answer')}</Button>
                </List.Item>
              )} />
          ) : (
            <Table<TaskView> rowKey="id" dataSource={open?.items} loading={!open} locale={{ emptyText: t('inbox.empty') }}
              scroll={{ x: 'max-content' }}
              pagination={{ current: page, pageSize: 20, total: open?.total, onChange: setPage }}
              columns={[
                { title: t('inbox.task'), render: (_, r) => r.task.title },
                { title: t('inbox.kind'), width: 120, render: (_, r) => t(`inbox.kinds.${r.task.kind}`, { defaultValue: r.task.kind }) },
                { title: t('common.due'), width: 170, render: (_, r) => dueTag(r.task.dueAt) },
                { title: t('inbox.received'), width: 160, render: (_, r) => formatMoment(r.createdAt) },
                { title: t('common.actions'), width: 100, render: (_, r) => <Button type="primary" size="small" onClick={() => setCurrent(r)}>{t('inbox.answer')}</Button> },
              ]} />
          ),
        },
        {
          key: 'done', label: t('inbox.done'),
          children: !screens.md ? (
            <List<DoneTask> dataSource={done?.items} loading={!done}
              renderItem={(r) => (
                <List.Item style={{ display: 'block' }}>
                  <Typography.Text strong style={{ display: 'block' }}>{r.title}</Typography.Text>
                  <Typography.Text type="secondary">{t(`inbox.${r.action}`, { defaultValue: r.action })} · {formatMoment(r.completedAt)}</Typography.Text>
                  {r.comment && <Typography.Paragraph style={{ margin: 0 }}>{r.comment}</Typography.Paragraph>}
                </List.Item>
              )} />
          ) : (
            <Table<DoneTask> rowKey="taskId" dataSource={done?.items} loading={!done}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('inbox.task'), dataIndex: 'title' },
                { title: t('inbox.answer'), width: 100, render: (_, r) => t(`inbox.${r.action}`, { defaultValue: r.action }) },
                { title: t('common.comment'), dataIndex: 'comment' },
                { title: t('inbox.answered'), width: 160, render: (_, r) => formatMoment(r.completedAt) },
              ]} />
          ),
        },
      ]} />
      <Drawer open={!!current} onClose={() => setCurrent(null)} size={screens.md ? 'large' : '100%'} title={current?.task.title} destroyOnHidden>
        {current && <TaskAnswerForm task={current} onAnswered={() => { setCurrent(null); load(); }} />}
      </Drawer>
    </Card>
  );
}
