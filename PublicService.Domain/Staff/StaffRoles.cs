namespace PublicService.Domain.Staff;

/// <summary>The roles of DOMAIN.md's "Users of this console". The names are stored in the Identity role table.</summary>
public static class StaffRoles
{
    public const string Administrator = "Administrator";
    public const string CatalogEditor = "CatalogEditor";
    public const string ReceptionOfficer = "ReceptionOfficer";
    public const string ProcessingOfficer = "ProcessingOfficer";
    public const string Supervisor = "Supervisor";

    public static IReadOnlyList<string> All { get; } =
        [Administrator, CatalogEditor, ReceptionOfficer, ProcessingOfficer, Supervisor];
}
