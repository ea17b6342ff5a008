using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Chamber.Host.Localization;

/// <summary>
/// The language a request is answered in: the web client sends its own (Accept-Language), so names
/// the definitions translate (stages, workflows; see <c>Translations</c>) come back in the one the
/// reader chose, and downloads are written in it. Only the UI culture follows the reader: numbers and dates the server formats keep
/// the invariant culture, whoever asks.
/// </summary>
public static class ReaderLanguage
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IApplicationBuilder UseReaderLanguage(this IApplicationBuilder app) =>
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, Chinese),
            SupportedCultures = [CultureInfo.InvariantCulture],
            SupportedUICultures = [Chinese, English],
            // A download the browser fetches by itself (an Excel export) cannot set the header: it names
            // the language in its link (?lang=en). Nothing else (no cookie) chooses it.
            RequestCultureProviders = [new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new AcceptLanguageHeaderRequestCultureProvider()],
        });
}
