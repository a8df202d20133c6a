using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Monitoring;

namespace PublicService.Domain.Dossiers;

/// <summary>
/// A received dossier (hồ sơ) and its legal clock. Every verb checks <see cref="DossierTransitions"/>, appends
/// a <see cref="DossierEvent"/> and updates the derived columns (status, due instants, alert level, next alert
/// instant) through <see cref="Apply"/> — the same method that <see cref="RecomputeFromEvents"/> replays, so the
/// columns can always be rebuilt from the history. A refused verb throws <see cref="DomainException"/> and
/// changes nothing.
/// </summary>
public sealed class Dossier
{
    public const int CodeMaxLength = 60;
    public const int CaseCodeMaxLength = 40;
    public const int TextMaxLength = 2000;

    private readonly List<DossierEvent> _events = [];

    private Dossier()
    {
        Code = "";
        CaseCode = "";
        Applicant = null!;
        Terms = null!;
        LastChangedBy = "";
    }

    public long Id { get; private set; }
    /// <summary><c>&lt;agency identifier&gt;-&lt;yyMMdd&gt;-&lt;NNNN&gt;</c>, see <see cref="DossierCode"/>.</summary>
    public string Code { get; private set; }
    public int ProcedureId { get; private set; }
    /// <summary>The procedure version in force when the dossier was received; the dossier keeps it for life.</summary>
    public int ProcedureVersionId { get; private set; }
    public string CaseCode { get; private set; }
    public Channel Channel { get; private set; }
    public int ReceivingAgencyId { get; private set; }
    public Applicant Applicant { get; private set; }
    /// <summary>The clock terms of the pinned version, copied at receipt.</summary>
    public ProcessingTerms Terms { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }

    public DossierStatus Status { get; private set; }
    /// <summary>1-based index into <see cref="ProcessingTerms.Steps"/>; 0 while still at reception.</summary>
    public int CurrentStep { get; private set; }
    public int? CurrentAgencyId { get; private set; }
    /// <summary>The instant the period counts from: receipt, or the complete supplement when the procedure restarts the period.</summary>
    public DateTime ClockStartUtc { get; private set; }
    /// <summary><see cref="ClockStartUtc"/> after the cut-off rule.</summary>
    public DateTime CountingStartUtc { get; private set; }
    public long PausedWorkingMinutes { get; private set; }
    public DateTime? PausedSinceUtc { get; private set; }
    public DateTime DueAtUtc { get; private set; }
    /// <summary>The current step's own deadline, for interconnected procedures (null for one-stop ones).</summary>
    public DateTime? StepDueAtUtc { get; private set; }
    public AlertLevel AlertLevel { get; private set; }
    /// <summary>
    /// The current step's own alert level, for an interconnected dossier at a step before the last (see
    /// <see cref="HasOwnStepDeadline"/>); Normal otherwise. The agency holding the step sees its step approach even
    /// while the dossier as a whole is still within time. A hand-over starts the next step at Normal again.
    /// </summary>
    public AlertLevel StepAlertLevel { get; private set; }
    /// <summary>
    /// When the alert level or the step's alert level will next rise (the earlier of the two); null while paused or
    /// finished. The deadline scan seeks on it.
    /// </summary>
    public DateTime? NextAlertAtUtc { get; private set; }
    public bool SupplementRequested { get; private set; }
    public DateOnly? SupplementDeadline { get; private set; }
    /// <summary>The new appointment promised by an apology letter; the dossier still counts as late against <see cref="DueAtUtc"/>.</summary>
    public DateTime? NewAppointmentUtc { get; private set; }
    /// <summary>When the result was ready, or the dossier otherwise ended.</summary>
    public DateTime? FinishedAtUtc { get; private set; }

    /// <summary>
    /// The sequence number of the latest event, kept on the row so that an event can be appended without loading
    /// the history (the deadline scan appends <c>AlertChanged</c> to dossiers loaded without their events).
    /// </summary>
    public int LastEventSequence { get; private set; }

    /// <summary>Optimistic concurrency token, bumped by every verb.</summary>
    public int RowVersion { get; private set; }
    public string LastChangedBy { get; private set; }
    public DateTime LastChangedAtUtc { get; private set; }

