using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace Chamber.Host.Runtime;

/// <summary>
/// Gives memory back to the operating system once a burst of work is over — a launch, a reminder
/// sweep, the delivery of 50,000 e-mails. The GC keeps what the burst needed committed for the
/// next one, which on the small machines federations run on is memory the database and the other
/// processes could use: after the campaign benchmark's 10,000 reminders, 276 MB resident before,
/// 230 MB after. One aggressive full collection, at a moment nothing else is running; then, on
/// glibc, the native heap's free pages (SQLite's page caches and statements of the burst, the
/// TLS and crypto buffers) go back too, which glibc does by itself only for the top of its heaps.
/// </summary>
public sealed class IdleMemoryTrimmer(IOptions<IdleMemoryOptions> options, ILogger<IdleMemoryTrimmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.TrimWhenIdle)
            return;
        var burst = new BurstEnd(settings);
        // Real time, not the application's clock: that one may be a manual business clock.
        using var timer = new PeriodicTimer(settings.IdleFor, TimeProvider.System);
        using var process = Process.GetCurrentProcess();
        var lastCpu = process.TotalProcessorTime;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var over = burst.IsOver(cpu - lastCpu);
            lastCpu = cpu;
            if (!over)
                continue;
            var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var nativeReleased = TrimNativeHeap();
            logger.LogInformation("A burst of work is over: the managed heap went from {Before:N0} to {After:N0} bytes committed; native memory released: {Native}.",
                before, GC.GetGCMemoryInfo().TotalCommittedBytes, nativeReleased);
            // The collection's own processor time is not a burst to trim after.
            process.Refresh();
            lastCpu = process.TotalProcessorTime;
        }
    }

    private static bool _nativeTrimUnavailable;

    /// <summary>Whether glibc gave pages back (false elsewhere).</summary>
    private static bool TrimNativeHeap()
    {
        if (!OperatingSystem.IsLinux() || _nativeTrimUnavailable)
            return false;
        try
        {
            return MallocTrim(0) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _nativeTrimUnavailable = true; // not glibc (musl has no malloc_trim): the managed heap is trimmed all the same
            return false;
        }
    }

    // DllImport rather than LibraryImport: the latter's generated code needs unsafe blocks, for a
    // call whose arguments need no marshalling at all.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
#pragma warning restore SYSLIB1054
}
