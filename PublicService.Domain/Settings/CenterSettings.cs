using PublicService.Domain.Calendar;
using PublicService.Domain.Monitoring;

namespace PublicService.Domain.Settings;

/// <summary>The centre's own settings, one row, editable by an administrator with effect at once (no restart).</summary>
public sealed class CenterSettings
{
    public const int SingletonId = 1;

    private CenterSettings() { Calendar = WorkingCalendarSettings.Default; Alerts = AlertThresholds.Default; }

    public static CenterSettings CreateDefault() => new() { Id = SingletonId };

    public int Id { get; private set; }
    public WorkingCalendarSettings Calendar { get; private set; }
    public AlertThresholds Alerts { get; private set; }

    /// <summary>Null until an administrator saves the forms' texts: a row stored before they existed prints the defaults.</summary>
    private FormSettings? StoredForms { get; set; }

    /// <summary>The header, place and form numbers and titles the printed forms use.</summary>
    public FormSettings Forms => StoredForms ?? FormSettings.Default;

    public int RowVersion { get; private set; }

    public void ChangeAlerts(AlertThresholds alerts)
    {
        alerts.Validated(nameof(Alerts));
        if (alerts == Alerts) return;
        Alerts = alerts;
        RowVersion++;
    }

    /// <summary>Stores the forms' texts, trimmed; refuses with the first problem (naming the field) and changes nothing.</summary>
    public void ChangeForms(FormSettings forms)
    {
        var normalized = forms.Normalized();
        if (normalized.Validate() is [var first, ..])
            throw new DomainException(first);
        if (normalized.SameAs(Forms)) return;
        StoredForms = normalized;
        RowVersion++;
    }

    public void ChangeCalendar(WorkingCalendarSettings calendar)
    {
        if (calendar.Sessions.Count == 0)
            throw new DomainException("settings.calendar.no-sessions", "Cần ít nhất một buổi làm việc.", "Sessions");
        for (var i = 0; i < calendar.Sessions.Count; i++)
        {
            var session = calendar.Sessions[i];
            if (session.End <= session.Start || (i > 0 && session.Start < calendar.Sessions[i - 1].End))
                throw new DomainException("settings.calendar.session-order", $"Buổi làm việc thứ {i + 1} không hợp lệ: giờ kết thúc phải sau giờ bắt đầu và sau buổi trước.", "Sessions");
        }
        if (calendar == Calendar) return;
        Calendar = calendar;
        RowVersion++;
    }
}
