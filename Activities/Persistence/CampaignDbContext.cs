using Chamber.Campaigns.Chambers;
using Chamber.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Persistence;

/// <summary>The campaign module's tables (created by its SQL migrations, module "activities").</summary>
public sealed class CampaignDbContext(DbContextOptions<CampaignDbContext> options) : DbContext(options)
{
    public DbSet<ChamberRecord> Chambers => Set<ChamberRecord>();
    public DbSet<Tasks.TaskHistoryRecord> TaskHistory => Set<Tasks.TaskHistoryRecord>();
    public DbSet<Submissions.SubmissionFileRecord> SubmissionFiles => Set<Submissions.SubmissionFileRecord>();
    public DbSet<Submissions.SubmissionReceiptRecord> SubmissionReceipts => Set<Submissions.SubmissionReceiptRecord>();
    public DbSet<Lifecycle.CampaignRecord> Campaigns => Set<Lifecycle.CampaignRecord>();
    public DbSet<Lifecycle.CampaignParticipantRecord> CampaignParticipants => Set<Lifecycle.CampaignParticipantRecord>();
    public DbSet<Lifecycle.CampaignStageRecord> CampaignStages => Set<Lifecycle.CampaignStageRecord>();
    public DbSet<Email.EmailTemplateRecord> EmailTemplates => Set<Email.EmailTemplateRecord>();
    public DbSet<Evidence.EvidenceNoteRecord> EvidenceNotes => Set<Evidence.EvidenceNoteRecord>();
    public DbSet<Meetings.CampaignMeetingRecord> CampaignMeetings => Set<Meetings.CampaignMeetingRecord>();
    public DbSet<Meetings.MeetingAttendanceRecord> MeetingAttendance => Set<Meetings.MeetingAttendanceRecord>();
    public DbSet<Notices.NoticeRecord> Notices => Set<Notices.NoticeRecord>();
    public DbSet<Notices.ObjectionRecord> Objections => Set<Notices.ObjectionRecord>();
    public DbSet<Honours.ShortlistRecord> Shortlists => Set<Honours.ShortlistRecord>();
    public DbSet<Honours.HonourRecord> Honours => Set<Honours.HonourRecord>();
    public DbSet<Titles.TitleRecord> Titles => Set<Titles.TitleRecord>();
    public DbSet<Titles.TitleEventRecord> TitleEvents => Set<Titles.TitleEventRecord>();
    public DbSet<Reviews.RubricVersionRecord> RubricVersions => Set<Reviews.RubricVersionRecord>();
    public DbSet<Ledgers.LedgerRecord> Ledgers => Set<Ledgers.LedgerRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ChamberRecord>(e =>
        {
            e.ToTable("chambers");
            e.HasKey(c => c.Id);
            e.Property(c => c.Type).HasConversion<string>();
        });
        modelBuilder.Entity<Tasks.TaskHistoryRecord>(e =>
        {
            e.ToTable("task_history");
            e.HasKey(h => h.TaskId);
        });
        modelBuilder.Entity<Submissions.SubmissionFileRecord>(e =>
        {
            e.ToTable("submission_files");
            e.HasKey(f => f.Id);
        });
        modelBuilder.Entity<Submissions.SubmissionReceiptRecord>(e =>
        {
            e.ToTable("submission_receipts");
            e.HasKey(r => r.ItemId);
        });
        modelBuilder.Entity<Lifecycle.CampaignRecord>(e =>
        {
            e.ToTable("campaigns");
            e.HasKey(c => c.Id);
            e.Property(c => c.Status).HasConversion<string>();
        });
        modelBuilder.Entity<Lifecycle.CampaignParticipantRecord>(e =>
        {
            e.ToTable("campaign_participants");
            e.HasKey(p => new { p.CampaignId, p.ChamberId });
        });
        modelBuilder.Entity<Lifecycle.CampaignStageRecord>(e =>
        {
            e.ToTable("campaign_stages");
            e.HasKey(s => new { s.CampaignId, s.Stage, s.ChamberId });
        });
        modelBuilder.Entity<Email.EmailTemplateRecord>(e =>
        {
            e.ToTable("email_templates");
            e.HasKey(t => new { t.Name, t.Language });
        });
        modelBuilder.Entity<Evidence.EvidenceNoteRecord>(e =>
        {
            e.ToTable("rubric_evidence");
            e.HasKey(n => new { n.InstanceId, n.ItemId });
        });
        modelBuilder.Entity<Meetings.CampaignMeetingRecord>(e =>
        {
            e.ToTable("campaign_meetings");
            e.HasKey(m => m.Id);
        });
        modelBuilder.Entity<Meetings.MeetingAttendanceRecord>(e =>
        {
            e.ToTable("campaign_meeting_attendance");
            e.HasKey(a => new { a.MeetingId, a.ChamberId });
        });
        modelBuilder.Entity<Notices.NoticeRecord>(e =>
        {
            e.ToTable("campaign_notices");
            e.HasKey(n => n.Id);
        });
        modelBuilder.Entity<Notices.ObjectionRecord>(e =>
        {
            e.ToTable("notice_objections");
            e.HasKey(o => o.Id);
        });
        modelBuilder.Entity<Honours.ShortlistRecord>(e =>
        {
            e.ToTable("campaign_shortlists");
            e.HasKey(s => s.CampaignId);
        });
        modelBuilder.Entity<Honours.HonourRecord>(e =>
        {
            e.ToTable("campaign_honours");
            e.HasKey(h => new { h.CampaignId, h.ChamberId });
        });
        modelBuilder.Entity<Ledgers.LedgerRecord>(e =>
        {
            e.ToTable("chamber_ledgers");
            e.HasKey(l => new { l.ChamberId, l.Year });
        });
        modelBuilder.Entity<Reviews.RubricVersionRecord>(e =>
        {
            e.ToTable("rubric_versions");
            e.HasKey(r => new { r.RubricId, r.Version });
        });
        modelBuilder.Entity<Titles.TitleRecord>(e =>
        {
            e.ToTable("chamber_titles");
            e.HasKey(t => t.Id);
        });
        modelBuilder.Entity<Titles.TitleEventRecord>(e =>
        {
            e.ToTable("chamber_title_events");
            e.HasKey(t => t.Id);
        });
        modelBuilder.UseSnakeCaseColumns();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseUtcDateTimes();
}
