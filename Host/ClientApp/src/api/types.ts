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
export type SubmissionFile = Schemas['SubmissionFileView'];

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
export type DemonstrationUnit = Schemas['DemonstrationUnit'];
export type CampaignMeetingView = Schemas['CampaignMeetingView'];
export type MeetingSheetRow = Schemas['MeetingSheetRow'];
export type SignInImportResult = Schemas['SignInImportResult'];
export type PortalMeeting = Schemas['PortalMeeting'];
export type PortalNotice = Schemas['PortalNotice'];
export type ObjectionView = Schemas['ObjectionView'];
export type NoticeView = Schemas['NoticeView'];
export type ShortlistView = Schemas['ShortlistView'];
export type HonourEntry = Schemas['HonourEntry'];
export type HonourChange = Schemas['HonourChange'];
export type TitleView = Schemas['TitleView'];
export type TitleHolders = Schemas['TitleHolders'];
export type RubricVersionInfo = Schemas['RubricVersionInfo'];
export type LedgerView = Schemas['LedgerView'];
export type LedgerSection = Schemas['LedgerSection'];
export type CampaignTreeView = Schemas['CampaignTreeView'];
export type FederationProgress = Schemas['FederationProgress'];
export type FederationRef = Schemas['FederationRef'];
export type DistrictProgress = Schemas['DistrictProgress'];
export type ChaseRequest = Schemas['ChaseRequest'];
export type ChaseResult = Schemas['ChaseResult'];
export type RetryResult = Schemas['RetryResult'];
export type StopRequest = Schemas['StopRequest'];
export type CampaignStop = Schemas['CampaignStop'];
export type PortalStoppedCampaign = Schemas['PortalStoppedCampaign'];
export type CampaignTemplate = Schemas['CampaignTemplate'];

export type Chamber = Required<Schemas['ChamberRecord']>;
export type ChamberEdit = Schemas['ChamberEdit'];
export type ChamberType = NonNullable<Schemas['ChamberType']>;
export type PortalLink = Schemas['PortalLinkView'];

export type CalendarYear = Schemas['CalendarYearSummary'];
export type CalendarYearPreview = Schemas['CalendarYearPreview'];
export type CalendarDayChange = Schemas['CalendarDayChange'];
export type AffectedDeadline = Schemas['AffectedDeadline'];
export type ResolvedDate = Schemas['DateResult'];

export type EmailTemplateText = Schemas['EmailTemplateText'];
export type EmailTemplateView = Schemas['EmailTemplateView'];
export type RenderedEmail = Schemas['RenderedEmail'];

export type PortalItem = Schemas['PortalItem'];
export type PortalView = Schemas['PortalView'];
export type EvidenceSheet = Schemas['EvidenceSheet'];
export type EvidenceItem = Schemas['EvidenceItem'];
export type PortalReceipt = Schemas['PortalReceipt'];
export type Submitted = Schemas['Submitted'];

export type UserView = Schemas['UserView'];
export type Person = Schemas['PersonView'];
export type CreateUser = Schemas['CreateUserRequest'];
export type UpdateUser = Schemas['UpdateUserRequest'];

export type OutboxItem = Schemas['OutboxItem'];

export type ActivityDescriptor = Schemas['ActivityDescriptor'];
export type DefinitionSummary = Schemas['DefinitionSummary'];
export type DefinitionImported = Schemas['ImportedDefinition'];
export type InstanceView = Schemas['InstanceView'];
export type InstanceRef = Schemas['InstanceRef'];

// TaskHistoryRecord is a C# class like CampaignRecord: the Host writes every property.
export type DoneTask = Required<Schemas['TaskHistoryRecord']>;
export type JournalEntry = Schemas['JournalEntry'];
export type ImportResult = Schemas['ImportResult'];
