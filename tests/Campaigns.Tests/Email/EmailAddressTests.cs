using Chamber.Campaigns.Email;

namespace Chamber.Campaigns.Tests.Email;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("chamber@example.org", "chamber@example.org")]
    [InlineData("  chamber@example.org ", "chamber@example.org")]
    [InlineData("五马街道商会 <wuma@example.org>", "wuma@example.org")]
    [InlineData("王主席@商会.中国", "王主席@商会.中国")]
    [InlineData("not-an-address", null)]
    [InlineData("chamber@", null)]
    [InlineData("@example.org", null)]
    [InlineData("two words@example.org", null)]
    [InlineData("a@example.org, b@example.org", null)]
    [InlineData("", null)]
    public void Parse_gives_the_bare_address_of_one_mailbox_or_nothing(string text, string? address) =>
        Assert.Equal(address, EmailAddress.Parse(text));
}
