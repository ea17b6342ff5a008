// Campaigns: the list, one campaign with its stages, creating and launching, participants and 催办.
import i18n from '../i18n';
import { del, get, path, post, put, upload, withQuery, type Page } from '../api/http';
import type { CampaignRecord, CampaignTemplate, CampaignTreeView, CampaignView, ChaseRequest, ChaseResult, CreateCampaign, DemonstrationUnit, DistrictProgress, EvidenceSheet, NoticeView, ObjectionView,
  ParticipantView, Person, RetryResult, StopRequest, SubmissionFile } from '../api/types';
import type { TimelineEntry } from '../timeline/sentence';
import { filterQuery, type ParticipantFilter } from './participantFilter';

export type Paging = { page?: number; pageSize: number };

export const listCampaigns = () => get<CampaignRecord[]>('/api/campaigns');

export const getCampaign = (id: string) => get<CampaignView>(path`/api/campaigns/${id}`);

export const listCampaignTemplates = () => get<CampaignTemplate[]>('/api/campaign-templates');

// Request bodies bind missing fields as null, so a partial body is a valid one.
export const createCampaign = (campaign: Partial<CreateCampaign>) => post<CampaignRecord>('/api/campaigns', campaign);

/** A draft as it was asked for (participants too), to edit in the wizard. */
export const getCampaignDraft = (id: string) => get<CreateCampaign>(path`/api/campaigns/${id}/draft`);

export const updateCampaign = (id: string, campaign: Partial<CreateCampaign>) => put<CampaignRecord>(path`/api/campaigns/${id}`, campaign);

export const deleteCampaign = (id: string) => del(path`/api/campaigns/${id}`);

export const launchCampaign = (id: string) => post<CampaignView>(path`/api/campaigns/${id}/launch`);

/** Stops (中止) a launched campaign; its participants are told the reason. */
export const stopCampaign = (id: string, reason: string) => post<CampaignView>(path`/api/campaigns/${id}/stop`, { reason } satisfies StopRequest);

/** Runs every faulted workflow of the campaign (its own and its chambers') again from its fault. */
export const retryFaulted = (id: string) => post<RetryResult>(path`/api/campaigns/${id}/retry-faulted`);

export function listParticipants(campaignId: string, filter: ParticipantFilter, paging: Paging) {
  const query = filterQuery(filter);
  return get<Page<ParticipantView>>(`${withQuery(path`/api/campaigns/${campaignId}/participants`, paging)}${query && `&${query}`}`);
}

/** The campaign's own documents (the plan), which its approvers open on their task. */
export const listCampaignDocuments = (campaignId: string) => get<SubmissionFile[]>(path`/api/campaigns/${campaignId}/documents`);

export function addCampaignDocuments(campaignId: string, files: File[]) {
  const form = new FormData();
  for (const file of files) form.append('files', file);
  return upload<SubmissionFile[]>(path`/api/campaigns/${campaignId}/documents`, form);
}

export const deleteCampaignDocument = (campaignId: string, fileId: string) => del(path`/api/campaigns/${campaignId}/documents/${fileId}`);

/** What happened in the campaign, newest first (all of it, or one workflow's). */
export const getCampaignTimeline = (campaignId: string, instanceId?: string) =>
  get<TimelineEntry[]>(withQuery(path`/api/campaigns/${campaignId}/timeline`, { instanceId }));

export const chaseParticipants = (campaignId: string, request: Partial<ChaseRequest>) =>
  post<ChaseResult>(path`/api/campaigns/${campaignId}/chase`, request);

/** Where the browser downloads the participants (as filtered) as a spreadsheet, written in the reader's language. */
export function participantsExportUrl(campaignId: string, filter: ParticipantFilter): string {
  const query = filterQuery(filter);
  return `${path`/api/campaigns/${campaignId}/export`}?lang=${encodeURIComponent(i18n.language)}${query && `&${query}`}`;
}

/** Active accounts whose name or address contains the text (of one role, when given): the wizard's people pickers. */
export const findPeople = (search: string, role?: string) => get<Person[]>(withQuery('/api/people', { search, role }));

/** A participant's evidence per standard (which are still missing before the review). */
export const getParticipantEvidence = (instanceId: string) => get<EvidenceSheet>(path`/api/workflow-instances/${instanceId}/evidence`);

/** The campaign's demonstration units (示范单位), in the order staff picked them. */
export const listDemonstrations = (campaignId: string) => get<DemonstrationUnit[]>(path`/api/campaigns/${campaignId}/demonstrations`);

export const pickDemonstration = (campaignId: string, chamberId: string, reason: string) =>
  put<void>(path`/api/campaigns/${campaignId}/demonstrations/${chamberId}`, { reason });

export const dropDemonstration = (campaignId: string, chamberId: string) => del(path`/api/campaigns/${campaignId}/demonstrations/${chamberId}`);

/** The campaign by district: participants, who owes and who is late, the review's outcome and the mean score. */
export const listDistricts = (campaignId: string) => get<DistrictProgress[]>(path`/api/campaigns/${campaignId}/districts`);

/** The campaign through the directory's hierarchy: each federation with the participants under it. */
export const campaignTree = (campaignId: string) => get<CampaignTreeView>(path`/api/campaigns/${campaignId}/tree`);

/** What participants objected to during a notice's 公示, with staff's answers. */
export const listObjections = (campaignId: string) => get<ObjectionView[]>(path`/api/campaigns/${campaignId}/objections`);

export const answerObjection = (campaignId: string, objectionId: string, answer: string) =>
  post<ObjectionView>(path`/api/campaigns/${campaignId}/objections/${objectionId}/answer`, { answer });

/** The campaign's circular and decision, and where each stands. */
export const listNotices = (campaignId: string) => get<NoticeView[]>(path`/api/campaigns/${campaignId}/notices`);
