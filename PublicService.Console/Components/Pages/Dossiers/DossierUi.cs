using System.Globalization;
using Microsoft.Extensions.Localization;
using PublicService.Console.Resources;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Staff;
using QRCoder;

namespace PublicService.Console.Components.Pages.Dossiers;

/// <summary>What the dossier pages share: which buttons show (from the Domain's rules), and how actions, events and time are worded.</summary>
public static class DossierUi
{
    /// <summary>The actions the roles of <paramref name="scope"/> give, whatever the dossier's status: the Domain's table.</summary>
    public static IReadOnlySet<DossierAction> ActionsOfRoles(StaffScope scope) => DossierActionRoles.ActionsOf(scope);

    /// <summary>
    /// The buttons the dossier page shows: what the status allows, what the role gives, and nothing at all outside
    /// the person's agencies (the workflow would refuse them anyway).
    /// </summary>
    public static IReadOnlyList<DossierAction> ActionsFor(Dossier dossier, StaffScope scope)
    {
        if (!scope.Covers(dossier)) return [];
        var ofRoles = ActionsOfRoles(scope);
        return [.. dossier.AllowedActions().Where(ofRoles.Contains).OrderBy(a => (int)a)];
    }

    /// <summary>True for the actions whose reason the law requires in writing.</summary>
    public static bool NeedsReason(DossierAction action) => action is DossierAction.RequestSupplement or DossierAction.AwaitPayment
        or DossierAction.Stop or DossierAction.Withdraw or DossierAction.Cancel or DossierAction.IssueApology;

    public static string ActionName(this IStringLocalizer<DossierUiText> text, DossierAction action) => text[$"Action_{action}"];

    public static string EventName(this IStringLocalizer<DossierUiText> text, DossierEventType type) => text[$"Event_{type}"];

    public static string KindName(this IStringLocalizer<DossierUiText> text, ApplicantKind kind) => text[$"ApplicantKind_{kind}"];

    /// <summary>What the action does to the due date, said before it is taken.</summary>
    public static string ClockEffect(this IStringLocalizer<DossierUiText> text, DossierAction action, SupplementClockMode mode) => action switch
    {
        DossierAction.RequestSupplement => text[$"Clock_RequestSupplement_{mode}"],
        DossierAction.ReceiveSupplement => text[$"Clock_ReceiveSupplement_{mode}"],
        DossierAction.AwaitPayment => text["Clock_AwaitPayment"],
        DossierAction.ConfirmPayment => text["Clock_ConfirmPayment"],
        DossierAction.IssueApology => text["Clock_IssueApology"],
        DossierAction.RecordResult or DossierAction.Stop or DossierAction.Withdraw or DossierAction.Cancel => text["Clock_Ends"],
        DossierAction.ReturnResult => text["Clock_Returned"],
        _ => text["Clock_Unchanged"],
    };

    /// <summary>
    /// "còn 2 ngày làm việc", "còn 3 giờ làm việc", "quá hạn 3 giờ": the working time between now and the due
    /// instant, in days when a day or more (one working day = the calendar's working minutes per day), else hours.
    /// </summary>
    public static string RemainingText(this IStringLocalizer<DossierUiText> text, WorkingCalendar calendar, DateTime nowUtc, DateTime dueUtc)
    {
        var overdue = dueUtc < nowUtc;
        var minutes = overdue ? calendar.WorkingMinutesBetween(dueUtc, nowUtc) : calendar.WorkingMinutesBetween(nowUtc, dueUtc);
        var perDay = Math.Max(calendar.MinutesPerWorkingDay, 1);
        string amount;
        if (minutes >= perDay)
            amount = text["Remaining_Days", (minutes / perDay).ToString(CultureInfo.CurrentCulture)];
        else if (minutes >= 60)
            amount = text["Remaining_Hours", (minutes / 60).ToString(CultureInfo.CurrentCulture)];
        else
            amount = text["Remaining_Minutes", minutes.ToString(CultureInfo.CurrentCulture)];
        return overdue ? text["Remaining_Overdue", amount] : text["Remaining_Left", amount];
    }

    /// <summary>The receipt's "… giờ … phút, ngày … tháng … năm …", in Vietnam time.</summary>
    public static string AppointmentText(this IStringLocalizer<DossierUiText> text, DateTime utc)
    {
        var local = VietnamTime.ToLocal(utc);
        return text["Receipt_Appointment", local.Hour.ToString("00", CultureInfo.InvariantCulture), local.Minute.ToString("00", CultureInfo.InvariantCulture),
            local.Day.ToString("00", CultureInfo.InvariantCulture), local.Month.ToString("00", CultureInfo.InvariantCulture), local.Year.ToString(CultureInfo.InvariantCulture)];
    }

    /// <summary>
    /// How a received document is recorded in the dossier's history: the legal record is Vietnamese, whatever
    /// the officer's UI language, so the receipt printed later reads the same.
    /// </summary>
    public static string DocumentLine(string name, int originals, int copies) =>
        $"{name} ({originals} bản chính, {copies} bản sao)";

    /// <summary>A PNG QR code as a <c>data:</c> URI: drawn on the server, no script, allowed by <c>img-src data:</c>.</summary>
    public static string QrDataUri(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The public status page of a dossier, absolute, for the receipt's QR code.</summary>
    public static string PublicStatusUrl(string baseUri, string code) =>
        new Uri(new Uri(baseUri), "tra-cuu/" + Uri.EscapeDataString(code)).AbsoluteUri;
}
