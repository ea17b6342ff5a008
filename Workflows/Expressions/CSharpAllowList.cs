using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Chamber.Workflows.Expressions;

/// <summary>
/// What a C# expression may touch: values, text, dates, maths, collections and LINQ, JSON, and the
/// workflow's own variables and input — nothing that reaches files, processes, the network, the
/// environment, threads, reflection or <c>dynamic</c>. Checked on the compiled script's semantic
/// model, node by node, so a type named in any way (a using alias, a fully qualified name, a
/// method's return value) is seen.
/// </summary>
internal static class CSharpAllowList
{
    private static readonly HashSet<string> Namespaces = new(StringComparer.Ordinal)
    {
        "System.Linq", "System.Collections.Generic", "System.Text", "System.Text.Json", "System.Text.Json.Nodes", "System.Globalization",
    };

    private static readonly HashSet<string> SystemTypes = new(StringComparer.Ordinal)
    {
        "Object", "String", "Char", "Boolean", "Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64", "Int128", "UInt128",
        "Single", "Double", "Decimal", "Half", "Void", "Nullable", "Array", "Enum", "ValueType", "Index", "Range", "Span", "ReadOnlySpan",
        "DateTime", "DateTimeOffset", "DateOnly", "TimeOnly", "TimeSpan", "DayOfWeek", "DateTimeKind", "Guid", "Math", "MathF", "Convert",
        "MidpointRounding", "StringComparison", "StringComparer", "StringSplitOptions", "FormattableString", "Uri", "Random",
        "Tuple", "ValueTuple", "Func", "Action", "Predicate", "Comparison", "IComparable", "IEquatable", "IFormattable", "IFormatProvider",
        "Exception", "ArgumentException", "ArgumentNullException", "ArgumentOutOfRangeException", "InvalidOperationException",
        "FormatException", "NotSupportedException", "OverflowException", "DivideByZeroException", "KeyNotFoundException",
    };

    private static readonly HashSet<string> WorkflowTypes = new(StringComparer.Ordinal)
    {
        nameof(IExpressionContext), nameof(ValueConverter), nameof(CSharpGlobals), nameof(WorkflowInputAccessor),
    };

    /// <summary>Every type or member the script uses that is not allowed, by name; empty when it may run.</summary>
    public static IReadOnlyList<string> Violations(Compilation compilation)
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var symbol = model.GetSymbolInfo(node).Symbol;
                Check(symbol as ITypeSymbol ?? symbol?.ContainingType, violations);
                if (symbol is IMethodSymbol { Name: nameof(GetType), ContainingType.SpecialType: SpecialType.System_Object })
                    violations.Add("object.GetType()");
                var typeInfo = model.GetTypeInfo(node);
                Check(typeInfo.Type, violations);
                Check(typeInfo.ConvertedType, violations);
            }
        }

        return [.. violations];
    }

    private static void Check(ITypeSymbol? type, SortedSet<string> violations)
    {
        if (type is not null && !IsAllowed(type))
            violations.Add(type.ToDisplayString());
    }

    private static bool IsAllowed(ITypeSymbol type) => type switch
    {
        IDynamicTypeSymbol or IPointerTypeSymbol or IFunctionPointerTypeSymbol => false,
        IArrayTypeSymbol array => IsAllowed(array.ElementType),
        ITypeParameterSymbol or IErrorTypeSymbol => true,
        INamedTypeSymbol { IsAnonymousType: true } or INamedTypeSymbol { IsTupleType: true } => true,
        // Declared by the script itself (its variables' accessor class, local records).
        _ when type.Locations.Any(l => l.IsInSource) => true,
        INamedTypeSymbol named => IsAllowedDefinition(named.OriginalDefinition) && named.TypeArguments.All(IsAllowed)
            && (named.ContainingType is null || IsAllowed(named.ContainingType)),
        _ => false,
    };

    private static bool IsAllowedDefinition(INamedTypeSymbol type)
    {
        var space = type.ContainingNamespace?.ToDisplayString() ?? "";
        return space switch
        {
            "System" => SystemTypes.Contains(type.Name),
            "Chamber.Workflows.Expressions" => WorkflowTypes.Contains(type.Name),
            _ => Namespaces.Contains(space),
        };
    }
}
