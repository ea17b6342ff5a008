using Chamber.Activities.Calendar;
using Chamber.Workflows.Persistence.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Activities;

public static class CampaignActivitiesServices
{
    /// <summary>The campaign module: for now the Chinese business calendar and its table.</summary>
    public static IServiceCollection AddCampaignActivities(this IServiceCollection services)
    {
        services.AddSingleton<BusinessCalendarService>();
        services.AddSingleton(new MigrationSource("activities", typeof(CampaignActivitiesServices).Assembly));
        return services;
    }
}
