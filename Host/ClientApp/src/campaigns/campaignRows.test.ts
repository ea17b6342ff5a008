import { describe, expect, it } from 'vitest';
import type { CampaignRecord } from '../api/types';
import { campaignRows } from './campaignRows';

const campaign = (id: string, parentCampaignId?: string) => ({ id, name: id, parentCampaignId } as unknown as CampaignRecord);

describe('campaignRows', () => {
  it('hangs the districts\' campaigns under the city\'s, and leaves nothing to expand on the others', () => {
    const rows = campaignRows([campaign('city'), campaign('huangpu', 'city'), campaign('street', 'huangpu'), campaign('other')]);
    expect(rows.map((r) => r.id)).toEqual(['city', 'other']);
    expect(rows[0].children?.map((r) => r.id)).toEqual(['huangpu']);
    expect(rows[0].children?.[0].children?.map((r) => r.id)).toEqual(['street']);
    expect(rows[1].children).toBeUndefined();
    expect(rows[0].children?.[0].children?.[0].children).toBeUndefined();
  });

  it('shows a federation\'s campaign at the top when the upper campaign is out of the reader\'s reach', () => {
    expect(campaignRows([campaign('huangpu', 'city')]).map((r) => r.id)).toEqual(['huangpu']);
  });
});
