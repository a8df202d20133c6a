using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PublicService.Domain.Staff;

namespace PublicService.Console.Identity;

/// <summary>The claims the sign-in cookie carries beyond Identity's own, and how they turn back into a <see cref="StaffScope"/>.</summary>
public static class StaffClaims
{
    public const string FullName = "ps:full_name";
    public const string Agency = "ps:agency";

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirst(FullName)?.Value ?? user.Identity?.Name ?? "";

    /// <summary>The scope the domain services check, read from the cookie (refreshed when the security stamp changes).</summary>
    public static StaffScope ToStaffScope(this ClaimsPrincipal user) => StaffScope.Of(
        user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value),
        user.FindAll(Agency).Select(c => int.TryParse(c.Value, out var id) ? id : 0).Where(id => id > 0));
}

/// <summary>Adds the display name and the agencies to the principal Identity builds at sign-in.</summary>
public sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.FullName, user.FullName));
        foreach (var agencyId in user.AgencyIds)
            identity.AddClaim(new Claim(StaffClaims.Agency, agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
