using System.Globalization;
using System.Text;
using System.Text.Json;
using Chamber.Workflows.Localization;
using Fluid;
using Fluid.Values;

namespace Chamber.Workflows.Expressions;

/// <summary>The filters Elsa adds to Fluid's: <c>base64</c> and <c>keys</c>.</summary>
internal static class LiquidFilters
{
    public static TemplateOptions Options { get; } = new TemplateOptionsBuilder()
        .AddFilter("base64", Base64Async)
        .AddFilter("keys", Keys)
        .Build();

    /// <summary>The value's text (objects and arrays as JSON) in base 64; nil stays nil.</summary>
    private static async ValueTask<FluidValue> Base64Async(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var text = input.Type switch
        {
            FluidValues.Nil => null,
            FluidValues.String => input.ToStringValue(context),
            FluidValues.Number => input.ToNumberValue(context).ToString(CultureInfo.InvariantCulture),
            FluidValues.Boolean => input.ToBooleanValue(context).ToString(),
            FluidValues.Array => JsonSerializer.Serialize(await ItemsAsync(input, context)),
            _ => JsonSerializer.Serialize(input.ToObjectValue(context)),
        };
        return text is null ? NilValue.Instance : StringValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    private static async Task<List<object?>> ItemsAsync(FluidValue array, TemplateContext context)
    {
        var items = new List<object?>();
        await foreach (var item in array.EnumerateAsync(context))
            items.Add(item.ToObjectValue(context));
        return items;
    }

    /// <summary>The keys of an object (a dictionary, such as <c>Input</c> or <c>Variables</c>).</summary>
    private static ValueTask<FluidValue> Keys(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        IEnumerable<string> keys = input.ToObjectValue(context) switch
        {
            IFluidIndexable indexable => indexable.Keys,
            IDictionary<string, object?> dictionary => dictionary.Keys,
            IReadOnlyDictionary<string, object?> dictionary => dictionary.Keys,
            JsonElement { ValueKind: JsonValueKind.Object } element => element.EnumerateObject().Select(p => p.Name),
            _ => throw new ExpressionException(ReaderText.Of("keys 过滤器只能用于对象", "The keys filter works on objects only.")),
        };
        return ValueTask.FromResult<FluidValue>(ArrayValue.Create([.. keys.Select(StringValue.Create)]));
    }
}
