import { useEffect, useState } from 'react';
import { get } from '../api/http';
import type { ActivityDescriptor } from './model';

/** The activity types the Host offers, by type name (loaded once per page). */
export function useDescriptors(): Map<string, ActivityDescriptor> | null {
  const [descriptors, setDescriptors] = useState<Map<string, ActivityDescriptor> | null>(null);
  useEffect(() => {
    get<ActivityDescriptor[]>('/api/activity-descriptors').then((list) => setDescriptors(new Map(list.map((d) => [d.typeName, d]))));
  }, []);
  return descriptors;
}
