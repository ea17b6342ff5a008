using System.Globalization;
using System.Runtime.CompilerServices;

namespace Chamber.Workflows.Tests;

/// <summary>
/// The engine's tests read its messages in English: the engine speaks the reader's language (Chinese
/// unless the UI culture is English, see ReaderText), and these tests assert on the English wording.
/// The choice of language itself is covered by Localization/ReaderTextTests and EngineMessageLanguageTests,
/// which set the culture they test.
/// </summary>
internal static class EnglishMessages
{
    [ModuleInitializer]
    internal static void Init() => CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en");
}
