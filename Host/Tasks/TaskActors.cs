using System.Security.Claims;
using Chamber.Campaigns.Tasks;
using Chamber.Host.Auth;

namespace Chamber.Host.Tasks;

public static class TaskActors
{
    /// <summary>The signed-in person as the task domain knows them: address, name and roles.</summary>
    public static TaskActor ToTaskActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.Email) ?? throw new InvalidOperationException("A signed-in user without an e-mail claim."),
        user.FindFirstValue(ClaimTypes.Name) ?? "",
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
        user.FederationOf());
}
