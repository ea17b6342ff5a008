namespace Chamber.Campaigns.Portal;

public sealed class PortalOptions
{
    /// <summary>The public address of the Host, as chambers reach it; links in e-mails start with it.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How long a link works after it was issued (a new e-mail carries a new link).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>Who signs the e-mails written in Chinese.</summary>
    public string SenderName { get; set; } = "工商联会员部";

    /// <summary>Who signs the e-mails written in English (to a chamber or person whose language is English).</summary>
    public string SenderNameEn { get; set; } = "Member Department, Federation of Industry and Commerce";

    /// <summary>The signature of a message in <paramref name="language"/>.</summary>
    public string SenderIn(string language) => language == Email.MessageLanguage.English ? SenderNameEn : SenderName;
}
