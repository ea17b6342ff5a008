using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chamber.Host.Auth;

public sealed class DataProtectionKeyRecord
{
    public long Id { get; set; }
    public required string FriendlyName { get; set; }
    public required string Xml { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// Keeps the Data Protection key ring in the database every host shares, so that N hosts behind
/// a reverse proxy accept each other's cookies and anti-forgery tokens without sticky sessions.
/// The keys are stored unencrypted: whoever can read the database can forge a cookie, which is
/// why the database is the one secret the deployment guide asks to guard (ops/DEPLOYMENT.md).
/// </summary>
internal sealed class DatabaseKeyRing(IDbContextFactory<HostDbContext> contexts, TimeProvider clock) : IXmlRepository
{
    // The interface is synchronous; Data Protection calls it rarely (start-up, key rotation).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        db.SaveChanges();
    }

    public static void AddTo(IServiceCollection services)
    {
        // One application name for all hosts: the protectors' purpose strings must match across them.
        services.AddDataProtection().SetApplicationName("chamber-campaign-workflows");
        services.AddSingleton<DatabaseKeyRing>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = sp.GetRequiredService<DatabaseKeyRing>()));
    }
}
