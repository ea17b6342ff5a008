// The shapes the Host's API returns (camelCase JSON). Wherever the Host's OpenAPI document
// (openapi.json beside this file) describes a shape, it is an alias of the type generated from
// that document (schema.gen.ts, made by scripts/generate-api-types.mjs before every check, test
// and build), so a change on the server breaks the client's build instead of its pages. Host.Tests'
// OpenApiDocumentTests keeps openapi.json equal to what the Host serves.
import type { components } from './schema.gen';

type Schemas = components['schemas'];

export type SignedInUser = Schemas['SignedInUser'];
export type ClockState = Schemas['ClockState'];
export type AntiforgeryToken = Schemas['AnonymousTypeOfstring'];

export type TaskPayload = Schemas['TaskPayload'];
export type TaskView = Schemas['TaskView'];
export type TaskAnswer = Schemas['TaskAnswer'];
export type CompletedTask = Schemas['CompletedTask'];

export type RubricItem = Schemas['RubricItem'];
export type Rubric = Schemas['Rubric'];

export type CampaignStatus = Schemas['CampaignStatus'];
// CampaignRecord and ChamberRecord are C# classes with settable properties, of which the document
// marks only the `required` ones required; the Host writes every property (null when unset).
export type CampaignRecord = Required<Schemas['CampaignRecord']>;
export type CreateCampaign = Schemas['CreateCampaign'];
export type StageCounts = Schemas['StageCounts'];
export type CampaignView = Schemas['CampaignView'];
export type ParticipantView = Schemas['ParticipantView'];
export type ChaseRequest = Schemas['ChaseRequest'];
export type ChaseResult = Schemas['ChaseResult'];
export type CampaignTemplate = Schemas['CampaignTemplate'];

export type Chamber = Required<Schemas['ChamberRecord']>;
export type PortalLink = Schemas['PortalLinkView'];

export type CalendarYear = Schemas['CalendarYearSummary'];
export type ResolvedDate = Schemas['DateResult'];

export type EmailTemplateText = Schemas['EmailTemplateText'];
export type EmailTemplateView = Schemas['EmailTemplateView'];
export type RenderedEmail = Schemas['RenderedEmail'];

export type PortalItem = Schemas['PortalItem'];
export type PortalView = Schemas['PortalView'];
export type Submitted = Schemas['Submitted'];

export type UserView = Schemas['UserView'];
export type CreateUser = Schemas['CreateUserRequest'];
export type UpdateUser = Schemas['UpdateUserRequest'];

export type OutboxItem = Schemas['OutboxItem'];

export type ActivityDescriptor = Schemas['ActivityDescriptor'];
export type DefinitionSummary = Schemas['DefinitionSummary'];
// The definition import's result: the document's ImportResult (see the chamber import's below).
export type DefinitionImported = Schemas['ImportResult'];
export type InstanceView = Schemas['InstanceView'];
export type InstanceRef = Schemas['InstanceRef'];

// ---------------------------------------------------------------------------------------------
// Hand-written: the document has no schema for these, because their C# endpoints return a plain
// IResult (no declared response type) or, for the chamber import, because its result type shares
// its name with the definition import's and the document describes only the latter. Keep them in
// step with the C# types named.

/** GET /api/tasks?status=Done items (Host/Tasks/TaskEndpoints.cs; Activities/Tasks/TaskInbox.cs TaskHistoryRecord). */
export type DoneTask = {
  taskId: string; instanceId: string; kind: string; title: string; actor: string; action: string; comment?: string | null; completedAt: string;
};

/** GET /api/workflow-instances/{id}/journal entries (Host/WorkflowApi/InstanceEndpoints.cs; Workflows/Runtime/Records.cs JournalEntry). */
export type JournalEntry = { timestamp: string; activityId?: string | null; activityType?: string | null; eventName: string; message?: string | null };

/** POST /api/chambers/import (Host/Chambers/ChamberEndpoints.cs; Activities/Chambers/ChamberDirectory.cs ImportResult). */
export type ImportResult = {
  rows: number; created: number; updated: number; unchanged: number; errors: { row: number; column?: string; message: string }[]; chamberIds: string[];
};
