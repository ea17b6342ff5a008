using Chamber.Campaigns.Email;

namespace Chamber.Campaigns.Tests.Email;

public sealed class EmailMessageTests
{
    [Fact]
    public void Recipients_may_be_a_list_or_one_string_with_latin_or_chinese_separators()
    {
        Assert.Equal(["a@x.cn", "b@x.cn", "c@x.cn", "d@x.cn"], EmailMessage.Addresses("a@x.cn, b@x.cn；c@x.cn、d@x.cn"));
        Assert.Equal(["商会 <a@x.cn>", "b@x.cn"], EmailMessage.Addresses(new List<object?> { "商会 <a@x.cn>", new List<object?> { "b@x.cn" } }));
        Assert.Empty(EmailMessage.Addresses(null));
    }

    [Fact]
    public void A_message_without_recipient_subject_or_with_a_bad_address_names_each_problem()
    {
        var problems = new EmailMessage(["ok@x.cn", "nobody"], " ", "text").Problems().ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'nobody'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("主题", StringComparison.Ordinal));
        Assert.Contains(new EmailMessage([], "s", "t").Problems(), p => p.Contains("收件人", StringComparison.Ordinal));
        Assert.Empty(new EmailMessage(["商会 <a@x.cn>"], "s", "t", From: "noreply@x.cn").Problems());
    }

    [Fact]
    public void The_plain_text_part_keeps_paragraphs_and_decodes_entities()
    {
        Assert.Equal("您好：\n距截止还有 3 个工作日 & 请尽快提交。", SendEmail.ToPlainText("<p>您好：</p><p>距截止还有 <b>3</b> 个工作日 &amp; 请尽快提交。</p>"));
        Assert.Equal("a < b, no tags here", SendEmail.ToPlainText("a < b, no tags here"));
    }

    [Fact]
    public void The_stored_form_reads_back_unchanged()
    {
        var message = new EmailMessage(["a@x.cn"], "主题", "正文", "<p>正文</p>", Attachments: [new EmailAttachment("会议.ics", "text/calendar", "QkVHSU4=")]);
        var read = EmailMessage.FromJson(message.ToJson());
        Assert.Equal(message.Subject, read.Subject);
        Assert.Equal(message.To, read.To);
        Assert.Equal("会议.ics", Assert.Single(read.Attachments!).FileName);
    }
}
