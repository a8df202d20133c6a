using PublicService.Domain;
using PublicService.Domain.Dossiers;
using PublicService.Tests.Support;
using static PublicService.Tests.Support.TestCalendar;

namespace PublicService.Tests.Domain.Dossiers;

/// <summary>Every action from every status: allowed ones reach the table's target, refused ones change nothing.</summary>
public sealed class DossierTransitionTests
{
    private static readonly DateTime Received = Vn(2026, 3, 2, 8);

    public static TheoryData<DossierAction, DossierStatus> EveryActionFromEveryStatus()
    {
        var data = new TheoryData<DossierAction, DossierStatus>();
        foreach (var action in Enum.GetValues<DossierAction>())
            foreach (var status in Enum.GetValues<DossierStatus>())
                data.Add(action, status);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryActionFromEveryStatus))]
    public void Act_FromStatus_FollowsTheTransitionTable(DossierAction action, DossierStatus from)
    {
        var dossier = DossierIn(from);
        var before = dossier.Deadlines();
        var eventsBefore = dossier.Events.Count;

        // A one-stop dossier has one step: moving on to a next step is the one allowed status that a guard refuses.
        var guarded = action == DossierAction.TransferToNextStep && from == DossierStatus.InProcess;
        if (DossierTransitions.IsAllowed(action, from) && !guarded)
        {
            Act(dossier, action);
            Assert.Equal(DossierTransitions.Target(action, from), dossier.Status);
            Assert.True(dossier.Events.Count > eventsBefore);
        }
        else
        {
            var refusal = Assert.Throws<DomainException>(() => Act(dossier, action));
            Assert.Equal(guarded ? "dossier.transfer.last-step" : "dossier.transition.not-allowed", refusal.Error.Code);
            Assert.Equal(before, dossier.Deadlines());
            Assert.Equal(eventsBefore, dossier.Events.Count);
        }
    }

    [Theory]
    [MemberData(nameof(EveryActionFromEveryStatus))]
    public void AllowedActions_FromStatus_OffersExactlyWhatSucceeds(DossierAction action, DossierStatus from)
    {
        var offered = DossierIn(from).AllowedActions().Contains(action);

        var succeeded = true;
        try { Act(DossierIn(from), action); }
        catch (DomainException) { succeeded = false; }

        Assert.Equal(succeeded, offered);
    }

    [Fact]
    public void TransferToNextStep_AtLastStep_IsRefusedWithTheStepNumbers()
    {
        var dossier = Receive(Interconnected(3, 2), Received);
        dossier.StartProcessing(Received.AddHours(1), "xuly", null, Context);
        dossier.TransferToNextStep(Received.AddHours(2), "xuly", null, Context);

        var refusal = Assert.Throws<DomainException>(() => dossier.TransferToNextStep(Received.AddHours(3), "xuly", null, Context));

        Assert.Equal("dossier.transfer.last-step", refusal.Error.Code);
        Assert.Contains("2/2", refusal.Message);
        Assert.Equal(2, dossier.CurrentStep);
    }

    [Fact]
    public void RecordResult_BeforeLastStep_IsRefused()
    {
        var dossier = Receive(Interconnected(3, 2, 0), Received);
        dossier.StartProcessing(Received.AddHours(1), "xuly", null, Context);

        var refusal = Assert.Throws<DomainException>(() => dossier.RecordResult(Received.AddHours(2), "xuly", null, Context));

        Assert.Equal("dossier.result.steps-remaining", refusal.Error.Code);
        Assert.Equal(DossierStatus.InProcess, dossier.Status);
    }

    [Fact]
    public void RequestSupplement_Twice_IsRefusedTheSecondTime()
    {
        var dossier = Receive(OneStop(5), Received);
        dossier.StartProcessing(Received.AddHours(1), "xuly", null, Context);
        dossier.RequestSupplement(Received.AddHours(2), "xuly", "Thiếu bản sao", DateOnly.FromDateTime(Received).AddDays(10), [], Context);
        dossier.ReceiveSupplement(Received.AddHours(3), "tiepnhan", null, Context);

        var refusal = Assert.Throws<DomainException>(() =>
            dossier.RequestSupplement(Received.AddHours(4), "xuly", "Lại thiếu", DateOnly.FromDateTime(Received).AddDays(10), [], Context));

        Assert.Equal("dossier.supplement.once", refusal.Error.Code);
    }

    [Fact]
    public void Stop_WithoutReason_IsRefusedNamingTheField()
    {
        var dossier = DossierIn(DossierStatus.InProcess);

        var refusal = Assert.Throws<DomainException>(() => dossier.Stop(Received.AddHours(5), "xuly", "  ", Context));

        Assert.Equal("Reason", refusal.Error.Field);
        Assert.Equal(DossierStatus.InProcess, dossier.Status);
    }

    [Fact]
    public void Stop_ReasonTooLong_IsRefusedNamingTheReasonField()
    {
        var dossier = DossierIn(DossierStatus.InProcess);

        var refusal = Assert.Throws<DomainException>(() => dossier.Stop(Received.AddHours(5), "xuly", new string('x', Dossier.TextMaxLength + 1), Context));

        Assert.Equal(("dossier.text.too-long", "Reason"), (refusal.Error.Code, refusal.Error.Field));
        Assert.Equal(DossierStatus.InProcess, dossier.Status);
    }

    [Theory]
    [InlineData(DossierStatus.Received, 2)]
    [InlineData(DossierStatus.InProcess, 4)]
    [InlineData(DossierStatus.AwaitingSupplement, 5)]
    [InlineData(DossierStatus.AwaitingPayment, 6)]
    [InlineData(DossierStatus.Withdrawn, 7)]
    [InlineData(DossierStatus.Stopped, 8)]
    [InlineData(DossierStatus.ResultReady, 9)]
    [InlineData(DossierStatus.Returned, 10)]
    [InlineData(DossierStatus.Cancelled, null)]
    public void NationalPortalCode_EachStatus_MapsToThePortalsCode(DossierStatus status, int? code) =>
        Assert.Equal(code, status.NationalPortalCode());

    /// <summary>A one-stop dossier driven into <paramref name="status"/> through the verbs.</summary>
    internal static Dossier DossierIn(DossierStatus status)
    {
        var dossier = Receive(OneStop(5), Received);
        var at = Received.AddHours(1);
        switch (status)
        {
            case DossierStatus.Received:
                break;
            case DossierStatus.Withdrawn:
                dossier.Withdraw(at, "tiepnhan", "Công dân rút", Context);
                break;
            case DossierStatus.Cancelled:
                dossier.Cancel(at, "quantri", "Nhập nhầm", Context);
                break;
            default:
                dossier.StartProcessing(at, "tiepnhan", null, Context);
                Continue(dossier, status, at.AddHours(1));
                break;
        }
        Assert.Equal(status, dossier.Status);
        return dossier;
    }

    private static void Continue(Dossier dossier, DossierStatus status, DateTime at)
    {
        switch (status)
        {
            case DossierStatus.AwaitingSupplement:
                dossier.RequestSupplement(at, "xuly", "Thiếu giấy tờ", DateOnly.FromDateTime(at).AddDays(10), ["Sổ hộ khẩu"], Context);
                break;
            case DossierStatus.AwaitingPayment:
                dossier.AwaitPayment(at, "xuly", "Lệ phí trước bạ", Context);
                break;
            case DossierStatus.ResultReady:
                dossier.RecordResult(at, "xuly", null, Context);
                break;
            case DossierStatus.Returned:
                dossier.RecordResult(at, "xuly", null, Context);
                dossier.ReturnResult(at.AddHours(1), "tiepnhan", null, Context);
                break;
            case DossierStatus.Stopped:
                dossier.Stop(at, "xuly", "Không đủ điều kiện", Context);
                break;
        }
    }

    private static void Act(Dossier dossier, DossierAction action) => DossierActions.Act(dossier, action, Received.AddHours(6));
}
