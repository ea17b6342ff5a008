using Chamber.Workflows.Localization;

namespace Chamber.Campaigns.Email;

/// <summary>
/// The language a message is written in, chosen per recipient: a chamber's or a person's setting,
/// Chinese when there is none. Every message exists in both (definitions/email-templates and its
/// <c>en/</c> folder) and is sent in one.
/// </summary>
public static class MessageLanguage
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    /// <summary>What a request naming another language is told.</summary>
    public static string Unknown => ReaderText.Of("语言须为 zh-CN（中文）或 en（英文）", "The language must be zh-CN (Chinese) or en (English).");

    /// <summary>The stored setting as a language: English only when it says so.</summary>
    public static string Of(string? setting) => setting == English ? English : Chinese;

    /// <summary>How a setting is stored: English by name, Chinese (the default) as null.</summary>
    public static string? Stored(string? language) => language == English ? English : null;

    /// <summary>A setting as people write it (zh-CN, zh, 中文; en, English, 英文), or null when it names neither.</summary>
    public static string? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "zh-cn" or "zh" or "中文" or "汉语" or "简体中文" => Chinese,
        "en" or "en-us" or "en-gb" or "english" or "英文" or "英语" => English,
        _ => null,
    };
}
