using Chamber.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowDefinitionRecord>(e =>
        {
            e.ToTable("workflow_definitions");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasColumnName("id");
            e.Property(d => d.DefinitionId).HasColumnName("definition_id");
            e.Property(d => d.Version).HasColumnName("version");
            e.Property(d => d.Name).HasColumnName("name");
            e.Property(d => d.Description).HasColumnName("description");
            e.Property(d => d.Status).HasColumnName("status").HasConversion<string>();
            e.Property(d => d.IsLatest).HasColumnName("is_latest");
            e.Property(d => d.Json).HasColumnName("json");
            e.Property(d => d.CreatedAt).HasColumnName("created_at");
            e.Property(d => d.PublishedAt).HasColumnName("published_at");
        });

        modelBuilder.Entity<WorkflowInstanceRecord>(e =>
        {
            e.ToTable("workflow_instances");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).HasColumnName("id");
            e.Property(i => i.DefinitionId).HasColumnName("definition_id");
            e.Property(i => i.DefinitionVersionId).HasColumnName("definition_version_id");
            e.Property(i => i.Version).HasColumnName("version");
            e.Property(i => i.Status).HasColumnName("status").HasConversion<string>();
            e.Property(i => i.CorrelationId).HasColumnName("correlation_id");
            e.Property(i => i.ParentInstanceId).HasColumnName("parent_instance_id");
            e.Property(i => i.ParentBookmarkId).HasColumnName("parent_bookmark_id");
            e.Property(i => i.State).HasColumnName("state");
            e.Property(i => i.IncidentCount).HasColumnName("incident_count");
            e.Property(i => i.CreatedAt).HasColumnName("created_at");
            e.Property(i => i.UpdatedAt).HasColumnName("updated_at");
            e.Property(i => i.FinishedAt).HasColumnName("finished_at");
            e.Property(i => i.RowVersion).HasColumnName("row_version").IsConcurrencyToken();
        });

        modelBuilder.Entity<BookmarkRecord>(e =>
        {
            e.ToTable("workflow_bookmarks");
            e.HasKey(b => b.Id);
            e.Property(b => b.Id).HasColumnName("id");
            e.Property(b => b.InstanceId).HasColumnName("instance_id");
            e.Property(b => b.Name).HasColumnName("name");
            e.Property(b => b.Key).HasColumnName("key");
            e.Property(b => b.CorrelationId).HasColumnName("correlation_id");
            e.Property(b => b.ActivityId).HasColumnName("activity_id");
            e.Property(b => b.ActivityType).HasColumnName("activity_type");
            e.Property(b => b.DueAt).HasColumnName("due_at");
            e.Property(b => b.CreatedAt).HasColumnName("created_at");
        });

        modelBuilder.Entity<JournalSegmentRecord>(e =>
        {
            e.ToTable("workflow_journal");
            e.HasKey(j => new { j.InstanceId, j.Sequence });
            e.Property(j => j.InstanceId).HasColumnName("instance_id");
            e.Property(j => j.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            e.Property(j => j.Entries).HasColumnName("entries");
            e.Property(j => j.CreatedAt).HasColumnName("created_at");
        });

        modelBuilder.Entity<DispatchRecord>(e =>
        {
            e.ToTable("workflow_dispatches");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasColumnName("id");
            e.Property(d => d.Kind).HasColumnName("kind").HasConversion<string>();
            e.Property(d => d.InstanceId).HasColumnName("instance_id");
            e.Property(d => d.BookmarkId).HasColumnName("bookmark_id");
            e.Property(d => d.Payload).HasColumnName("payload");
            e.Property(d => d.CreatedAt).HasColumnName("created_at");
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC. SQLite returns DateTime without a kind; mark it so it round-trips.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

internal static class WorkflowStatusNames
{
    public static bool IsTerminal(this WorkflowStatus status) =>
        status is WorkflowStatus.Finished or WorkflowStatus.Cancelled;
}
