namespace PublicService.Domain.Dossiers;

/// <summary>Everything that can be done to a received dossier; each is one verb on <see cref="Dossier"/>.</summary>
public enum DossierAction
{
    StartProcessing = 1,
    TransferToNextStep = 2,
    RequestSupplement = 3,
    ReceiveSupplement = 4,
    AwaitPayment = 5,
    ConfirmPayment = 6,
    RecordResult = 7,
    ReturnResult = 8,
    Stop = 9,
    Withdraw = 10,
    IssueApology = 11,
    Cancel = 12,
}

/// <summary>The one transition table: from which statuses each action is allowed, and the status it leads to.</summary>
public static class DossierTransitions
{
    private static readonly DossierStatus[] Open =
        [DossierStatus.Received, DossierStatus.InProcess, DossierStatus.AwaitingSupplement, DossierStatus.AwaitingPayment];

    private static readonly Dictionary<DossierAction, (DossierStatus[] From, DossierStatus? To)> Table = new()
    {
        [DossierAction.StartProcessing] = ([DossierStatus.Received], DossierStatus.InProcess),
        [DossierAction.TransferToNextStep] = ([DossierStatus.InProcess], DossierStatus.InProcess),
        [DossierAction.RequestSupplement] = ([DossierStatus.InProcess], DossierStatus.AwaitingSupplement),
        [DossierAction.ReceiveSupplement] = ([DossierStatus.AwaitingSupplement], DossierStatus.InProcess),
        [DossierAction.AwaitPayment] = ([DossierStatus.InProcess], DossierStatus.AwaitingPayment),
        [DossierAction.ConfirmPayment] = ([DossierStatus.AwaitingPayment], DossierStatus.InProcess),
        [DossierAction.RecordResult] = ([DossierStatus.InProcess], DossierStatus.ResultReady),
        [DossierAction.ReturnResult] = ([DossierStatus.ResultReady], DossierStatus.Returned),
        [DossierAction.Stop] = ([DossierStatus.InProcess, DossierStatus.AwaitingSupplement, DossierStatus.AwaitingPayment], DossierStatus.Stopped),
        [DossierAction.Withdraw] = (Open, DossierStatus.Withdrawn),
        // An apology changes no status: the dossier stays where it is, late, with a new appointment.
        [DossierAction.IssueApology] = (Open, null),
        [DossierAction.Cancel] = ([.. Open, DossierStatus.ResultReady], DossierStatus.Cancelled),
    };

    public static IReadOnlyCollection<DossierAction> Actions => Table.Keys;

    public static bool IsAllowed(DossierAction action, DossierStatus from) => Table[action].From.Contains(from);

    /// <summary>The status after <paramref name="action"/> taken from <paramref name="from"/> (unchanged for an apology).</summary>
    public static DossierStatus Target(DossierAction action, DossierStatus from) => Table[action].To ?? from;
}
