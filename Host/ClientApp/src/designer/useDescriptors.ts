import { useEffect, useState } from 'react';
import { getActivityDescriptors } from './api';
import type { ActivityDescriptor } from './model';

/** The activity types the Host offers, by type name (loaded once per page). */
export function useDescriptors(): Map<string, ActivityDescriptor> | null {
  const [descriptors, setDescriptors] = useState<Map<string, ActivityDescriptor> | null>(null);
  useEffect(() => {
    getActivityDescriptors().then((list) => setDescriptors(new Map(list.map((d) => [d.typeName, d]))));
  }, []);
  return descriptors;
}
