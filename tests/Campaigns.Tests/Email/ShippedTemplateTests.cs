using System.Text.RegularExpressions;
using Chamber.Campaigns.Email;

namespace Chamber.Campaigns.Tests.Email;

/// <summary>Every shipped message exists in both languages, each in its own language only, and is usable as shipped.</summary>
public sealed partial class ShippedTemplateTests
{
    public static TheoryData<string> Names() => [.. EmailTemplates.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_chinese_version_has_no_english_prose_and_the_english_one_no_chinese(string name)
    {
        var chinese = EmailTemplates.Shipped(name, MessageLanguage.Chinese);
        var english = EmailTemplates.Shipped(name, MessageLanguage.English);
        foreach (var part in new[] { chinese.Subject, chinese.Text, chinese.Html })
            Assert.DoesNotMatch(EnglishProse(), Regex.Replace(part, @"\{\{[^}]*\}\}|<[^>]+>", " "));
        foreach (var part in new[] { english.Subject, english.Text, english.Html })
            Assert.DoesNotMatch(Cjk(), part);
        Assert.NotEqual(chinese.Subject, english.Subject);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Both_versions_render_with_every_field_filled(string name)
    {
        // Previews read no table: no database is needed.
        using var templates = new EmailTemplates(null!, TimeProvider.System);
        foreach (var language in MessageLanguage.All)
        {
            var rendered = templates.Preview(EmailTemplates.Shipped(name, language), language);
            Assert.DoesNotContain("{{", rendered.Text, StringComparison.Ordinal);
            // An English message uses the English dates: no Chinese date or weekday reaches it.
            if (language == MessageLanguage.English)
                Assert.DoesNotMatch(@"\d+年\d+月\d+日|星期", rendered.Text + rendered.Html);
        }
    }

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"[A-Za-z]{3,} [a-z]{3,}")]
    private static partial Regex EnglishProse();
}
