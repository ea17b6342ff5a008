// The chamber directory: listing, importing from CSV/Excel, and a chamber's portal link.
import { get, path, post, upload, withQuery, type Page } from '../api/http';
import type { Chamber, ImportResult, PortalLink } from '../api/types';

export const listChambers = (query: { page: number; pageSize: number; search?: string }) =>
  get<Page<Chamber>>(withQuery('/api/chambers', query));

/** Adds or updates the chambers in a CSV or .xlsx file; rows with problems are listed, not imported. */
export function importChambers(file: File) {
  const form = new FormData();
  form.append('file', file);
  return upload<ImportResult>('/api/chambers/import', form);
}

export const createPortalLink = (chamberId: string) => post<PortalLink>(path`/api/chambers/${chamberId}/portal-link`);
