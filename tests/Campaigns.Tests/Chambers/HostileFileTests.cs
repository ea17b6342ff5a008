using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Chamber.Campaigns.Tests.Chambers;

/// <summary>
/// Files built to hurt the import: a 1.6 KB workbook whose cell references claim millions of cells,
/// and names carrying control characters. Each is refused or cleaned before it costs anything.
/// </summary>
public sealed class HostileFileTests
{
    [Fact]
    public void A_cell_beyond_excels_last_column_is_refused_instead_of_padding_the_row()
    {
        var error = Assert.Throws<FormatException>(() => TabularFile.Read(Sheet([["A1", "名称"], ["ZZZZZ1", "x"]]), "bomb.xlsx"));
        Assert.Contains("XFD", error.Message, StringComparison.Ordinal);
        Assert.Equal(16_383, TabularFile.ColumnIndex("XFD1"));
        Assert.Equal(int.MaxValue, TabularFile.ColumnIndex("ZZZZZZZZZZ1"));
    }

    [Fact]
    public void A_workbook_that_claims_more_cells_than_any_chamber_list_has_is_refused()
    {
        // 300 rows that each reach column XFD: 4.9 million cells from a file of a few kilobytes.
        var rows = Enumerable.Range(1, 300).Select(r => new[] { $"XFD{r}", "x" }).ToArray();
        var error = Assert.Throws<FormatException>(() => TabularFile.Read(Sheet(rows), "bomb.xlsx"));
        Assert.Contains("单元格", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_in_an_imported_name_are_dropped_and_line_breaks_become_spaces()
    {
        var plan = ChamberImport.Plan(TabularFile.Read(Encoding.UTF8.GetBytes("名称,邮箱\n\"鹿城区\u0007五马\r\n街道商会\u0000\",wuma@chamber.example\n"), "list.csv"));
        Assert.Equal("鹿城区五马 街道商会", Assert.Single(plan.Rows).Name);
    }

    [Fact]
    public void A_row_with_an_overlong_field_is_refused_and_the_others_kept()
    {
        var plan = ChamberImport.Plan(TabularFile.Read(Encoding.UTF8.GetBytes(
            $"名称,所属区,联系人,邮箱\n鹿城区商会,鹿城区,{new string('张', 101)},lc@chamber.example\n龙湾区商会,龙湾区,李四,lw@chamber.example\n"), "list.csv"));
        Assert.Equal("龙湾区商会", Assert.Single(plan.Rows).Name);
        Assert.Equal((2, "联系人"), (Assert.Single(plan.Errors).Row, plan.Errors[0].Column));
    }

    [Theory]
    [InlineData("鹿城\u0001商会", "鹿城商会")]
    [InlineData("第一行\n第二行", "第一行 第二行")]
    [InlineData("商会😀𠀀", "商会😀𠀀")]
    public void One_line_text_keeps_every_character_but_controls_and_broken_surrogates(string text, string expected)
    {
        Assert.Equal(expected, PlainText.OneLine(text));
        Assert.Equal(text != expected, PlainText.HasControlCharacters(text));
    }

    [Fact]
    public void Half_of_a_surrogate_pair_is_dropped() => Assert.Equal("badhalf", PlainText.OneLine("bad" + (char)0xD800 + "half"));

    /// <summary>A workbook with one text cell per (reference, text) pair, rows as given.</summary>
    private static byte[] Sheet(string[][] cells)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (cell, i) in cells.Select((c, i) => (c, i)))
            {
                data.AppendChild(new Row(new Cell { CellReference = cell[0], DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cell[1])) })
                {
                    RowIndex = (uint)(i + 1),
                });
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "商会" }));
        }

        return stream.ToArray();
    }
}
