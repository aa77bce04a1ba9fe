using System.Security.Claims;

namespace Reconnect.Api.Identity;

/// <summary>
/// Who is calling: the Entra ID tenant and object ids from the validated token. Data is keyed by
/// these two alone; no endpoint takes a user id from the request.
/// </summary>
public sealed record UserIdentity(string TenantId, string ObjectId, string? Name)
{
    public const string TenantIdClaim = "http://schemas.microsoft.com/identity/claims/tenantid";
    public const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <summary>Reads tid and oid in either their short or their mapped claim names.</summary>
    public static UserIdentity? FromPrincipal(ClaimsPrincipal principal)
    {
        var tenantId = principal.FindFirstValue("tid") ?? principal.FindFirstValue(TenantIdClaim);
        var objectId = principal.FindFirstValue("oid") ?? principal.FindFirstValue(ObjectIdClaim);
        return string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(objectId)
            ? null
            : new UserIdentity(tenantId, objectId, principal.FindFirstValue("name") ?? principal.Identity?.Name);
    }
}
