import type { CampaignRecord } from '../api/types';

/** A campaign as the list shows it: the federations' campaigns opened for it hang under it. */
export type CampaignRow = CampaignRecord & { children?: CampaignRow[] };

/**
 * The campaigns as a tree: each federation's campaign under the upper campaign it runs for, when
 * that one is in the list too (a district's staff see their own at the top). A campaign with none
 * below it has no children, so the table offers nothing to expand.
 */
export function campaignRows(campaigns: readonly CampaignRecord[]): CampaignRow[] {
  const ids = new Set(campaigns.map((c) => c.id));
  const below = new Map<string, CampaignRecord[]>();
  for (const c of campaigns) {
    if (c.parentCampaignId && ids.has(c.parentCampaignId)) below.set(c.parentCampaignId, [...(below.get(c.parentCampaignId) ?? []), c]);
  }
  const rowOf = (c: CampaignRecord, depth: number): CampaignRow => {
    const children = depth < 8 ? below.get(c.id) : undefined;
    return { ...c, children: children ? children.map((child) => rowOf(child, depth + 1)) : undefined };
  };
  return campaigns.filter((c) => !c.parentCampaignId || !ids.has(c.parentCampaignId)).map((c) => rowOf(c, 0));
}