    public IReadOnlyList<DossierEvent> Events => _events;

    /// <summary>
    /// A dossier holding only what its deadlines and alert levels depend on, plus the columns <c>ScanWriter</c> writes
    /// back: the deadline scan and a calendar change read thousands of rows, and materializing the applicant, the
    /// codes and the other columns cost more than the domain work on them. Only for <see cref="RefreshSchedule"/>,
    /// the level changes and <c>ScanWriter</c> (which writes exactly those columns); never attach it to a context.
    /// </summary>
    internal static Dossier ForDeadlines(
        long id, string code, int procedureVersionId, ProcessingTerms terms, DossierStatus status, int currentStep,
        DateTime clockStartUtc, DateTime countingStartUtc, long pausedWorkingMinutes, DateTime dueAtUtc, DateTime? stepDueAtUtc,
        AlertLevel alertLevel, AlertLevel stepAlertLevel, DateTime? nextAlertAtUtc, int lastEventSequence, int rowVersion,
        string lastChangedBy, DateTime lastChangedAtUtc) => new()
    {
        Id = id,
        Code = code,
        ProcedureVersionId = procedureVersionId,
        Terms = terms,
        Status = status,
        CurrentStep = currentStep,
        ClockStartUtc = clockStartUtc,
        CountingStartUtc = countingStartUtc,
        PausedWorkingMinutes = pausedWorkingMinutes,
        DueAtUtc = dueAtUtc,
        StepDueAtUtc = stepDueAtUtc,
        AlertLevel = alertLevel,
        StepAlertLevel = stepAlertLevel,
        NextAlertAtUtc = nextAlertAtUtc,
        LastEventSequence = lastEventSequence,
        RowVersion = rowVersion,
        LastChangedBy = lastChangedBy,
        LastChangedAtUtc = lastChangedAtUtc,
    };

    /// <summary>
    /// Creates a complete and valid dossier. <paramref name="code"/> comes from the code sequence; the clock starts
    /// at <paramref name="receivedAtUtc"/> subject to the cut-off rule.
    /// </summary>
    public static Dossier Receive(
        string code,
        int procedureId,
        int procedureVersionId,
        string caseCode,
        Channel channel,
        int receivingAgencyId,
        Applicant applicant,
        ProcessingTerms terms,
        IReadOnlyList<string> documents,
        DateTime receivedAtUtc,
        string actor,
        DeadlineContext context)
    {
        if (terms.Steps.Count == 0)
            throw new DomainException("dossier.terms.no-steps", "Thủ tục chưa có bước xử lý nào.", "Terms");
        var dossier = new Dossier
        {
            Code = code,
            ProcedureId = procedureId,
            ProcedureVersionId = procedureVersionId,
            CaseCode = caseCode,
            Channel = channel,
            ReceivingAgencyId = receivingAgencyId,
            Applicant = applicant,
            Terms = terms,
            ReceivedAtUtc = receivedAtUtc,
        };
        dossier.Append(DossierEventType.Received, actor, receivedAtUtc,
            new DossierEventData { Terms = terms, Documents = documents }, context);
        return dossier;
    }

    public IReadOnlyList<DossierAction> AllowedActions() =>
        DossierTransitions.Actions.Where(a => RefusalOf(a) is null).ToList();

    public void StartProcessing(DateTime atUtc, string actor, string? note, DeadlineContext context)
    {
        Ensure(DossierAction.StartProcessing, atUtc);
        Append(DossierEventType.ProcessingStarted, actor, atUtc,
            new DossierEventData { Note = Text(note), ToStep = 1, ToAgencyId = Terms.Steps[0].AgencyId }, context);
    }

    public void TransferToNextStep(DateTime atUtc, string actor, string? note, DeadlineContext context)
    {
        Ensure(DossierAction.TransferToNextStep, atUtc);
        var next = CurrentStep + 1;
        Append(DossierEventType.TransferredToNextStep, actor, atUtc,
            new DossierEventData { Note = Text(note), FromStep = CurrentStep, ToStep = next, ToAgencyId = Terms.Steps[next - 1].AgencyId }, context);
    }

