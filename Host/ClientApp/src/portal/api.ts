// The chamber portal, reached with the token from an e-mailed link instead of a sign-in.
import { api, get, path, post, put, upload } from '../api/http';
import type { EvidenceSheet, LedgerView, ObjectionView, PortalMeeting, PortalView, Submitted } from '../api/types';

export const getPortal = (token: string) => get<PortalView>(path`/api/portal/${token}`);

/** The language the chamber's reminders and notices are written in. */
export const setPortalMailLanguage = (token: string, language: string) => put<void>(path`/api/portal/${token}/mail-language`, { language });

/** Hands in an item's files, with an optional comment. */
export function submitPortalItem(token: string, itemId: string, files: { file: File; name: string }[], comment?: string) {
  const form = new FormData();
  files.forEach((f) => form.append('files', f.file, f.name));
  if (comment) form.append('comment', comment);
  return upload<Submitted>(path`/api/portal/${token}/items/${itemId}/submit`, form);
}

/** The campaigns' standards the chamber documents (台账), with what it has shown for each. */
export const getEvidence = (token: string) => get<EvidenceSheet[]>(path`/api/portal/${token}/evidence`);

export const saveEvidenceNote = (token: string, instanceId: string, itemId: string, note: string) =>
  put<EvidenceSheet>(path`/api/portal/${token}/evidence/${instanceId}/${itemId}/note`, { note });

export function addEvidenceFiles(token: string, instanceId: string, itemId: string, files: File[]) {
  const form = new FormData();
  files.forEach((f) => form.append('files', f, f.name));
  return upload<EvidenceSheet>(path`/api/portal/${token}/evidence/${instanceId}/${itemId}/files`, form);
}

export const deleteEvidenceFile = (token: string, instanceId: string, fileId: string) =>
  api<EvidenceSheet>('DELETE', path`/api/portal/${token}/evidence/${instanceId}/files/${fileId}`);

/** The chamber's 回执 for a meeting of its campaign: attending or declined, who comes, a note. */
export const replyToMeeting = (token: string, meetingId: string, reply: { reply: string; attendees?: string; note?: string }) =>
  put<PortalMeeting>(path`/api/portal/${token}/meetings/${meetingId}/reply`, reply);

/** Where the browser downloads a published circular or decision (a Word document). */
export const portalNoticeUrl = (token: string, noticeId: string) => path`/api/portal/${token}/notices/${noticeId}`;

/** An objection (异议) to a notice in its 公示. */
export const objectToNotice = (token: string, noticeId: string, text: string) =>
  post<ObjectionView>(path`/api/portal/${token}/notices/${noticeId}/objections`, { text });

/** The chamber's 台账 for a year, last year's figures beside. */
export const getLedger = (token: string, year: number) => get<LedgerView>(path`/api/portal/${token}/ledger/${year}`);

/** Enters the year's figures; they wait for the federation to confirm them. */
export const saveLedger = (token: string, year: number, figures: Record<string, number | null>) =>
  put<LedgerView>(path`/api/portal/${token}/ledger/${year}`, { figures });
