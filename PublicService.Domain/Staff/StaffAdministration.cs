using System.Net.Mail;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Audit;
using PublicService.Domain.Persistence;

namespace PublicService.Domain.Staff;

/// <summary>Who is changing accounts: the administrator's id (for the rules about themselves), name and address (for the audit trail).</summary>
public sealed record StaffActor(string UserId, string UserName, string? Address = null);

/// <summary>The editable part of an account: name, roles and agencies.</summary>
public sealed record StaffDraft(string FullName, IReadOnlyCollection<string> Roles, IReadOnlyCollection<int> AgencyIds);

public sealed record AgencyName(int Id, string Name);

/// <summary>One row of the user-management list; <see cref="ConcurrencyStamp"/> is what a later change must still find.</summary>
public sealed record StaffSummary(
    string Id, string UserName, string FullName, IReadOnlyList<string> Roles, IReadOnlyList<AgencyName> Agencies,
    bool IsDisabled, bool IsLockedOut, DateTime? LastChangeUtc, string ConcurrencyStamp);

/// <summary>A created account and its generated first password, shown once to the administrator and never stored in clear.</summary>
public sealed record NewAccount(string UserId, string UserName, string Password);

/// <summary>
/// The administrator's account changes: create, edit roles and agencies, disable and re-enable, reset a password.
/// Each checks the rules (an administrator keeps their own access, the last enabled administrator stays, officers
/// who work on dossiers have an agency), refuses a change to an account edited since it was shown, and writes the
/// before/after state to the audit trail. Use one instance per operation (a fresh scope): Identity's store keeps
/// the accounts it loaded, and a stale copy would defeat the concurrency check.
/// </summary>
public sealed class StaffAdministration(
    UserManager<StaffUser> users, StaffAccounts accounts, PublicServiceDbContext db, AuditTrail audit, TimeProvider time)
{
    /// <summary>Roles whose work is limited to their agencies (see <see cref="StaffScope"/>); without one they would see nothing.</summary>
    public static IReadOnlyList<string> RolesNeedingAgency { get; } = [StaffRoles.ProcessingOfficer, StaffRoles.Supervisor];

    public const int EmailMaxLength = 256;

    /// <summary>All accounts, by name; <paramref name="search"/> matches the name or user name ignoring case and Vietnamese marks.</summary>
    public async Task<IReadOnlyList<StaffSummary>> ListAsync(string? search = null, CancellationToken ct = default)
    {
        var all = await db.Users.AsNoTracking().ToListAsync(ct);
        var folded = VietnameseText.Fold(search);
        var shown = all.Where(u => folded.Length == 0
                || VietnameseText.Fold(u.FullName).Contains(folded, StringComparison.Ordinal)
                || VietnameseText.Fold(u.UserName).Contains(folded, StringComparison.Ordinal))
            .OrderBy(u => VietnameseText.Fold(u.FullName), StringComparer.Ordinal).ThenBy(u => u.UserName, StringComparer.Ordinal)
            .ToList();

        var roles = (await (from link in db.UserRoles
                            join role in db.Roles on link.RoleId equals role.Id
                            select new { link.UserId, role.Name }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name!);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        // The account lines of the trail are few (sign-ins are "auth."); their newest instant per account is the last change.
        var changes = (await db.AuditEntries.AsNoTracking()
                .Where(e => e.Action.StartsWith("account.") && e.Subject != null)
                .Select(e => new { e.Subject, e.AtUtc }).ToListAsync(ct))
            .GroupBy(e => e.Subject!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Max(e => e.AtUtc), StringComparer.OrdinalIgnoreCase);
        var now = time.GetUtcNow();

        return shown.Select(u => new StaffSummary(
                u.Id, u.UserName ?? "", u.FullName,
                roles[u.Id].OrderBy(r => IndexOfRole(r)).ToList(),
                u.AgencyIds.Select(id => new AgencyName(id, agencies.GetValueOrDefault(id, $"#{id}"))).OrderBy(a => a.Name, StringComparer.Ordinal).ToList(),
                u.IsDisabled, u.LockoutEnd is { } end && end > now,
                changes.TryGetValue(u.UserName ?? "", out var at) ? at : null,
                u.ConcurrencyStamp ?? ""))
            .ToList();
    }

    /// <summary>Creates the account with a generated password, returned once so the administrator can hand it over.</summary>
    public async Task<NewAccount> CreateAsync(string email, StaffDraft draft, StaffActor actor)
    {
        var address = ValidEmail(email);
        await ValidateAsync(draft);
        if (await users.FindByNameAsync(address) is not null || await users.FindByEmailAsync(address) is not null)
            throw new DomainException("staff.email.taken", $"Địa chỉ e-mail {address} đã có tài khoản.", "Email");
        var password = StaffIdentity.GeneratePassword();
        var user = await accounts.CreateAsync(address, draft.FullName, password, draft.Roles, draft.AgencyIds, actor.UserName, actor.Address);
        return new NewAccount(user.Id, user.UserName!, password);
    }

    /// <summary>
    /// Replaces the name, roles and agencies. A change of roles or agencies renews the security stamp, so the
    /// person's open sessions end and the next sign-in carries the new rights.
    /// </summary>
    public async Task UpdateAsync(string userId, string seenStamp, StaffDraft draft, StaffActor actor)
    {
        await ValidateAsync(draft);
        var user = await FindUnchangedAsync(userId, seenStamp);
        var before = await accounts.RecordOfAsync(user);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(StaffRoles.Administrator) && !draft.Roles.Contains(StaffRoles.Administrator))
        {
            if (user.Id == actor.UserId)
                throw new DomainException("staff.admin.self", "Bạn không thể bỏ vai trò Quản trị hệ thống của chính mình.", "Roles");
            await EnsureAnotherAdministratorAsync(user);
        }

        var agenciesChanged = !user.AgencyIds.ToHashSet().SetEquals(draft.AgencyIds);
        var rolesChanged = !current.ToHashSet(StringComparer.Ordinal).SetEquals(draft.Roles);
        user.Rename(draft.FullName);
        user.ScopeTo(draft.AgencyIds);
        // Identity saves after each call; one transaction keeps roles and agencies from being half changed.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var removed = current.Except(draft.Roles, StringComparer.Ordinal).ToList();
            var added = draft.Roles.Except(current, StringComparer.Ordinal).ToList();
            if (removed.Count > 0) Check(await users.RemoveFromRolesAsync(user, removed));
            if (added.Count > 0) Check(await users.AddToRolesAsync(user, added));
            Check(rolesChanged || agenciesChanged ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user));
            await transaction.CommitAsync();
        }
        await RecordAsync(AuditActions.AccountUpdated, actor, before, await accounts.RecordOfAsync(user));
    }

    /// <summary>Disables the account: sign-in is refused and the renewed security stamp ends the sessions already open.</summary>
    public async Task DisableAsync(string userId, string seenStamp, StaffActor actor)
    {
        var user = await FindUnchangedAsync(userId, seenStamp);
        if (user.Id == actor.UserId)
            throw new DomainException("staff.disable.self", "Bạn không thể vô hiệu hoá tài khoản của chính mình.", "Account");
        if (user.IsDisabled) return;
        if (await users.IsInRoleAsync(user, StaffRoles.Administrator)) await EnsureAnotherAdministratorAsync(user);
        var before = await accounts.RecordOfAsync(user);
        user.Disable();
        Check(await users.UpdateSecurityStampAsync(user));
        await RecordAsync(AuditActions.AccountDisabled, actor, before, await accounts.RecordOfAsync(user));
    }

    public async Task EnableAsync(string userId, string seenStamp, StaffActor actor)
    {
        var user = await FindUnchangedAsync(userId, seenStamp);
        if (!user.IsDisabled) return;
        var before = await accounts.RecordOfAsync(user);
        user.Enable();
        Check(await users.UpdateAsync(user));
        await RecordAsync(AuditActions.AccountEnabled, actor, before, await accounts.RecordOfAsync(user));
    }

    /// <summary>
    /// Sets a generated password, lifts a lockout and ends the person's open sessions; returns the password to show
    /// once. An administrator changes their own password on the change-password page, which asks for the current one.
    /// </summary>
    public async Task<string> ResetPasswordAsync(string userId, string seenStamp, StaffActor actor)
    {
        var user = await FindUnchangedAsync(userId, seenStamp);
        if (user.Id == actor.UserId)
            throw new DomainException("staff.reset.self", "Hãy đổi mật khẩu của chính bạn ở trang Đổi mật khẩu.", "Account");
        var before = await accounts.RecordOfAsync(user);
        var password = StaffIdentity.GeneratePassword();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            // Remove then add: a reset token needs a token provider this console has no other use for.
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, password));
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
            await transaction.CommitAsync();
        }
        await RecordAsync(AuditActions.PasswordReset, actor, before, await accounts.RecordOfAsync(user));
        return password;
    }

    /// <summary>The checks that need no account: a name, at least one known role, and an agency for agency-bound roles.</summary>
    public async Task ValidateAsync(StaffDraft draft)
    {
        StaffUser.Required(draft.FullName);
        if (draft.Roles.Count == 0)
            throw new DomainException("staff.role.required", "Chọn ít nhất một vai trò.", "Roles");
        var unknown = draft.Roles.Where(r => !StaffRoles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            throw new DomainException("staff.role.unknown", $"Vai trò không tồn tại: {string.Join(", ", unknown)}.", "Roles");
        if (draft.AgencyIds.Count == 0 && draft.Roles.Any(RolesNeedingAgency.Contains))
            throw new DomainException("staff.agency.required",
                "Cán bộ xử lý hồ sơ và cán bộ giám sát phải được phân công ít nhất một cơ quan.", "AgencyIds");
        var ids = draft.AgencyIds.Distinct().ToList();
        var known = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync();
        var missing = ids.Except(known).ToList();
        if (missing.Count > 0)
            throw new DomainException("staff.agency.unknown", $"Cơ quan không tồn tại (mã {string.Join(", ", missing)}).", "AgencyIds");
    }

    public static string ValidEmail(string? email)
    {
        var address = email?.Trim() ?? "";
        if (address.Length == 0)
            throw new DomainException("staff.email.required", "Nhập địa chỉ e-mail (dùng làm tên đăng nhập).", "Email");
        if (address.Length > EmailMaxLength || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || !address.Contains('.', StringComparison.Ordinal))
            throw new DomainException("staff.email.invalid", $"Địa chỉ e-mail '{address}' không hợp lệ.", "Email");
        return address;
    }

    private async Task<StaffUser> FindUnchangedAsync(string userId, string seenStamp)
    {
        var user = await users.FindByIdAsync(userId)
            ?? throw new DomainException("staff.not-found", "Tài khoản không còn tồn tại.", "Account");
        if (user.ConcurrencyStamp != seenStamp)
            throw new DomainException("staff.stale", "Tài khoản vừa được người khác thay đổi; danh sách đã được tải lại, vui lòng thực hiện lại.", "Account");
        return user;
    }

    /// <summary>Refuses to take the last enabled administrator away: nobody could manage accounts any more.</summary>
    private async Task EnsureAnotherAdministratorAsync(StaffUser leaving)
    {
        var administrators = await users.GetUsersInRoleAsync(StaffRoles.Administrator);
        if (!administrators.Any(a => a.Id != leaving.Id && !a.IsDisabled))
            throw new DomainException("staff.admin.last",
                $"{leaving.FullName} là quản trị hệ thống cuối cùng còn hoạt động; hãy cấp quyền quản trị cho người khác trước.", "Roles");
    }

    private async Task RecordAsync(string action, StaffActor actor, AccountRecord before, AccountRecord after)
    {
        // Records hold lists, which compare by reference; their JSON compares by value.
        if (action == AuditActions.AccountUpdated && JsonSerializer.Serialize(before) == JsonSerializer.Serialize(after)) return;
        await audit.RecordChangeAsync(action, actor.UserName, after.UserName, before, after, actor.Address);
    }

    private static int IndexOfRole(string role)
    {
        var index = StaffRoles.All.ToList().IndexOf(role);
        return index < 0 ? int.MaxValue : index;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new DomainException("staff." + (result.Errors.FirstOrDefault()?.Code ?? "error"),
                string.Join(" ", result.Errors.Select(e => e.Description)), "Account");
    }
}