    /// <summary>The one written supplement request; the clock pauses, or restarts later, as the procedure says.</summary>
    public void RequestSupplement(DateTime atUtc, string actor, string reason, DateOnly supplementDeadline, IReadOnlyList<string> missingDocuments, DeadlineContext context)
    {
        Ensure(DossierAction.RequestSupplement, atUtc);
        if (supplementDeadline < VietnamTime.DateOf(atUtc))
            throw new DomainException("dossier.supplement.deadline-past", "Hạn bổ sung hồ sơ không được trước ngày yêu cầu.", "SupplementDeadline");
        Append(DossierEventType.SupplementRequested, actor, atUtc, new DossierEventData
        {
            Reason = RequiredText(reason, "Reason", "Nội dung yêu cầu bổ sung"),
            SupplementDeadline = supplementDeadline,
            ClockMode = Terms.SupplementMode,
            Documents = missingDocuments,
        }, context);
    }

    public void ReceiveSupplement(DateTime atUtc, string actor, string? note, DeadlineContext context)
    {
        Ensure(DossierAction.ReceiveSupplement, atUtc);
        Append(DossierEventType.SupplementReceived, actor, atUtc, new DossierEventData { Note = Text(note), ClockMode = Terms.SupplementMode }, context);
    }

    public void AwaitPayment(DateTime atUtc, string actor, string reason, DeadlineContext context)
    {
        Ensure(DossierAction.AwaitPayment, atUtc);
        Append(DossierEventType.PaymentAwaited, actor, atUtc,
            new DossierEventData { Reason = RequiredText(reason, "Reason", "Nghĩa vụ tài chính cần thực hiện") }, context);
    }

    public void ConfirmPayment(DateTime atUtc, string actor, string? note, DeadlineContext context)
    {
        Ensure(DossierAction.ConfirmPayment, atUtc);
        Append(DossierEventType.PaymentConfirmed, actor, atUtc, new DossierEventData { Note = Text(note) }, context);
    }

    public void RecordResult(DateTime atUtc, string actor, string? note, DeadlineContext context)
    {
        Ensure(DossierAction.RecordResult, atUtc);
        Append(DossierEventType.ResultRecorded, actor, atUtc, new DossierEventData { Note = Text(note) }, context);
    }

    public void ReturnResult(DateTime atUtc, string actor, string? note, DeadlineContext context)
    {
        Ensure(DossierAction.ReturnResult, atUtc);
        Append(DossierEventType.ResultReturned, actor, atUtc, new DossierEventData { Note = Text(note) }, context);
    }

    public void Stop(DateTime atUtc, string actor, string reason, DeadlineContext context)
    {
        Ensure(DossierAction.Stop, atUtc);
        Append(DossierEventType.Stopped, actor, atUtc,
            new DossierEventData { Reason = RequiredText(reason, "Reason", "Lý do dừng xử lý") }, context);
    }

    public void Withdraw(DateTime atUtc, string actor, string reason, DeadlineContext context)
    {
        Ensure(DossierAction.Withdraw, atUtc);
        Append(DossierEventType.Withdrawn, actor, atUtc,
            new DossierEventData { Reason = RequiredText(reason, "Reason", "Lý do rút hồ sơ") }, context);
    }

    public void Cancel(DateTime atUtc, string actor, string reason, DeadlineContext context)
    {
        Ensure(DossierAction.Cancel, atUtc);
        Append(DossierEventType.Cancelled, actor, atUtc,
            new DossierEventData { Reason = RequiredText(reason, "Reason", "Lý do hủy hồ sơ") }, context);
    }

