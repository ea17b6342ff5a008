using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Chamber.Campaigns.Persistence;
using Chamber.Workflows.Localization;
using HandlebarsDotNet;
using Microsoft.EntityFrameworkCore;

namespace Chamber.Campaigns.Email;

/// <summary>A rendered message: subject, plain text and HTML.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html);

/// <summary>The three Handlebars sources of one message.</summary>
public sealed record EmailTemplateText(string Subject, string Text, string Html);

/// <summary>A template in one language as administrators see it: the text in force, whether it was changed, and the shipped text to go back to.</summary>
public sealed record EmailTemplateView(string Name, string Language, EmailTemplateText Current, bool Customised, DateTimeOffset? UpdatedAt, string? UpdatedBy,
    EmailTemplateText Shipped);

/// <summary>An administrator's change to one language of a shipped template (table <c>email_templates</c>).</summary>
public sealed class EmailTemplateRecord
{
    public required string Name { get; set; }
    public required string Language { get; set; }
    public required string Subject { get; set; }
    public required string Text { get; set; }
    public required string Html { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>A template that cannot be used as written; the messages say which part and why.</summary>
public sealed class EmailTemplateException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// The templates of the messages campaigns send, each in Chinese and English: the shipped ones
/// (definitions/email-templates and its en/ folder, built into this assembly), each language of each
/// replaceable by administrators. Subject and text are rendered
/// without HTML escaping; the HTML part escapes every value, so nothing a chamber or user typed can
/// inject markup into a message — which is why a changed HTML part may not switch escaping off.
/// </summary>
public sealed class EmailTemplates : IDisposable
{
    /// <summary>How soon a change made on another host applies here.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 50_000;

    private readonly IDbContextFactory<CampaignDbContext> _contexts;
    private readonly TimeProvider _clock;
    private readonly RefreshingValue<IReadOnlyDictionary<(string Name, string Language), EmailTemplateRecord>> _changed;
    private readonly IHandlebars _html = Handlebars.Create();
    private readonly IHandlebars _plain = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });

    // By name, language and version: a changed template is compiled once, on first use. Lazy, because a launch
    // asks for the same one from many threads at once. Superseded versions stay (a few per change).
    private readonly ConcurrentDictionary<(string Name, string Language, DateTime? Version), Lazy<Compiled>> _compiled = new();

    private sealed record Compiled(HandlebarsTemplate<object, object> Subject, HandlebarsTemplate<object, object> Text, HandlebarsTemplate<object, object> Html);

    public EmailTemplates(IDbContextFactory<CampaignDbContext> contexts, TimeProvider clock)
    {
        _contexts = contexts;
        _clock = clock;
        _changed = new(LoadChangedAsync, RefreshInterval);
        foreach (var engine in new[] { _html, _plain })
        {
            // {{ordinal @index}}: lists are numbered from 1, as people number them.
            engine.RegisterHelper("ordinal", (context, arguments) => arguments.Length > 0 && arguments[0] is int index ? index + 1 : arguments.ElementAtOrDefault(0));
            // {{quoted honour}}: “…” around a name, its own “…” turned into ‘…’ (被评为“2026年度‘四好’商会”).
            engine.RegisterHelper("quoted", (context, arguments) => ChineseText.Quoted(arguments.ElementAtOrDefault(0)?.ToString() ?? ""));
            // {{chinese round}} and {{chineseCount maxRounds}}: numbers as Chinese numerals (第二次, 至多两次).
            engine.RegisterHelper("chinese", (context, arguments) => arguments.ElementAtOrDefault(0) is int n ? ChineseText.Numeral(n) : arguments.ElementAtOrDefault(0));
            engine.RegisterHelper("chineseCount", (context, arguments) =>
                arguments.ElementAtOrDefault(0) is int n ? ChineseText.Numeral(n, count: true) : arguments.ElementAtOrDefault(0));
        }
    }

    /// <summary>The names of the shipped templates (the only ones the activities ask for); each is shipped in every <see cref="MessageLanguage"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. typeof(EmailTemplates).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("email-templates/", StringComparison.Ordinal) && n.EndsWith(".subject.hbs", StringComparison.Ordinal))
        .Select(n => n["email-templates/".Length..^".subject.hbs".Length])
        .Where(n => !n.Contains('/', StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)];

    /// <summary>The shipped text in a language; the subject without the file's final line break, as an editor shows and saves it.</summary>
    public static EmailTemplateText Shipped(string name, string language = MessageLanguage.Chinese)
    {
        var folder = language == MessageLanguage.English ? "en/" : "";
        return new(Read($"{folder}{name}.subject.hbs").Trim(), Read($"{folder}{name}.text.hbs"), Read($"{folder}{name}.html.hbs"));
    }

