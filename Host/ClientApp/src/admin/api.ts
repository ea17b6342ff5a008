// Administration: the business calendar, rubrics, users, e-mail templates and the outbox.
import { api, get, path, post, put, withQuery, type Page } from '../api/http';
import type {
  CalendarYear, CalendarYearPreview, CreateUser, EmailTemplateText, EmailTemplateView, OutboxItem, RenderedEmail, LedgerSection, ResolvedDate, Rubric, RubricVersionInfo, UpdateUser, UserView,
} from '../api/types';

export const listCalendarYears = () => get<CalendarYear[]>('/api/calendars/cn/years');

/**
 * A year of holidays and make-up working days from a file as people have it (our yearly JSON,
 * chinese-days' JSON, an iCalendar feed): first what it would change, then the import.
 */
export const previewCalendarYear = (year: number, file: string) =>
  api<CalendarYearPreview>('POST', path`/api/calendars/cn/years/${year}/preview`, { text: file });
export const saveCalendarYear = (year: number, file: string) => api<CalendarYearPreview>('PUT', path`/api/calendars/cn/years/${year}`, { text: file });

/** What a business-date expression ("2026-10-03>") comes to on the calendar. */
export const resolveBusinessDate = (expression: string) => get<ResolvedDate>(withQuery('/api/calendars/cn/resolve', { expression }));

export const listRubrics = () => get<Rubric[]>('/api/rubrics');

/** A rubric at a version (a reviewer's task names the one its campaign scores by), or the latest. */
export const getRubric = (id: string, version?: number) => get<Rubric>(withQuery(path`/api/rubrics/${id}`, { version }));

/** The figures of the 台账, which an indicator may name. */
export const listLedgerFields = () => get<LedgerSection[]>('/api/ledger-fields');

/** A rubric's versions, the newest first. */
export const listRubricVersions = (id: string) => get<RubricVersionInfo[]>(path`/api/rubrics/${id}/versions`);

/** Keeps an administrator's edit as the rubric's next version. */
export const saveRubric = (id: string, rubric: Rubric, note: string) => put<Rubric>(path`/api/rubrics/${id}`, { rubric, note });

export const listUsers = () => get<UserView[]>('/api/users');

export const createUser = (user: CreateUser) => post<UserView>('/api/users', user);

// Request bodies bind missing fields as null (unchanged), so a patch sends only what changes.
export const updateUser = (id: string, patch: Partial<UpdateUser>) => put<UserView>(path`/api/users/${id}`, patch);

export const listEmailTemplates = () => get<EmailTemplateView[]>('/api/email-templates');

export const getEmailTemplate = (name: string, language: string) => get<EmailTemplateView>(path`/api/email-templates/${name}?language=${language}`);

export const saveEmailTemplate = (name: string, language: string, draft: EmailTemplateText) =>
  put<EmailTemplateView>(path`/api/email-templates/${name}?language=${language}`, draft);

/** Back to the shipped text. */
export const resetEmailTemplate = (name: string, language: string) => api<void>('DELETE', path`/api/email-templates/${name}?language=${language}`);

/** The draft rendered with sample values. */
export const previewEmailTemplate = (name: string, language: string, draft: EmailTemplateText) =>
  post<RenderedEmail>(path`/api/email-templates/${name}/preview?language=${language}`, draft);

export const listOutbox = (query: { status?: string; page: number; pageSize: number }) =>
  get<Page<OutboxItem>>(withQuery('/api/outbox', { channel: 'email', ...query }));

export const retryOutboxItem = (id: string) => post<void>(path`/api/outbox/${id}/retry`);

/** Every e-mail given up on, sent again (after an outage); answers how many. */
export const retryFailedEmails = () => post<{ requeued: number }>('/api/outbox/retry-failed', {});
