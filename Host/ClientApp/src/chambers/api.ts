// The chamber directory: listing, importing from CSV/Excel, and a chamber's portal link.
import { del, get, path, post, put, upload, withQuery, type Page } from '../api/http';
import type { Chamber, ChamberEdit, ChamberType, FederationRef, ImportResult, PortalLink } from '../api/types';

export const listChambers = (query: { page: number; pageSize: number; search?: string; district?: string; type?: ChamberType }) =>
  get<Page<Chamber>>(withQuery('/api/chambers', query));

/** The units others may stand under (federations, and any unit with units under it), by name. */
export const listFederations = () => get<FederationRef[]>('/api/chambers/federations');

/** The districts chambers are in, for the filter. */
export const listDistricts = () => get<string[]>('/api/chambers/districts');

/** Replaces every field of one chamber (an empty one clears it), checked as an imported row is. */
export const updateChamber = (id: string, edit: ChamberEdit) => put<Chamber>(path`/api/chambers/${id}`, edit);

/** Refused (409) while a campaign names the chamber. */
export const deleteChamber = (id: string) => del(path`/api/chambers/${id}`);

/** The CSV to fill in: the header the import understands and an example row. */
export const chamberTemplateUrl = '/api/chambers/template.csv';

/** Adds or updates the chambers in a CSV or .xlsx file; rows with problems are listed, not imported. */
export function importChambers(file: File) {
  const form = new FormData();
  form.append('file', file);
  return upload<ImportResult>('/api/chambers/import', form);
}

export const createPortalLink = (chamberId: string) => post<PortalLink>(path`/api/chambers/${chamberId}/portal-link`);
