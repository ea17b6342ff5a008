// Meetings held once for a whole campaign: the list, the sign-in sheet, moving and finishing one.
import { get, path, post, upload, withQuery, type Page } from '../api/http';
import type { CampaignMeetingView, MeetingSheetRow, SignInImportResult } from '../api/types';

export type Paging = { page?: number; pageSize: number };

/** The meetings held once for the whole campaign (工作例会/推进会), with replies and attendance counted. */
export const listCampaignMeetings = (campaignId: string) => get<CampaignMeetingView[]>(path`/api/campaigns/${campaignId}/meetings`);

export type SheetFilter = { search?: string; reply?: string; attended?: string };

/** One page of a meeting's sign-in sheet: every participant with its 回执 and whether it came. */
export const getMeetingSheet = (campaignId: string, meetingId: string, filter: SheetFilter, paging: Paging) =>
  get<Page<MeetingSheetRow>>(withQuery(path`/api/campaigns/${campaignId}/meetings/${meetingId}/sheet`, { ...filter, ...paging }));

/** Ticks participants present (true), absent (false) or not recorded (null). */
export const signInParticipants = (campaignId: string, meetingId: string, chamberIds: string[], attended: boolean | null) =>
  post<{ changed: number }>(path`/api/campaigns/${campaignId}/meetings/${meetingId}/sign-in`, { chamberIds, attended });

/** Signs in everyone the meeting's own sign-in list (XLSX or CSV, first column the name) names. */
export function importSignInList(campaignId: string, meetingId: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload<SignInImportResult>(path`/api/campaigns/${campaignId}/meetings/${meetingId}/sign-in/import`, form);
}

export const moveCampaignMeeting = (campaignId: string, meetingId: string, move: { date: string; time: string | null; location: string | null }) =>
  post<CampaignMeetingView>(path`/api/campaigns/${campaignId}/meetings/${meetingId}/move`, move);

/** Finishes the meeting with its minutes (answers the recorders' task). */
export const completeCampaignMeeting = (campaignId: string, meetingId: string, minutes: string) =>
  post<CampaignMeetingView>(path`/api/campaigns/${campaignId}/meetings/${meetingId}/complete`, { minutes });
