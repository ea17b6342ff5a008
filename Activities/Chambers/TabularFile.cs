using System.Text;
using Chamber.Workflows.Localization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Chamber.Campaigns.Chambers;

/// <summary>One row of a spreadsheet with the row number a person sees in Excel (the header is row 1).</summary>
public sealed record TabularRow(int Number, IReadOnlyList<string> Cells);

/// <summary>
/// Reads a table from a CSV or an Excel (.xlsx) file: the first non-empty row is the header.
/// CSV may be UTF-8 (with or without BOM) or GBK/GB18030, which is what Excel writes on a Chinese
/// Windows; the encoding is told apart by whether the bytes are valid UTF-8.
/// </summary>
public static class TabularFile
{
    /// <summary>Excel's last column, XFD (zero-based): a reference beyond it is not Excel's, and would pad a row without end.</summary>
    public const int MaxColumnIndex = 16_383;

    /// <summary>
    /// Cells read from one file, empty ones that padding adds included. A chamber list of 100,000
    /// rows and 20 columns stays far below; a small file that claims millions of cells is refused
    /// before it takes the memory.
    /// </summary>
    public const int MaxCells = 4_000_000;

    static TabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads the file; throws <see cref="FormatException"/> with a message for people when it is neither.</summary>
    public static IReadOnlyList<TabularRow> Read(byte[] content, string? fileName)
    {
        if (content.Length == 0)
            throw new FormatException(ReaderText.Of("文件是空的", "The file is empty."));
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8))
            return ReadXlsx(content);
        if (content.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            throw new FormatException(ReaderText.Of("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV", "Old .xls files are not supported; save as .xlsx or CSV."));
        if (fileName is not null && fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            throw new FormatException(ReaderText.Of("这不是有效的 .xlsx 文件", "This is not a valid .xlsx file."));
        return ReadCsv(Decode(content));
    }

    internal static string Decode(byte[] content)
    {
        if (content.AsSpan().StartsWith(Encoding.UTF8.Preamble))
            return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            // GB18030 is a superset of GBK and GB2312.
            return Encoding.GetEncoding(54936).GetString(content);
        }
    }

    /// <summary>RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. A header with tabs and no commas means tab-separated.</summary>
    internal static IReadOnlyList<TabularRow> ReadCsv(string text)
    {
        var firstLine = text.AsSpan()[..Math.Max(0, text.IndexOf('\n') is var n && n >= 0 ? n : text.Length)];
        var separator = firstLine.Contains('\t') && !firstLine.Contains(',') ? '\t' : ',';
        var rows = new List<TabularRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowStart = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                        line++;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                cells.Add(cell.ToString());
                cell.Clear();
                AddRow(rows, rowStart, cells);
                cells = [];
                line++;
                rowStart = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
            throw new FormatException(ReaderText.Of($"第 {rowStart} 行的引号没有闭合", $"Row {rowStart} has an unclosed quote."));
        cells.Add(cell.ToString());
        AddRow(rows, rowStart, cells);
        return rows;
    }

    private static void AddRow(List<TabularRow> rows, int number, List<string> cells)
    {
        if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            rows.Add(new TabularRow(number, [.. cells.Select(c => c.Trim())]));
    }


    private static IReadOnlyList<TabularRow> ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart ?? throw new FormatException("The workbook has no content.");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new FormatException(ReaderText.Of("工作簿中没有工作表", "The workbook has no worksheet."));
            var worksheet = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var rows = new List<TabularRow>();
            var total = 0L;
            foreach (var row in worksheet.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    if (column > MaxColumnIndex)
                        throw new FormatException(ReaderText.Of($"单元格 {cell.CellReference?.Value} 超出 Excel 的列范围（最后一列为 XFD）", $"Cell {cell.CellReference?.Value} lies beyond Excel's last column, XFD."));
                    total += Math.Max(1, column + 1 - cells.Count);
                    if (total > MaxCells)
                        throw new FormatException(ReaderText.Of($"文件超过 {MaxCells:N0} 个单元格", $"The file has more than {MaxCells:N0} cells."));
                    while (cells.Count < column)
                        cells.Add("");
                    cells.Add(CellText(cell, shared).Trim());
                }

                if (cells.Any(c => c.Length > 0))
                    rows.Add(new TabularRow((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells));
            }

            return rows;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException or IOException)
        {
            throw new FormatException(ReaderText.Of("无法读取这个 Excel 文件：", "The Excel file cannot be read: ") + e.Message, e);
        }
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        var value = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, out var index) && index >= 0 && index < shared.Count)
            return shared[index];
        if (cell.DataType?.Value == CellValues.Boolean)
            return value == "1" ? "TRUE" : "FALSE";
        return value;
    }

    /// <summary>"C7" → 2 (zero-based), "AA3" → 26; a run of letters too long for any column gives int.MaxValue.</summary>
    internal static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
                break;
            if (index > MaxColumnIndex)
                return int.MaxValue;
            index = index * 26 + (c - 'A' + 1);
        }

        return index == 0 ? null : index - 1;
    }
}
