using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Chamber.Campaigns.Notices;

/// <summary>A list of units in a notice: a heading (一、…) and the names, in the order given.</summary>
public sealed record NoticeUnits(string Heading, IReadOnlyList<string> Names);

/// <summary>What a notice says, in the order a 公文 says it.</summary>
/// <param name="Issuer">发文机关 (e.g. 上海市工商业联合会): the red masthead and the signature.</param>
/// <param name="Number">发文字号 (e.g. 沪工商联〔2026〕12号); none leaves its line out.</param>
/// <param name="Addressee">主送机关 (e.g. 各区工商联、市工商联直属商会).</param>
/// <param name="Date">成文日期, written in Arabic numerals as GB/T 9704-2012 asks.</param>
public sealed record NoticeContent(string Issuer, string? Number, string Title, string Addressee, IReadOnlyList<string> Paragraphs,
    IReadOnlyList<NoticeUnits> Units, IReadOnlyList<string> Closing, DateOnly Date);

/// <summary>
/// A notice (通报) or decision (表彰决定) as a Word document laid out as a 公文 (GB/T 9704-2012):
/// A4 with its margins (37/35/28/26 mm), the issuer's red masthead over a red line, the document
/// number, the title in 2号 (22 pt) 小标宋, the addressee, the body in 3号 (16 pt) 仿宋 at a
/// fixed 28 pt line, each paragraph indented two characters, the lists of units, then the
/// issuer and the date on the right. Fonts are named as offices install them; Word falls back
/// where one is missing.
/// </summary>
public static class NoticeDocument
{
    private const string Song = "方正小标宋简体";
    private const string FangSong = "仿宋_GB2312";
    private const string Red = "FF0000";
    private const int BodyHalfPoints = 32; // 3号, 16 pt
    private const int TitleHalfPoints = 44; // 2号, 22 pt
    private const int MastheadHalfPoints = 60;
    private const string LineTwips = "560"; // 28 pt

    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(NoticeContent notice)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Line(notice.Issuer, Song, MastheadHalfPoints, JustificationValues.Center, color: Red));
            if (!string.IsNullOrWhiteSpace(notice.Number))
                body.Append(Line(notice.Number, FangSong, BodyHalfPoints, JustificationValues.Center));
            body.Append(RedLine());
            body.Append(Line("", FangSong, BodyHalfPoints, JustificationValues.Left));
            body.Append(Line(notice.Title, Song, TitleHalfPoints, JustificationValues.Center));
            body.Append(Line("", FangSong, BodyHalfPoints, JustificationValues.Left));
            body.Append(Line(notice.Addressee.TrimEnd('：', ':') + "：", FangSong, BodyHalfPoints, JustificationValues.Left));
            foreach (var paragraph in notice.Paragraphs)
                body.Append(Line(paragraph, FangSong, BodyHalfPoints, JustificationValues.Both, indent: true));
            var number = 0;
            foreach (var units in notice.Units.Where(u => u.Names.Count > 0))
            {
                body.Append(Line($"{Email.ChineseText.Numeral(++number)}、{units.Heading}（{units.Names.Count}个）", FangSong, BodyHalfPoints,
                    JustificationValues.Both, indent: true, bold: true));
                body.Append(Line(string.Join("、", units.Names), FangSong, BodyHalfPoints, JustificationValues.Both, indent: true));
            }

            foreach (var paragraph in notice.Closing)
                body.Append(Line(paragraph, FangSong, BodyHalfPoints, JustificationValues.Both, indent: true));
            body.Append(Line("", FangSong, BodyHalfPoints, JustificationValues.Left));
            body.Append(Line(notice.Issuer, FangSong, BodyHalfPoints, JustificationValues.Right));
            body.Append(Line(notice.Date.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture), FangSong, BodyHalfPoints, JustificationValues.Right));
            body.Append(Page());
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The text of a written notice, one paragraph per line: what tests and previews read.</summary>
    public static IReadOnlyList<string> Paragraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return [.. document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText)];
    }

    private static Paragraph Line(string text, string font, int halfPoints, JustificationValues justification, bool indent = false, bool bold = false,
        string? color = null)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Line = LineTwips, LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" },
            new Justification { Val = justification });
        if (indent)
            properties.Append(new Indentation { FirstLineChars = 200 }); // two characters
        var run = new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font },
            new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
            run.Append(new Bold());
        if (color is not null)
            run.Append(new Color { Val = color });
        // The masthead is taller than the fixed body line.
        if (halfPoints > TitleHalfPoints)
            properties.SpacingBetweenLines = new SpacingBetweenLines { Line = "1000", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" };
        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>The red line under the masthead (版头中的分隔线).</summary>
    private static Paragraph RedLine() => new(new ParagraphProperties(
        new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Color = Red, Size = 12, Space = 1 }),
        new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" }));

    /// <summary>A4 with the 公文 margins: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right.</summary>
    private static SectionProperties Page() => new(
        new PageSize { Width = 11906U, Height = 16838U },
        new PageMargin { Top = Twips(37), Bottom = Twips(35), Left = (uint)Twips(28), Right = (uint)Twips(26), Header = 851U, Footer = 992U, Gutter = 0U });

    private static int Twips(double millimetres) => (int)Math.Round(millimetres / 25.4 * 1440);
}
