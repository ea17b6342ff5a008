using System.Collections.Concurrent;
using System.Threading.Channels;
using Chamber.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chamber.Workflows.Runtime;

/// <summary>
/// Performs durable dispatches in the background: straight away for those committed by this
/// host, and by a periodic sweep for those left by a crash or committed by another host.
/// </summary>
public sealed class WorkflowDispatcher(IServiceProvider services, IOptions<DispatcherOptions> options, ILogger<WorkflowDispatcher> logger)
    : BackgroundService, IDispatchQueue
{
    private readonly Channel<DispatchRecord> _queue = Channel.CreateUnbounded<DispatchRecord>();
    private readonly ConcurrentDictionary<string, byte> _inFlight = new();

    public void Enqueue(DispatchRecord dispatch) => _queue.Writer.TryWrite(dispatch);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var store = services.GetRequiredService<IWorkflowInstanceStore>();
        using var slots = new SemaphoreSlim(options.Value.Concurrency);
        var nextSweep = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (DateTime.UtcNow >= nextSweep)
                {
                    foreach (var dispatch in await store.PendingDispatchesAsync(500, stoppingToken))
                        Enqueue(dispatch);
                    nextSweep = DateTime.UtcNow + options.Value.SweepInterval;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(options.Value.SweepInterval);
                try
                {
                    await _queue.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    continue;
                }

                while (_queue.Reader.TryRead(out var dispatch))
                {
                    if (!_inFlight.TryAdd(dispatch.Id, 0))
                        continue;
                    await slots.WaitAsync(stoppingToken);
                    _ = Task.Run(async () =>
                    {
                        try
                        {
                            await runtime.ProcessDispatchAsync(dispatch, stoppingToken);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            logger.LogWarning(e, "Dispatch {Id} ({Kind} {Instance}) failed; it is retried after a backoff.", dispatch.Id, dispatch.Kind, dispatch.InstanceId);
                            try
                            {
                                await store.RecordDispatchFailureAsync(dispatch.Id, e.Message, CancellationToken.None);
                            }
                            catch (Exception recordFailure)
                            {
                                logger.LogError(recordFailure, "Could not record the failure of dispatch {Id}; it is retried at the next sweep.", dispatch.Id);
                            }
                        }
                        finally
                        {
                            _inFlight.TryRemove(dispatch.Id, out _);
                            slots.Release();
                        }
                    }, CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The dispatch sweep failed; retrying.");
                await Task.Delay(options.Value.SweepInterval, stoppingToken);
            }
        }
    }
}
