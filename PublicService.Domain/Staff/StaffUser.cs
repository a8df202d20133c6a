using Microsoft.AspNetCore.Identity;

namespace PublicService.Domain.Staff;

/// <summary>
/// A member of staff who signs in to the console. Identity owns the credentials (user name, password hash,
/// lockout); this class adds the display name, whether the account is disabled, and the agencies the person
/// works for, which limit the dossiers they see (see <see cref="StaffScope"/>).
/// </summary>
public sealed class StaffUser : IdentityUser
{
    public const int FullNameMaxLength = 200;

    private readonly List<StaffAgency> _agencies = [];

    private StaffUser() { FullName = ""; }

    public StaffUser(string userName, string email, string fullName) : base(userName)
    {
        Email = email;
        FullName = Required(fullName);
    }

    /// <summary>The name shown in the app bar and written as the actor of dossier events.</summary>
    public string FullName { get; private set; }

    /// <summary>A disabled account keeps its history but can no longer sign in.</summary>
    public bool IsDisabled { get; private set; }

    public IReadOnlyCollection<int> AgencyIds => _agencies.Select(a => a.AgencyId).ToList();

    public void Rename(string fullName) => FullName = Required(fullName);

    public void Disable() => IsDisabled = true;

    public void Enable() => IsDisabled = false;

    /// <summary>Replaces the agencies the person is scoped to; does nothing for agencies already linked.</summary>
    public void ScopeTo(IEnumerable<int> agencyIds)
    {
        var wanted = agencyIds.Distinct().ToList();
        if (wanted.Any(id => id <= 0))
            throw new DomainException("staff.agency.invalid", "Mã cơ quan không hợp lệ.", nameof(AgencyIds));
        _agencies.RemoveAll(a => !wanted.Contains(a.AgencyId));
        foreach (var id in wanted.Where(id => _agencies.All(a => a.AgencyId != id)))
            _agencies.Add(new StaffAgency(id));
    }

    internal static string Required(string fullName)
    {
        var name = fullName?.Trim() ?? "";
        if (name.Length == 0)
            throw new DomainException("staff.name.required", "Họ và tên không được để trống.", nameof(FullName));
        if (name.Length > FullNameMaxLength)
            throw new DomainException("staff.name.too-long", $"Họ và tên không được dài quá {FullNameMaxLength} ký tự.", nameof(FullName));
        return name;
    }
}

/// <summary>One agency a member of staff works for: a row of the <c>StaffAgencies</c> link table.</summary>
public sealed class StaffAgency
{
    private StaffAgency() { }

    internal StaffAgency(int agencyId) => AgencyId = agencyId;

    public int AgencyId { get; private set; }
}
