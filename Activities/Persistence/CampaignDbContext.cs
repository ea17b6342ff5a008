using Chamber.Activities.Chambers;
using Chamber.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Activities.Persistence;

/// <summary>The campaign module's tables (created by its SQL migrations, module "activities").</summary>
public sealed class CampaignDbContext(DbContextOptions<CampaignDbContext> options) : DbContext(options)
{
    public DbSet<ChamberRecord> Chambers => Set<ChamberRecord>();
    public DbSet<Tasks.TaskHistoryRecord> TaskHistory => Set<Tasks.TaskHistoryRecord>();
    public DbSet<Submissions.SubmissionFileRecord> SubmissionFiles => Set<Submissions.SubmissionFileRecord>();
    public DbSet<Campaigns.CampaignRecord> Campaigns => Set<Campaigns.CampaignRecord>();
    public DbSet<Campaigns.CampaignParticipantRecord> CampaignParticipants => Set<Campaigns.CampaignParticipantRecord>();
    public DbSet<Campaigns.CampaignStageRecord> CampaignStages => Set<Campaigns.CampaignStageRecord>();
    public DbSet<Email.EmailTemplateRecord> EmailTemplates => Set<Email.EmailTemplateRecord>();

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
        modelBuilder.Entity<Campaigns.CampaignRecord>(e =>
        {
            e.ToTable("campaigns");
            e.HasKey(c => c.Id);
            e.Property(c => c.Status).HasConversion<string>();
        });
        modelBuilder.Entity<Campaigns.CampaignParticipantRecord>(e =>
        {
            e.ToTable("campaign_participants");
            e.HasKey(p => new { p.CampaignId, p.ChamberId });
        });
        modelBuilder.Entity<Campaigns.CampaignStageRecord>(e =>
        {
            e.ToTable("campaign_stages");
            e.HasKey(s => new { s.CampaignId, s.Stage, s.ChamberId });
        });
        modelBuilder.Entity<Email.EmailTemplateRecord>(e =>
        {
            e.ToTable("email_templates");
            e.HasKey(t => t.Name);
        });
        modelBuilder.UseSnakeCaseColumns();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseUtcDateTimes();
}
