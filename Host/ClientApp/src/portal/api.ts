// The chamber portal, reached with the token from an e-mailed link instead of a sign-in.
import { get, path, put, upload } from '../api/http';
import type { PortalView, Submitted } from '../api/types';

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
