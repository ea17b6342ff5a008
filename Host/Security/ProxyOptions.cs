namespace Chamber.Host.Security;

/// <summary>
/// The reverse proxies in front of the Host (configuration section <c>Proxy</c>). Only their
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: then the client's own
/// address keys the sign-in limit, and a request that reached the proxy over https gets Secure
/// cookies. A proxy on the same machine (loopback) is known without configuration.
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
