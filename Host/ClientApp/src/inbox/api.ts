// The signed-in person's tasks: open ones, answered ones, and answering one.
import { get, path, post, upload, withQuery, type Page } from '../api/http';
import type { CompletedTask, DoneTask, EvidenceSheet, SubmissionFile, TaskAnswer, TaskView } from '../api/types';

export const listOpenTasks = (query: { page?: number; pageSize: number }) =>
  get<Page<TaskView>>(withQuery('/api/tasks', { status: 'Open', ...query }));

export const listDoneTasks = (query: { page?: number; pageSize: number }) =>
  get<Page<DoneTask>>(withQuery('/api/tasks', { status: 'Done', ...query }));

/** How many tasks wait for the signed-in person. */
export const countOpenTasks = async () => (await listOpenTasks({ pageSize: 1 })).total;

export const completeTask = (taskId: string, answer: Partial<TaskAnswer>) => post<CompletedTask>(path`/api/tasks/${taskId}/complete`, answer);

/** What the chamber handed in for a task: the submission being checked, or everything for a review. */
export const listTaskFiles = (taskId: string) => get<SubmissionFile[]>(path`/api/tasks/${taskId}/files`);

/** Adds files to one of the reader's open tasks (a signed page): whoever answers next there sees them. */
export function addTaskFiles(taskId: string, files: File[]) {
  const form = new FormData();
  for (const file of files) form.append('files', file);
  return upload<SubmissionFile[]>(path`/api/tasks/${taskId}/files`, form);
}

/** The chamber's evidence for each standard of the review task (台账), shown beside the item being scored. */
export const getTaskEvidence = (taskId: string) => get<EvidenceSheet>(path`/api/tasks/${taskId}/evidence`);

/** Where a handed-in file downloads (always as a download, never shown inside the app). */
export const submissionFileUrl = (fileId: string) => path`/api/submissions/files/${fileId}`;