    /// <summary>
    /// The apology letter with a new appointment (Phiếu xin lỗi và hẹn lại). The law wants it at least one working
    /// day before the due date; a later one is still recorded, marked as not in time.
    /// </summary>
    public void IssueApology(DateTime atUtc, string actor, string reason, DateTime newAppointmentUtc, DeadlineContext context)
    {
        Ensure(DossierAction.IssueApology, atUtc);
        var currentPromise = NewAppointmentUtc ?? DueAtUtc;
        if (newAppointmentUtc <= currentPromise)
            throw new DomainException("dossier.apology.appointment-not-later",
                "Ngày hẹn mới phải sau ngày hẹn hiện tại.", "NewAppointment");
        var calendar = context.Calendar;
        var inTime = calendar.WorkingDaysBetween(VietnamTime.DateOf(atUtc), VietnamTime.DateOf(DueAtUtc)) >= 1;
        Append(DossierEventType.ApologyIssued, actor, atUtc, new DossierEventData
        {
            Reason = RequiredText(reason, "Reason", "Lý do chậm trả kết quả"),
            NewAppointmentUtc = newAppointmentUtc,
            ApologyInTime = inTime,
        }, context);
    }

    /// <summary>Records a level reached because time passed (the deadline scan). Does nothing when the level is unchanged.</summary>
    public bool ChangeAlertLevel(DateTime atUtc, AlertLevel level, string actor, DeadlineContext context)
    {
        if (level == AlertLevel || !Status.IsRunning()) return false;
        Append(DossierEventType.AlertChanged, actor, atUtc, new DossierEventData { FromLevel = AlertLevel, ToLevel = level }, context);
        return true;
    }

    /// <summary>Records the current step's level reached because time passed (the deadline scan); the step's counterpart of <see cref="ChangeAlertLevel"/>.</summary>
    public bool ChangeStepAlertLevel(DateTime atUtc, AlertLevel level, string actor, DeadlineContext context)
    {
        if (level == StepAlertLevel || !Status.IsRunning()) return false;
        Append(DossierEventType.AlertChanged, actor, atUtc, new DossierEventData { FromLevel = StepAlertLevel, ToLevel = level, Step = true }, context);
        return true;
    }

    /// <summary>The alert level the dossier should have at <paramref name="nowUtc"/> (its stored level while paused or finished).</summary>
    public AlertLevel LevelAt(DateTime nowUtc, DeadlineContext context) =>
        Status.IsRunning() ? Schedule(context).LevelAt(nowUtc) : AlertLevel;

    /// <summary>The current step's level at <paramref name="nowUtc"/> (stored while paused or finished; Normal without a step deadline of its own).</summary>
    public AlertLevel StepLevelAt(DateTime nowUtc, DeadlineContext context) =>
        !Status.IsRunning() ? StepAlertLevel
        : StepSchedule(context) is { } schedule ? schedule.LevelAt(nowUtc)
        : AlertLevel.Normal;

    /// <summary>
    /// True for an interconnected dossier at a step whose deadline is earlier than the dossier's. At the last step
    /// (or behind it, 0-day steps only) both are the same instant and the dossier's level says it all.
    /// </summary>
    public bool HasOwnStepDeadline => StepDueAtUtc is { } stepDue && stepDue < DueAtUtc;

    /// <summary>
    /// True while the applicant is past the supplement deadline (quá hạn bổ sung): waiting for a supplement after
    /// the end of <see cref="SupplementDeadline"/> (Vietnam time). The clock is paused, so this is not an alert
    /// level of the legal period but a state of its own.
    /// </summary>
    public bool IsSupplementOverdueAt(DateTime nowUtc) => IsSupplementOverdue(Status, SupplementDeadline, nowUtc);

    /// <summary>The same rule for a row read without the entity (lists, the board).</summary>
    public static bool IsSupplementOverdue(DossierStatus status, DateOnly? supplementDeadline, DateTime nowUtc) =>
        status == DossierStatus.AwaitingSupplement && supplementDeadline is { } deadline && deadline < VietnamTime.DateOf(nowUtc);

    /// <summary>
    /// Recomputes the schedule columns (due instants, next alert instant) under <paramref name="context"/> without
    /// an event; true when any changed. The scan uses it for a dossier it selected whose level is already right,
    /// e.g. after the thresholds changed, so that the same dossier is not selected again on every run.
    /// </summary>
    public bool RefreshSchedule(DeadlineContext context)
    {
        var before = Deadlines();
        ComputeDeadlines(context);
        return Deadlines() != before;
    }

