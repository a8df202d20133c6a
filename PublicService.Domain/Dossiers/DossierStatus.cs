namespace PublicService.Domain.Dossiers;

/// <summary>Where a dossier is in its life. Stored as text; values are stable.</summary>
public enum DossierStatus
{
    /// <summary>Đã tiếp nhận: complete, code issued, not yet with the processing agency.</summary>
    Received = 1,
    /// <summary>Đang xử lý, at its current step.</summary>
    InProcess = 2,
    /// <summary>Chờ bổ sung: waiting for the applicant's supplement.</summary>
    AwaitingSupplement = 3,
    /// <summary>Chờ thực hiện nghĩa vụ tài chính: waiting for a fee or tax to be paid.</summary>
    AwaitingPayment = 4,
    /// <summary>Đã có kết quả, back at the one-stop desk.</summary>
    ResultReady = 5,
    /// <summary>Đã trả kết quả.</summary>
    Returned = 6,
    /// <summary>Dừng xử lý / từ chối after processing, with a reason.</summary>
    Stopped = 7,
    /// <summary>Rút hồ sơ at the applicant's request.</summary>
    Withdrawn = 8,
    /// <summary>Hủy: entered in error (administrator only).</summary>
    Cancelled = 9,
}

public static class DossierStatusExtensions
{
    /// <summary>True for statuses after which nothing happens to the dossier any more.</summary>
    public static bool IsFinal(this DossierStatus status) =>
        status is DossierStatus.Returned or DossierStatus.Stopped or DossierStatus.Withdrawn or DossierStatus.Cancelled;

    /// <summary>True while the legal clock stands still.</summary>
    public static bool IsPaused(this DossierStatus status) =>
        status is DossierStatus.AwaitingSupplement or DossierStatus.AwaitingPayment;

    /// <summary>True while the dossier is open and its clock runs (alert levels advance).</summary>
    public static bool IsRunning(this DossierStatus status) =>
        status is DossierStatus.Received or DossierStatus.InProcess;

    /// <summary>
    /// The national public-service portal's status code: 2 received, 4 in process, 5 supplement requested,
    /// 6 awaiting financial obligation, 7 withdrawn, 8 stopped, 9 processed, 10 returned. A cancelled dossier
    /// was entered in error and is not reported (null). Codes 1 (registered online) and 3 (not received)
    /// belong to applications that never became dossiers.
    /// </summary>
    public static int? NationalPortalCode(this DossierStatus status) => status switch
    {
        DossierStatus.Received => 2,
        DossierStatus.InProcess => 4,
        DossierStatus.AwaitingSupplement => 5,
        DossierStatus.AwaitingPayment => 6,
        DossierStatus.Withdrawn => 7,
        DossierStatus.Stopped => 8,
        DossierStatus.ResultReady => 9,
        DossierStatus.Returned => 10,
        DossierStatus.Cancelled => null,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
