using PublicService.Domain.Dossiers;
using static PublicService.Tests.Support.TestCalendar;

namespace PublicService.Tests.Domain.Dossiers;

/// <summary>
/// The control sheet rows from hand-built histories. Interconnected(2, 3): step 1 at agency 10 (also the receiving
/// agency, i.e. the one-stop desk), step 2 at agency 11. Received Mon 02/03/2026 08:00: step 1 due Wed 04/03 17:00,
/// the dossier due Mon 09/03 17:00.
/// </summary>
public sealed class ProcessControlSheetTests
{
    private static Dossier TwoAgencies() => Receive(Interconnected(2, 3), Vn(2026, 3, 2, 8));

    [Fact]
    public void InterconnectedDossier_LateFirstStep_EarlyResult_OneRowPerHandOver()
    {
        var dossier = TwoAgencies();
        dossier.StartProcessing(Vn(2026, 3, 2, 9), "tiepnhan", null, Context);
        dossier.TransferToNextStep(Vn(2026, 3, 5, 10), "xuly.a", "Chuyển Sở Xây dựng", Context);
        dossier.RecordResult(Vn(2026, 3, 6, 16), "xuly.b", null, Context);
        dossier.ReturnResult(Vn(2026, 3, 9, 8), "tiepnhan", null, Context);

        var rows = ProcessControlSheet.Of(dossier, Context).Rows;

        Assert.Equal(4, rows.Count);
        // 1: the desk hands over to step 1's agency; whoever acted next there took it.
        Assert.Equal(new HandOverParty(10, "tiepnhan", IsDesk: true), rows[0].From);
        Assert.Equal(new HandOverParty(10, "xuly.a"), rows[0].To);
        Assert.Null(rows[0].DueAtUtc);
        Assert.Null(rows[0].Result);
        // 2: step 1 (due Wed 04/03 17:00) handed over on Thursday: late.
        Assert.Equal(new HandOverParty(10, "xuly.a"), rows[1].From);
        Assert.Equal(new HandOverParty(11, "xuly.b"), rows[1].To);
        Assert.Equal(Vn(2026, 3, 5, 10), rows[1].HandedOverAtUtc);
        Assert.Equal(Vn(2026, 3, 4, 17), rows[1].DueAtUtc);
        Assert.Equal(1, rows[1].Step);
        Assert.Equal(Timeliness.Late, rows[1].Result);
        Assert.Equal("Chuyển Sở Xây dựng", rows[1].Note);
        // 3: the result back to the desk on Friday, due Monday 09/03: early.
        Assert.Equal(new HandOverParty(11, "xuly.b"), rows[2].From);
        Assert.Equal(new HandOverParty(10, "tiepnhan", IsDesk: true), rows[2].To);
        Assert.Equal(Vn(2026, 3, 9, 17), rows[2].DueAtUtc);
        Assert.Equal(Timeliness.Early, rows[2].Result);
        // 4: the desk gives the result to the applicant; not judged.
        Assert.True(rows[3].To.IsApplicant);
        Assert.Equal("Nguyễn Văn An", rows[3].To.Person);
        Assert.Null(rows[3].Result);
        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Number));
    }

    [Theory]
    [InlineData(4, 8, Timeliness.OnTime)]   // the due day, before closing
    [InlineData(4, 18, Timeliness.OnTime)]  // the due day after 17:00: by date it is still on time
    [InlineData(3, 16, Timeliness.Early)]
    [InlineData(5, 7, Timeliness.Late)]
    public void FirstStep_ComparedByDateWithItsDueDay(int day, int hour, Timeliness expected)
    {
        var dossier = TwoAgencies();
        dossier.StartProcessing(Vn(2026, 3, 2, 9), "tiepnhan", null, Context);
        dossier.TransferToNextStep(Vn(2026, 3, day, hour), "xuly.a", null, Context);

        var row = ProcessControlSheet.Of(dossier, Context).Rows[1];

        Assert.Equal(Vn(2026, 3, 4, 17), row.DueAtUtc);
        Assert.Equal(expected, row.Result);
    }

    [Fact]
    public void SupplementDuringAStep_MovesThatStepsDueAndIsNotedOnItsRow()
    {
        var dossier = TwoAgencies();
        dossier.StartProcessing(Vn(2026, 3, 2, 9), "tiepnhan", null, Context);
        dossier.RequestSupplement(Vn(2026, 3, 3, 9), "xuly.a", "Thiếu bản sao", new DateOnly(2026, 3, 20), [], Context);
        dossier.ReceiveSupplement(Vn(2026, 3, 5, 9), "tiepnhan", null, Context);
        // Two working days paused: step 1 is now due Fri 06/03 17:00, so a Friday hand-over is on time, not late.
        dossier.TransferToNextStep(Vn(2026, 3, 6, 10), "xuly.a", null, Context);

        var rows = ProcessControlSheet.Of(dossier, Context).Rows;

        Assert.Equal(2, rows.Count);
        Assert.Equal(Vn(2026, 3, 6, 17), rows[1].DueAtUtc);
        Assert.Equal(Timeliness.OnTime, rows[1].Result);
        Assert.Equal("Yêu cầu bổ sung ngày 03/03/2026; nhận bổ sung ngày 05/03/2026", rows[1].Note);
        // The person who took the dossier at step 1 is the one who next acted on it.
        Assert.Equal("xuly.a", rows[0].To.Person);
    }

    [Fact]
    public void OneStopDossier_StoppedLate_RowBackToTheDeskWithTheReason()
    {
        var dossier = Receive(OneStop(1), Vn(2026, 3, 2, 8));
        dossier.StartProcessing(Vn(2026, 3, 2, 9), "tiepnhan", null, Context);
        dossier.Stop(Vn(2026, 3, 4, 9), "xuly", "Không đủ điều kiện", Context);

        var rows = ProcessControlSheet.Of(dossier, Context).Rows;

        Assert.Equal(2, rows.Count);
        Assert.Equal(Vn(2026, 3, 3, 17), rows[1].DueAtUtc);
        Assert.Equal(Timeliness.Late, rows[1].Result);
        Assert.True(rows[1].To.IsDesk);
        Assert.Equal("Dừng xử lý: Không đủ điều kiện", rows[1].Note);
    }

    [Fact]
    public void JustReceived_HasNoRows()
    {
        Assert.Empty(ProcessControlSheet.Of(TwoAgencies(), Context).Rows);
    }
}
