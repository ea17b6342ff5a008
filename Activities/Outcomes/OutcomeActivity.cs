using System.Globalization;
using Chamber.Campaigns.Chambers;
using Chamber.Campaigns.Reviews;
using Chamber.Workflows.Expressions;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Chamber.Campaigns.Outcomes;

/// <summary>What a chamber learns when the review is over; shared by <see cref="Commend"/> and <see cref="Rectify"/>.</summary>
public abstract class OutcomeActivity : Activity
{
    [Input(Description = "The chamber (its id in the directory).", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<string>? Chamber { get; set; }

    [Input(Description = "The review's result (the RubricReview output, usually through a variable).", UIHint = InputUIHints.SingleLine, IsRequired = true)]
    public Input<object>? Review { get; set; }

    [Input(DisplayName = "Campaign", Description = "The campaign's name for the notices.", UIHint = InputUIHints.SingleLine)]
    public Input<string>? CampaignName { get; set; }

    protected static async Task<ChamberRecord> ChamberAsync(ActivityExecutionContext context, string? id) =>
        await context.Services.GetRequiredService<ChamberDirectory>().GetRequiredAsync(id);

    protected static ReviewResult ReviewOf(ActivityExecutionContext context, Input<object>? input) =>
        ValueConverter.Convert<ReviewResult>(context.Get(input))
            ?? throw new InvalidOperationException(ReaderText.Of("没有考核结果", "There is no review result to act on."));

    protected Dictionary<string, object?> Model(ActivityExecutionContext context, ChamberRecord chamber, ReviewResult review) => new()
    {
        ["chamber"] = chamber.Name,
        ["campaign"] = context.Get(CampaignName) ?? "",
        ["total"] = review.Total.ToString("0.#", CultureInfo.InvariantCulture),
        ["passLine"] = review.PassLine.ToString("0.#", CultureInfo.InvariantCulture),
    };
}
