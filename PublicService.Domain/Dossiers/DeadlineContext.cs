using PublicService.Domain.Calendar;
using PublicService.Domain.Monitoring;

namespace PublicService.Domain.Dossiers;

/// <summary>What every deadline computation needs besides the dossier: the compiled calendar and the global alert thresholds.</summary>
public sealed record DeadlineContext(WorkingCalendar Calendar, AlertThresholds GlobalThresholds);

/// <summary>The derived deadline columns of a dossier, compared by <c>rebuild-deadlines</c>.</summary>
public sealed record DeadlineState(
    DossierStatus Status,
    int CurrentStep,
    int? CurrentAgencyId,
    DateTime ClockStartUtc,
    DateTime CountingStartUtc,
    long PausedWorkingMinutes,
    DateTime? PausedSinceUtc,
    DateTime DueAtUtc,
    DateTime? StepDueAtUtc,
    AlertLevel AlertLevel,
    AlertLevel StepAlertLevel,
    DateTime? NextAlertAtUtc,
    bool SupplementRequested,
    DateOnly? SupplementDeadline,
    DateTime? NewAppointmentUtc,
    DateTime? FinishedAtUtc);
