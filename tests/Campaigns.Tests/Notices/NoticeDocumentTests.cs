using Chamber.Campaigns.Notices;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Chamber.Campaigns.Tests.Notices;

/// <summary>The circular and the decision as Word reads them: the 公文's parts in order, its page and its fonts.</summary>
public sealed class NoticeDocumentTests
{
    private static readonly DateOnly Date = new(2026, 12, 10);

    private static NoticeRequest Request(string kind) =>
        new(kind, null, "沪工商联〔2026〕12号", "上海市工商业联合会", "各区工商联、市工商联直属商会", "2026年度“四好”商会");

    [Fact]
    public void The_decision_names_the_commended_and_the_demonstration_units_in_the_order_of_a_public_document()
    {
        var content = CampaignNotices.Compose("2026年度“四好”商会创建活动", Request(NoticeKinds.Decision), 3, ["黄浦区温州商会", "静安区服装商会"], ["徐汇区某商会"], [],
            ["静安区服装商会"], Date);
        var paragraphs = NoticeDocument.Paragraphs(NoticeDocument.Write(content)).Where(p => p.Length > 0).ToList();

        Assert.Equal([
            "上海市工商业联合会",
            "沪工商联〔2026〕12号",
            "关于表彰2026年度“四好”商会的决定",
            "各区工商联、市工商联直属商会：",
        ], paragraphs[..4]);
        Assert.Contains("授予2个单位“2026年度‘四好’商会”称号，予以表彰。", paragraphs[4], StringComparison.Ordinal);
        Assert.Equal(["一、2026年度“四好”商会名单（2个）", "黄浦区温州商会、静安区服装商会", "二、示范单位名单（1个）", "静安区服装商会"], paragraphs[5..9]);
        Assert.Equal(["上海市工商业联合会", "2026年12月10日"], paragraphs[^2..]);
        // Rectification is the circular's business, not the decision's.
        Assert.DoesNotContain(paragraphs, p => p.Contains("徐汇区某商会", StringComparison.Ordinal));
    }

    [Fact]
    public void The_circular_reports_every_group_and_leaves_out_empty_ones()
    {
        var content = CampaignNotices.Compose("2026年度“四好”商会创建活动", Request(NoticeKinds.Circular), 3, ["黄浦区温州商会"], ["徐汇区某商会"], [], [], Date);
        var paragraphs = NoticeDocument.Paragraphs(NoticeDocument.Write(content)).Where(p => p.Length > 0).ToList();

        Assert.Equal("关于2026年度“四好”商会创建活动考核情况的通报", paragraphs[2]);
        Assert.Contains("对3个参与单位进行了督查考核", paragraphs[4], StringComparison.Ordinal);
        Assert.Contains("1个单位达到标准，拟授予“2026年度‘四好’商会”称号；1个单位限期整改；0个单位未达到标准。", paragraphs[5], StringComparison.Ordinal);
        Assert.Equal(["一、达到标准的单位（1个）", "黄浦区温州商会", "二、限期整改的单位（1个）", "徐汇区某商会"], paragraphs[6..10]);
    }

    [Fact]
    public void The_page_is_a4_with_the_public_document_margins_and_the_masthead_is_red()
    {
        var docx = NoticeDocument.Write(CampaignNotices.Compose("活动", Request(NoticeKinds.Decision), 1, ["甲商会"], [], [], [], Date));
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var page = body.GetFirstChild<SectionProperties>()!;
        Assert.Equal((11906U, 16838U), (page.GetFirstChild<PageSize>()!.Width!.Value, page.GetFirstChild<PageSize>()!.Height!.Value));
        var margin = page.GetFirstChild<PageMargin>()!;
        // 37 mm, 35 mm, 28 mm, 26 mm in twentieths of a point.
        Assert.Equal((2098, 1984, 1587U, 1474U), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        var masthead = body.Elements<Paragraph>().First();
        Assert.Equal("FF0000", masthead.Descendants<Color>().Single().Val!.Value);
        Assert.Equal("方正小标宋简体", body.Elements<Paragraph>().First(p => p.InnerText.StartsWith("关于", StringComparison.Ordinal)).Descendants<RunFonts>().Single().EastAsia!.Value);
        Assert.Equal("仿宋_GB2312", body.Elements<Paragraph>().First(p => p.InnerText.EndsWith('：')).Descendants<RunFonts>().Single().EastAsia!.Value);
    }
}
