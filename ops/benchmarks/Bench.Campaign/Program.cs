using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

// `ops/bench-campaign` (issue 4): a real Host process on SQLite with the manual clock and a real
// SMTP server. (1) Launch a Four-Good campaign for N chambers: time until every participant has
// its first open item (and its reminders scheduled). (2) Reminder sweep: move the clock to the
// first reminder, when all N fall due at once: time to enqueue them. (3) SMTP delivery rate of
// those reminders. (4) The Host's memory afterwards.
var args2 = args.ToList();
string Arg(string name, string fallback) => args2.IndexOf(name) is var i and >= 0 && i + 1 < args2.Count ? args2[i + 1] : fallback;
var hostDll = Path.GetFullPath(Arg("--host", "Host/bin/Release/net10.0/Host.dll"));
var definitions = Arg("--definitions", "definitions/workflows");
var smtpPort = int.Parse(Arg("--smtp-port", "2525"), CultureInfo.InvariantCulture);
var chambers = int.Parse(Arg("--chambers", "50000"), CultureInfo.InvariantCulture);
var port = int.Parse(Arg("--port", "5199"), CultureInfo.InvariantCulture);
// Diagnostic: launch and sweep with this Host's e-mail sender off, so nothing is delivered beside them.
var noDelivery = args2.Contains("--no-delivery");
// Diagnostic: leave the Host's data folder (its SQLite file) behind for inspection.
var keepData = args2.Contains("--keep-data");

Console.WriteLine("Chamber Campaign Workflows — campaign benchmark");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"conditions: {chambers:N0} chambers, SQLite, manual clock, SMTP to aiosmtpd on 127.0.0.1:{smtpPort}, Host in Release, "
    + $"DOTNET_TC_CallCountThreshold={Environment.GetEnvironmentVariable("DOTNET_TC_CallCountThreshold") ?? "1000"}");

var data = Directory.CreateTempSubdirectory("ccw-bench-campaign-").FullName;
const string Admin = "bench@example.com";
const string Password = "基准测试-Bench-2026";
// Each send opens its own SMTP connection (the transport does not keep one open across a batch yet), so
// delivery is bound by round trips, not CPU: more connections in flight, more messages per second.
const int SmtpConnections = 64;
using var host = Process.Start(new ProcessStartInfo("dotnet", [hostDll, "--urls", $"http://127.0.0.1:{port}"])
{
    WorkingDirectory = data,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    Environment =
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Clock__Mode"] = "Manual",
        ["Clock__Start"] = "2026-04-01T01:00:00Z",
        ["Seed__AdminEmail"] = Admin,
        ["Seed__AdminPassword"] = Password,
        ["Seed__DefinitionsPath"] = Path.GetFullPath(definitions),
        ["Email__Smtp__Host"] = "127.0.0.1",
        ["Email__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Email__Concurrency"] = SmtpConnections.ToString(CultureInfo.InvariantCulture),
        ["Email__BatchSize"] = "500",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Email__SenderEnabled"] = noDelivery ? "false" : "true",
        // As ops/run and the deployment guide start a Host (ops/DEPLOYMENT.md, "Runtime setting").
        ["DOTNET_TC_CallCountThreshold"] = Environment.GetEnvironmentVariable("DOTNET_TC_CallCountThreshold") ?? "1000",
    },
})!;
host.OutputDataReceived += (_, _) => { };
host.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine("host: " + line); };
host.BeginOutputReadLine();
host.BeginErrorReadLine();

