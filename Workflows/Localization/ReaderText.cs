using System.Globalization;

namespace Chamber.Workflows.Localization;

/// <summary>
/// A message people read, in the one language of its reader: the request's UI culture (the web
/// client sends its own, see the Host's ReaderLanguage), Chinese when nobody asked for English —
/// background work and e-mails to Chinese readers included. Never both languages in one string.
/// </summary>
public static class ReaderText
{
    /// <summary>True when the current reader reads English.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The message in the reader's language.</summary>
    public static string Of(string chinese, string english) => IsEnglish ? english : chinese;
}
