using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

// `ops/bench-campaign`: real Host processes with the manual clock and a real SMTP server, on
// SQLite (one Host) or PostgreSQL (`--postgres CONN --hosts N`, the Hosts side by side on one
// database, requests spread over them). (1) Launch a Four-Good campaign for N chambers: time until
// every participant has its first open item (and its reminders scheduled). (2) Reminder sweep:
// every Host's clock moved to the first reminder, when all N fall due at once: time until every
// Host has fired what it could. (3) SMTP delivery rate of those reminders, every Host sending, and
// whether every e-mail arrived exactly once. (4) Memory. (5) A backup taken while the Hosts run.
// (6) One meeting invitation to all. (7) The campaign by district. (8) The city's tree over three
// levels. (9) The cascade: a city campaign whose 16 district federations each launch their own.
// (10) That campaign's tree, read through the districts' campaigns. (11) That campaign stopped: time
// until the city's and the districts' campaigns have cancelled all their workflows.
var args2 = args.ToList();
string Arg(string name, string fallback) => args2.IndexOf(name) is var i and >= 0 && i + 1 < args2.Count ? args2[i + 1] : fallback;
var hostDll = Path.GetFullPath(Arg("--host", "Host/bin/Release/net10.0/Host.dll"));
var definitions = Arg("--definitions", "definitions/workflows");
var smtpPort = int.Parse(Arg("--smtp-port", "2525"), CultureInfo.InvariantCulture);
var chambers = int.Parse(Arg("--chambers", "50000"), CultureInfo.InvariantCulture);
var port = int.Parse(Arg("--port", "5199"), CultureInfo.InvariantCulture);
var postgres = Arg("--postgres", "");
var hostCount = postgres.Length == 0 ? 1 : int.Parse(Arg("--hosts", "1"), CultureInfo.InvariantCulture);
// The file the SMTP server writes one Message-ID per received message to (ops/lib/counting_smtp.py).
var received = Arg("--received", "");
// Diagnostic: launch and sweep with the e-mail senders off, so nothing is delivered beside them.
var noDelivery = args2.Contains("--no-delivery");
// Diagnostic: leave the Hosts' data folders (the SQLite file) behind for inspection.
var keepData = args2.Contains("--keep-data");
// Diagnostic: the Hosts' own log (their campaign work at Information, with times) into this file, the benchmark's steps marked in it.
var hostLog = Arg("--host-log", "") is { Length: > 0 } logPath ? TextWriter.Synchronized(new StreamWriter(logPath) { AutoFlush = true }) : null;
void Mark(string step) => hostLog?.WriteLine($"{DateTime.Now:HH:mm:ss.fff} ==== {step}");
var storage = postgres.Length == 0 ? "SQLite" : $"PostgreSQL, {hostCount} Host{(hostCount == 1 ? "" : "s")} on one database";

Console.WriteLine("Chamber Campaign Workflows — campaign benchmark");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"conditions: {chambers:N0} chambers, {storage}, manual clock, SMTP to aiosmtpd on 127.0.0.1:{smtpPort}, Host in Release, "
    + $"DOTNET_TC_CallCountThreshold={Environment.GetEnvironmentVariable("DOTNET_TC_CallCountThreshold") ?? "1000"}");

