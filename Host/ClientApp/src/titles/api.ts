// 认定称号: a unit's titles with their history, and removing one (摘牌).
import { get, path, post } from '../api/http';
import type { TitleHolders, TitleView } from '../api/types';

export const listTitles = (chamberId: string) => get<TitleView[]>(path`/api/chambers/${chamberId}/titles`);

export const removeTitle = (chamberId: string, titleId: string, reason: string) =>
  post<TitleView>(path`/api/chambers/${chamberId}/titles/${titleId}/remove`, { reason });

/** Who holds each title (a re-check's participants are picked from them). */
export const listTitleHolders = () => get<TitleHolders[]>('/api/titles/holders');
