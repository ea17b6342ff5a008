using System.Globalization;
using System.Text;
using System.Text.Json;
using Chamber.Campaigns.Email;
using Chamber.Workflows.Localization;

namespace Chamber.Campaigns.Chambers;

/// <summary>A chamber as read from one row of an import file, before it meets the directory.</summary>
public sealed record ChamberRow(
    int RowNumber,
    string Name,
    ChamberType? Type,
    string? District,
    string? Contact,
    string Email,
    string? Phone,
    int? MemberCount,
    int? EnterpriseMemberCount,
    int? PreviousYearMemberCount,
    int? LocalPrivateEntityCount,
    IReadOnlyDictionary<string, string> Extra,
    string? Language = null,
    string? Parent = null);

/// <summary>Why one row (or one cell of it) was not imported. <see cref="Column"/> is the header as written in the file.</summary>
public sealed record ImportError(int Row, string? Column, string Message);

/// <summary>What a file holds: the valid rows, and an error for each rejected one.</summary>
public sealed record ChamberImportPlan(IReadOnlyList<ChamberRow> Rows, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Turns a chamber list into rows: columns are recognised by their Chinese or English headers
/// (名称/name, 类型/type, 所属区/district, 联系人/contact, 邮箱/email, 电话/phone and the member
/// statistics); each row is checked on its own, so one bad row costs only that row.
/// </summary>
public static class ChamberImport
{
    private enum Field
    {
        Name,
        Type,
        District,
        Contact,
        Email,
        Phone,
        MemberCount,
        EnterpriseMemberCount,
        PreviousYearMemberCount,
        LocalPrivateEntityCount,
        Language,
        Parent,
    }

    // Compared after Normalize(): NFKC, lower case, without spaces, "*", "：" and units in brackets.
    private static readonly Dictionary<string, Field> Headers = new(StringComparer.Ordinal)
    {
        ["名称"] = Field.Name, ["商会名称"] = Field.Name, ["单位名称"] = Field.Name, ["name"] = Field.Name, ["chamber"] = Field.Name,
        ["类型"] = Field.Type, ["商会类型"] = Field.Type, ["type"] = Field.Type,
        ["所属区"] = Field.District, ["所属区县"] = Field.District, ["区县"] = Field.District, ["所属地区"] = Field.District, ["地区"] = Field.District,
        ["district"] = Field.District,
        ["联系人"] = Field.Contact, ["contact"] = Field.Contact,
        ["上级单位"] = Field.Parent, ["上级"] = Field.Parent, ["上级工商联"] = Field.Parent, ["所属工商联"] = Field.Parent, ["parent"] = Field.Parent,
        ["邮箱"] = Field.Email, ["电子邮箱"] = Field.Email, ["电子邮件"] = Field.Email, ["email"] = Field.Email, ["e-mail"] = Field.Email,
        ["电话"] = Field.Phone, ["联系电话"] = Field.Phone, ["手机"] = Field.Phone, ["phone"] = Field.Phone, ["tel"] = Field.Phone,
        ["会员数"] = Field.MemberCount, ["会员总数"] = Field.MemberCount, ["会员数量"] = Field.MemberCount, ["members"] = Field.MemberCount,
        ["membercount"] = Field.MemberCount,
        ["企业会员数"] = Field.EnterpriseMemberCount, ["企业会员"] = Field.EnterpriseMemberCount, ["enterprisemembers"] = Field.EnterpriseMemberCount,
        ["上年会员数"] = Field.PreviousYearMemberCount, ["上年末会员数"] = Field.PreviousYearMemberCount,
        ["previousyearmembers"] = Field.PreviousYearMemberCount,
        ["非公经济市场主体数"] = Field.LocalPrivateEntityCount, ["非公有制市场主体数"] = Field.LocalPrivateEntityCount,
        ["本地非公经济市场主体数"] = Field.LocalPrivateEntityCount, ["localprivateentities"] = Field.LocalPrivateEntityCount,
        ["邮件语言"] = Field.Language, ["语言"] = Field.Language, ["language"] = Field.Language,
    };

    private static readonly Dictionary<string, ChamberType> Types = new(StringComparer.Ordinal)
    {
        ["乡镇街道"] = ChamberType.Township, ["乡镇"] = ChamberType.Township, ["街道"] = ChamberType.Township, ["township"] = ChamberType.Township,
        ["行业"] = ChamberType.Industry, ["industry"] = ChamberType.Industry,
        ["区域"] = ChamberType.Regional, ["regional"] = ChamberType.Regional,
        ["异地"] = ChamberType.NonLocal, ["non-local"] = ChamberType.NonLocal, ["nonlocal"] = ChamberType.NonLocal,
        ["县级工商联"] = ChamberType.CountyFederation, ["工商联"] = ChamberType.CountyFederation, ["countyfederation"] = ChamberType.CountyFederation,
        ["county-federation"] = ChamberType.CountyFederation,
        ["市工商联"] = ChamberType.CityFederation, ["市级工商联"] = ChamberType.CityFederation, ["cityfederation"] = ChamberType.CityFederation,
        ["city-federation"] = ChamberType.CityFederation,
    };

    public const int MaxRows = 100_000;

    /// <summary>The longest district, contact or phone number.</summary>
    public const int MaxFieldLength = 100;

    /// <summary>The columns of the downloadable template, in the order a member department keeps them.</summary>
    private static readonly (Field Field, string Header)[] TemplateColumns =
    [
        (Field.Name, "名称"), (Field.Type, "类型"), (Field.District, "所属区"), (Field.Contact, "联系人"), (Field.Email, "邮箱"), (Field.Phone, "电话"),
        (Field.MemberCount, "会员数"), (Field.EnterpriseMemberCount, "企业会员数"), (Field.PreviousYearMemberCount, "上年会员数"),
        (Field.LocalPrivateEntityCount, "本地非公经济市场主体数"), (Field.Language, "邮件语言"), (Field.Parent, "上级单位"),
    ];

    /// <summary>How a type is written in a file (the template and an edit use the same words as an import).</summary>
    public static string TypeName(ChamberType type) => type switch
    {
        ChamberType.Township => "乡镇街道",
        ChamberType.Industry => "行业",
        ChamberType.Regional => "区域",
        ChamberType.NonLocal => "异地",
        ChamberType.CountyFederation => "县级工商联",
        ChamberType.CityFederation => "市工商联",
        _ => type.ToString(),
    };

    /// <summary>
    /// A template to fill in: the header and one example row, as UTF-8 with a byte-order mark so that
    /// Excel opens the Chinese correctly.
    /// </summary>
    public static byte[] TemplateCsv()
    {
        var text = string.Join(",", TemplateColumns.Select(c => c.Header)) + "\r\n"
            + "鹿城区五马街道商会,乡镇街道,鹿城区,张三,wuma@example.com; office@example.com,0577-88000000,120,100,110,3000,中文,\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    /// <summary>A hand edit checked by the rules an import row meets (name, e-mail addresses, figures); the row, or every problem with it.</summary>
    public static (ChamberRow? Row, IReadOnlyList<string> Problems) Check(ChamberEdit edit)
    {
        string Text(Field field) => field switch
        {
            Field.Name => edit.Name ?? "",
            Field.Type => edit.Type is { } type ? TypeName(type) : "",
            Field.District => edit.District ?? "",
            Field.Contact => edit.Contact ?? "",
            Field.Email => edit.Email ?? "",
            Field.Phone => edit.Phone ?? "",
            Field.MemberCount => Number(edit.MemberCount),
            Field.EnterpriseMemberCount => Number(edit.EnterpriseMemberCount),
            Field.PreviousYearMemberCount => Number(edit.PreviousYearMemberCount),
            Field.LocalPrivateEntityCount => Number(edit.LocalPrivateEntityCount),
            Field.Language => edit.Language ?? "",
            _ => "",
        };

        var plan = Plan([new TabularRow(1, [.. TemplateColumns.Select(c => c.Header)]), new TabularRow(2, [.. TemplateColumns.Select(c => Text(c.Field).Trim())])]);
        IReadOnlyList<string> problems = [.. plan.Errors.Select(e => $"{e.Column}：{e.Message}")];
        return problems.Count > 0 ? (null, problems) : (plan.Rows[0], problems);
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static ChamberImportPlan Plan(IReadOnlyList<TabularRow> table)
    {
        if (table.Count == 0)
            throw new FormatException(ReaderText.Of("文件中没有数据", "The file has no rows."));
        if (table.Count - 1 > MaxRows)
            throw new FormatException(ReaderText.Of($"一次最多导入 {MaxRows:N0} 行", $"At most {MaxRows:N0} rows per import."));

        var header = table[0];
        var columns = new Dictionary<Field, int>();
        var extraColumns = new List<(int Index, string Header)>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            if (Headers.TryGetValue(Normalize(header.Cells[i]), out var field))
                columns.TryAdd(field, i);
            else if (header.Cells[i].Length > 0)
                extraColumns.Add((i, header.Cells[i]));
        }

        if (!columns.ContainsKey(Field.Name))
            throw new FormatException(ReaderText.Of("找不到“名称”列（第一行应为表头）", "No name column found (the first row must be the header: 名称/name, 邮箱/email, …)."));
        if (!columns.ContainsKey(Field.Email))
            throw new FormatException(ReaderText.Of("找不到“邮箱”列", "No email column found (邮箱/email)."));

        var rows = new List<ChamberRow>();
        var errors = new List<ImportError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Skip(1))
        {
            var rowErrors = new List<ImportError>();
            string Cell(Field field) => columns.TryGetValue(field, out var i) && i < row.Cells.Count ? PlainText.OneLine(row.Cells[i]).Trim() : "";
            string? Optional(Field field) => Cell(field) is { Length: > 0 } value ? value : null;
            string HeaderOf(Field field) => header.Cells[columns[field]];

            int? Count(Field field)
            {
                var text = Cell(field);
                if (text.Length == 0)
                    return null;
                var digits = text.Normalize(NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
                    .TrimEnd('家', '个', '人', '户');
                if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 100_000_000)
                    return n;
                rowErrors.Add(new ImportError(row.Number, HeaderOf(field), ReaderText.Of($"“{text}”不是非负整数", $"'{text}' is not a whole number ≥ 0.")));
                return null;
            }

            var name = Collapse(Cell(Field.Name));
            if (name.Length == 0)
                rowErrors.Add(new ImportError(row.Number, HeaderOf(Field.Name), ReaderText.Of("名称为空", "The name is empty.")));
            else if (name.Length > 200)
                rowErrors.Add(new ImportError(row.Number, HeaderOf(Field.Name), ReaderText.Of("名称超过 200 字", "The name is longer than 200 characters.")));

            foreach (var field in new[] { Field.District, Field.Contact, Field.Phone, Field.Email, Field.Parent })
            {
                var limit = field == Field.Email ? 1_000 : field == Field.Parent ? 200 : MaxFieldLength;
                if (columns.ContainsKey(field) && Cell(field).Length > limit)
                    rowErrors.Add(new ImportError(row.Number, HeaderOf(field), ReaderText.Of($"超过 {limit} 字", $"Longer than {limit} characters.")));
            }

            ChamberType? type = null;
            if (Optional(Field.Type) is { } typeText)
            {
                if (Types.TryGetValue(Normalize(typeText).Replace("商会", "", StringComparison.Ordinal), out var parsed))
                    type = parsed;
                else
                    rowErrors.Add(new ImportError(row.Number, HeaderOf(Field.Type), ReaderText.Of($"未知类型“{typeText}”（应为 乡镇街道/行业/区域/异地/县级工商联/市工商联）", $"Unknown type '{typeText}' (township, industry, regional, non-local, county federation or city federation).")));
            }

            var emails = Chamber.Campaigns.Email.EmailMessage.Addresses(Cell(Field.Email));
            if (emails.Count == 0)
                rowErrors.Add(new ImportError(row.Number, HeaderOf(Field.Email), ReaderText.Of("邮箱为空：提醒邮件无法送达", "The e-mail is empty: reminders could not reach this chamber.")));
            foreach (var address in emails.Where(a => EmailAddress.Parse(a) is not { } parsed || !parsed[(parsed.LastIndexOf('@') + 1)..].Contains('.', StringComparison.Ordinal)))
                rowErrors.Add(new ImportError(row.Number, HeaderOf(Field.Email), ReaderText.Of($"“{address}”不是有效的邮箱地址", $"'{address}' is not an e-mail address.")));

            var members = Count(Field.MemberCount);
            var enterprise = Count(Field.EnterpriseMemberCount);
            var previous = Count(Field.PreviousYearMemberCount);
            var entities = Count(Field.LocalPrivateEntityCount);
            if (members is { } m && enterprise is { } e && e > m)
                rowErrors.Add(new ImportError(row.Number, HeaderOf(Field.EnterpriseMemberCount), ReaderText.Of("企业会员数大于会员数", "More enterprise members than members.")));

            string? language = null;
            if (Optional(Field.Language) is { } languageText && (language = MessageLanguage.Parse(languageText)) is null)
                rowErrors.Add(new ImportError(row.Number, HeaderOf(Field.Language), ReaderText.Of($"“{languageText}”不是邮件语言（中文或英文）", $"'{languageText}' is not a mail language (Chinese or English).")));

            var key = NameKey(name);
            var parent = Optional(Field.Parent) is { } parentText ? Collapse(parentText) : null;
            if (parent is not null && NameKey(parent) == key)
                rowErrors.Add(new ImportError(row.Number, HeaderOf(Field.Parent), ReaderText.Of("上级单位不能是自己", "A unit cannot stand under itself.")));
            if (name.Length > 0 && seen.TryGetValue(key, out var firstRow))
                rowErrors.Add(new ImportError(row.Number, HeaderOf(Field.Name), ReaderText.Of($"与第 {firstRow} 行重名", $"Same name as row {firstRow}.")));

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            seen[key] = row.Number;
            var extra = extraColumns.Where(c => c.Index < row.Cells.Count && row.Cells[c.Index].Length > 0)
                .ToDictionary(c => c.Header, c => row.Cells[c.Index]);
            rows.Add(new ChamberRow(row.Number, name, type, Optional(Field.District), Optional(Field.Contact), string.Join("; ", emails),
                Optional(Field.Phone), members, enterprise, previous, entities, extra, language, parent));
        }

        return new ChamberImportPlan(rows, errors);
    }

    /// <summary>How names are matched on re-import: full-width and half-width alike, spaces collapsed, case ignored.</summary>
    public static string NameKey(string name) => Collapse(name.Normalize(NormalizationForm.FormKC)).ToLowerInvariant();

    internal static string ExtraJson(IReadOnlyDictionary<string, string> extra) =>
        extra.Count == 0 ? "" : JsonSerializer.Serialize(extra, ExtraJsonOptions);

    // One instance for every row: System.Text.Json builds its serialization metadata once per options object.
    private static readonly JsonSerializerOptions ExtraJsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Normalize(string header)
    {
        var text = header.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var bracket = text.IndexOfAny(['(', '[']);
        if (bracket > 0)
            text = text[..bracket];
        return new string([.. text.Where(c => !char.IsWhiteSpace(c) && c is not '*' and not ':' and not '_')]);
    }
}
