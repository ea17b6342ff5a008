using Microsoft.EntityFrameworkCore;

namespace Chamber.Workflows.Persistence;

/// <summary>
/// The engine's tables. The schema itself is created by the SQL migrations in
/// <c>Persistence/Migrations</c> (forward-only, per provider); this model maps onto it.
/// </summary>
public sealed class WorkflowsDbContext(DbContextOptions<WorkflowsDbContext> options) : DbContext(options)
{
    public DbSet<WorkflowDefinitionRecord> Definitions => Set<WorkflowDefinitionRecord>();
    public DbSet<WorkflowInstanceRecord> Instances => Set<WorkflowInstanceRecord>();
    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();
    public DbSet<JournalSegmentRecord> Journal => Set<JournalSegmentRecord>();
    public DbSet<DispatchRecord> Dispatches => Set<DispatchRecord>();
    public DbSet<WorkflowScheduleRecord> Schedules => Set<WorkflowScheduleRecord>();
    public DbSet<Outbox.OutboxRecord> Outbox => Set<Outbox.OutboxRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowDefinitionRecord>(e =>
        {
            e.ToTable("workflow_definitions");
            e.HasKey(d => d.Id);
            e.Property(d => d.Status).HasConversion<string>();
        });

        modelBuilder.Entity<WorkflowInstanceRecord>(e =>
        {
            e.ToTable("workflow_instances");
            e.HasKey(i => i.Id);
            e.Property(i => i.Status).HasConversion<string>();
            e.Property(i => i.RowVersion).IsConcurrencyToken();
        });

        modelBuilder.Entity<BookmarkRecord>(e =>
        {
            e.ToTable("workflow_bookmarks");
            e.HasKey(b => b.Id);
        });

        modelBuilder.Entity<JournalSegmentRecord>(e =>
        {
            e.ToTable("workflow_journal");
            e.HasKey(j => new { j.InstanceId, j.Sequence });
            e.Property(j => j.Sequence).ValueGeneratedNever();
        });

        modelBuilder.Entity<DispatchRecord>(e =>
        {
            e.ToTable("workflow_dispatches");
            e.HasKey(d => d.Id);
            e.Property(d => d.Kind).HasConversion<string>();
        });

        modelBuilder.Entity<WorkflowScheduleRecord>(e =>
        {
            e.ToTable("workflow_schedules");
            e.HasKey(d => d.Id);
        });

        modelBuilder.Entity<Outbox.OutboxRecord>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Status).HasConversion<string>();
        });

        modelBuilder.UseSnakeCaseColumns();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseUtcDateTimes();
}

