import { Button, Card, Drawer, Grid, Table, Tabs, Tag } from 'antd';
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
          children: (
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
          children: (
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
