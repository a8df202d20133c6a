using PublicService.Domain.Calendar;

namespace PublicService.Domain.Dossiers;

/// <summary>
/// Early, on time or late, by date as the national service-quality index counts (Decision 766/QĐ-TTg): the day of
/// completion against the day due, so finishing at 16:00 on a day due at 17:00 or at 08:00 is the same.
/// </summary>
public enum Timeliness
{
    Early = 1,
    OnTime = 2,
    Late = 3,
}

public static class TimelinessRules
{
    public static Timeliness Of(DateTime doneUtc, DateTime dueUtc)
    {
        var done = VietnamTime.DateOf(doneUtc);
        var due = VietnamTime.DateOf(dueUtc);
        return done < due ? Timeliness.Early : done == due ? Timeliness.OnTime : Timeliness.Late;
    }

    public static string Vietnamese(this Timeliness timeliness) => timeliness switch
    {
        Timeliness.Early => "Trước hạn",
        Timeliness.OnTime => "Đúng hạn",
        Timeliness.Late => "Quá hạn",
        _ => timeliness.ToString(),
    };
}

/// <summary>
/// Who is on each side of a hand-over: an agency (by id), the one-stop desk of the receiving agency
/// (<see cref="IsDesk"/>), or the applicant (no agency).
/// </summary>
public sealed record HandOverParty(int? AgencyId, string? Person, bool IsDesk = false)
{
    public bool IsApplicant => AgencyId is null;
}

/// <summary>
/// One row of the process control sheet: the dossier handed from one side to the other at one instant (the
/// system records a transfer as given and taken at once), the due instant of the part the giving side finished
/// by handing it over, and whether it was finished early, on time or late against that.
/// </summary>
public sealed record ControlSheetRow(
    int Number,
    DossierEventType Type,
    HandOverParty From,
    HandOverParty To,
    DateTime HandedOverAtUtc,
    DateTime? ReceivedAtUtc,
    int? Step,
    DateTime? DueAtUtc,
    Timeliness? Result,
    string? Note);

/// <summary>
/// The process control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ, Mẫu 05), derived from a dossier's
/// history and nothing else, so that the printout always agrees with the events:
/// <list type="bullet">
/// <item>start of processing: the one-stop desk (receiving agency) hands over to step 1's agency; no due date
/// of its own, the desk's part is the receipt;</item>
/// <item>transfer k → k+1: step k's agency hands over; judged against step k's due instant as it stood then
/// (pauses included), or the dossier's due instant for a single-step procedure;</item>
/// <item>result recorded (or processing stopped): the last agency hands back to the desk; judged against the
/// dossier's due instant;</item>
/// <item>result returned: the desk hands the result to the applicant; not judged, the applicant chooses when to
/// come.</item>
/// </list>
/// The receiving person is whoever next acted on the dossier after the hand-over (the giving person is the one
/// who recorded it); a supplement request or payment wait during a step is noted on that step's row.
/// </summary>
public sealed class ProcessControlSheet
{
    private ProcessControlSheet(IReadOnlyList<ControlSheetRow> rows) => Rows = rows;

    public IReadOnlyList<ControlSheetRow> Rows { get; }

    /// <summary>The rows for <paramref name="dossier"/>'s loaded events, replayed under <paramref name="context"/>.</summary>
    public static ProcessControlSheet Of(Dossier dossier, DeadlineContext context) =>
        From(dossier.Events, dossier.ReceivingAgencyId, dossier.Applicant.Name, context);

    public static ProcessControlSheet From(IEnumerable<DossierEvent> history, int receivingAgencyId, string applicantName, DeadlineContext context)
    {
        var events = history.OrderBy(e => e.Sequence).ToList();
        var rows = new List<ControlSheetRow>();
        var pending = new List<string>();
        int? holder = null;
        // Replaying the prefix before each hand-over gives the due instants as they stood at that moment.
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var data = e.Data;
            switch (e.Type)
            {
                case DossierEventType.SupplementRequested:
                    pending.Add($"Yêu cầu bổ sung ngày {VietnamTime.ToLocal(e.AtUtc):dd/MM/yyyy}");
                    continue;
                case DossierEventType.SupplementReceived:
                    pending.Add($"nhận bổ sung ngày {VietnamTime.ToLocal(e.AtUtc):dd/MM/yyyy}");
                    continue;
                case DossierEventType.PaymentAwaited:
                    pending.Add($"chờ nghĩa vụ tài chính từ ngày {VietnamTime.ToLocal(e.AtUtc):dd/MM/yyyy}");
                    continue;
                case DossierEventType.ProcessingStarted or DossierEventType.TransferredToNextStep
                    or DossierEventType.ResultRecorded or DossierEventType.Stopped or DossierEventType.ResultReturned:
                    break;
                default:
                    continue;
            }

            var before = i == 0 ? null : Dossier.Replay(events.Take(i), context);
            var step = before?.CurrentStep is > 0 ? before.CurrentStep : (int?)null;
            int? fromAgency;
            var fromDesk = false;
            HandOverParty to;
            DateTime? due;
            switch (e.Type)
            {
                case DossierEventType.ProcessingStarted:
                    fromAgency = receivingAgencyId;
                    fromDesk = true;
                    to = new HandOverParty(data.ToAgencyId, NextActor(events, i));
                    due = null;
                    step = null;
                    break;
                case DossierEventType.TransferredToNextStep:
                    fromAgency = holder;
                    to = new HandOverParty(data.ToAgencyId, NextActor(events, i));
                    due = before!.StepDueAtUtc ?? before.DueAtUtc;
                    break;
                case DossierEventType.ResultReturned:
                    fromAgency = receivingAgencyId;
                    fromDesk = true;
                    to = new HandOverParty(null, applicantName);
                    due = null;
                    step = null;
                    break;
                default: // result recorded or stopped: back to the one-stop desk
                    fromAgency = holder ?? receivingAgencyId;
                    to = new HandOverParty(receivingAgencyId, NextActor(events, i), IsDesk: true);
                    due = before!.DueAtUtc;
                    break;
            }

            var notes = new List<string>(pending);
            pending.Clear();
            if (e.Type == DossierEventType.Stopped) notes.Add($"Dừng xử lý: {data.Reason}");
            else if (data.Note is { } note) notes.Add(note);
            rows.Add(new ControlSheetRow(
                rows.Count + 1,
                e.Type,
                new HandOverParty(fromAgency, e.Actor, fromDesk),
                to,
                e.AtUtc,
                e.AtUtc,
                step,
                due,
                due is { } d ? TimelinessRules.Of(e.AtUtc, d) : null,
                notes.Count == 0 ? null : string.Join("; ", notes)));
            if (e.Type is DossierEventType.ProcessingStarted or DossierEventType.TransferredToNextStep) holder = data.ToAgencyId;
        }
        return new ProcessControlSheet(rows);
    }

    /// <summary>The person who next acted on the dossier after event <paramref name="index"/>: the one who took it over.</summary>
    private static string? NextActor(List<DossierEvent> events, int index) =>
        events.Skip(index + 1).FirstOrDefault(e => e.Type != DossierEventType.AlertChanged)?.Actor;
}