    public DeadlineState Deadlines() => new(
        Status, CurrentStep, CurrentAgencyId, ClockStartUtc, CountingStartUtc, PausedWorkingMinutes, PausedSinceUtc,
        DueAtUtc, StepDueAtUtc, AlertLevel, StepAlertLevel, NextAlertAtUtc, SupplementRequested, SupplementDeadline, NewAppointmentUtc, FinishedAtUtc);

    /// <summary>
    /// The derived columns as the events say they should be under <paramref name="context"/> (the current calendar
    /// and thresholds), without changing this dossier.
    /// </summary>
    public static DeadlineState Replay(IEnumerable<DossierEvent> events, DeadlineContext context)
    {
        var replica = new Dossier();
        foreach (var e in events.OrderBy(e => e.Sequence))
            replica.Apply(e, context);
        return replica.Deadlines();
    }

    /// <summary>Resets the derived columns from the events (loaded in <see cref="Events"/>); true when anything changed.</summary>
    public bool RecomputeFromEvents(DeadlineContext context)
    {
        var before = Deadlines();
        var rebuilt = Replay(_events, context);
        if (rebuilt == before) return false;
        Status = rebuilt.Status;
        CurrentStep = rebuilt.CurrentStep;
        CurrentAgencyId = rebuilt.CurrentAgencyId;
        ClockStartUtc = rebuilt.ClockStartUtc;
        CountingStartUtc = rebuilt.CountingStartUtc;
        PausedWorkingMinutes = rebuilt.PausedWorkingMinutes;
        PausedSinceUtc = rebuilt.PausedSinceUtc;
        DueAtUtc = rebuilt.DueAtUtc;
        StepDueAtUtc = rebuilt.StepDueAtUtc;
        AlertLevel = rebuilt.AlertLevel;
        StepAlertLevel = rebuilt.StepAlertLevel;
        NextAlertAtUtc = rebuilt.NextAlertAtUtc;
        SupplementRequested = rebuilt.SupplementRequested;
        SupplementDeadline = rebuilt.SupplementDeadline;
        NewAppointmentUtc = rebuilt.NewAppointmentUtc;
        FinishedAtUtc = rebuilt.FinishedAtUtc;
        return true;
    }

    /// <summary>Why <paramref name="action"/> is refused now, or null when it is allowed.</summary>
    public DomainError? RefusalOf(DossierAction action)
    {
        if (!DossierTransitions.IsAllowed(action, Status))
            return new DomainError("dossier.transition.not-allowed",
                $"Không thể {DossierText.ActionName(action)} khi hồ sơ đang ở trạng thái “{DossierText.StatusName(Status)}”.", "Status");
        return action switch
        {
            DossierAction.TransferToNextStep when CurrentStep >= Terms.Steps.Count => new DomainError("dossier.transfer.last-step",
                $"Hồ sơ đang ở bước cuối ({CurrentStep}/{Terms.Steps.Count}); không còn bước nào để chuyển.", "CurrentStep"),
            DossierAction.RecordResult when CurrentStep < Terms.Steps.Count => new DomainError("dossier.result.steps-remaining",
                $"Hồ sơ mới ở bước {CurrentStep}/{Terms.Steps.Count}; chỉ bước cuối mới ghi nhận kết quả.", "CurrentStep"),
            DossierAction.RequestSupplement when SupplementRequested => new DomainError("dossier.supplement.once",
                "Hồ sơ đã được yêu cầu bổ sung một lần; chỉ được yêu cầu bổ sung một lần.", "Status"),
            _ => null,
        };
    }

    private void Ensure(DossierAction action, DateTime atUtc)
    {
        if (RefusalOf(action) is { } refusal) throw new DomainException(refusal);
        if (atUtc < LastChangedAtUtc)
            throw new DomainException("dossier.time.before-last-change",
                "Thời điểm thao tác sớm hơn thay đổi gần nhất của hồ sơ.", "At");
    }

