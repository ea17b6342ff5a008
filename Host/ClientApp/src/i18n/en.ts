import type { Messages } from './zh-CN';

const en: Messages = {
  app: { name: 'Chamber Campaign Workflows', short: 'Campaigns' },
  nav: { calendar: 'Business calendar', rubrics: 'Rubrics', designer: 'Designer', dashboard: 'Dashboard', campaigns: 'Campaigns', inbox: 'My tasks', chambers: 'Chambers', users: 'Users and roles', outbox: 'E-mail outbox', emailTemplates: 'E-mail templates', signOut: 'Sign out', language: '中文' },
  rehearsal: { banner: 'Rehearsal: the system runs on a simulated clock, now {{time}} (Beijing time); reminders and deadlines follow it.' },
  signIn: { title: 'Sign in', email: 'E-mail', password: 'Password', submit: 'Sign in', failed: 'Sign-in failed' },
  common: {
    loading: 'Loading…', save: 'Save', cancel: 'Cancel', submit: 'Submit', refresh: 'Refresh', search: 'Search', all: 'All', none: 'None', yes: 'Yes', no: 'No',
    due: 'Due', overdue: 'Overdue', daysLeft: '{{count}} days left', comment: 'Comment', actions: 'Actions', status: 'Status', name: 'Name', done: 'Done',
    export: 'Export to Excel', error: 'Something went wrong',
  },
  status: {
    pending: 'Pending', overdue: 'Overdue', submitted: 'Submitted', reviewing: 'Under review', running: 'Running', finished: 'Finished', faulted: 'Faulted', 'not-launched': 'Not launched',
    Draft: 'Draft', Launching: 'Launching', Running: 'Running',
  },
  outcome: { commended: 'Commended', rectifying: 'Rectifying', 'not-passed': 'Not passed', none: 'No outcome yet' },
  dashboard: {
    title: 'Dashboard', campaigns: 'Running campaigns', participants: 'Participants', overdue: 'Overdue', myTasks: 'My tasks', funnel: 'Progress by stage',
    outcomes: 'Review outcomes', noCampaign: 'No campaign yet: create one first.', pending: 'Pending', submitted: 'Submitted', accepted: 'Accepted',
    longestOverdue: 'Longest overdue', allOverdue: 'All {{total}} overdue →', daysOverdue: 'Days overdue',
  },
  campaigns: {
    title: 'Campaigns', create: 'New campaign', launch: 'Launch', launched: 'Launched {{launched}} / {{total}}', year: 'Year', template: 'Template', participants: 'Participants',
    leaders: 'Leaders (e-mail)', reviewers: 'Reviewers', planApprovers: 'Plan approvers (optional)', stages: 'Stages', chamber: 'Chamber', district: 'District',
    stage: 'Current stage', reached: 'Last stage done', score: 'Score', outcome: 'Outcome', round: 'Round', filterStatus: 'Filter by status',
    schedule: 'Deadlines', scheduleHint: 'Proposed from the template and the business calendar; change as needed', pickAll: 'All chambers', created: 'Campaign created', launchStarted: 'The campaign is launching',
    filterOutcome: 'Filter by outcome', searchChamber: 'Chamber name', total: '{{total}} in all',
    chasePicked: 'Chase picked ({{count}})', chaseOverdue: 'Chase all overdue', chaseTitle: 'Chase', chaseSend: 'Send reminders',
    chaseSome: 'E-mail the {{count}} picked chambers that still have something to submit (at most once a day per item).', chaseAllOverdue: 'E-mail every chamber that is overdue (at most once a day per item).',
    chaseNote: 'Note (optional), added to the e-mail', chased: '{{chased}} chased; {{alreadyChasedToday}} already chased today, not sent again; {{nothingToSubmit}} with nothing to submit.',
    importHere: 'Import and pick', importedPicked: '{{count}} chambers imported and picked',
    campaignTasks: "The campaign workflow's open tasks", wizardSteps: { template: 'Template', schedule: 'Dates', participants: 'Participants', people: 'People' },
  },
  inbox: {
    title: 'My tasks', open: 'To do', done: 'Done', empty: 'Nothing to do', task: 'Task', kind: 'Kind', received: 'Received', answer: 'Answer',
    approve: 'Approve', reject: 'Reject', return: 'Return', transfer: 'Transfer', addSigner: 'Add signer', accept: 'Accept', score: 'Score', attended: 'Attended', absent: 'Absent',
    target: 'Transfer / add signer (e-mail)', commentRequired: 'A comment is required to reject or return', noFiles: 'No files handed in', fileSize: '{{size}} KB', files: 'Files', vetoes: 'Veto items', total: 'Total', passLine: 'Pass line',
    kinds: { SignOff: 'Sign-off', CheckSubmission: 'Check submission', RubricReview: 'Review scoring', MeetingRecord: 'Meeting record', Submission: 'Submission' },
    answered: 'Answered', mode: 'Mode', modes: { all: 'All must approve', any: 'Any one approves', sequential: 'One after another' },
  },
  portal: {
    title: 'Submissions', welcome: 'Welcome, {{chamber}}', items: 'Items to hand in', none: 'Nothing to hand in at the moment. Thank you!', upload: 'Choose files', submit: 'Submit',
    feedback: 'Feedback', round: 'Submission no. {{round}}', submitted: 'Submitted, waiting for review', limits: '{{types}}; at most {{size}} MB per file, {{count}} files',
    sent: 'Handed in', sentAt: 'Sent {{time}} (Beijing time)', receipt: { submitted: 'Waiting for review', accepted: 'Accepted', returned: 'Returned' },
    invalid: 'This link is not valid or has expired. Use the link in the latest e-mail, or contact the member department.', comment: 'Note (optional)',
  },
  chambers: { title: 'Chamber directory', import: 'Import (CSV / Excel)', imported: '{{rows}} rows: {{created}} new, {{updated}} updated', rowErrors: 'Rows not imported', contact: 'Contact', email: 'E-mail', phone: 'Phone', type: 'Type', members: 'Members', portalLink: 'Portal link' },
  users: { title: 'Users and roles', create: 'New user', email: 'E-mail', displayName: 'Name', roles: 'Roles', disabled: 'Disabled', password: 'Initial password', enable: 'Enable', disable: 'Disable' },
  roles: { admin: 'Administrator', staff: 'Member department staff', leader: 'Leader', reviewer: 'Reviewer' },
  designer: {
    title: 'Workflow designer', definitions: 'Workflow definitions', open: 'Design', newDefinition: 'New workflow', definitionId: 'Definition id', palette: 'Activities', properties: 'Properties',
    undo: 'Undo', redo: 'Redo', layout: 'Auto-layout', saveDraft: 'Save draft', publish: 'Publish', versions: 'Versions', import: 'Import JSON', export: 'Export JSON',
    saved: 'Draft saved (version {{version}})', published: 'Version {{version}} published', invalid: 'Fix these first', unknownType: 'Unknown activity type', activityId: 'Activity id',
    required: 'Required', selectHint: 'Select an activity to see its properties; drag new ones from the left, connect from the ports on the right.', latest: 'latest', draft: 'draft', publishedTag: 'published',
    instance: 'Workflow instance', journal: 'Journal', incidents: 'Incidents', retry: 'Retry', noIncidents: 'No incidents', myTask: 'My task at this activity', states: { finished: 'Finished', current: 'Current', faulted: 'Faulted' },
    openInstance: 'Open the flowchart',
  },
  calendar: {
    title: 'Business calendar', upload: 'Import a year (JSON)', holidays: 'Holidays', workdays: 'Make-up working days', source: 'Source', byAdmin: 'added by an administrator',
    saved: '{{year}} imported: {{holidays}} holidays, {{workdays}} make-up working days', missing: 'There is no calendar for {{year}} yet: reminders and deadlines in it cannot be computed. Import it once the State Council has published the holidays.',
    hint: 'Deadlines and reminders follow the Chinese statutory holidays and make-up working days. The file has the format of the yearly files in definitions/calendars/cn.',
  },
  rubrics: { title: 'Rubrics', area: 'Area', item: 'Item', computed: 'computed from figures' },
  emailTemplates: {
    title: 'E-mail templates', pick: 'Pick a template on the left to edit it', customised: 'Changed', preview: 'Preview', reset: 'Reset to default', resetConfirm: 'Go back to the shipped template?',
    saved: 'Saved: messages from now on use it', invalid: 'The template cannot be used', subject: 'Subject', text: 'Plain text', changedBy: 'Changed by {{by}} on {{at}}',
    htmlHint: 'Values are escaped; triple braces and & (they switch escaping off) and scripts are not allowed.', fields: 'Fields:',
    names: {
      'submission-request': 'Submission request', 'submission-reminder': 'Reminder before the deadline', 'submission-overdue': 'Automatic chase', 'submission-chase': 'Chase by staff',
      'submission-escalation': 'Escalation to leaders', 'submission-returned': 'Submission returned', 'sign-off-reminder': 'Sign-off reminder', 'sign-off-escalation': 'Sign-off escalation',
      'meeting-invitation': 'Meeting invitation', 'rectification-order': 'Rectification order', 'rectification-failed': 'Rectification failed', commendation: 'Commendation', 'commendation-list': 'List of honours (leaders)',
    },
  },
  outbox: { title: 'E-mail outbox', channel: 'Channel', summary: 'Recipients · subject', attempts: 'Attempts', lastError: 'Last error', retry: 'Send again', sentAt: 'Sent' },
};
export default en;
