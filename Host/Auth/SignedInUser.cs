using System.Security.Claims;

namespace Chamber.Host.Auth;

public static class SignedInUser
{
    /// <summary>Who did something, as records keep it: the signed-in person's address (their name when an account has none).</summary>
    public static string Who(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";
}
