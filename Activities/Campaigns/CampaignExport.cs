using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Chamber.Activities.Campaigns;

/// <summary>A campaign's participants as an Excel workbook (the list staff hand to leaders).</summary>
public static class CampaignExport
{
    private static readonly string[] Headers =
        ["商会 Chamber", "所属区 District", "状态 Status", "阶段 Stage", "截止 Due", "逾期 Overdue", "轮次 Round"];

    private static readonly Dictionary<string, string> StatusNames = new(StringComparer.Ordinal)
    {
        ["pending"] = "待提交 pending",
        ["overdue"] = "已逾期 overdue",
        ["submitted"] = "待审核 submitted",
        ["finished"] = "已完成 finished",
        ["running"] = "进行中 running",
        ["faulted"] = "出错 faulted",
        ["not-launched"] = "未启动 not launched",
    };

    public static byte[] ToXlsx(CampaignRecord campaign, IEnumerable<ParticipantView> participants)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.AppendChild(Row(1, Headers));
            var number = 2u;
            foreach (var p in participants)
            {
                data.AppendChild(Row(number++,
                [
                    p.Chamber, p.District ?? "", StatusNames.GetValueOrDefault(p.Status, p.Status), p.Stage ?? "",
                    (p.DueAt is { } due ? Calendar.BeijingTime.DayOf(due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ""),
                    p.Overdue ? "是 yes" : "", p.Round > 0 ? p.Round.ToString(CultureInfo.InvariantCulture) : "",
                ]));
            }

            sheetPart.Worksheet = new Worksheet(data);
            // Sheet names are at most 31 characters and may not contain []:*?/\.
            var name = new string([.. campaign.Name.Where(c => "[]:*?/\\".IndexOf(c) < 0).Take(31)]);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = name.Length > 0 ? name : "Campaign" }));
        }

        return stream.ToArray();
    }

    // Inline strings: no shared-string table to keep in step, and every value is text as written
    // (a cell starting with = is not a formula: no spreadsheet injection).
    private static Row Row(uint number, IReadOnlyList<string> values)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < values.Count; i++)
        {
            row.AppendChild(new Cell
            {
                CellReference = $"{(char)('A' + i)}{number}",
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(values[i]) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        return row;
    }
}
