using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Chamber.Campaigns.Tests.Chambers;

public sealed class ChamberImportTests
{
    static ChamberImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string ChineseCsv = """
        名称,类型,所属区,联系人,邮箱,电话,会员数（家）,企业会员数,备注
        鹿城区五马街道商会,乡镇街道,鹿城区,张三,wuma@chamber.example,0577-88001234,"1,200",1000,"有党支部, 有会所"
        温州市服装商会,行业商会,鹿城区,李四,fz@chamber.example; office@chamber.example,13800000000,356,300,
        """;

    [Fact]
    public void A_utf8_file_with_chinese_headers_units_and_quoted_commas_is_read()
    {
        var plan = ChamberImport.Plan(TabularFile.Read([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(ChineseCsv)], "商会.csv"));

        Assert.Empty(plan.Errors);
        Assert.Equal(2, plan.Rows.Count);
        var wuma = plan.Rows[0];
        Assert.Equal(("鹿城区五马街道商会", ChamberType.Township, "鹿城区", 1200, 1000), (wuma.Name, wuma.Type, wuma.District, wuma.MemberCount, wuma.EnterpriseMemberCount));
        Assert.Equal("有党支部, 有会所", wuma.Extra["备注"]);
        Assert.Equal(ChamberType.Industry, plan.Rows[1].Type);
        Assert.Equal("fz@chamber.example; office@chamber.example", plan.Rows[1].Email);
        Assert.Equal(3, plan.Rows[1].RowNumber);
    }

    [Fact]
    public void A_gbk_file_as_excel_writes_it_on_chinese_windows_is_read()
    {
        var gbk = Encoding.GetEncoding(936).GetBytes(ChineseCsv);
        var plan = ChamberImport.Plan(TabularFile.Read(gbk, "商会.csv"));
        Assert.Equal(["鹿城区五马街道商会", "温州市服装商会"], plan.Rows.Select(r => r.Name));
        Assert.Equal("张三", plan.Rows[0].Contact);
    }

    [Fact]
    public void English_headers_and_tab_separated_values_are_read()
    {
        var text = "Name\tType\tDistrict\tEmail\tMembers\nWenzhou Shoe Chamber\tindustry\tLucheng\tshoes@chamber.example\t88\n";
        var row = Assert.Single(ChamberImport.Plan(TabularFile.Read(Encoding.UTF8.GetBytes(text), null)).Rows);
        Assert.Equal(("Wenzhou Shoe Chamber", ChamberType.Industry, 88), (row.Name, row.Type, row.MemberCount));
    }

    [Fact]
    public void Each_bad_row_is_reported_with_its_row_and_column_and_the_good_rows_are_kept()
    {
        var text = """
            名称,类型,邮箱,会员数,企业会员数
            好商会,区域,good@chamber.example,10,5
            ,区域,empty-name@chamber.example,,
            坏邮箱商会,区域,not-an-address,,
            未知类型商会,外星,t@chamber.example,,
            数字商会,行业,n@chamber.example,很多,
            倒挂商会,行业,d@chamber.example,5,9
            好商会,区域,again@chamber.example,,
            """;
        var plan = ChamberImport.Plan(TabularFile.Read(Encoding.UTF8.GetBytes(text), "x.csv"));

        Assert.Equal("好商会", Assert.Single(plan.Rows).Name);
        Assert.Equal([3, 4, 5, 6, 7, 8], plan.Errors.Select(e => e.Row));
        Assert.Equal(["名称", "邮箱", "类型", "会员数", "企业会员数", "名称"], plan.Errors.Select(e => e.Column));
        Assert.Contains("第 2 行", plan.Errors[^1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("联系人,电话\n张三,123\n", "名称")]
    [InlineData("名称,电话\n商会,123\n", "邮箱")]
    public void A_file_without_the_name_or_email_column_is_refused_as_a_whole(string text, string missing)
    {
        var e = Assert.Throws<FormatException>(() => ChamberImport.Plan(TabularFile.Read(Encoding.UTF8.GetBytes(text), "x.csv")));
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_old_xls_broken_xlsx_and_unclosed_quotes_are_refused_with_a_reason()
    {
        Assert.Throws<FormatException>(() => TabularFile.Read([], "x.csv"));
        Assert.Contains(".xls", Assert.Throws<FormatException>(() => TabularFile.Read([0xD0, 0xCF, 0x11, 0xE0, 0, 0], "old.xls")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => TabularFile.Read([(byte)'P', (byte)'K', 3, 4, 1, 2, 3], "broken.xlsx"));
        Assert.Throws<FormatException>(() => TabularFile.Read(Encoding.UTF8.GetBytes("名称,邮箱\n\"open,x@y.cn\n"), "x.csv"));
    }

    [Fact]
    public void An_xlsx_sheet_is_read_with_shared_strings_numbers_and_skipped_cells()
    {
        var plan = ChamberImport.Plan(TabularFile.Read(Xlsx(
            [["名称", "邮箱", "会员数"], ["龙湾区商会", "lw@chamber.example", 420], ["瓯海区商会", null, 5]]), "list.xlsx"));

        var row = Assert.Single(plan.Rows);
        Assert.Equal(("龙湾区商会", 420, 2), (row.Name, row.MemberCount, row.RowNumber));
        var error = Assert.Single(plan.Errors);
        Assert.Equal((3, "邮箱"), (error.Row, error.Column));
    }

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("C7", 2)]
    [InlineData("AA3", 26)]
    public void Cell_references_give_column_positions(string reference, int column) => Assert.Equal(column, TabularFile.ColumnIndex(reference));

    /// <summary>A workbook as Excel writes it: text in the shared string table, numbers inline, empty cells absent.</summary>
    internal static byte[] Xlsx(object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r][c])
                    {
                        case string text:
                            strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
                            row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue((strings.SharedStringTable.Count() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                        case int number:
                            row.AppendChild(new Cell { CellReference = reference, CellValue = new CellValue(number.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                    }
                }

                data.AppendChild(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "商会" }));
        }

        return stream.ToArray();
    }
}
