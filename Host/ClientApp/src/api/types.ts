// The shapes the Host's API returns (camelCase JSON), as far as the client reads them.

export type SignedInUser = { email: string; displayName: string; roles: string[]; antiforgeryToken?: string | null };

export type TaskPayload = {
  kind: 'SignOff' | 'Submission' | 'CheckSubmission' | 'RubricReview' | 'MeetingRecord' | string;
  title: string;
  assignee: string;
  actions: string[];
  dueAt?: string | null;
  description?: string | null;
  mode?: string | null;
  context?: Record<string, string> | null;
};

export type TaskView = { id: string; instanceId: string; definitionId: string; activityId: string; task: TaskPayload; createdAt: string };

export type DoneTask = {
  taskId: string; instanceId: string; kind: string; title: string; actor: string; action: string; comment?: string | null; completedAt: string;
};

export type RubricItem = { id: string; area: string; title: string; maxScore: number; veto: boolean; indicator?: unknown };
export type Rubric = { id: string; name: string; nameEn?: string; passLine: number; items: RubricItem[] };

export type CampaignStatus = 'Draft' | 'Launching' | 'Running';

export type CampaignRecord = {
  id: string; name: string; year: number; templateId: string; status: CampaignStatus; participantCount: number; launchedCount: number;
  createdAt: string; launchedAt?: string | null;
};

export type StageCounts = { id: string; stage: string; dueAt?: string | null; pending: number; overdue: number; submitted: number; accepted: number };

export type CampaignView = {
  id: string; name: string; year: number; templateId: string; status: CampaignStatus; instanceId: string; participantWorkflow?: string | null;
  participants: number; launched: number; finished: number; stages: StageCounts[];
  tasks: { stage: string; kind: string; title: string; assignee: string; dueAt?: string | null }[];
  outcomes: Record<string, number>; createdAt: string; launchedAt?: string | null;
};

export type ParticipantView = {
  chamberId: string; chamber: string; district?: string | null; instanceId: string;
  status: 'pending' | 'overdue' | 'submitted' | 'reviewing' | 'running' | 'finished' | 'faulted' | 'not-launched';
  stage?: string | null; dueAt?: string | null; overdue: boolean; round: number; reached?: string | null; score?: number | null; outcome?: string | null;
};

export type CampaignTemplate = { id: string; name?: string; description?: string; version: number; rubric?: string; participantWorkflow?: string; schedule?: Record<string, unknown> };

export type Chamber = { id: string; name: string; type: string; district?: string | null; contact?: string | null; email: string; phone?: string | null; memberCount?: number | null };

export type ImportResult = {
  rows: number; created: number; updated: number; unchanged: number; errors: { row: number; column?: string; message: string }[]; chamberIds: string[];
};

export type ChaseResult = { chased: number; alreadyChasedToday: number; nothingToSubmit: number };

export type EmailTemplateText = { subject: string; text: string; html: string };
export type EmailTemplateView = { name: string; current: EmailTemplateText; customised: boolean; updatedAt?: string | null; updatedBy?: string | null; shipped: EmailTemplateText };
export type RenderedEmail = EmailTemplateText;

export type PortalItem = { id: string; title: string; description?: string | null; dueAt?: string | null; round: number; feedback?: string | null; campaign?: string | null };
export type PortalView = { chamber: string; items: PortalItem[]; allowedFileTypes: string[]; maxFileBytes: number; maxFiles: number; now: string };

export type UserView = { id: string; email: string; displayName: string; roles: string[]; disabled: boolean; createdAt: string };

export type OutboxItem = {
  id: string; channel: string; summary?: string | null; status: 'Pending' | 'Sending' | 'Sent' | 'Failed'; attempts: number; lastError?: string | null;
  instanceId?: string | null; createdAt: string; nextAttemptAt?: string | null; sentAt?: string | null;
};
