using System.Text.Json;
using Chamber.Campaigns.Chambers;
using Chamber.Workflows.Localization;

namespace Chamber.Campaigns.Reviews;

/// <summary>
/// A measurable item, computed from the chamber's figures rather than scored by hand: a ratio
/// with a minimum (member coverage ≥ 30 %) or a yearly growth above a rate (members > 6 %).
/// </summary>
public sealed record RubricIndicator(string? Numerator = null, string? Denominator = null, double? Min = null,
    string? GrowthOf = null, string? Previous = null, double? Above = null)
{
    /// <summary>The value and whether it meets the standard, from the directory's figures alone.</summary>
    public (double Value, bool Met)? Evaluate(ChamberRecord chamber) => Evaluate(Ledgers.ChamberFigures.Of(chamber));

    /// <summary>The value and whether it meets the standard; null when the figures it needs are missing.</summary>
    public (double Value, bool Met)? Evaluate(Ledgers.ChamberFigures chamber)
    {
        if (GrowthOf is not null && Previous is not null)
        {
            return Figure(chamber, GrowthOf) is { } now && Figure(chamber, Previous) is { } before && before > 0
                ? ((now - before) / before, (now - before) / before > (Above ?? 0))
                : null;
        }

        return Numerator is not null && Denominator is not null && Figure(chamber, Numerator) is { } top && Figure(chamber, Denominator) is { } bottom && bottom > 0
            ? (top / bottom, top / bottom >= (Min ?? 0))
            : null;
    }

    /// <summary>The figures an indicator may name: the 台账's, and last year's member count.</summary>
    public static IReadOnlyList<string> Figures => Ledgers.ChamberFigures.Names;

    private static double? Figure(Ledgers.ChamberFigures chamber, string name) => Figures.Contains(name)
        ? chamber[name]
        : throw new InvalidOperationException($"Unknown chamber figure '{name}' in a rubric indicator.");
}

/// <summary>
/// One standard of a rubric: scored up to <see cref="MaxScore"/>, computed by its indicator, or a veto (一票否决).
/// Its area and title are the notice's Chinese; <see cref="AreaEn"/> and <see cref="TitleEn"/> are for readers of English.
/// <see cref="ProductOwn"/> marks an item the product added, which the notice does not have (the veto items: no seed names one).
/// </summary>
public sealed record RubricItem(string Id, string Area, string Title, decimal MaxScore = 0, bool Veto = false, RubricIndicator? Indicator = null,
    string? AreaEn = null, string? TitleEn = null, bool ProductOwn = false)
{
    /// <summary>The title in <paramref name="language"/> (a <see cref="Email.MessageLanguage"/>).</summary>
    public string TitleIn(string language) => language == Email.MessageLanguage.English && !string.IsNullOrWhiteSpace(TitleEn) ? TitleEn : Title;
}

