using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Persistence;
using PublicService.Domain.Staff;

namespace PublicService.Domain.Demo;

/// <summary>One demo account: its login, name, role and the codes of the demo agencies it is scoped to.</summary>
public sealed record DemoLogin(string UserName, string FullName, string Role, IReadOnlyList<string> AgencyCodes);

/// <summary>
/// Demo accounts, one per role (and one processing officer per agency of the interconnected land procedures), sharing <see cref="Password"/>. Only the demo paths (<c>--demo</c>,
/// <c>seed-demo</c>) create them: a real centre starts with <c>create-admin</c>.
/// </summary>
public sealed class DemoStaff(StaffAccounts accounts, UserManager<StaffUser> users, IDbContextFactory<PublicServiceDbContext> dbFactory)
{
    /// <summary>Public on purpose: it is printed on startup with <c>--demo</c> and must never guard real data.</summary>
    public const string Password = "HanhChinh2026";

    // The agency codes are those of DemoCatalog: Sở Tư pháp, Văn phòng Đăng ký đất đai, Thuế tỉnh H48, Sở Nông nghiệp
    // và Môi trường. The land office and tax officers are the two agencies of the interconnected land procedures, so
    // a dossier can be walked from one agency to the next.
    public static IReadOnlyList<DemoLogin> Logins { get; } =
    [
        new("quantri@h48.demo", "Nguyễn Văn An", StaffRoles.Administrator, []),
        new("bientap@h48.demo", "Trần Thị Bình", StaffRoles.CatalogEditor, []),
        new("tiepnhan@h48.demo", "Lê Thị Cúc", StaffRoles.ReceptionOfficer, []),
        new("xuly.tuphap@h48.demo", "Phạm Văn Dũng", StaffRoles.ProcessingOfficer, ["000.00.15.H48"]),
        new("xuly.datdai@h48.demo", "Đặng Văn Hải", StaffRoles.ProcessingOfficer, ["000.01.20.H48"]),
        new("xuly.thue@h48.demo", "Bùi Thị Hoa", StaffRoles.ProcessingOfficer, ["H48.15"]),
        new("giamsat@h48.demo", "Võ Thị Giang", StaffRoles.Supervisor, ["000.01.20.H48", "000.00.20.H48"]),
    ];

    /// <summary>Creates the demo accounts that do not exist yet (after the demo catalog); returns how many it created.</summary>
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        await accounts.EnsureRolesAsync();
        Dictionary<string, int> agencies;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        }
        var created = 0;
        foreach (var login in Logins)
        {
            if (await users.FindByNameAsync(login.UserName) is not null) continue;
            var agencyIds = login.AgencyCodes.Where(agencies.ContainsKey).Select(code => agencies[code]).ToList();
            await accounts.CreateAsync(login.UserName, login.FullName, Password, [login.Role], agencyIds);
            created++;
        }
        return created;
    }

    /// <summary>Whether any demo account exists (its well-known password then opens this database).</summary>
    public async Task<bool> AnyExistsAsync()
    {
        foreach (var login in Logins)
            if (await users.FindByNameAsync(login.UserName) is not null) return true;
        return false;
    }

    /// <summary>The lines printed on startup so a visitor can sign in.</summary>
    public static IEnumerable<string> Describe()
    {
        yield return $"Tài khoản demo (mật khẩu chung: {Password}):";
        foreach (var login in Logins)
            yield return $"  {login.UserName,-24} {login.Role,-18} {login.FullName}";
    }
}
