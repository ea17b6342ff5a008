using System.Collections.Frozen;

namespace Chamber.Workflows.Expressions;

/// <summary>
/// Maps Elsa's type names (<c>String</c>, <c>Int32</c>, <c>Object</c>, …) to CLR types and back.
/// A name we do not know is treated as <c>Object</c>, so definitions from other tools still load.
/// </summary>
public static class TypeAliases
{
    private static readonly FrozenDictionary<string, Type> ByAlias = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        ["String"] = typeof(string),
        ["Boolean"] = typeof(bool),
        ["Int32"] = typeof(int),
        ["Int64"] = typeof(long),
        ["Int16"] = typeof(short),
        ["Byte"] = typeof(byte),
        ["Single"] = typeof(float),
        ["Double"] = typeof(double),
        ["Decimal"] = typeof(decimal),
        ["DateTime"] = typeof(DateTime),
        ["DateTimeOffset"] = typeof(DateTimeOffset),
        ["DateOnly"] = typeof(DateOnly),
        ["TimeSpan"] = typeof(TimeSpan),
        ["Guid"] = typeof(Guid),
        ["Object"] = typeof(object),
        ["JsonElement"] = typeof(object),
        ["JsonObject"] = typeof(Dictionary<string, object?>),
        ["JsonNode"] = typeof(object),
        ["ExpandoObject"] = typeof(Dictionary<string, object?>),
        ["ObjectDictionary"] = typeof(Dictionary<string, object?>),
        ["StringDictionary"] = typeof(Dictionary<string, string>),
        ["StringList"] = typeof(List<string>),
        ["ObjectList"] = typeof(List<object?>),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<Type, string> ByType = new Dictionary<Type, string>
    {
        [typeof(string)] = "String",
        [typeof(bool)] = "Boolean",
        [typeof(int)] = "Int32",
        [typeof(long)] = "Int64",
        [typeof(short)] = "Int16",
        [typeof(byte)] = "Byte",
        [typeof(float)] = "Single",
        [typeof(double)] = "Double",
        [typeof(decimal)] = "Decimal",
        [typeof(DateTime)] = "DateTime",
        [typeof(DateTimeOffset)] = "DateTimeOffset",
        [typeof(DateOnly)] = "DateOnly",
        [typeof(TimeSpan)] = "TimeSpan",
        [typeof(Guid)] = "Guid",
        [typeof(object)] = "Object",
        [typeof(Dictionary<string, object?>)] = "ObjectDictionary",
        [typeof(List<string>)] = "StringList",
    }.ToFrozenDictionary();

    /// <summary>The CLR type for an Elsa type name; <c>isArray</c> wraps it in a list as Elsa's variables do.</summary>
    public static Type Resolve(string? typeName, bool isArray = false)
    {
        var element = ResolveElement(typeName);
        return isArray ? typeof(List<>).MakeGenericType(element) : element;
    }

    private static Type ResolveElement(string? typeName)
    {
        if (string.IsNullOrWhiteSpace(typeName))
            return typeof(object);
        var name = typeName.Trim();
        if (name.EndsWith("[]", StringComparison.Ordinal))
            return ResolveElement(name[..^2]).MakeArrayType();
        if (ByAlias.TryGetValue(name, out var type))
            return type;
        // Full CLR names such as "System.String, System.Private.CoreLib".
        var clr = System.Type.GetType(name, throwOnError: false);
        if (clr is not null && ByType.ContainsKey(clr))
            return clr;
        return typeof(object);
    }

    public static string NameOf(Type type)
    {
        if (ByType.TryGetValue(type, out var name))
            return name;
        if (type.IsArray)
            return NameOf(type.GetElementType()!) + "[]";
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return NameOf(inner);
        if (type.IsEnum)
            return "String";
        return "Object";
    }
}
