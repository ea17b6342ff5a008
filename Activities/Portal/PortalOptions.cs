namespace Chamber.Campaigns.Portal;

public sealed class PortalOptions
{
    /// <summary>The public address of the Host, as chambers reach it; links in e-mails start with it.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How long a link works after it was issued (a new e-mail carries a new link).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>Who signs the e-mails.</summary>
    public string SenderName { get; set; } = "工商联会员部";
}
