using Chamber.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Host.Auth;

public static class Roles
{
    public const string Admin = "admin";
    public const string Staff = "staff";
    public const string Leader = "leader";
    public const string Reviewer = "reviewer";

    public static readonly string[] All = [Admin, Staff, Leader, Reviewer];
}

public sealed class UserRecord
{
    public required string Id { get; set; }

    /// <summary>Stored lower-case; sign-in compares lower-case.</summary>
    public required string Email { get; set; }

    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }

    /// <summary>Comma-separated role names.</summary>
    public required string Roles { get; set; }

    public bool Disabled { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The language the person reads (<see cref="Campaigns.Email.MessageLanguage"/>), as the web client last chose it; null: Chinese.</summary>
    public string? Language { get; set; }

    /// <summary>
    /// The federation (a directory unit) the account works for: it sees and runs only that
    /// federation's campaigns and units (<see cref="FederationScope"/>). Null: the top level.
    /// </summary>
    public string? FederationId { get; set; }

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The Host's own tables (created by the Host's SQL migrations, module "host").</summary>
public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : DbContext(options)
{
    public DbSet<UserRecord> Users => Set<UserRecord>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();
    public DbSet<WorkflowApi.ShippedDefinitionRecord> ShippedDefinitions => Set<WorkflowApi.ShippedDefinitionRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserRecord>(e =>
        {
            e.ToTable("host_users");
            e.HasKey(u => u.Id);
            e.Ignore(u => u.RoleList);
        });
        modelBuilder.Entity<SessionRecord>(e =>
        {
            e.ToTable("host_sessions");
            e.HasKey(s => s.Id);
        });
        modelBuilder.Entity<WorkflowApi.ShippedDefinitionRecord>(e =>
        {
            e.ToTable("host_shipped_definitions");
            e.HasKey(d => d.DefinitionId);
        });
        modelBuilder.Entity<DataProtectionKeyRecord>(e =>
        {
            e.ToTable("host_data_protection_keys");
            e.HasKey(k => k.Id);
        });
        modelBuilder.UseSnakeCaseColumns();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseUtcDateTimes();
}
