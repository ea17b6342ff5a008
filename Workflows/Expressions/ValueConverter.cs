using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Chamber.Workflows.Localization;

namespace Chamber.Workflows.Expressions;

/// <summary>
/// Converts values between what expressions produce (strings, numbers, JSON, script objects) and
/// the types activities and variables declare. Culture-invariant, so a definition behaves the same
/// on every server.
/// </summary>
public static class ValueConverter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // camelCase-tolerant and enums by name: the shapes expressions, the API and saved state produce.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static T? Convert<T>(object? value) => (T?)Convert(value, typeof(T));

    public static object? Convert(object? value, Type target)
    {
        value = Normalize(value);
        if (value is null)
            return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;

        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type == typeof(object) || type.IsInstanceOfType(value))
            return value;

        if (type == typeof(string))
            return value switch
            {
                IDictionary or IList => JsonSerializer.Serialize(value),
                IFormattable f => f.ToString(null, Invariant),
                _ => value.ToString(),
            };

        if (value is string text)
            return Parse(text, type);

        if (type.IsEnum)
            return Enum.ToObject(type, System.Convert.ToInt64(value, Invariant));

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(type))
            return System.Convert.ChangeType(value, type, Invariant);

        if (type == typeof(DateTimeOffset) && value is DateTime dt)
            return new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt);

        if (type == typeof(TimeSpan) && value is double or long or int)
            return TimeSpan.FromMilliseconds(System.Convert.ToDouble(value, Invariant));

        if (TryConvertCollection(value, type, out var collection))
            return collection;

        // Last resort: a JSON round trip covers records and dictionaries of other value types.
        return JsonSerializer.Deserialize(JsonSerializer.Serialize(value, Json), type, Json);
    }

    private static object? Parse(string text, Type type)
    {
        if (type.IsEnum)
            return Enum.Parse(type, text.Trim(), ignoreCase: true);
        if (type == typeof(bool))
            return bool.Parse(text.Trim());
        if (type == typeof(int))
            return int.Parse(text, NumberStyles.Integer, Invariant);
        if (type == typeof(long))
            return long.Parse(text, NumberStyles.Integer, Invariant);
        if (type == typeof(double))
            return double.Parse(text, NumberStyles.Float, Invariant);
        if (type == typeof(decimal))
            return decimal.Parse(text, NumberStyles.Number, Invariant);
        if (type == typeof(Guid))
            return Guid.Parse(text);
        if (type == typeof(TimeSpan))
            return text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal)
                ? XmlConvert.ToTimeSpan(text)
                : TimeSpan.Parse(text, Invariant);
        if (type == typeof(DateTimeOffset))
            return DateTimeOffset.Parse(text, Invariant, DateTimeStyles.AssumeUniversal);
        if (type == typeof(DateTime))
            return DateTime.Parse(text, Invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        if (type == typeof(DateOnly))
            return DateOnly.Parse(text, Invariant);
        if (typeof(IConvertible).IsAssignableFrom(type))
            return System.Convert.ChangeType(text, type, Invariant);

        // A single name where a list of names is asked for (Elsa.Complete's outcome "Done") is a list of one.
        if (!text.TrimStart().StartsWith('[') && IsListOf<string>(type))
            return Convert(new List<object?> { text }, type);

        // Collections and objects written as JSON text.
        var parsed = Normalize(JsonNode.Parse(text));
        return parsed is string ? throw new FormatException(ReaderText.Of($"“{text}”不是 {TypeAliases.NameOf(type)}", $"'{text}' is not a {TypeAliases.NameOf(type)}.")) : Convert(parsed, type);
    }

    private static bool IsListOf<T>(Type type) =>
        type == typeof(T[]) || (type.IsGenericType && type.GetGenericArguments() is [var element] && element == typeof(T)
            && type.IsAssignableFrom(typeof(List<T>)));

    private static bool TryConvertCollection(object value, Type type, out object? result)
    {
        result = null;
        if (value is not IEnumerable items || value is string)
            return false;
        if (value is IDictionary dictionary && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var valueType = type.GetGenericArguments()[1];
            var target = (IDictionary)Activator.CreateInstance(type)!;
            foreach (DictionaryEntry entry in dictionary)
                target[System.Convert.ToString(entry.Key, Invariant)!] = Convert(entry.Value, valueType);
            result = target;
            return true;
        }

        var elementType = type.IsArray ? type.GetElementType()
            : type.IsGenericType && type.GetGenericArguments().Length == 1 ? type.GetGenericArguments()[0]
            : null;
        if (elementType is null)
            return false;
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        foreach (var item in items)
            list.Add(Convert(item, elementType));
        if (type.IsArray)
        {
            var array = Array.CreateInstance(elementType, list.Count);
            list.CopyTo(array, 0);
            result = array;
        }
        else
        {
            result = type.IsAssignableFrom(list.GetType()) ? list : null;
        }

        return result is not null;
    }

    /// <summary>
    /// Turns JSON values into plain CLR values: objects into <c>Dictionary&lt;string, object?&gt;</c>,
    /// arrays into <c>List&lt;object?&gt;</c>, whole numbers into <c>long</c> (or <c>int</c> when they fit), others into <c>double</c>.
    /// </summary>
    public static object? Normalize(object? value) => value switch
    {
        JsonElement element => FromElement(element),
        JsonNode node => FromElement(JsonSerializer.SerializeToElement(node)),
        _ => value,
    };

    private static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromElement(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt32(out var i) => i,
        JsonValueKind.Number when element.TryGetInt64(out var l) => l,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