/// <summary>
/// A campaign's standards (标准细则), seeded from definitions/rubrics, with English beside the notices'
/// Chinese; kept as versions that administrators edit (<see cref="RubricCatalog"/>).
/// </summary>
public sealed record Rubric(string Id, string Name, string? NameEn, string? Source, string? Note, decimal PassLine, IReadOnlyList<RubricItem> Items,
    string? NoteEn = null)
{
    /// <summary>The version in the catalog; 0 for the shipped file itself.</summary>
    public int Version { get; init; }

    public decimal Total => Items.Sum(i => i.MaxScore);

    /// <summary>Why an edited rubric cannot be kept, or an empty list: every problem at once, named as the editor shows it.</summary>
    public IReadOnlyList<string> DesignProblems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
            problems.Add(ReaderText.Of("细则需要名称", "The rubric needs a name."));
        if (Items is not { Count: > 0 })
            problems.Add(ReaderText.Of("细则至少要有一项标准", "The rubric needs at least one item."));
        foreach (var group in (Items ?? []).GroupBy(i => i.Id).Where(g => g.Count() > 1))
            problems.Add(ReaderText.Of($"标准编号“{group.Key}”重复", $"The item id '{group.Key}' is used twice."));
        foreach (var item in Items ?? [])
        {
            var name = string.IsNullOrWhiteSpace(item.Title) ? item.Id : item.Title;
            if (string.IsNullOrWhiteSpace(item.Id) || item.Id.Length > 64 || item.Id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
                problems.Add(ReaderText.Of($"“{name}”的编号应为字母、数字、- 或 _（不超过 64 个）", $"'{name}' needs an id of letters, digits, - or _ (at most 64)."));
            if (string.IsNullOrWhiteSpace(item.Title) || string.IsNullOrWhiteSpace(item.Area))
                problems.Add(ReaderText.Of($"“{item.Id}”需要方面和标准内容", $"'{item.Id}' needs an area and a title."));
            if (item.Veto ? item.MaxScore != 0 : item.MaxScore is <= 0 or > 1000)
                problems.Add(item.Veto
                    ? ReaderText.Of($"否决项“{name}”不计分（分值应为 0）", $"The veto item '{name}' carries no points (0).")
                    : ReaderText.Of($"“{name}”的分值应在 0–1000 之间且大于 0", $"'{name}' is worth more than 0 and at most 1,000 points."));
            if (item.Indicator is { } indicator)
            {
                var ratio = indicator.Numerator is not null || indicator.Denominator is not null;
                var growth = indicator.GrowthOf is not null || indicator.Previous is not null;
                var named = new[] { indicator.Numerator, indicator.Denominator, indicator.GrowthOf, indicator.Previous }.Where(f => f is not null);
                if (item.Veto || ratio == growth || (ratio && (indicator.Numerator is null || indicator.Denominator is null || indicator.Min is not (>= 0 and <= 10)))
                    || (growth && (indicator.GrowthOf is null || indicator.Previous is null || indicator.Above is not (>= -1 and <= 10)))
                    || named.Any(f => !RubricIndicator.Figures.Contains(f!)))
                    problems.Add(ReaderText.Of($"“{name}”的指标应为比例（分子、分母、最低值）或增长（本期、上期、增幅），数据取自：{string.Join("、", RubricIndicator.Figures)}",
                        $"'{name}' needs a ratio (numerator, denominator, minimum) or a growth (figure, previous, above) of the figures {string.Join(", ", RubricIndicator.Figures)}."));
            }
        }

        if (PassLine <= 0 || PassLine > Total)
            problems.Add(ReaderText.Of($"及格线应大于 0 且不超过总分 {Total}", $"The pass line must be above 0 and at most the total of {Total}."));
        return problems;
    }

    /// <summary>The items a reviewer scores by hand.</summary>
    public IEnumerable<RubricItem> Scored => Items.Where(i => !i.Veto && i.Indicator is null);

    /// <summary>Why a reviewer's answer cannot be taken, or an empty list.</summary>
    public IReadOnlyList<string> Problems(IReadOnlyDictionary<string, decimal>? scores, IReadOnlyList<string>? vetoes)
    {
        var problems = new List<string>();
        foreach (var item in Scored)
        {
            if (scores is null || !scores.TryGetValue(item.Id, out var score))
                problems.Add(ReaderText.Of($"缺少“{item.Title}”的得分", $"Item '{item.Id}' has no score."));
            else if (score < 0 || score > item.MaxScore)
                problems.Add(ReaderText.Of($"“{item.Id}”得分应在 0–{item.MaxScore} 之间", $"Item '{item.Id}' is scored 0–{item.MaxScore}."));
        }

        foreach (var id in (scores?.Keys ?? []).Where(id => Scored.All(i => i.Id != id)))
            problems.Add(ReaderText.Of($"细则中没有“{id}”", $"The rubric has no scored item '{id}'."));
        foreach (var id in (vetoes ?? []).Where(id => Items.All(i => i.Id != id || !i.Veto)))
            problems.Add(ReaderText.Of($"“{id}”不是否决项", $"'{id}' is not a veto item."));
        return problems;
    }
}

/// <summary>The shipped rubrics, read once from the assembly.</summary>
public static class Rubrics
{
    private static readonly Lazy<IReadOnlyDictionary<string, Rubric>> Shipped = new(Load);

    public static IReadOnlyCollection<Rubric> All => [.. Shipped.Value.Values.OrderBy(r => r.Id, StringComparer.Ordinal)];

    public static Rubric Get(string id) => Shipped.Value.TryGetValue(id, out var rubric)
        ? rubric
        : throw new InvalidOperationException(ReaderText.Of($"考核细则“{id}”不存在，现有：{string.Join(", ", Shipped.Value.Keys)}", $"There is no rubric '{id}' (shipped: {string.Join(", ", Shipped.Value.Keys)})."));

    public static bool Exists(string id) => Shipped.Value.ContainsKey(id);

    private static IReadOnlyDictionary<string, Rubric> Load()
    {
        var assembly = typeof(Rubrics).Assembly;
        var rubrics = new Dictionary<string, Rubric>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rubrics/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var rubric = JsonSerializer.Deserialize<Rubric>(stream, JsonSerializerOptions.Web)!;
            rubrics[rubric.Id] = rubric;
        }

        return rubrics;
    }
}
