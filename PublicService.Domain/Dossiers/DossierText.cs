namespace PublicService.Domain.Dossiers;

/// <summary>Vietnamese names of statuses and actions, for the domain's own refusal messages.</summary>
public static class DossierText
{
    public static string StatusName(DossierStatus status) => status switch
    {
        DossierStatus.Received => "Đã tiếp nhận",
        DossierStatus.InProcess => "Đang xử lý",
        DossierStatus.AwaitingSupplement => "Chờ bổ sung",
        DossierStatus.AwaitingPayment => "Chờ thực hiện nghĩa vụ tài chính",
        DossierStatus.ResultReady => "Đã có kết quả",
        DossierStatus.Returned => "Đã trả kết quả",
        DossierStatus.Stopped => "Dừng xử lý",
        DossierStatus.Withdrawn => "Đã rút",
        DossierStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };

    public static string ActionName(DossierAction action) => action switch
    {
        DossierAction.StartProcessing => "chuyển hồ sơ cho cơ quan xử lý",
        DossierAction.TransferToNextStep => "chuyển bước tiếp theo",
        DossierAction.RequestSupplement => "yêu cầu bổ sung hồ sơ",
        DossierAction.ReceiveSupplement => "nhận hồ sơ bổ sung",
        DossierAction.AwaitPayment => "chờ thực hiện nghĩa vụ tài chính",
        DossierAction.ConfirmPayment => "xác nhận đã thực hiện nghĩa vụ tài chính",
        DossierAction.RecordResult => "ghi nhận kết quả",
        DossierAction.ReturnResult => "trả kết quả",
        DossierAction.Stop => "dừng xử lý",
        DossierAction.Withdraw => "rút hồ sơ",
        DossierAction.IssueApology => "gửi phiếu xin lỗi và hẹn lại",
        DossierAction.Cancel => "hủy hồ sơ",
        _ => action.ToString(),
    };
}
