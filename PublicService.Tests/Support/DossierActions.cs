using PublicService.Domain.Calendar;
using PublicService.Domain.Dossiers;
using static PublicService.Tests.Support.TestCalendar;

namespace PublicService.Tests.Support;

/// <summary>Takes any action on a dossier with lawful arguments, so tests can enumerate actions.</summary>
public static class DossierActions
{
    public static void Act(Dossier dossier, DossierAction action, DateTime at)
    {
        var supplementDeadline = VietnamTime.DateOf(at).AddDays(10);
        switch (action)
        {
            case DossierAction.StartProcessing: dossier.StartProcessing(at, "tiepnhan", "Chuyển", Context); break;
            case DossierAction.TransferToNextStep: dossier.TransferToNextStep(at, "xuly", "Chuyển bước", Context); break;
            case DossierAction.RequestSupplement: dossier.RequestSupplement(at, "xuly", "Thiếu giấy tờ", supplementDeadline, ["Bản sao"], Context); break;
            case DossierAction.ReceiveSupplement: dossier.ReceiveSupplement(at, "tiepnhan", null, Context); break;
            case DossierAction.AwaitPayment: dossier.AwaitPayment(at, "xuly", "Lệ phí", Context); break;
            case DossierAction.ConfirmPayment: dossier.ConfirmPayment(at, "xuly", null, Context); break;
            case DossierAction.RecordResult: dossier.RecordResult(at, "xuly", null, Context); break;
            case DossierAction.ReturnResult: dossier.ReturnResult(at, "tiepnhan", null, Context); break;
            case DossierAction.Stop: dossier.Stop(at, "xuly", "Không đủ điều kiện", Context); break;
            case DossierAction.Withdraw: dossier.Withdraw(at, "tiepnhan", "Công dân rút", Context); break;
            case DossierAction.IssueApology: dossier.IssueApology(at, "xuly", "Cần xác minh", (dossier.NewAppointmentUtc ?? dossier.DueAtUtc).AddDays(2), Context); break;
            case DossierAction.Cancel: dossier.Cancel(at, "quantri", "Nhập nhầm", Context); break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