    /// <summary>The message in <paramref name="language"/> (a <see cref="MessageLanguage"/>), as administrators last changed it or as shipped.</summary>
    public async ValueTask<RenderedEmail> RenderAsync(string name, object model, string language = MessageLanguage.Chinese, CancellationToken cancellationToken = default)
    {
        language = MessageLanguage.Of(language);
        if (model is IDictionary<string, object?> fields)
        {
            // The date under the signature (落款日期), on the application's clock in Beijing.
            var today = Calendar.BeijingTime.Today(_clock);
            fields.TryAdd("sentOn", CampaignMail.ChineseDate(today));
            fields.TryAdd("sentOnEn", CampaignMail.EnglishDate(today));
        }

        var changed = (await _changed.GetAsync(cancellationToken)).GetValueOrDefault((name, language));
        var compiled = _compiled.GetOrAdd((name, language, changed?.UpdatedAt), key => new(() =>
            Compile(changed is null ? Shipped(key.Name, key.Language) : new EmailTemplateText(changed.Subject, changed.Text, changed.Html)))).Value;
        return Render(compiled, model);
    }

    /// <summary>Renders a draft with the sample model, as the editor previews it; throws <see cref="EmailTemplateException"/> when it cannot be used.</summary>
    public RenderedEmail Preview(EmailTemplateText text, string language = MessageLanguage.Chinese) => Preview(text, EmailTemplateSample.Model(language));

    /// <summary>Renders a draft with the fields given (the sample's, as a campaign of another kind changes them); no table is read.</summary>
    public RenderedEmail Preview(EmailTemplateText text, IDictionary<string, object?> model)
    {
        text = Normalized(text);
        EnsureUsable(text);
        return Render(Compile(text), model);
    }

    /// <summary>Every template in every language.</summary>
    public async Task<IReadOnlyList<EmailTemplateView>> ListAsync(CancellationToken cancellationToken = default)
    {
        // Administrators' pages read the table, not the cached copy, so they never show an old text.
        var changed = await LoadChangedAsync(cancellationToken);
        return [.. Names.SelectMany(name => MessageLanguage.All.Select(language => View(name, language, changed.GetValueOrDefault((name, language)))))];
    }

    public async Task<EmailTemplateView?> GetAsync(string name, string language, CancellationToken cancellationToken = default) =>
        Names.Contains(name) ? View(name, language, (await LoadChangedAsync(cancellationToken)).GetValueOrDefault((name, language))) : null;

    /// <summary>Replaces one language of a shipped template; throws <see cref="EmailTemplateException"/> (nothing stored) when the text cannot be used.</summary>
    public async Task<EmailTemplateView> SaveAsync(string name, string language, EmailTemplateText text, string? by, CancellationToken cancellationToken = default)
    {
        text = Normalized(text);
        EnsureUsable(text);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.EmailTemplates.FindAsync([name, language], cancellationToken);
        if (record is null)
        {
            record = new EmailTemplateRecord { Name = name, Language = language, Subject = text.Subject, Text = text.Text, Html = text.Html };
            db.EmailTemplates.Add(record);
        }

        (record.Subject, record.Text, record.Html) = (text.Subject, text.Text, text.Html);
        record.UpdatedAt = _clock.GetUtcNow().UtcDateTime;
        record.UpdatedBy = by;
        await db.SaveChangesAsync(cancellationToken);
        _changed.Invalidate();
        return View(name, language, record);
    }

    /// <summary>Goes back to the shipped template in this language; false when it was not changed.</summary>
    public async Task<bool> ResetAsync(string name, string language, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var deleted = await db.EmailTemplates.Where(t => t.Name == name && t.Language == language).ExecuteDeleteAsync(cancellationToken) > 0;
        _changed.Invalidate();
        return deleted;
    }

