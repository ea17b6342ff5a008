using Chamber.Host.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chamber.Host.Tests.Api;

/// <summary>An unexpected error is logged with the route's pattern, never with the path: a portal path carries a chamber's token.</summary>
public sealed class ProblemLoggingTests
{
    [Fact]
    public async Task An_unhandled_error_on_a_portal_request_logs_the_route_and_not_the_token()
    {
        var logger = new ListLogger();
        var handler = new ProblemExceptionHandler(new ServiceCollection().AddOptions().AddProblemDetails().BuildServiceProvider().GetRequiredService<IProblemDetailsService>(), logger);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/portal/SECRET-TOKEN-123/items/abc/submit";
        context.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/portal/{token}/items/{itemId}/submit"), 0,
            EndpointMetadataCollection.Empty, "submit"));

        Assert.False(await handler.TryHandleAsync(context, new InvalidOperationException("disk full"), CancellationToken.None));

        var line = Assert.Single(logger.Lines);
        Assert.Contains("/api/portal/{token}/items/{itemId}/submit", line, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-TOKEN-123", line, StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger<ProblemExceptionHandler>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
