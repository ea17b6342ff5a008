namespace Chamber.Campaigns.Email;

/// <summary>How official Chinese writes two things the notices need: quotes inside quotes, and small counts.</summary>
public static class ChineseText
{
    /// <summary>“…” around a name; quotes it already has become single quotes ‘…’, as 公文 nest them.</summary>
    public static string Quoted(string text) => $"“{text.Replace('“', '‘').Replace('”', '’')}”";

    /// <summary>
    /// A number in Chinese numerals: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十; 100 and more stay digits.
    /// As a count (<paramref name="count"/>) 2 is 两 (两次); as an order it is 二 (第二次).
    /// </summary>
    public static string Numeral(int n, bool count = false) => n switch
    {
        < 0 or >= 100 => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        0 => "零",
        2 when count => "两",
        < 10 => Digits[n].ToString(),
        10 => "十",
        < 20 => "十" + Digits[n % 10],
        _ => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10].ToString()),
    };

    private const string Digits = "零一二三四五六七八九";
}