const string Admin = "bench@example.com";
const string Password = "基准测试-Bench-2026";
// Messages in flight per Host, each on an SMTP connection of its own: delivery is bound by round trips, not CPU.
const int SmtpConnections = 64;
var hosts = new List<BenchHost>();
try
{
    for (var n = 0; n < hostCount; n++)
        hosts.Add(BenchHost.Start(hostDll, port + n, postgres, new Dictionary<string, string>
        {
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
            ["Logging__LogLevel__Chamber"] = hostLog is null ? "Warning" : "Information",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        }, hostLog));
    foreach (var host in hosts)
        await host.SignInAsync(Admin, Password);
    var http = hosts[0].Http;
    // Reads go to the last Host: with two, what one Host wrote is read through the other.
    var reader = hosts[^1].Http;

    // Three levels, as the issue measures them: one city federation, 16 district federations under it, the chambers under those.
    const int Districts = 16;
    var csv = new StringBuilder("名称,类型,所属区,邮箱,上级单位\n");
    for (var i = 0; i < chambers; i++)
        csv.Append(CultureInfo.InvariantCulture, $"基准商会{i:00000},行业,区{i % Districts},c{i:00000}@chamber.example,区{i % Districts}工商联\n");
    for (var d = 0; d < Districts; d++)
        csv.Append(CultureInfo.InvariantCulture, $"区{d}工商联,县级工商联,区{d},d{d}@fic.example,基准市工商联\n");
    csv.Append("基准市工商联,市工商联,,city@fic.example,\n");
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
        var items = (await reader.GetFromJsonAsync<JsonElement>($"/api/chambers?pageSize=500&page={page}")).GetProperty("items");
        // The chambers take part; their federations follow the campaign from above.
        ids.AddRange(items.EnumerateArray().Where(c => c.GetProperty("name").GetString()!.StartsWith("基准商会", StringComparison.Ordinal))
            .Select(c => c.GetProperty("id").GetString()!));
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
    while ((await reader.GetFromJsonAsync<JsonElement>("/api/campaigns")).EnumerateArray().Single(c => c.GetProperty("id").GetString() == id)
           .GetProperty("status").GetString() != "Running")
    {
        await Task.Delay(250);
    }

    // Running is set once every participant's start is committed; the check below is the benchmark's, not the launch's.
    var launchSeconds = launch.Elapsed.TotalSeconds;
    var check = Stopwatch.StartNew();
    var pendingNow = (await reader.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("stages").EnumerateArray().Sum(s => s.GetProperty("pending").GetInt32());
    if (pendingNow != chambers)
        throw new InvalidOperationException($"Only {pendingNow} of {chambers} participants have an open item after the launch.");

    Console.WriteLine($"  (1) launch: every one of {chambers:N0} participants has its first open item and reminders scheduled after {launchSeconds:N1} s");
    Console.WriteLine($"      (checked: {pendingNow:N0} open items in the campaign's stage counts, read in {check.Elapsed.TotalSeconds:N1} s)");

    if (!noDelivery)
    {
        // Let the launch's own request e-mails go out first, so the sweep below is measured alone.
        var requestMail = Stopwatch.StartNew();
        var requestsSent = await WaitForSentAsync(reader, chambers);
        Console.WriteLine($"      the {requestsSent:N0} request e-mails were delivered {requestMail.Elapsed.TotalSeconds:N1} s after the launch finished");
        // Reminders fall due weeks after the launch: the Hosts have long finished writing the delivery
        // back (outbox marks, WAL checkpoints) when they do, so the sweep starts on quiet Hosts here too.
        Console.WriteLine($"      the Hosts were quiet {await WaitForQuietAsync(hosts):N1} s later");
    }

    // (2) Reminder sweep: the first reminder (7 working days before 30 April) falls due for everyone at once,
    // on every Host's clock together: each sweeps, and each timer fires on one of them.
    var firstReminder = DateOnly.Parse((await reader.GetFromJsonAsync<JsonElement>("/api/calendars/cn/add-working-days?date=2026-04-30&days=-7"))
        .GetProperty("date").GetString()!, CultureInfo.InvariantCulture);
    var dueAt = new DateTimeOffset(firstReminder.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
    var sweep = Stopwatch.StartNew();
    await Task.WhenAll(hosts.Select(async h => (await h.Http.PostAsJsonAsync("/api/clock/advance", new { to = dueAt })).EnsureSuccessStatusCode()));
    var enqueueSeconds = sweep.Elapsed.TotalSeconds;
    var reminders = (await reader.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email&pageSize=1")).GetProperty("total").GetInt32() - chambers;
    Console.WriteLine($"  (2) reminder sweep: {chambers:N0} reminders due at {dueAt:yyyy-MM-dd HH:mm} fired and enqueued in {enqueueSeconds:N1} s "
        + $"({reminders:N0} reminder e-mails in the outbox)");

    if (noDelivery)
    {
        Console.WriteLine($"  (e-mail senders off) host memory: {string.Join(", ", hosts.Select(h => $"{h.Megabytes("VmRSS"):N0} MB"))} resident");
        return;
    }

    // (3) Delivery of those reminders.
    var delivery = Stopwatch.StartNew();
    await WaitForSentAsync(reader, chambers * 2);
    var rate = chambers / delivery.Elapsed.TotalSeconds;
    Console.WriteLine($"  (3) SMTP delivery: {chambers:N0} reminders in {delivery.Elapsed.TotalSeconds:N1} s = {rate:N0} messages/s "
        + $"({hostCount} × {SmtpConnections} connections)");
    bool? once = null;
    if (received.Length > 0)
    {
        await Task.Delay(TimeSpan.FromSeconds(3)); // anything sent twice would have arrived by now
        var lines = File.ReadAllLines(received);
        var distinct = lines.Distinct(StringComparer.Ordinal).Count();
        once = lines.Length == chambers * 2 && distinct == lines.Length && reminders == chambers;
        Console.WriteLine($"      the SMTP server received {lines.Length:N0} messages with {distinct:N0} distinct Message-IDs "
            + $"(expected {chambers * 2:N0}: requests and reminders): {(once.Value ? "every e-mail once" : "NOT every e-mail exactly once")}");
    }

    // (4) Memory: right after the work, and at rest — once the Host has been idle long enough to give back what the burst needed (IdleMemoryTrimmer).
    Console.WriteLine($"  (4) host memory right after the delivery: {string.Join(", ", hosts.Select(h => $"{h.Megabytes("VmRSS"):N0} MB"))} resident");
    var quiet = await WaitForQuietAsync(hosts);
    await Task.Delay(TimeSpan.FromSeconds(12)); // the trimmer's 5 idle seconds, counted in its own 5-second ticks
    var rss = hosts.Max(h => h.Megabytes("VmRSS"));
    foreach (var host in hosts)
        Console.WriteLine($"      at rest ({quiet + 12:N0} s later), Host on :{host.Port}: {host.Megabytes("VmRSS"):N0} MB resident ({host.Megabytes("RssAnon"):N0} MB private, "
            + $"{host.Megabytes("RssFile"):N0} MB mapped files: the runtime's and the libraries' code)");

    // (5) A backup while the Hosts run (`Host backup`: SQLite's online backup, or pg_dump).
    var backup = Path.Combine(Path.GetTempPath(), $"ccw-bench-backup-{Guid.NewGuid():N}.backup");
    var backupClock = Stopwatch.StartNew();
    var (code, output) = await hosts[0].RunCommandAsync("backup", "--to", backup);
    var backupSeconds = backupClock.Elapsed.TotalSeconds;
    if (code != 0)
        throw new InvalidOperationException($"The backup failed: {output}");
    var backupMegabytes = new FileInfo(backup).Length / 1048576.0;
    File.Delete(backup);
    Console.WriteLine($"  (5) backup while the Hosts run: {backupSeconds:N1} s (the command's whole run, .NET start-up included), {backupMegabytes:N0} MB");

    // (6) One meeting for everyone: staff bring the second quarter's 推进会 forward to a day whose notice
    // has come, so its invitation (one message and .ics per participant) is written to all at once.
    var before = (await reader.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email&pageSize=1")).GetProperty("total").GetInt32();
    var meeting = (await reader.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/meetings")).EnumerateArray().First();
    Mark("(6) the meeting moved");
    var invite = Stopwatch.StartNew();
    (await http.PostAsJsonAsync($"/api/campaigns/{id}/meetings/{meeting.GetProperty("id").GetString()}/move", new { date = "2026-04-27", time = "14:30" }))
        .EnsureSuccessStatusCode();
    var moveSeconds = invite.Elapsed.TotalSeconds;
    int invitations;
    while ((invitations = (await reader.GetFromJsonAsync<JsonElement>("/api/outbox?channel=email&pageSize=1")).GetProperty("total").GetInt32() - before) < chambers)
        await Task.Delay(100);
    var inviteSeconds = invite.Elapsed.TotalSeconds;
    Mark("(6) every invitation in the outbox");
    Console.WriteLine($"  (6) meeting invitation: {invitations:N0} e-mails, each with its own .ics, in the outbox {inviteSeconds:N1} s after staff moved the meeting "
        + $"(the move itself answered in {moveSeconds:N2} s)");
    var inviteDelivery = Stopwatch.StartNew();
    await WaitForSentAsync(reader, chambers * 3);
    Console.WriteLine($"      and delivered {inviteDelivery.Elapsed.TotalSeconds:N1} s later");

    // (7) The city's view by district: who owes, who is late, how the review came out, per district (best of three, warm).
    var districtSeconds = double.MaxValue;
    var districtRows = 0;
    for (var run = 0; run < 3; run++)
    {
        var view = Stopwatch.StartNew();
        districtRows = (await reader.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/districts")).GetArrayLength();
        districtSeconds = Math.Min(districtSeconds, view.Elapsed.TotalSeconds);
    }

    Console.WriteLine($"  (7) the campaign by district: {districtRows} districts of {chambers:N0} participants in {districtSeconds:N2} s");

    // (8) The city's tree: the campaign through the directory's three levels (best of three, warm).
    var treeSeconds = double.MaxValue;
    var treeDistricts = 0;
    for (var run = 0; run < 3; run++)
    {
        var view = Stopwatch.StartNew();
        var tree = await reader.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/tree");
        treeSeconds = Math.Min(treeSeconds, view.Elapsed.TotalSeconds);
        treeDistricts = tree.GetProperty("federations")[0].GetProperty("children").GetArrayLength();
    }

    Console.WriteLine($"  (8) the city's tree: 1 city, {treeDistricts} district federations, {chambers:N0} participants in {treeSeconds:N2} s");

    // (9) The cascade: the Shanghai template over the 16 district federations, each of which
    // receives its own campaign over its chambers and (having a staff account) launches it at once:
    // time until every district's campaign runs and all the chambers under them are launched.
    var federations = (await reader.GetFromJsonAsync<JsonElement>("/api/chambers/federations")).EnumerateArray()
        .Where(f => f.GetProperty("type").GetString() == "CountyFederation").Select(f => f.GetProperty("id").GetString()!).ToList();
    for (var d = 0; d < federations.Count; d++)
    {
        (await http.PostAsJsonAsync("/api/users", new
        {
            email = $"staff{d}@district.example", displayName = $"区{d}会员科", password = "Bench-District-Pass-1", roles = (string[])["staff"], federationId = federations[d],
        })).EnsureSuccessStatusCode();
    }

    var cityCampaign = (await (await http.PostAsJsonAsync("/api/campaigns", new
    {
        name = "2026年“四好”商会建设（市、区两级，基准）", year = 2026, templateId = "shanghai-2017-campaign", participantIds = federations, leaders, reviewers,
        schedule = new Dictionary<string, string> { ["launchDistrictsAtOnce"] = "true" },
    })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    Mark("(9) the city's launch");
    var cascade = Stopwatch.StartNew();
    (await http.PostAsync($"/api/campaigns/{cityCampaign}/launch", null)).EnsureSuccessStatusCode();
    int cascadeLaunched, cascadeRunning;
    while (true)
    {
        var below = (await reader.GetFromJsonAsync<JsonElement>("/api/campaigns")).EnumerateArray()
            .Where(c => c.TryGetProperty("parentCampaignId", out var parent) && parent.GetString() == cityCampaign).ToList();
        cascadeLaunched = below.Sum(c => c.GetProperty("launchedCount").GetInt32());
        cascadeRunning = below.Count(c => c.GetProperty("status").GetString() == "Running");
        if (cascadeRunning == federations.Count && cascadeLaunched == chambers)
            break;
        await Task.Delay(250);
    }

    var cascadeSeconds = cascade.Elapsed.TotalSeconds;
    Mark("(9) every district's chambers launched");
    Console.WriteLine($"  (9) the cascade: 1 city campaign over {federations.Count} districts, whose {cascadeRunning} campaigns launched {cascadeLaunched:N0} chambers "
        + $"{cascadeSeconds:N1} s after the city's launch");

    // (10) The city's tree of that campaign: its districts, and their chambers counted from the districts' own campaigns (best of three, warm).
    var cascadeTreeSeconds = double.MaxValue;
    var cascadeTreeCount = 0;
    for (var run = 0; run < 3; run++)
    {
        var view = Stopwatch.StartNew();
        var tree = await reader.GetFromJsonAsync<JsonElement>($"/api/campaigns/{cityCampaign}/tree");
        cascadeTreeSeconds = Math.Min(cascadeTreeSeconds, view.Elapsed.TotalSeconds);
        cascadeTreeCount = tree.GetProperty("federations")[0].GetProperty("participants").GetInt32();
    }

    Console.WriteLine($"  (10) the cascaded campaign's tree: {cascadeTreeCount:N0} participants (the districts and their chambers, from 17 campaigns) in {cascadeTreeSeconds:N2} s");

    // (11) Stopping that campaign (中止): the city's campaign stopped with a reason, which stops the 16
    // districts' campaigns under it; time until every one of the 17 has cancelled all its workflows
    // (the city's own and its districts' parts, each district's own and its chambers').
    var stopping = Stopwatch.StartNew();
    (await http.PostAsJsonAsync($"/api/campaigns/{cityCampaign}/stop", new { reason = "基准：中止市、区两级活动" })).EnsureSuccessStatusCode();
    int stoppedCampaigns;
    while (true)
    {
        stoppedCampaigns = (await reader.GetFromJsonAsync<JsonElement>("/api/campaigns")).EnumerateArray()
            .Where(c => c.GetProperty("id").GetString() == cityCampaign || (c.TryGetProperty("parentCampaignId", out var parent) && parent.GetString() == cityCampaign))
            .Count(c => c.GetProperty("status").GetString() == "Stopped" && !c.GetProperty("stopPending").GetBoolean());
        if (stoppedCampaigns == federations.Count + 1 || stopping.Elapsed > TimeSpan.FromMinutes(10))
            break;
        await Task.Delay(250);
    }

    var stopSeconds = stopping.Elapsed.TotalSeconds;
    Console.WriteLine($"  (11) stopping it: {stoppedCampaigns} of {federations.Count + 1} campaigns stopped, with every workflow of theirs ({chambers + federations.Count + 17:N0}) "
        + $"cancelled, {stopSeconds:N1} s after the city's stop = {(chambers + federations.Count + 17) / stopSeconds:N0} workflows/s");

    var (launchTarget, sweepTarget) = postgres.Length == 0 ? (14, 4) : (20, 5);
    Console.WriteLine();
    Console.WriteLine($"{"figure",-36} {"result",14} {"target",10}");
    Row($"launch of {chambers:N0}", $"{launchSeconds:N1} s", $"≤ {launchTarget} s", launchSeconds <= launchTarget);
    Row("reminder sweep", $"{enqueueSeconds:N1} s", $"≤ {sweepTarget} s", enqueueSeconds <= sweepTarget);
    Row("SMTP delivery", $"{rate:N0} msg/s", "≥ 300/s", rate >= 300);
    if (once is { } exactlyOnce)
        Row("every e-mail once", exactlyOnce ? "yes" : "no", "yes", exactlyOnce);
    Row("host memory at rest (largest)", $"{rss:N0} MB", "≤ 300 MB", rss <= 300);
    Row("backup while running", $"{backupSeconds:N1} s", "reported", true);
    Row($"meeting invitation to {chambers:N0}", $"{inviteSeconds:N1} s", "≤ 5 s", inviteSeconds <= 5);
    Row("campaign by district", $"{districtSeconds:N2} s", "≤ 2 s", districtSeconds <= 2);
    Row("the city's tree (3 levels)", $"{treeSeconds:N2} s", "≤ 2 s", treeSeconds <= 2);
    Row($"3-level launch of {chambers:N0}", $"{cascadeSeconds:N1} s", "≤ 20 s", cascadeSeconds <= 20);
    Row("the cascaded campaign's tree", $"{cascadeTreeSeconds:N2} s", "≤ 2 s", cascadeTreeSeconds <= 2);
    Row("stopping it (17 campaigns)", $"{stopSeconds:N1} s", "reported", stoppedCampaigns == federations.Count + 1);
}
finally
{
    foreach (var host in hosts)
        await host.StopAsync(keepData);
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

// Waits until every Host used under 0.1 s of processor time in 2 s (at most a minute); returns the seconds waited.
static async Task<double> WaitForQuietAsync(IReadOnlyList<BenchHost> hosts)
{
    var waited = Stopwatch.StartNew();
    var last = hosts.Sum(h => ProcessorSeconds(h.Pid));
    while (waited.Elapsed < TimeSpan.FromMinutes(1))
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        var now = hosts.Sum(h => ProcessorSeconds(h.Pid));
        if (now - last < 0.1 * hosts.Count)
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

/// <summary>One Host process of the benchmark: its own working folder, on SQLite there or on the shared PostgreSQL.</summary>
internal sealed class BenchHost
{
    private readonly Process _process;
    private readonly string _data;
    private readonly string _hostDll;
    private readonly Dictionary<string, string> _storage;

    private BenchHost(Process process, string data, string hostDll, int port, Dictionary<string, string> storage)
    {
        _process = process;
        _data = data;
        _hostDll = hostDll;
        _storage = storage;
        Port = port;
        Http = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(30) };
    }

    public int Port { get; }

    public HttpClient Http { get; }

    public int Pid => _process.Id;

    public static BenchHost Start(string hostDll, int port, string postgres, Dictionary<string, string> settings, TextWriter? log)
    {
        var data = Directory.CreateTempSubdirectory("ccw-bench-campaign-").FullName;
        var storage = postgres.Length == 0
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["Storage__Provider"] = "Postgres", ["ConnectionStrings__Workflows"] = postgres };
        var start = new ProcessStartInfo("dotnet", [hostDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = data,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings.Concat(storage))
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (log is not null && e.Data is { } line) log.WriteLine(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"host :{port}: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BenchHost(process, data, hostDll, port, storage);
    }

    public async Task SignInAsync(string email, string password)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await Http.GetAsync("/api/health")).IsSuccessStatusCode)
                    break;
            }
            catch (HttpRequestException) when (started.Elapsed < TimeSpan.FromSeconds(90) && !_process.HasExited)
            {
                // Still starting (the first Host applies the migrations; the others wait for its lock).
            }

            await Task.Delay(200);
        }

        var login = await (await Http.PostAsJsonAsync("/api/auth/login", new { email, password })).Content.ReadFromJsonAsync<JsonElement>();
        Http.DefaultRequestHeaders.Add("X-XSRF-TOKEN", login.GetProperty("antiforgeryToken").GetString());
    }

    /// <summary><c>dotnet Host.dll COMMAND …</c> on this Host's data (the backup command), while the Host runs.</summary>
    public async Task<(int Code, string Output)> RunCommandAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [_hostDll, .. arguments]) { WorkingDirectory = _data, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in _storage)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>A size from /proc/PID/status (VmRSS, RssAnon, RssFile), in MB.</summary>
    public long Megabytes(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }

        return -1;
    }

    public async Task StopAsync(bool keepData)
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        Http.Dispose();
        if (keepData)
            Console.WriteLine($"data kept in {_data}");
        else
            Directory.Delete(_data, recursive: true);
    }
}
