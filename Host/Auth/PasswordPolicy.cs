using Chamber.Workflows.Localization;

namespace Chamber.Host.Auth;

/// <summary>What a password must be, wherever one is set: creation, an administrator's reset, a change, a reset by e-mail link.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;

    /// <summary>At least ten characters, not blank, of at least three kinds: lower case, upper case, digits, anything else (symbols, Chinese).</summary>
    public static IEnumerable<string> Problems(string? password)
    {
        if (string.IsNullOrWhiteSpace(password) || password.Trim().Length < MinLength)
        {
            yield return ReaderText.Of($"密码至少 {MinLength} 位（不计首尾空格）", $"The password needs at least {MinLength} characters besides spaces.");
            yield break;
        }

        var kinds = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit),
            password.Any(c => (!char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c)) || (char.IsLetter(c) && !char.IsLower(c) && !char.IsUpper(c))) }.Count(k => k);
        if (kinds < 3)
            yield return ReaderText.Of("密码须包含小写字母、大写字母、数字、符号（或汉字）中的至少三类", "The password needs three of: lower-case letters, upper-case letters, digits, symbols (or Chinese characters).");
    }
}