try
{
    using var http = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(30) };
    var started = Stopwatch.StartNew();
    while (true)
    {
        try
        {
            if ((await http.GetAsync("/api/health")).IsSuccessStatusCode)
                break;
        }
        catch (HttpRequestException) when (started.Elapsed < TimeSpan.FromSeconds(60) && !host.HasExited)
        {
            // Still starting.
        }

        await Task.Delay(200);
    }

    var login = await (await http.PostAsJsonAsync("/api/auth/login", new { email = Admin, password = Password })).Content.ReadFromJsonAsync<JsonElement>();
    http.DefaultRequestHeaders.Add("X-XSRF-TOKEN", login.GetProperty("antiforgeryToken").GetString());

    var csv = new StringBuilder("名称,类型,所属区,邮箱\n");
    for (var i = 0; i < chambers; i++)
        csv.Append(CultureInfo.InvariantCulture, $"基准商会{i:00000},行业,区{i % 12},c{i:00000}@chamber.example\n");
    using (var form = new MultipartFormDataContent())
    {
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "chambers.csv");
        var import = Stopwatch.StartNew();
        (await http.PostAsync("/api/chambers/import", form)).EnsureSuccessStatusCode();
        Console.WriteLine($"  import of {chambers:N0} chambers (CSV, {csv.Length / 1024:N0} KB): {import.Elapsed.TotalSeconds:N1} s");
    }

    var ids = new List<string>();
    for (var page = 1; ids.Count < chambers; page++)
    {
        var items = (await http.GetFromJsonAsync<JsonElement>($"/api/chambers?pageSize=500&page={page}")).GetProperty("items");
        ids.AddRange(items.EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
        if (items.GetArrayLength() == 0)
            break;
    }

    // Everyone a campaign names must have an account.
    string[] leaders = ["leader@fic.example"];
    (await http.PostAsJsonAsync("/api/users", new { email = leaders[0], displayName = "王主席", password = "Bench-Leader-Pass-1", roles = (string[])["leader"] }))
        .EnsureSuccessStatusCode();
    string[] reviewers = ["role:staff"];
    var campaign = await (await http.PostAsJsonAsync("/api/campaigns", new
    {
        name = "2026年度“四好”商会创建活动（基准）", year = 2026, templateId = "four-good-campaign", participantIds = ids, leaders, reviewers,
    })).Content.ReadFromJsonAsync<JsonElement>();
    var id = campaign.GetProperty("id").GetString();

    // (1) Launch.
    var launch = Stopwatch.StartNew();
    (await http.PostAsync($"/api/campaigns/{id}/launch", null)).EnsureSuccessStatusCode();
    // Poll the campaign record while launching; the stage counts (a scan of every open task) once at the end.
    while ((await http.GetFromJsonAsync<JsonElement>("/api/campaigns")).EnumerateArray().Single(c => c.GetProperty("id").GetString() == id)
           .GetProperty("status").GetString() != "Running")
    {
        await Task.Delay(250);
    }

    // Running is set once every participant's start is committed; the check below is the benchmark's, not the launch's.
    var launchSeconds = launch.Elapsed.TotalSeconds;
    var check = Stopwatch.StartNew();
    var pendingNow = (await http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("stages").EnumerateArray().Sum(s => s.GetProperty("pending").GetInt32());
    if (pendingNow != chambers)
        throw new InvalidOperationException($"Only {pendingNow} of {chambers} participants have an open item after the launch.");

    Console.WriteLine($"  (1) launch: every one of {chambers:N0} participants has its first open item and reminders scheduled after {launchSeconds:N1} s");
    Console.WriteLine($"      (checked: {pendingNow:N0} open items in the campaign's stage counts, read in {check.Elapsed.TotalSeconds:N1} s)");

    if (!noDelivery)
    {
        // Let the launch's own request e-mails go out first, so the sweep below is measured alone.
        var requestMail = Stopwatch.StartNew();
        var requestsSent = await WaitForSentAsync(http, chambers);
        Console.WriteLine($"      the {requestsSent:N0} request e-mails were delivered {requestMail.Elapsed.TotalSeconds:N1} s after the launch finished");
        // Reminders fall due weeks after the launch: the Host has long finished writing the delivery
        // back (outbox marks, WAL checkpoints) when they do, so the sweep starts on a quiet Host here too.
        Console.WriteLine($"      the Host was quiet {await WaitForQuietAsync(host.Id):N1} s later");
    }

    // (2) Reminder sweep: the first reminder (7 working days before 30 April) falls due for everyone at once.
    var firstReminder = DateOnly.Parse((await http.GetFromJsonAsync<JsonElement>("/api/calendars/cn/add-working-days?date=2026-04-30&days=-7"))
        .GetProperty("date").GetString()!, CultureInfo.InvariantCulture);
    var dueAt = new DateTimeOffset(firstReminder.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
    var sweep = Stopwatch.StartNew();
    (await http.PostAsJsonAsync("/api/clock/advance", new { to = dueAt })).EnsureSuccessStatusCode();
    var enqueueSeconds = sweep.Elapsed.TotalSeconds;
    Console.WriteLine($"  (2) reminder sweep: {chambers:N0} reminders due at {dueAt:yyyy-MM-dd HH:mm} fired and enqueued in {enqueueSeconds:N1} s");

    if (noDelivery)
    {
        Console.WriteLine($"  (e-mail sender off) host memory: {StatusMegabytes(host.Id, "VmRSS"):N0} MB resident");
        return;
    }

    // (3) Delivery of those reminders.
    var delivery = Stopwatch.StartNew();
    await WaitForSentAsync(http, chambers * 2);
    var rate = chambers / delivery.Elapsed.TotalSeconds;
    Console.WriteLine($"  (3) SMTP delivery: {chambers:N0} reminders in {delivery.Elapsed.TotalSeconds:N1} s = {rate:N0} messages/s ({SmtpConnections} connections)");

    // (4) Memory: right after the work, and at rest — once the Host has been idle long enough to give back what the burst needed (IdleMemoryTrimmer).
    GC.KeepAlive(host);
    Console.WriteLine($"  (4) host memory right after the delivery: {StatusMegabytes(host.Id, "VmRSS"):N0} MB resident");
    var quiet = await WaitForQuietAsync(host.Id);
    await Task.Delay(TimeSpan.FromSeconds(12)); // the trimmer's 5 idle seconds, counted in its own 5-second ticks
    var rss = StatusMegabytes(host.Id, "VmRSS");
    Console.WriteLine($"      at rest ({quiet + 12:N0} s later): {rss:N0} MB resident ({StatusMegabytes(host.Id, "RssAnon"):N0} MB private, "
        + $"{StatusMegabytes(host.Id, "RssFile"):N0} MB mapped files: the runtime's and the libraries' code)");

    Console.WriteLine();
    Console.WriteLine($"{"figure",-36} {"result",14} {"target",10}");
    Row($"launch of {chambers:N0}", $"{launchSeconds:N1} s", "≤ 20 s", launchSeconds <= 20);
    Row("reminder enqueue", $"{enqueueSeconds:N1} s", "≤ 5 s", enqueueSeconds <= 5);
    Row("SMTP delivery", $"{rate:N0} msg/s", "≥ 300/s", rate >= 300);
    Row("host memory at rest", $"{rss:N0} MB", "≤ 300 MB", rss <= 300);
}
finally
{
    if (!host.HasExited)
        host.Kill(entireProcessTree: true);
    await host.WaitForExitAsync();
    if (keepData)
        Console.WriteLine($"data kept in {data}");
    else
        Directory.Delete(data, recursive: true);
}

static void Row(string name, string result, string target, bool met) =>
    Console.WriteLine($"{name,-36} {result,14} {target,10}  {(met ? "meets target" : "BELOW TARGET")}");

static async Task<int> WaitForSentAsync(HttpClient http, int expected)
{
    while (true)
    {
        var sent = (await http.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email&status=Sent&pageSize=1")).GetProperty("total").GetInt32();
        if (sent >= expected)
            return sent;
        await Task.Delay(250);
    }
}

// Waits until the process used under 0.1 s of processor time in 2 s (at most a minute); returns the seconds waited.
static async Task<double> WaitForQuietAsync(int pid)
{
    var waited = Stopwatch.StartNew();
    var last = ProcessorSeconds(pid);
    while (waited.Elapsed < TimeSpan.FromMinutes(1))
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        var now = ProcessorSeconds(pid);
        if (now - last < 0.1)
            break;
        last = now;
    }

    return waited.Elapsed.TotalSeconds;
}

// utime + stime from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s).
static double ProcessorSeconds(int pid)
{
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

static long StatusMegabytes(int pid, string field)
{
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
    {
        if (line.StartsWith(field + ":", StringComparison.Ordinal))
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    return -1;
}
