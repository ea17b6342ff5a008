using Chamber.Host;
using Chamber.Host.Backup;

if (DataCommands.IsDataCommand(args))
    return await DataCommands.RunAsync(args);

// Configuration files sit next to Host.dll, so `dotnet Host.dll` works from any folder; data
// (the SQLite file, mail pickup) goes under the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
try
{
    builder.AddChamberHost();
}
catch (HostConfigurationException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

var app = builder.Build();
await app.UseChamberHostAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
