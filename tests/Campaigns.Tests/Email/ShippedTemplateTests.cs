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

    /// <summary>The wording of each shipped campaign template (their customProperties.wording).</summary>
    public static TheoryData<string, string, string, string> Kinds() => new()
    {
        { "上海市工商业联合会会员部", "商会", "督查考核", "贵会" },
        { "荆门市工商业联合会", "县级工商联", "考评认定", "贵单位" },
        { "温州市人民政府经济合作办公室", "商会", "检查验收", "贵会" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_template_speaks_as_the_campaign_kind_does(string organiser, string participant, string reviewTerm, string you)
    {
        using var templates = new EmailTemplates(null!, TimeProvider.System);
        var wording = CampaignWording.Default with { Organiser = organiser, Participant = participant, ReviewTerm = reviewTerm };
        var other = new[] { "督查考核", "考评认定", "检查验收" }.Where(t => t != reviewTerm).ToList();
        foreach (var name in EmailTemplates.Names)
        {
            var model = EmailTemplateSample.Model();
            model["chamber"] = "东宝区";
            model["campaign"] = "2026年度创建活动";
            model["honour"] = "先进单位";
            wording.AddTo(model, null, MessageLanguage.Chinese);
            var rendered = templates.Preview(EmailTemplates.Shipped(name), model);
            var text = rendered.Subject + rendered.Text + rendered.Html;
            // The organiser signs; the review has the campaign's own name; the reader is addressed as the kind is.
            if (name != "password-reset" && name != "leader-digest")
                Assert.Contains(organiser, rendered.Text, StringComparison.Ordinal);
            Assert.All(other, term => Assert.DoesNotContain(term, text, StringComparison.Ordinal));
            Assert.DoesNotContain(you == "贵会" ? "贵单位" : "贵会", text, StringComparison.Ordinal);
            // The templates' own words, that is, without the values filled in (the sample's chamber names are chambers').
            var words = Values(model).Where(v => v.Length > 1).OrderByDescending(v => v.Length)
                .Aggregate(text, (current, value) => current.Replace(value, "", StringComparison.Ordinal));
            if (participant != "商会")
                Assert.DoesNotContain("商会", words, StringComparison.Ordinal);
            // Lists number from 1; nested quotes turn single.
            Assert.DoesNotContain("0. ", rendered.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("““", text, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Values(object? value) => value switch
    {
        string text => [text],
        IDictionary<string, object?> fields => fields.Values.SelectMany(Values),
        System.Collections.IEnumerable items => items.Cast<object?>().SelectMany(Values),
        _ => [],
    };

    [Fact]
    public void Notices_number_from_one_nest_quotes_and_count_in_chinese()
    {
        using var templates = new EmailTemplates(null!, TimeProvider.System);
        var order = templates.Preview(EmailTemplates.Shipped("rectification-order"));
        Assert.Contains("  1. 组织建设：理事会未按期换届\n  2. 制度建设", order.Text, StringComparison.Ordinal);
        Assert.Contains("本次为第一次整改，至多两次", order.Text, StringComparison.Ordinal);
        Assert.Contains("  1. 组织建设", templates.Preview(EmailTemplates.Shipped("rectification-order", MessageLanguage.English), MessageLanguage.English).Text,
            StringComparison.Ordinal);

        // 被评为“2026年度‘四好’商会”: the honour's own quotes become single ones inside the notice's.
        // (A preview renders the sample's values: the honour is given as a literal here.)
        var shipped = EmailTemplates.Shipped("commendation");
        var commendation = templates.Preview(shipped with { Text = shipped.Text.Replace("{{quoted honour}}", "{{quoted \"2026年度“四好”商会\"}}", StringComparison.Ordinal) });
        Assert.Contains("被评为“2026年度‘四好’商会”", commendation.Text, StringComparison.Ordinal);

        // The date under the signature, in each language.
        Assert.EndsWith("工商联会员部\n2026年5月7日\n", order.Text, StringComparison.Ordinal);
        Assert.Contains("<p>工商联会员部<br>2026年5月7日</p>", order.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_value_is_escaped_in_the_html_part()
    {
        using var templates = new EmailTemplates(null!, TimeProvider.System);
        var rendered = templates.Preview(new EmailTemplateText("x", "{{quoted note}}", "<p>{{quoted note}}</p>"));
        Assert.Equal("<p>“请于本周内提交。”</p>", rendered.Html);
        Assert.DoesNotContain("<b>", templates.Preview(new EmailTemplateText("x", "x", "<p>{{quoted \"<b>加粗</b>\"}}</p>")).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, false, "一")]
    [InlineData(2, false, "二")]
    [InlineData(2, true, "两")]
    [InlineData(10, false, "十")]
    [InlineData(12, false, "十二")]
    [InlineData(20, false, "二十")]
    [InlineData(35, true, "三十五")]
    [InlineData(120, false, "120")]
    public void Counts_read_as_chinese_numerals(int n, bool count, string expected) => Assert.Equal(expected, ChineseText.Numeral(n, count));

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"[A-Za-z]{3,} [a-z]{3,}")]
    private static partial Regex EnglishProse();
}
