using System.Globalization;
using System.Text.Json.Nodes;

namespace Chamber.Workflows.Model;

/// <summary>
/// A definition's names and descriptions in another language than its own (Chinese, the language
/// the department writes in). They live in Elsa's <c>customProperties</c>, which Elsa and its
/// designer keep as written, so a definition round-trips with them:
/// <c>"customProperties": { "translations": { "en": { "name": "Plan sign-off" } } }</c>.
/// A definition's inputs are named under <c>translations.en.inputs.{inputName}</c>.
/// </summary>
public static class Translations
{
    public const string PropertyName = "translations";

    /// <summary>The text of <paramref name="path"/> in the reader's language, when the definition has it.</summary>
    /// <param name="culture">The reader's language (by default the request's, see RequestLocalization).</param>
    public static string? Find(JsonObject? customProperties, string[] path, CultureInfo? culture = null)
    {
        if (customProperties?[PropertyName] is not JsonObject translations)
            return null;
        culture ??= CultureInfo.CurrentUICulture;
        var language = translations[culture.Name] ?? translations[culture.TwoLetterISOLanguageName];
        foreach (var step in path)
            language = (language as JsonObject)?[step];
        return language is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
    }

    /// <summary><paramref name="own"/> in the reader's language: its translation when there is one, else itself.</summary>
    public static string? Pick(string? own, JsonObject? customProperties, string[] path, CultureInfo? culture = null) =>
        Find(customProperties, path, culture) ?? own;
}
