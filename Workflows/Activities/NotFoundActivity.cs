using System.Text.Json.Nodes;
using Chamber.Workflows.Localization;
using Chamber.Workflows.Model;
using Chamber.Workflows.Runtime;

namespace Chamber.Workflows.Activities;

/// <summary>
/// Stands in for an activity type this engine does not know. The definition still loads and
/// exports unchanged (its JSON is kept whole); running into it faults with a clear message.
/// </summary>
[Activity("Elsa.NotFoundActivity", "System", "An activity whose type is not registered.", DisplayName = "Not found")]
public sealed class NotFoundActivity : Activity
{
    /// <summary>The activity exactly as it was written.</summary>
    public JsonObject OriginalJson { get; set; } = [];

    public override ValueTask ExecuteAsync(ActivityExecutionContext context) =>
        throw new NotSupportedException(ReaderText.Of(
            $"本系统的流程引擎中没有注册环节类型“{Type}”，因此环节“{Name ?? Id}”无法运行",
            $"Activity type '{Type}' is not registered in this engine, so activity '{Name ?? Id}' cannot run."));
}
