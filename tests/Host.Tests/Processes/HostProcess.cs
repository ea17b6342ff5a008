using System.Diagnostics;
using System.Net.Sockets;

namespace Chamber.Host.Tests.Processes;

/// <summary>
/// The real Host as its own process (`dotnet Host.dll`) on a loopback port: what a deployment
/// runs, and what a kill -9 or a second cluster node really looks like.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _workingDirectory;

    private readonly bool _ownsDirectory;

    private HostProcess(Process process, string workingDirectory, Uri address, bool ownsDirectory)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        _ownsDirectory = ownsDirectory;
        Address = address;
    }

    public Uri Address { get; }

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    /// <summary>What the Host has written to its standard output so far (its console log), line by line.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public static Task<HostProcess> StartAsync(TestDatabase database, params string[] settings) =>
        StartAsync(database, Directory.CreateTempSubdirectory("ccw-host-").FullName, ownsDirectory: true, "Production", settings);

    /// <summary>A Host working in a folder the caller keeps (its pickup mail survives a restart), in the given environment.</summary>
    public static Task<HostProcess> StartInAsync(TestDatabase database, string workingDirectory, string environment, params string[] settings) =>
        StartAsync(database, workingDirectory, ownsDirectory: false, environment, settings);

    private static async Task<HostProcess> StartAsync(TestDatabase database, string workingDirectory, bool ownsDirectory, string environment, string[] settings)
    {
        // A caller's own --urls (a second, private port) wins; the first address is the Host's.
        var urls = settings.FirstOrDefault(s => s.StartsWith("--urls=", StringComparison.Ordinal))?["--urls=".Length..];
        var address = new Uri(urls?.Split(';')[0] ?? $"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "Host.dll"), "--urls", address.ToString(),
            $"--Storage:Provider={database.Provider}", $"--ConnectionStrings:Workflows={database.ConnectionString}",
            $"--Seed:AdminEmail={HostFactory.AdminEmail}", $"--Seed:AdminPassword={HostFactory.AdminPassword}",
            "--Logging:LogLevel:Default=Warning", $"--Portal:BaseUrl={address}",
            .. settings,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process, workingDirectory, address, ownsDirectory);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
                host._output.Enqueue(line.Data);
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilHealthyAsync();
        return host;
    }

    /// <summary>
    /// <c>dotnet Host.dll COMMAND …</c> against the database (the backup and restore commands):
    /// its exit code and everything it printed.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(TestDatabase database, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Host.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add($"--Storage:Provider={database.Provider}");
        start.ArgumentList.Add($"--ConnectionStrings:Workflows={database.ConnectionString}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>A client signed in as the administrator, with the anti-forgery header set.</summary>
    public async Task<HttpClient> SignedInClientAsync()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Address };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = HostFactory.AdminEmail, password = HostFactory.AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("antiforgeryToken").GetString();
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", token);
        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The Host exited with code {_process.ExitCode} while starting.");
            try
            {
                if ((await client.GetAsync("/api/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The Host did not become healthy within 60 s.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (!_ownsDirectory)
            return;
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
