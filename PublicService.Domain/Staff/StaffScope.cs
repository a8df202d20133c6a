using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;

namespace PublicService.Domain.Staff;

/// <summary>
/// Who is acting and which dossiers they may see and touch. Administrators and reception officers work for the
/// whole centre (the one-stop desk receives and returns for every agency); everyone else sees only the dossiers
/// received by, or currently at, one of their agencies.
/// </summary>
public sealed record StaffScope(string UserId, IReadOnlySet<string> Roles, IReadOnlySet<int> AgencyIds)
{
    /// <summary>The scope of the system itself (verbs, jobs, demo seeding): everything.</summary>
    public static StaffScope System { get; } = new("system", new HashSet<string> { StaffRoles.Administrator }, new HashSet<int>());

    public static StaffScope Of(string userId, IEnumerable<string> roles, IEnumerable<int> agencyIds) =>
        new(userId, roles.ToHashSet(StringComparer.Ordinal), agencyIds.ToHashSet());

    /// <summary>True when the roles give the whole centre, not just the person's agencies.</summary>
    public bool SeesAllAgencies => Roles.Contains(StaffRoles.Administrator) || Roles.Contains(StaffRoles.ReceptionOfficer);

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>Whether the dossier is inside this scope: received by or currently at one of the agencies.</summary>
    public bool Covers(Dossier dossier) =>
        SeesAllAgencies
        || AgencyIds.Contains(dossier.ReceivingAgencyId)
        || (dossier.CurrentAgencyId is { } current && AgencyIds.Contains(current));

    /// <summary>Refuses, the same way every time, a dossier outside the scope.</summary>
    public void EnsureCovers(Dossier dossier)
    {
        if (!Covers(dossier))
            throw new DomainException("dossier.scope.outside",
                $"Hồ sơ {dossier.Code} không thuộc cơ quan bạn được phân công; bạn không thể thao tác trên hồ sơ này.",
                "DossierId");
    }
}

/// <summary>Query helpers that keep lists, boards and reports inside a <see cref="StaffScope"/>.</summary>
public static class StaffScopeQueries
{
    /// <summary>The dossiers the scope may see; a translatable filter on the indexed agency columns.</summary>
    public static IQueryable<Dossier> VisibleTo(this IQueryable<Dossier> dossiers, StaffScope scope)
    {
        if (scope.SeesAllAgencies) return dossiers;
        var agencies = scope.AgencyIds.ToList();
        return dossiers.Where(d => agencies.Contains(d.ReceivingAgencyId)
            || (d.CurrentAgencyId != null && agencies.Contains(d.CurrentAgencyId.Value)));
    }

    /// <summary>
    /// The board counters of the dossiers the scope may see. The same rule: a counter's agency is the current
    /// agency, or the receiving one when there is none, so "received by or currently at" reads the two columns.
    /// </summary>
    public static IQueryable<BoardCounter> VisibleTo(this IQueryable<BoardCounter> counters, StaffScope scope)
    {
        if (scope.SeesAllAgencies) return counters;
        var agencies = scope.AgencyIds.ToList();
        return counters.Where(c => agencies.Contains(c.ReceivingAgencyId) || agencies.Contains(c.AgencyId));
    }
}