    private void Append(DossierEventType type, string actor, DateTime atUtc, DossierEventData data, DeadlineContext context)
    {
        if (string.IsNullOrWhiteSpace(actor) || actor.Length > DossierEvent.ActorMaxLength)
            throw new DomainException("dossier.actor.required", "Thiếu người thực hiện thao tác.", "Actor");
        var e = new DossierEvent(LastEventSequence + 1, type, actor, atUtc, data);
        Apply(e, context);
        _events.Add(e);
        RowVersion++;
        if (type != DossierEventType.AlertChanged && Status.IsRunning())
            RecordLevelReachedBy(atUtc, actor, context);
    }

    /// <summary>A change of due date (resume, restart) can move the level either way; the move is recorded as an event.</summary>
    private void RecordLevelReachedBy(DateTime atUtc, string actor, DeadlineContext context)
    {
        var level = Schedule(context).LevelAt(atUtc);
        if (level != AlertLevel)
            Append(DossierEventType.AlertChanged, actor, atUtc, new DossierEventData { FromLevel = AlertLevel, ToLevel = level }, context);
        // A hand-over starts the next step at Normal; a step already approaching (or late) says so at once.
        var stepLevel = StepLevelAt(atUtc, context);
        if (stepLevel != StepAlertLevel)
            Append(DossierEventType.AlertChanged, actor, atUtc, new DossierEventData { FromLevel = StepAlertLevel, ToLevel = stepLevel, Step = true }, context);
    }

    /// <summary>The single place where an event changes the derived state, live and on replay.</summary>
    private void Apply(DossierEvent e, DeadlineContext context)
    {
        var data = e.Data;
        var calendar = context.Calendar;
        switch (e.Type)
        {
            case DossierEventType.Received:
                Terms = data.Terms ?? throw new InvalidOperationException("A Received event carries the processing terms.");
                Status = DossierStatus.Received;
                CurrentStep = 0;
                CurrentAgencyId = null;
                ClockStartUtc = e.AtUtc;
                PausedWorkingMinutes = 0;
                PausedSinceUtc = null;
                AlertLevel = AlertLevel.Normal;
                StepAlertLevel = AlertLevel.Normal;
                break;
            case DossierEventType.ProcessingStarted or DossierEventType.TransferredToNextStep:
                Status = DossierStatus.InProcess;
                CurrentStep = data.ToStep!.Value;
                CurrentAgencyId = data.ToAgencyId;
                // The step level belongs to the step: the next agency starts from Normal (then the level it is at).
                StepAlertLevel = AlertLevel.Normal;
                break;
            case DossierEventType.SupplementRequested:
                Status = DossierStatus.AwaitingSupplement;
                SupplementRequested = true;
                SupplementDeadline = data.SupplementDeadline;
                PausedSinceUtc = e.AtUtc;
                break;
            case DossierEventType.SupplementReceived when data.ClockMode == SupplementClockMode.Restart:
                Status = DossierStatus.InProcess;
                ClockStartUtc = e.AtUtc;
                PausedWorkingMinutes = 0;
                PausedSinceUtc = null;
                SupplementDeadline = null;
                break;
            case DossierEventType.SupplementReceived or DossierEventType.PaymentConfirmed:
                Status = DossierStatus.InProcess;
                PausedWorkingMinutes += calendar.WorkingMinutesBetween(PausedSinceUtc!.Value, e.AtUtc);
                PausedSinceUtc = null;
                SupplementDeadline = null;
                break;
            case DossierEventType.PaymentAwaited:
                Status = DossierStatus.AwaitingPayment;
                PausedSinceUtc = e.AtUtc;
                break;
            case DossierEventType.ResultRecorded:
                Status = DossierStatus.ResultReady;
                FinishedAtUtc = e.AtUtc;
                break;
            case DossierEventType.ResultReturned:
                Status = DossierStatus.Returned;
                break;
            case DossierEventType.Stopped:
                Status = DossierStatus.Stopped;
                FinishedAtUtc = e.AtUtc;
                PausedSinceUtc = null;
                break;
            case DossierEventType.Withdrawn:
                Status = DossierStatus.Withdrawn;
                FinishedAtUtc = e.AtUtc;
                PausedSinceUtc = null;
                break;
            case DossierEventType.Cancelled:
                Status = DossierStatus.Cancelled;
                FinishedAtUtc ??= e.AtUtc;
                PausedSinceUtc = null;
                break;
            case DossierEventType.ApologyIssued:
                NewAppointmentUtc = data.NewAppointmentUtc;
                break;
            case DossierEventType.AlertChanged when data.Step == true:
                StepAlertLevel = data.ToLevel!.Value;
                break;
            case DossierEventType.AlertChanged:
                AlertLevel = data.ToLevel!.Value;
                break;
            default:
                throw new InvalidOperationException($"Unknown dossier event type {e.Type}.");
        }
        LastEventSequence = e.Sequence;
        LastChangedBy = e.Actor;
        LastChangedAtUtc = e.AtUtc;
        ComputeDeadlines(context);
    }

