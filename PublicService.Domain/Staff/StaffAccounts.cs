using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Audit;
using PublicService.Domain.Persistence;

namespace PublicService.Domain.Staff;

/// <summary>Creates roles and accounts; shared by the <c>create-admin</c> verb, the demo seeding and the tests.</summary>
public sealed class StaffAccounts(
    UserManager<StaffUser> users, RoleManager<IdentityRole> roles, AuditTrail audit, IDbContextFactory<PublicServiceDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Adds the roles of <see cref="StaffRoles"/> that the database lacks; returns how many were added.</summary>
    public async Task<int> EnsureRolesAsync()
    {
        var added = 0;
        foreach (var role in StaffRoles.All)
        {
            if (await roles.RoleExistsAsync(role)) continue;
            Check(await roles.CreateAsync(new IdentityRole(role)));
            added++;
        }
        return added;
    }

    /// <summary>
    /// Creates an account whose user name is its e-mail, with the roles and agencies given. Refuses with a
    /// <see cref="DomainException"/> (one line of Vietnamese) on a taken e-mail, a weak password or an unknown role.
    /// </summary>
    public async Task<StaffUser> CreateAsync(string email, string fullName, string password, IReadOnlyCollection<string> roleNames, IReadOnlyCollection<int> agencyIds, string actor = "system", string? address = null)
    {
        var unknown = roleNames.Where(r => !StaffRoles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            throw new DomainException("staff.role.unknown", $"Vai trò không tồn tại: {string.Join(", ", unknown)}.", "Roles");
        await EnsureRolesAsync();
        var user = new StaffUser(email.Trim(), email.Trim(), fullName);
        user.ScopeTo(agencyIds);
        Check(await users.CreateAsync(user, password));
        if (roleNames.Count > 0) Check(await users.AddToRolesAsync(user, roleNames));
        await audit.RecordChangeAsync(AuditActions.AccountCreated, actor, user.UserName, null, await RecordOfAsync(user), address);
        return user;
    }

    /// <summary>What the audit trail keeps of an account: readable values (role keys, agency names), compared before and after a change.</summary>
    public async Task<AccountRecord> RecordOfAsync(StaffUser user)
    {
        var ids = user.AgencyIds.ToList();
        await using var db = await dbFactory.CreateDbContextAsync();
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync();
        var roleNames = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var lockedOut = user.LockoutEnd is { } end && end > time.GetUtcNow();
        return new AccountRecord(user.UserName ?? "", user.FullName, roleNames, agencies, user.IsDisabled, lockedOut);
    }

    /// <summary>The scope (roles and agencies) the person works in, as the domain services check it.</summary>
    public async Task<StaffScope> ScopeOfAsync(StaffUser user) =>
        StaffScope.Of(user.Id, await users.GetRolesAsync(user), user.AgencyIds);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new DomainException("staff." + (result.Errors.FirstOrDefault()?.Code ?? "error"),
                string.Join(" ", result.Errors.Select(e => e.Description)), "Account");
    }
}

/// <summary>An account as the audit trail records it before and after a change.</summary>
public sealed record AccountRecord(
    string UserName, string FullName, IReadOnlyList<string> Roles, IReadOnlyList<string> Agencies, bool Disabled, bool LockedOut);
