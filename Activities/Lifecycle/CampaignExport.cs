using System.Globalization;
using System.Text;
using Chamber.Workflows.Localization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Chamber.Campaigns.Lifecycle;

/// <summary>A campaign's participants as an Excel workbook (the list staff hand to leaders).</summary>
public static class CampaignExport
{
    // Each text in Chinese and English; the workbook is in the reader's language (the request's UI culture).
    private static readonly (string Zh, string En)[] Headers =
        [("商会", "Chamber"), ("所属区", "District"), ("状态", "Status"), ("阶段", "Stage"), ("截止", "Due"), ("逾期", "Overdue"), ("轮次", "Round"),
            ("已完成环节", "Reached"), ("得分", "Score"), ("结果", "Outcome"), ("示范单位", "Demonstration unit")];

    private static readonly Dictionary<string, (string Zh, string En)> StatusNames = new(StringComparer.Ordinal)
    {
        ["pending"] = ("待提交", "pending"),
        ["overdue"] = ("已逾期", "overdue"),
        ["submitted"] = ("待审核", "submitted"),
        ["reviewing"] = ("考核中", "reviewing"),
        ["finished"] = ("已完成", "finished"),
        ["running"] = ("进行中", "running"),
        ["faulted"] = ("出错", "faulted"),
        ["not-launched"] = ("未启动", "not launched"),
    };

    private static readonly Dictionary<string, (string Zh, string En)> OutcomeNames = new(StringComparer.Ordinal)
    {
        [CampaignProgress.Outcomes.Commended] = ("表彰", "commended"),
        [CampaignProgress.Outcomes.Passed] = ("达标", "passed"),
        [CampaignProgress.Outcomes.Rectifying] = ("整改中", "rectifying"),
        [CampaignProgress.Outcomes.NotPassed] = ("未达标", "not passed"),
        [CampaignProgress.Outcomes.NotParticipated] = ("未参加", "did not take part"),
    };

    private static readonly (string Zh, string En) Yes = ("是", "yes");

    public static byte[] ToXlsx(CampaignRecord campaign, IEnumerable<ParticipantView> participants)
    {
        var english = ReaderText.IsEnglish;
        string In((string Zh, string En) text) => english ? text.En : text.Zh;
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.AppendChild(Row(1, [.. Headers.Select(In)]));
            var number = 2u;
            foreach (var p in participants)
            {
                data.AppendChild(Row(number++,
                [
                    p.Chamber, p.District ?? "", (StatusNames.TryGetValue(p.Status, out var status) ? In(status) : p.Status), p.Stage ?? "",
                    (p.DueAt is { } due ? Calendar.BeijingTime.DayOf(due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ""),
                    p.Overdue ? In(Yes) : "", p.Round > 0 ? p.Round : "",
                    p.Reached ?? "", p.Score is { } score ? score : "", p.Outcome is { } outcome ? (OutcomeNames.TryGetValue(outcome, out var named) ? In(named) : outcome) : "",
                    p.Demonstration ? In(Yes) : "",
                ]));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(campaign.Name) }));
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The campaign's name as Excel allows a sheet's: at most 31 UTF-16 units, cut between
    /// characters (never inside an emoji or a rare CJK character), without []:*?/\ and control
    /// characters, not starting or ending with an apostrophe.
    /// </summary>
    internal static string SheetName(string campaignName)
    {
        var name = new StringBuilder();
        foreach (var rune in PlainText.OneLine(campaignName).EnumerateRunes())
        {
            if (rune.IsAscii && "[]:*?/\\".Contains((char)rune.Value, StringComparison.Ordinal))
                continue;
            if (name.Length + rune.Utf16SequenceLength > 31)
                break;
            name.Append(rune.ToString());
        }

        var text = name.ToString().Trim().Trim('\'');
        return text.Length > 0 ? text : "Campaign";
    }

    // Text as inline strings: no shared-string table to keep in step, and every value is text as
    // written (a cell starting with = is not a formula: no spreadsheet injection). Numbers are
    // numbers, so that scores sort and sum in Excel.
    private static Row Row(uint number, IReadOnlyList<object> values)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < values.Count; i++)
        {
            var reference = $"{(char)('A' + i)}{number}";
            row.AppendChild(values[i] switch
            {
                double or int => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(values[i], CultureInfo.InvariantCulture)!),
                },
                var value => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    // Whatever was stored, only what XML can carry: a control character would make the workbook unreadable.
                    InlineString = new InlineString(new Text(PlainText.OneLine(value.ToString() ?? "")) { Space = SpaceProcessingModeValues.Preserve }),
                },
            });
        }

        return row;
    }
}
