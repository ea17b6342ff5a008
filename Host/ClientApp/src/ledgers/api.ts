// 台账: a unit's yearly figures as staff read, confirm or return them.
import { get, path, post } from '../api/http';
import type { LedgerView } from '../api/types';

export const listLedgers = (chamberId: string) => get<LedgerView[]>(path`/api/chambers/${chamberId}/ledgers`);

export const reviewLedger = (chamberId: string, year: number, confirm: boolean, reason?: string) =>
  post<LedgerView>(path`/api/chambers/${chamberId}/ledgers/${year}/review`, { confirm, reason: reason ?? null });
