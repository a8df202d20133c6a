using Microsoft.AspNetCore.Authorization;
using PublicService.Domain.Staff;

namespace PublicService.Console.Identity;

/// <summary>
/// The named authorization policies, one per group of roles, defined here and nowhere else. Every routable
/// component names one of them in <c>[Authorize(Policy = ...)]</c> (or is <c>[AllowAnonymous]</c>); a test walks
/// the pages and checks each against its expected role matrix.
/// </summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in member of staff: overview, calendar, due-date calculator, own account.</summary>
    public const string Staff = "Staff";
    /// <summary>Users, roles, agencies, counters, working calendar, alert thresholds.</summary>
    public const string Administration = "Administration";
    /// <summary>The procedure catalog: create, version, publish, retire, import/export.</summary>
    public const string Catalog = "Catalog";
    /// <summary>Receiving dossiers at a counter and returning results.</summary>
    public const string Reception = "Reception";
    /// <summary>Processing dossiers at an agency.</summary>
    public const string Processing = "Processing";
    /// <summary>The live board of approaching and overdue dossiers, and reports.</summary>
    public const string Supervision = "Supervision";
    /// <summary>Exporting the log book of dossiers to Excel: the one-stop desk keeps it, supervisors report from it.</summary>
    public const string LogBookExport = "LogBookExport";

    /// <summary>The roles each policy admits (administrators everywhere: they configure what the others use).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Roles { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [Staff] = StaffRoles.All,
        [Administration] = [StaffRoles.Administrator],
        [Catalog] = [StaffRoles.Administrator, StaffRoles.CatalogEditor],
        [Reception] = [StaffRoles.Administrator, StaffRoles.ReceptionOfficer],
        [Processing] = [StaffRoles.Administrator, StaffRoles.ProcessingOfficer],
        [Supervision] = [StaffRoles.Administrator, StaffRoles.Supervisor],
        [LogBookExport] = [StaffRoles.Administrator, StaffRoles.ReceptionOfficer, StaffRoles.Supervisor],
    };

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (name, roles) in Roles)
            options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
    }
}
