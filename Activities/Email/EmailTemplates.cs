using System.Collections.Concurrent;
using HandlebarsDotNet;

namespace Chamber.Activities.Email;

/// <summary>A rendered message: subject, plain text and HTML.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html);

/// <summary>
/// The shipped Handlebars templates (definitions/email-templates, built into this assembly),
/// compiled once. Subject and text are rendered without HTML escaping; the HTML part escapes every
/// value, so nothing a chamber or user typed can inject markup into a message.
/// </summary>
public sealed class EmailTemplates
{
    private readonly IHandlebars _html = Handlebars.Create();
    private readonly IHandlebars _plain = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
    // Lazy: compiling a template is costly, and a launch asks for the same one from many threads at once.
    private readonly ConcurrentDictionary<string, Lazy<(HandlebarsTemplate<object, object> Subject, HandlebarsTemplate<object, object> Text, HandlebarsTemplate<object, object> Html)>> _compiled = new();

    public RenderedEmail Render(string name, object model)
    {
        var (subject, text, html) = _compiled.GetOrAdd(name, n => new(() => (
            _plain.Compile(Read($"{n}.subject.hbs")),
            _plain.Compile(Read($"{n}.text.hbs")),
            _html.Compile(Read($"{n}.html.hbs"))))).Value;
        return new RenderedEmail(subject(model).Trim(), text(model).Trim() + "\n", html(model).Trim());
    }

    private static string Read(string file)
    {
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream("email-templates/" + file)
            ?? throw new InvalidOperationException($"E-mail template '{file}' is not shipped.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
