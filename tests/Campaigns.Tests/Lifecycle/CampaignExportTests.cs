using Chamber.Campaigns.Lifecycle;
using DocumentFormat.OpenXml.Packaging;

namespace Chamber.Campaigns.Tests.Lifecycle;

/// <summary>The export opens in Excel whatever text was stored: control characters, emoji and rare characters at the sheet name's cut.</summary>
public sealed class CampaignExportTests
{
    [Theory]
    [InlineData("2026年度“四好”商会创建活动", "2026年度“四好”商会创建活动")]
    [InlineData("[试点]: 商会/创建?", "试点 商会创建")]
    [InlineData("'引号'", "引号")]
    [InlineData("\u0001\u0002", "Campaign")]
    public void The_sheet_is_named_as_excel_allows(string campaign, string sheet) => Assert.Equal(sheet, CampaignExport.SheetName(campaign));

    [Fact]
    public void A_long_name_is_cut_between_characters_never_inside_an_emoji_or_an_ext_b_character()
    {
        var name = CampaignExport.SheetName(new string('商', 30) + "😀𠀀末");
        Assert.Equal(new string('商', 30), name);
        Assert.True(name.Length <= 31);
        Assert.Equal(new string('商', 29) + "😀", CampaignExport.SheetName(new string('商', 29) + "😀𠀀"));
    }

    [Fact]
    public void A_chamber_name_with_a_control_character_exports_to_a_readable_workbook()
    {
        var campaign = new CampaignRecord { Id = "c", Name = "2026年度“四好”商会创建活动\u0007", TemplateId = "four-good-campaign" };
        var participants = new[] { new ParticipantView("id", "鹿城区\u0001五马街道商会", "鹿城区", "i", "pending", null, null, false, 1, null, null, null) };
        using var stream = new MemoryStream(CampaignExport.ToXlsx(campaign, participants));
        using var document = SpreadsheetDocument.Open(stream, false);
        var text = document.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText;
        Assert.Contains("鹿城区五马街道商会", text, StringComparison.Ordinal);
    }
}
