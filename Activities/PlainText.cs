using System.Text;

namespace Chamber.Campaigns;

/// <summary>Text people type or import, made fit for one-line fields: names, subjects, spreadsheet cells.</summary>
public static class PlainText
{
    /// <summary>The longest name (of a campaign, a chamber, a person).</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest comment (an approval, a return, a submission note).</summary>
    public const int MaxCommentLength = 4_000;

    /// <summary>
    /// Text as a field keeps it: control characters (a pasted BEL, a NUL from a broken export) and
    /// code units that are not characters go, line breaks and tabs become spaces. They have no place
    /// in a name or an address, and an XML export or an e-mail header could not carry them.
    /// </summary>
    public static string OneLine(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.AsSpan().ContainsAnyInRange('\u007f', '\u009f') && !text.Any(char.IsSurrogate))
            return text;
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\t' or '\n' or '\r')
                clean.Append(' ');
            else if (!Rune.IsControl(rune) && rune != Rune.ReplacementChar)
                clean.Append(rune.ToString());
        }

        return clean.ToString();
    }

    /// <summary>Whether the text has a character that <see cref="OneLine"/> would drop or change.</summary>
    public static bool HasControlCharacters(string text) => !string.Equals(OneLine(text), text, StringComparison.Ordinal);
}
