namespace Chamber.Campaigns.Persistence;

/// <summary>
/// The campaign module's own statements outside EF Core, in one place (the engine's are in its
/// EngineSql): upserts EF Core cannot express. Standard SQL that SQLite and PostgreSQL both run.
/// </summary>
internal static class CampaignSql
{
    /// <summary>An administrator's calendar year, added or replaced.</summary>
    public const string UpsertCalendarYear = """
        INSERT INTO calendar_years (year, json, updated_at) VALUES (@year, @json, @at)
        ON CONFLICT (year) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at
        """;

    public const string SelectCalendarYears = "SELECT year, json FROM calendar_years ORDER BY year";

    /// <summary>A participant reached a stage; a report repeated after a retry changes nothing.</summary>
    public static FormattableString InsertStageReached(string campaignId, string stage, string chamberId, DateTime reachedAt) =>
        $"INSERT INTO campaign_stages (campaign_id, stage, chamber_id, reached_at) VALUES ({campaignId}, {stage}, {chamberId}, {reachedAt}) ON CONFLICT DO NOTHING";
}