    private void ComputeDeadlines(DeadlineContext context)
    {
        var calendar = context.Calendar;
        var period = DueDateCalculator.ComputeInstants(calendar, ClockStartUtc, Terms.Total);
        CountingStartUtc = period.CountingStartUtc;
        DueAtUtc = ShiftByPauses(calendar, period.DueUtc);
        StepDueAtUtc = Terms.Steps.Count > 1 && CurrentStep >= 1
            ? ShiftByPauses(calendar, DueDateCalculator.ComputeInstants(calendar, ClockStartUtc, ShareUpTo(CurrentStep)).DueUtc)
            : null;
        NextAlertAtUtc = Status.IsRunning() ? EarlierOf(Schedule(context).NextChangeAfter(AlertLevel), StepSchedule(context)?.NextChangeAfter(StepAlertLevel)) : null;
    }

    private static DateTime? EarlierOf(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a <= b ? a : b;

    private DateTime ShiftByPauses(WorkingCalendar calendar, DateTime dueUtc) =>
        PausedWorkingMinutes == 0 ? dueUtc : calendar.AddWorkingMinutes(dueUtc, PausedWorkingMinutes);

    /// <summary>Steps end one after the other: step k is due when the shares of steps 1..k have elapsed.</summary>
    private ProcessingTime ShareUpTo(int step) =>
        new(Terms.Steps.Take(step).Sum(s => s.Share.Amount), Terms.Total.Unit);

    private AlertSchedule Schedule(DeadlineContext context)
    {
        var calendar = context.Calendar;
        var allowed = calendar.WorkingMinutesBetween(CountingStartUtc, DueAtUtc) - PausedWorkingMinutes;
        return AlertSchedule.For(calendar, DueAtUtc, Math.Max(allowed, 0), Terms.AlertOverride ?? context.GlobalThresholds);
    }

    /// <summary>
    /// The current step's schedule, or null without a step deadline of its own. The step's allowed time is its
    /// share: from the previous step's deadline (the counting start for step 1) to its own, both before pauses,
    /// which move the two alike.
    /// </summary>
    private AlertSchedule? StepSchedule(DeadlineContext context)
    {
        if (!HasOwnStepDeadline) return null;
        var calendar = context.Calendar;
        var stepDue = DueDateCalculator.ComputeInstants(calendar, ClockStartUtc, ShareUpTo(CurrentStep)).DueUtc;
        var stepStart = CurrentStep <= 1
            ? CountingStartUtc
            : DueDateCalculator.ComputeInstants(calendar, ClockStartUtc, ShareUpTo(CurrentStep - 1)).DueUtc;
        var allowed = stepDue > stepStart ? calendar.WorkingMinutesBetween(stepStart, stepDue) : 0;
        return AlertSchedule.For(calendar, StepDueAtUtc!.Value, allowed, Terms.AlertOverride ?? context.GlobalThresholds);
    }

    private static string? Text(string? value, string field = "Note")
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        return trimmed.Length <= TextMaxLength
            ? trimmed
            : throw new DomainException("dossier.text.too-long", $"Nội dung dài quá {TextMaxLength} ký tự.", field);
    }

    private static string RequiredText(string? value, string field, string label) =>
        Text(value, field) ?? throw new DomainException("dossier.text.required", $"{label} không được để trống.", field);
}
