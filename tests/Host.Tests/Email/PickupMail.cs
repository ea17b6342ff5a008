using System.Text.RegularExpressions;

namespace Chamber.Host.Tests.Email;

/// <summary>
/// The e-mails the Host delivered to its pickup folder (.eml files), readable in tests: each as its
/// raw text followed by its base64 parts decoded (subjects and bodies of Chinese mail are base64).
/// </summary>
public static partial class PickupMail
{
    /// <summary>Waits up to 20 s for a delivered e-mail whose readable text satisfies <paramref name="match"/>; newest first.</summary>
    public static async Task<string> WaitForAsync(string directory, Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            foreach (var text in await ReadAllAsync(directory))
            {
                if (match(text))
                    return text;
            }

            Assert.True(DateTime.UtcNow < deadline, "No matching e-mail was delivered within 20 s.");
            await Task.Delay(200);
        }
    }

    /// <summary>Every delivered e-mail as raw text plus its decoded base64 parts, newest first.</summary>
    public static async Task<IReadOnlyList<string>> ReadAllAsync(string directory)
    {
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml") : [];
        var texts = new List<string>(files.Length);
        foreach (var file in files.OrderByDescending(File.GetLastWriteTimeUtc))
        {
            texts.Add(Readable(await File.ReadAllTextAsync(file)));
        }

        return texts;
    }

    /// <summary>A raw message followed by its base64 parts decoded.</summary>
    public static string Readable(string raw) => raw + string.Concat(Base64Block().Matches(raw).Select(m => TryDecode(m.Value)));

    private static string TryDecode(string block)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(block, @"\s", "")));
        }
        catch (FormatException)
        {
            return "";
        }
    }

    [GeneratedRegex(@"(?:[A-Za-z0-9+/]{20,}={0,2}\r?\n)+")]
    private static partial Regex Base64Block();
}
