// Workflow definitions (the designer) and running instances.
import { get, path, post, put, withQuery } from '../api/http';
import type { ActivityDescriptor, DefinitionImported, DefinitionSummary, InstanceRef, InstanceView, JournalEntry } from '../api/types';
import type { TimelineEntry } from '../timeline/sentence';
import type { DefinitionJson } from './model';

/** A definition version: the document says only "a JSON object" for the definition, which is Elsa 3's JSON. */
export type DefinitionDetail = { summary: DefinitionSummary; definition: DefinitionJson };

export const getActivityDescriptors = () => get<ActivityDescriptor[]>('/api/activity-descriptors');

export const listDefinitions = () => get<DefinitionSummary[]>('/api/workflow-definitions');

/** A definition's latest version, or the version given. */
export const getDefinition = (definitionId: string, version?: number) =>
  get<DefinitionDetail>(withQuery(path`/api/workflow-definitions/${definitionId}`, { version: version || undefined }));

export const listDefinitionVersions = (definitionId: string) => get<DefinitionSummary[]>(path`/api/workflow-definitions/${definitionId}/versions`);

export const saveDefinitionDraft = (definitionId: string, definition: DefinitionJson) =>
  put<DefinitionSummary>(path`/api/workflow-definitions/${definitionId}`, definition);

export const publishDefinition = (definitionId: string) => post<DefinitionSummary>(path`/api/workflow-definitions/${definitionId}/publish`);

/** Creates a definition (or a new version of one) from Elsa 3 JSON. */
export const importDefinition = (definition: unknown) => post<DefinitionImported>('/api/workflow-definitions/import', definition);

/** Where the browser downloads a definition as Elsa 3 JSON. */
export const definitionExportUrl = (definitionId: string) => path`/api/workflow-definitions/${definitionId}/export`;

export const getInstance = (id: string) => get<InstanceView>(path`/api/workflow-instances/${id}`);

export const getJournal = (id: string) => get<JournalEntry[]>(path`/api/workflow-instances/${id}/journal`);

/** The instance's story in words (a campaign's participant or its own workflow), newest first. */
export const getInstanceTimeline = (id: string) => get<TimelineEntry[]>(path`/api/workflow-instances/${id}/timeline`);

export const retryInstance = (id: string) => post<InstanceRef>(path`/api/workflow-instances/${id}/retry`);
export const moveMeeting = (id: string, activityId: string, move: { date: string; time: string | null; location: string | null }) =>
  post<InstanceRef>(path`/api/workflow-instances/${id}/meetings/${activityId}/move`, move);
