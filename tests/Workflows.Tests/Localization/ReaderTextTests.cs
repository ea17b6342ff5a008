using System.Globalization;
using Chamber.Workflows.Localization;

namespace Chamber.Workflows.Tests.Localization;

public sealed class ReaderTextTests
{
    [Theory]
    [InlineData("en", "The file is empty.")]
    [InlineData("en-GB", "The file is empty.")]
    [InlineData("zh-CN", "文件是空的")]
    [InlineData("", "文件是空的")] // background work runs in the invariant culture: Chinese, the product's own language
    public void A_message_is_in_the_readers_language_only(string culture, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, ReaderText.Of("文件是空的", "The file is empty."));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
