using System.Globalization;
using System.Text.Json;
using Chamber.Campaigns.Email;
using Chamber.Campaigns.Lifecycle;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Honours;

/// <summary>
/// 拟表彰名单: when the review is over, ranks the units that passed into the campaign's tiers, up
/// to its quota (<see cref="CampaignHonours"/>), keeps the list as a Word document among the
/// campaign's documents, and sends it to the leaders. Staff adjust it on the campaign page until
/// the leaders sign it off (a <c>Chamber.SignOff</c> after this step); the decision drafted next
/// names the units on it.
/// </summary>
[Activity("Chamber.HonoursShortlist", "Campaign", "Ranks the units that passed into the list proposed for commendation (拟表彰名单), by tier and up to a quota, for the leaders to decide.",
    DisplayName = "Honours shortlist")]
public sealed class HonoursShortlist : Activity
{
    [Input(Description = "The title conferred, e.g. 2026年度“四好”商会.", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Honour { get; set; }

    [Input(Description = "commendation (表彰, a yearly honour) or recognition (认定, a title held for years); the campaign's setting honourKind.",
        UIHint = InputUIHints.SingleLine, DefaultValue = HonourKinds.Commendation)]
    public Input<string>? Kind { get; set; }

    [Input(Description = "The most units the list names; empty: every unit that passed (the campaign's setting honoursQuota).", UIHint = InputUIHints.SingleLine)]
    public Input<object>? Quota { get; set; }

    [Input(Description = "The tiers, in order: a JSON list of { name, nameEn, minScore, count }; empty: one list.", UIHint = InputUIHints.JsonEditor)]
    public Input<object>? Tiers { get; set; }

    [Input(Description = "Who receives the list: e-mail addresses, as a list or separated by commas.", UIHint = InputUIHints.MultiText)]
    public Input<object>? To { get; set; }

    [Output(Description = "How many passed and how many the list names.")]
    public Output<ShortlistSummary>? Result { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var campaignId = CampaignInputs.CampaignIdOf(context, "拟表彰名单");
        var kind = context.Get(Kind) is { Length: > 0 } given ? given.Trim() : HonourKinds.Commendation;
        if (!HonourKinds.IsKind(kind))
            throw new InvalidOperationException(ReaderText.Of($"未知的结果类型“{kind}”，可用：commendation（表彰）、recognition（认定）",
                $"Unknown honour kind '{kind}'; one of commendation, recognition."));
        var request = new ShortlistRequest(PlainText.OneLine(context.Get(Honour) ?? "先进商会"), kind, ReadQuota(context.Get(Quota)), ReadTiers(context.Get(Tiers)));
        var list = await context.Services.GetRequiredService<CampaignHonours>().ProposeAsync(campaignId, request, context.CancellationToken);
        context.Set(Result, new ShortlistSummary(list.Entries.Count, list.Included));

        var to = EmailMessage.Addresses(context.Get(To)).Where(EmailAddress.IsValid).ToList();
        if (to.Count > 0)
        {
            // The names in the English message stay as the directory has them; the tier is the list's own word.
            var named = list.Entries.Where(e => e.Included).Select(e => e.Tier is { } tier ? $"{e.Chamber}（{tier}）" : e.Chamber).ToList();
            var model = new Dictionary<string, object?>
            {
                ["campaign"] = context.WorkflowInput.GetValueOrDefault(CampaignInputs.CampaignName)?.ToString() ?? "",
                ["honour"] = list.Honour,
                ["verb"] = HonourKinds.Verb(kind),
                ["verbEn"] = HonourKinds.VerbEn(kind),
                ["participants"] = list.Participants,
                ["passed"] = list.Entries.Count,
                ["namedCount"] = list.Included,
                ["quota"] = list.Quota,
                ["names"] = named.Take(Outcomes.CommendationList.NamesInMail).ToList(),
                ["more"] = Math.Max(0, named.Count - Outcomes.CommendationList.NamesInMail),
            };
            await CampaignMail.SendToStaffAsync(context, "honours-shortlist", to, "final", model);
        }

        context.JournalMessage(ReaderText.Of($"拟{HonourKinds.Verb(kind)}名单：{list.Entries.Count} 个单位达标，名单列入 {list.Included} 个",
            $"Shortlist: {list.Entries.Count} passed, {list.Included} on the list"));
        await context.CompleteActivityAsync();
    }

    /// <summary>A quota as the campaign's setting gives it (a number or text); empty: none. Zero or less faults the step.</summary>
    private static int? ReadQuota(object? value)
    {
        var text = value switch { null => "", JsonElement e => e.ToString(), _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" };
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return HonourKinds.PositiveWhole(text)
            ?? throw new InvalidOperationException(ReaderText.Of($"名额“{text}”应为正整数", $"The quota '{text}' must be a positive whole number."));
    }

    /// <summary>The tiers from a JSON text or list; names must be given and differ.</summary>
    public static IReadOnlyList<HonourTier> ReadTiers(object? value)
    {
        if (value is null || value is string { Length: 0 })
            return [];
        var json = value is string text ? text : JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
        List<HonourTier>? tiers;
        try
        {
            tiers = JsonSerializer.Deserialize<List<HonourTier>>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException(ReaderText.Of($"档次应为 JSON 列表：{e.Message}", $"The tiers must be a JSON list: {e.Message}"));
        }

        tiers ??= [];
        if (tiers.Any(t => string.IsNullOrWhiteSpace(t.Name)) || tiers.DistinctBy(t => t.Name).Count() != tiers.Count)
            throw new InvalidOperationException(ReaderText.Of("每一档都要有名称，且名称不能重复", "Every tier needs a name of its own."));
        if (tiers.Any(t => t.Name.Trim().Length > 50 || PlainText.HasControlCharacters(t.Name)))
            throw new InvalidOperationException(ReaderText.Of("档次名称须为一行，不超过 50 字", "A tier's name is one line of at most 50 characters."));
        if (tiers.Any(t => t.Count is <= 0))
            throw new InvalidOperationException(ReaderText.Of("档次的名额应为正整数", "A tier's count must be a positive whole number."));
        if (tiers.Any(t => t.MinScore is < 0 or > 1000))
            throw new InvalidOperationException(ReaderText.Of("档次的最低分应在 0–1000 之间", "A tier's minimum score is between 0 and 1,000."));
        return tiers;
    }
}

/// <summary>How many units passed, and how many the list names.</summary>
public sealed record ShortlistSummary(int Passed, int Named);
