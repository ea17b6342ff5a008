using Chamber.Host.Auth;
using Chamber.Workflows.Persistence;
using Chamber.Workflows.Runtime;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Chamber.Host.Jobs;

/// <summary>
/// Hangfire for background jobs, where Elsa uses it: activities marked runAsynchronously. Jobs
/// are stored in the engine's own database (SQLite file or PostgreSQL schema <c>hangfire</c>); the
/// dashboard is for administrators only, behind the same cookie sign-in.
/// </summary>
public static class JobsModule
{
    public const string DashboardPath = "/admin/jobs";

    public static IServiceCollection AddChamberJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobOptions>(configuration.GetSection("Jobs"));
        services.AddHangfire((sp, hangfire) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var jobs = sp.GetRequiredService<IOptions<JobOptions>>().Value;
            hangfire.UseLogProvider(new HangfireLogs(sp.GetRequiredService<ILoggerFactory>()));
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (storage.Provider == StorageProvider.Postgres)
            {
                hangfire.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(storage.ConnectionString),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", QueuePollInterval = jobs.PollInterval, PrepareSchemaIfNecessary = true });
            }
            else
            {
                hangfire.UseSQLiteStorage(new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource,
                    new SQLiteStorageOptions { QueuePollInterval = jobs.PollInterval });
            }
        });
        if (configuration.GetValue("Jobs:ServerEnabled", true))
        {
            services.AddHangfireServer((sp, server) =>
            {
                server.WorkerCount = Math.Max(1, sp.GetRequiredService<IOptions<JobOptions>>().Value.WorkerCount);
                server.Queues = [BackgroundActivityJob.Queue];
            });
        }
        services.AddTransient<BackgroundActivityJob>();
        services.AddSingleton<IBackgroundActivityQueue, HangfireActivityQueue>();
        return services;
    }

    /// <summary>The dashboard, for administrators; its own actions carry ASP.NET Core's anti-forgery token.</summary>
    public static void MapJobDashboard(this WebApplication app) =>
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new AdministratorsOnly()],
            AppPath = "/",
            // Hangfire's own pages follow the reader's language; its title is one string for all, so it is the product's name.
            DashboardTitle = "Hangfire",
            DisplayStorageConnectionString = false,
        });

    private sealed class AdministratorsOnly : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            if (http.User.Identity?.IsAuthenticated != true)
                return false;
            var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
            return (await authorization.AuthorizeAsync(http.User, Policies.Administer)).Succeeded;
        }
    }
}
