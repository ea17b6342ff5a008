using System.Diagnostics;

namespace Chamber.Host.Tests.Processes;

/// <summary>
/// The release as ops/DEPLOYMENT.md installs it: the tarball from ops/publish unpacked in a folder
/// of its own, run from another folder (its data folder) as an unprivileged account, with nothing
/// but the environment file's settings — no .NET on the path needed, no seed path given.
/// </summary>
public sealed class PublishedReleaseTests
{
    private const string ServiceUser = "ccw-release-test";

    [Fact]
    public async Task The_published_tarball_runs_as_a_non_root_user_from_its_data_folder_with_the_templates_and_the_web_client()
    {
        var tarball = Environment.GetEnvironmentVariable("CCW_RELEASE_TARBALL")
            ?? throw new InvalidOperationException("CCW_RELEASE_TARBALL is not set: run the tests with ops/test, which makes the release first (ops/publish).");
        var install = Directory.CreateTempSubdirectory("ccw-opt-");  // /opt/chamber-campaigns
        var data = Directory.CreateTempSubdirectory("ccw-var-lib-"); // /var/lib/chamber-campaigns
        Process? host = null;
        try
        {
            await RunAsync("tar", "-xzf", tarball, "-C", install.FullName);
            var release = Assert.Single(install.GetDirectories());
            Assert.True(File.Exists(Path.Combine(release.FullName, "VERSION")));
            var executable = Path.Combine(release.FullName, "app", "Host");
            // 755, as /opt and /var/lib are (a temp folder is made 700).
            await RunAsync("chmod", "755", install.FullName, data.FullName);

            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                if ((await RunAsync("id", "-u", ServiceUser)).ExitCode != 0)
                    Assert.Equal(0, (await RunAsync("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ServiceUser)).ExitCode);
                Assert.Equal(0, (await RunAsync("chown", ServiceUser, data.FullName)).ExitCode);
            }

            var port = HostProcess.FreePort();
            var address = $"http://127.0.0.1:{port}";
            // What the environment file sets (ops/deploy/environment.example), and nothing else.
            string[] environment = ["ASPNETCORE_ENVIRONMENT=Production", $"Portal__BaseUrl={address}",
                $"Seed__AdminEmail={HostFactory.AdminEmail}", $"Seed__AdminPassword={HostFactory.AdminPassword}", "PATH=/usr/bin:/bin"];
            var start = new ProcessStartInfo(asRoot ? "runuser" : "env") { WorkingDirectory = data.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
            string[] prefix = asRoot ? ["-u", ServiceUser, "--", "env", "-i"] : ["-i"];
            foreach (var argument in (string[])[.. prefix, .. environment, executable, "--urls", address])
                start.ArgumentList.Add(argument);
            host = Process.Start(start)!;
            var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
            host.OutputDataReceived += (_, line) => log.Enqueue(line.Data ?? "");
            host.ErrorDataReceived += (_, line) => log.Enqueue(line.Data ?? "");
            host.BeginOutputReadLine();
            host.BeginErrorReadLine();

            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address) };
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!await IsReadyAsync(client))
            {
                Assert.False(host.HasExited, "The release exited while starting:\n" + string.Join('\n', log));
                Assert.True(DateTime.UtcNow < deadline, "The release was not ready within 90 s:\n" + string.Join('\n', log));
                await Task.Delay(250);
            }

            var page = await client.GetStringAsync("/");
            Assert.Contains("<div id=\"root\">", page, StringComparison.Ordinal); // the web client, not the bare landing page

            var login = await client.PostAsJsonAsync("/api/auth/login", new { email = HostFactory.AdminEmail, password = HostFactory.AdminPassword });
            login.EnsureSuccessStatusCode();
            var templates = (await client.GetFromJsonAsync<JsonElement>("/api/campaign-templates")).EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
            Assert.Contains("four-good-campaign", templates);
            Assert.Contains("five-good-campaign", templates);
            Assert.NotEmpty((await client.GetFromJsonAsync<JsonElement>("/api/rubrics")).EnumerateArray());

            // The data went to the working folder, owned by the service account; the release stays as unpacked.
            var database = new FileInfo(Path.Combine(data.FullName, "data", "workflows.db"));
            Assert.True(database.Exists);
            if (asRoot)
            {
                Assert.Equal(ServiceUser, (await RunAsync("stat", "-c", "%U", database.FullName)).Output.Trim());
                Assert.NotEqual(0, (await RunAsync("runuser", "-u", ServiceUser, "--", "touch", Path.Combine(release.FullName, "app", "written"))).ExitCode);
            }

            // The service unit as shipped, pointed at this release, passes systemd's own check.
            if (File.Exists("/usr/bin/systemd-analyze"))
            {
                var unit = Path.Combine(install.FullName, "chamber-campaigns.service");
                File.WriteAllText(unit, File.ReadAllText(Path.Combine(release.FullName, "deploy", "chamber-campaigns.service"))
                    .Replace("/opt/chamber-campaigns/current", release.FullName, StringComparison.Ordinal));
                var verified = await RunAsync("systemd-analyze", "verify", unit);
                Assert.True(verified.ExitCode == 0 && verified.Output.Trim().Length == 0, verified.Output);
            }
        }
        finally
        {
            if (host is { HasExited: false })
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }

            host?.Dispose();
            install.Delete(recursive: true);
            await RunAsync("rm", "-rf", data.FullName); // files the service account made
        }
    }

    private static async Task<bool> IsReadyAsync(HttpClient client)
    {
        try
        {
            return (await client.GetAsync("/api/health/ready")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
