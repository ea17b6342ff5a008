// 拟表彰名单: the campaign's ranked list, and staff's changes to it.
import { get, path, put } from '../api/http';
import type { HonourChange, ShortlistView } from '../api/types';

/** The list, or a 404 before the review is over. */
export const getShortlist = (campaignId: string) => get<ShortlistView>(path`/api/campaigns/${campaignId}/honours`);

/** Puts a unit on the list (in a tier) or takes it off, with the reason; the list as it now stands. */
export const changeHonour = (campaignId: string, chamberId: string, change: HonourChange) =>
  put<ShortlistView>(path`/api/campaigns/${campaignId}/honours/${chamberId}`, change);
