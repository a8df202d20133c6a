using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PublicService.Domain.Calendar;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;
using PublicService.Domain.Settings;
using PublicService.Domain.Staff;

namespace PublicService.Domain.Dossiers;

/// <summary>
/// Runs one dossier verb as one short unit of work: load, check the caller saw the latest version, act, save.
/// A stale caller is refused with who changed the dossier and when; the database's concurrency token catches
/// the race where two saves cross. Obtained from DI the workflow acts for the system; <see cref="For"/> gives one
/// that acts for a member of staff and refuses dossiers outside their agencies and actions their roles do not give
/// (<see cref="DossierActionRoles"/>). Every log line carries the dossier code (<c>DossierCode</c>, in a scope and
/// in the message), so an operator can follow one dossier through the logs.
/// </summary>
public sealed class DossierWorkflow(
    IDbContextFactory<PublicServiceDbContext> dbFactory,
    WorkingCalendarProvider calendars,
    TimeProvider time,
    ILogger<DossierWorkflow>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<DossierWorkflow>.Instance;
    private StaffScope? _scope;

    /// <summary>The scope this workflow acts in; null for the system (verbs, jobs, demo data).</summary>
    public StaffScope? Scope => _scope;

    /// <summary>
    /// The same verbs acting for <paramref name="scope"/>: each refuses with a <see cref="DomainException"/> a dossier
    /// neither received by nor currently at one of the actor's agencies (<c>dossier.scope.outside</c>), and an
    /// action the actor's roles do not give (<c>dossier.role.not-allowed</c>).
    /// </summary>
    public DossierWorkflow For(StaffScope scope) => new(dbFactory, calendars, time, logger) { _scope = scope };

    public Task<Dossier> StartProcessingAsync(long dossierId, int seenRowVersion, string actor, string? note, CancellationToken ct = default) =>
        ActAsync(DossierAction.StartProcessing, dossierId, seenRowVersion, actor, (d, at, c) => d.StartProcessing(at, actor, note, c), ct);

    public Task<Dossier> TransferToNextStepAsync(long dossierId, int seenRowVersion, string actor, string? note, CancellationToken ct = default) =>
        ActAsync(DossierAction.TransferToNextStep, dossierId, seenRowVersion, actor, (d, at, c) => d.TransferToNextStep(at, actor, note, c), ct);

    public Task<Dossier> RequestSupplementAsync(long dossierId, int seenRowVersion, string actor, string reason, DateOnly deadline, IReadOnlyList<string> missingDocuments, CancellationToken ct = default) =>
        ActAsync(DossierAction.RequestSupplement, dossierId, seenRowVersion, actor, (d, at, c) => d.RequestSupplement(at, actor, reason, deadline, missingDocuments, c), ct);

    public Task<Dossier> ReceiveSupplementAsync(long dossierId, int seenRowVersion, string actor, string? note, CancellationToken ct = default) =>
        ActAsync(DossierAction.ReceiveSupplement, dossierId, seenRowVersion, actor, (d, at, c) => d.ReceiveSupplement(at, actor, note, c), ct);

    public Task<Dossier> AwaitPaymentAsync(long dossierId, int seenRowVersion, string actor, string reason, CancellationToken ct = default) =>
        ActAsync(DossierAction.AwaitPayment, dossierId, seenRowVersion, actor, (d, at, c) => d.AwaitPayment(at, actor, reason, c), ct);

    public Task<Dossier> ConfirmPaymentAsync(long dossierId, int seenRowVersion, string actor, string? note, CancellationToken ct = default) =>
        ActAsync(DossierAction.ConfirmPayment, dossierId, seenRowVersion, actor, (d, at, c) => d.ConfirmPayment(at, actor, note, c), ct);

    public Task<Dossier> RecordResultAsync(long dossierId, int seenRowVersion, string actor, string? note, CancellationToken ct = default) =>
        ActAsync(DossierAction.RecordResult, dossierId, seenRowVersion, actor, (d, at, c) => d.RecordResult(at, actor, note, c), ct);

    public Task<Dossier> ReturnResultAsync(long dossierId, int seenRowVersion, string actor, string? note, CancellationToken ct = default) =>
        ActAsync(DossierAction.ReturnResult, dossierId, seenRowVersion, actor, (d, at, c) => d.ReturnResult(at, actor, note, c), ct);

    public Task<Dossier> StopAsync(long dossierId, int seenRowVersion, string actor, string reason, CancellationToken ct = default) =>
        ActAsync(DossierAction.Stop, dossierId, seenRowVersion, actor, (d, at, c) => d.Stop(at, actor, reason, c), ct);

    public Task<Dossier> WithdrawAsync(long dossierId, int seenRowVersion, string actor, string reason, CancellationToken ct = default) =>
        ActAsync(DossierAction.Withdraw, dossierId, seenRowVersion, actor, (d, at, c) => d.Withdraw(at, actor, reason, c), ct);

    /// <summary>Cancels a dossier entered in error; acting for a member of staff, only an administrator may.</summary>
    public Task<Dossier> CancelAsync(long dossierId, int seenRowVersion, string actor, string reason, CancellationToken ct = default) =>
        ActAsync(DossierAction.Cancel, dossierId, seenRowVersion, actor, (d, at, c) => d.Cancel(at, actor, reason, c), ct);

    public Task<Dossier> IssueApologyAsync(long dossierId, int seenRowVersion, string actor, string reason, DateTime newAppointmentUtc, CancellationToken ct = default) =>
        ActAsync(DossierAction.IssueApology, dossierId, seenRowVersion, actor, (d, at, c) => d.IssueApology(at, actor, reason, newAppointmentUtc, c), ct);

    private async Task<Dossier> ActAsync(
        DossierAction action, long dossierId, int seenRowVersion, string actor, Action<Dossier, DateTime, DeadlineContext> act, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var context = await db.LoadDeadlineContextAsync(calendars, ct);
        var dossier = await LoadWithEventsAsync(db, dossierId, ct);
        // Everything logged from here on, ours and EF Core's, carries the code as a structured property.
        using var logScope = _logger.BeginScope("DossierCode:{DossierCode}", dossier.Code);
        var from = dossier.Status;
        try
        {
            if (_scope is { } scope)
            {
                // Scope before anything else: someone outside the agency learns nothing about the dossier.
                scope.EnsureCovers(dossier);
                DossierActionRoles.EnsureMayTake(scope, action, dossier);
            }
            if (!StillAsSeen(dossier, seenRowVersion)) throw Stale(dossier);
            act(dossier, time.GetUtcNow().UtcDateTime, context);
        }
        catch (DomainException e)
        {
            Log.Refused(_logger, dossier.Code, action, actor, e.Error.Code, e.Message);
            throw;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves crossed: the loser fails on the concurrency token, or first on the event sequence
            // number the winner already took. Either way the dossier moved on under us.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var current = await LoadWithEventsAsync(fresh, dossierId, ct);
            if (!StillAsSeen(current, seenRowVersion))
            {
                Log.Refused(_logger, dossier.Code, action, actor, "dossier.concurrency.stale", "saves crossed");
                throw Stale(current);
            }
            throw;
        }
        Log.Acted(_logger, dossier.Code, action, actor, from, dossier.Status);
        return dossier;
    }

    /// <summary>
    /// True when nobody acted on the dossier since the caller saw version <paramref name="seenRowVersion"/>. Every
    /// event bumps the version by one, so the events after it are those numbered above it; alert levels the
    /// deadline scan recorded meanwhile are time passing, not a competing edit, and do not make the caller stale.
    /// </summary>
    private static bool StillAsSeen(Dossier dossier, int seenRowVersion) =>
        dossier.RowVersion == seenRowVersion
        || (seenRowVersion < dossier.RowVersion
            && dossier.Events.Where(e => e.Sequence > seenRowVersion).All(e => e.Type == DossierEventType.AlertChanged && e.Actor == DeadlineScanner.Actor));

    private static async Task<Dossier> LoadWithEventsAsync(PublicServiceDbContext db, long dossierId, CancellationToken ct) =>
        await db.Dossiers.Include(d => d.Events).AsSplitQuery().SingleOrDefaultAsync(d => d.Id == dossierId, ct)
        ?? throw new DomainException("dossier.not-found", "Không tìm thấy hồ sơ.", "DossierId");

    private static DomainException Stale(Dossier current) => new(
        "dossier.concurrency.stale",
        $"Hồ sơ {current.Code} vừa được {current.LastChangedBy} cập nhật lúc {VietnamTime.ToLocal(current.LastChangedAtUtc):HH:mm dd/MM/yyyy}; " +
        "thao tác của bạn chưa được thực hiện. Vui lòng xem trạng thái mới rồi thao tác lại.",
        "RowVersion");

    /// <summary>The workflow's log lines, defined once (no formatting cost when the level is off).</summary>
    private static class Log
    {
        private static readonly Action<ILogger, string, DossierAction, string, DossierStatus, DossierStatus, Exception?> ActedLine =
            LoggerMessage.Define<string, DossierAction, string, DossierStatus, DossierStatus>(LogLevel.Information, new EventId(1, "DossierActed"),
                "Dossier {DossierCode}: {Action} by {Actor}, {FromStatus} -> {ToStatus}");

        private static readonly Action<ILogger, string, DossierAction, string, string, string, Exception?> RefusedLine =
            LoggerMessage.Define<string, DossierAction, string, string, string>(LogLevel.Information, new EventId(2, "DossierActionRefused"),
                "Dossier {DossierCode}: {Action} by {Actor} refused ({RefusalCode}): {Reason}");

        public static void Acted(ILogger logger, string dossierCode, DossierAction action, string actor, DossierStatus from, DossierStatus to) =>
            ActedLine(logger, dossierCode, action, actor, from, to, null);

        public static void Refused(ILogger logger, string dossierCode, DossierAction action, string actor, string refusalCode, string reason) =>
            RefusedLine(logger, dossierCode, action, actor, refusalCode, reason, null);
    }
}