    /// <summary>What is wrong with a draft: too long, escaping switched off in the HTML part, or Handlebars that does not compile or render.</summary>
    private IReadOnlyList<string> Check(EmailTemplateText text)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(text.Subject) || string.IsNullOrWhiteSpace(text.Text) || string.IsNullOrWhiteSpace(text.Html))
            problems.Add(ReaderText.Of("主题、纯文本和 HTML 都不能为空", "Subject, text and HTML are all required."));
        if (text.Subject?.Length > MaxSubjectLength || text.Subject?.AsSpan().IndexOfAny('\r', '\n') >= 0)
            problems.Add(ReaderText.Of($"主题须为一行，不超过 {MaxSubjectLength} 字", $"The subject must be one line of at most {MaxSubjectLength} characters."));
        if (text.Text?.Length > MaxBodyLength || text.Html?.Length > MaxBodyLength)
            problems.Add(ReaderText.Of($"正文不能超过 {MaxBodyLength} 字", $"A body may not exceed {MaxBodyLength} characters."));
        if (text.Html is { } html && (html.Contains("{{{", StringComparison.Ordinal) || html.Contains("{{&", StringComparison.Ordinal)))
            problems.Add(ReaderText.Of("HTML 中不能使用 {{{ }}} 或 {{& }}（会关闭转义）", "The HTML part may not use {{{ }}} or {{& }}: they switch escaping off."));
        if (text.Html is { } markup && Active(Regex.Replace(markup, @"\{\{!(--[\s\S]*?--|[^}]*)\}\}", "")))
            problems.Add(ActiveContent);
        foreach (var template in new[] { text.Subject, text.Text, text.Html })
        {
            if (template is not null && NestingDepth(template) > MaxNesting)
            {
                problems.Add(ReaderText.Of($"区块（each、with、if）最多嵌套 {MaxNesting} 层", $"Blocks (each, with, if) nest at most {MaxNesting} deep."));
                break;
            }
        }

        if (problems.Count > 0)
            return problems;

        var sample = EmailTemplateSample.Model();
        foreach (var (part, source, engine) in new[] { (ReaderText.Of("主题", "Subject"), text.Subject!, _plain), (ReaderText.Of("纯文本", "Text"), text.Text!, _plain), ("HTML", text.Html!, _html) })
        {
            try
            {
                var rendered = engine.Compile(source)(sample);
                // What the template produces, not only what it says: a script assembled from pieces is still a script.
                if (engine == _html && Active(rendered))
                    problems.Add(ActiveContent);
            }
            catch (HandlebarsException e)
            {
                problems.Add($"{part}：{e.Message}");
            }
        }

        return problems;
    }

    /// <summary>Deepest nesting of blocks a template may have: the shipped ones need two, and each level multiplies the work of rendering.</summary>
    public const int MaxNesting = 3;

    private static string ActiveContent =>
        ReaderText.Of("HTML 中不能包含脚本、事件属性（onclick= 等）、javascript: 链接或内嵌框架", "The HTML part may not contain scripts, event attributes (onclick= …), javascript: links or embedded frames.");

    /// <summary>HTML that would run something in a mail reader or in the preview: scripts, event handlers, javascript: URLs, frames and objects.</summary>
    private static bool Active(string html) =>
        Regex.IsMatch(html, @"<\s*(script|iframe|object|embed|frame)\b|\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:", RegexOptions.IgnoreCase);

    /// <summary>How deep block helpers ({{#each}}, {{#if}}, …) nest in a template.</summary>
    private static int NestingDepth(string template)
    {
        int depth = 0, deepest = 0;
        foreach (Match tag in Regex.Matches(template, @"\{\{\s*([#/])"))
        {
            depth += tag.Groups[1].Value == "#" ? 1 : -1;
            deepest = Math.Max(deepest, depth);
        }

        return deepest;
    }

    /// <summary>A subject with a line break only at its end (as a file or a pasted line has) is one line: the break goes.</summary>
    private static EmailTemplateText Normalized(EmailTemplateText text) => text with { Subject = text.Subject?.Trim() ?? "" };

    private void EnsureUsable(EmailTemplateText text)
    {
        if (Check(text) is { Count: > 0 } problems)
            throw new EmailTemplateException(problems);
    }

    private Compiled Compile(EmailTemplateText text) => new(_plain.Compile(text.Subject), _plain.Compile(text.Text), _html.Compile(text.Html));

    private static RenderedEmail Render(Compiled compiled, object model) =>
        // A value with a line break (a name stored before names were checked) must not break the subject header.
        new(PlainText.OneLine(compiled.Subject(model)).Trim(), compiled.Text(model).Trim() + "\n", compiled.Html(model).Trim());

    private static EmailTemplateView View(string name, string language, EmailTemplateRecord? changed)
    {
        var shipped = Shipped(name, language);
        return changed is null
            ? new EmailTemplateView(name, language, shipped, false, null, null, shipped)
            : new EmailTemplateView(name, language, new EmailTemplateText(changed.Subject, changed.Text, changed.Html), true,
                new DateTimeOffset(DateTime.SpecifyKind(changed.UpdatedAt, DateTimeKind.Utc)), changed.UpdatedBy, shipped);
    }

    private async Task<IReadOnlyDictionary<(string Name, string Language), EmailTemplateRecord>> LoadChangedAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.EmailTemplates.AsNoTracking().ToDictionaryAsync(t => (t.Name, t.Language), cancellationToken);
    }

    private static string Read(string file)
    {
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream("email-templates/" + file)
            ?? throw new InvalidOperationException($"E-mail template '{file}' is not shipped.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public void Dispose() => _changed.Dispose();
}
