using PublicService.Domain.Staff;

namespace PublicService.Domain.Dossiers;

/// <summary>
/// The one table of which roles may take which action on a dossier (DOMAIN.md, "Users of this console" and "A
/// dossier's life"). The workflow enforces it for the acting <see cref="StaffScope"/>; the dossier page asks it
/// which buttons to show. The one-stop desk (reception) hands the dossier to the agency, takes in the applicant's
/// supplement, hands the result back and records a withdrawal; the agency (processing) does the work in between
/// and writes the apology when it will be late; only the administrator cancels a dossier entered in error.
/// Supervisors and catalog editors watch and edit, they do not act on dossiers.
/// </summary>
public static class DossierActionRoles
{
    private static readonly string[] Desk = [StaffRoles.ReceptionOfficer, StaffRoles.Administrator];
    private static readonly string[] Agency = [StaffRoles.ProcessingOfficer, StaffRoles.Administrator];

    private static readonly Dictionary<DossierAction, string[]> Table = new()
    {
        [DossierAction.StartProcessing] = Desk,
        [DossierAction.TransferToNextStep] = Agency,
        [DossierAction.RequestSupplement] = Agency,
        // The applicant brings the missing papers to the counter, or the agency takes them in directly.
        [DossierAction.ReceiveSupplement] = [StaffRoles.ReceptionOfficer, StaffRoles.ProcessingOfficer, StaffRoles.Administrator],
        [DossierAction.AwaitPayment] = Agency,
        [DossierAction.ConfirmPayment] = Agency,
        [DossierAction.RecordResult] = Agency,
        [DossierAction.ReturnResult] = Desk,
        [DossierAction.Stop] = Agency,
        [DossierAction.Withdraw] = Desk,
        [DossierAction.IssueApology] = Agency,
        [DossierAction.Cancel] = [StaffRoles.Administrator],
    };

    /// <summary>The roles that may take <paramref name="action"/>.</summary>
    public static IReadOnlyList<string> RolesFor(DossierAction action) => Table[action];

    public static bool MayTake(StaffScope scope, DossierAction action) => Table[action].Any(scope.IsInRole);

    /// <summary>The actions the roles of <paramref name="scope"/> give, whatever the dossier's status.</summary>
    public static IReadOnlySet<DossierAction> ActionsOf(StaffScope scope) =>
        Table.Keys.Where(a => MayTake(scope, a)).ToHashSet();

    /// <summary>Refuses, before anything changes, an action the actor's roles do not give.</summary>
    public static void EnsureMayTake(StaffScope scope, DossierAction action, Dossier dossier)
    {
        if (MayTake(scope, action)) return;
        throw new DomainException("dossier.role.not-allowed",
            $"Vai trò của bạn không được {DossierText.ActionName(action)} đối với hồ sơ {dossier.Code}; " +
            $"việc này do {string.Join(" hoặc ", Table[action].Select(RoleName))} thực hiện.",
            "Actor");
    }

    private static string RoleName(string role) => role switch
    {
        StaffRoles.Administrator => "quản trị hệ thống",
        StaffRoles.ReceptionOfficer => "cán bộ tiếp nhận",
        StaffRoles.ProcessingOfficer => "cán bộ xử lý",
        StaffRoles.Supervisor => "cán bộ giám sát",
        StaffRoles.CatalogEditor => "cán bộ biên tập thủ tục",
        _ => role,
    };
}
