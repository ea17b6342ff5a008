using Hangfire.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Chamber.Host.Jobs;

/// <summary>
/// Hangfire's messages in the Host's logs. Hangfire keeps its log provider in a static, so it
/// outlives a Host disposed while another runs in the same process (the test suite's Hosts run side
/// by side); Hangfire.AspNetCore's own provider then failed whatever Hangfire was doing with
/// "Cannot access a disposed object: LoggerFactory". A logger whose factory is gone writes nothing.
/// </summary>
internal sealed class HangfireLogs(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name) => new Logger(factory, name);

    private sealed class Logger(ILoggerFactory factory, string name) : ILog
    {
        private ILogger? _logger;

        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = logLevel switch
            {
                HangfireLevel.Trace => LogLevel.Trace,
                HangfireLevel.Debug => LogLevel.Debug,
                HangfireLevel.Info => LogLevel.Information,
                HangfireLevel.Warn => LogLevel.Warning,
                HangfireLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            try
            {
                _logger ??= factory.CreateLogger(name);
                if (!_logger.IsEnabled(level))
                    return false;
                if (messageFunc is not null)
                    _logger.Log(level, exception, "{Message}", messageFunc());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
