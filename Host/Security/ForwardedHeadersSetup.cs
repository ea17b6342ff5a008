using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Chamber.Host.Security;

/// <summary>Believes the forwarded client address and scheme from the proxies <see cref="ProxyOptions"/> names, and from no one else.</summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddChamberForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("Proxy").Get<ProxyOptions>() ?? new ProxyOptions();
        var problems = new List<string>();
        var addresses = new List<IPAddress>();
        foreach (var text in proxies.KnownProxies)
        {
            if (IPAddress.TryParse(text, out var address))
                addresses.Add(address);
            else
                problems.Add($"Proxy:KnownProxies has '{text}', which is not an IP address.");
        }

        var networks = new List<System.Net.IPNetwork>();
        foreach (var text in proxies.KnownNetworks)
        {
            if (System.Net.IPNetwork.TryParse(text, out var network))
                networks.Add(network);
            else
                problems.Add($"Proxy:KnownNetworks has '{text}', which is not a network in CIDR notation (10.0.0.0/24).");
        }

        if (problems.Count > 0)
            throw new HostConfigurationException(string.Join(" ", problems));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One proxy hop: the address it saw is the client's; anything a client wrote itself in front of it is not believed.
            options.ForwardLimit = 1;
            foreach (var address in addresses)
                options.KnownProxies.Add(address);
            foreach (var network in networks)
                options.KnownIPNetworks.Add(network);
        });
        return services;
    }
}
