using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Monitoring;

namespace PublicService.Tests.Support;

/// <summary>Shared test values: the default compiled calendar, Vietnam-time instants and processing terms.</summary>
public static class TestCalendar
{
    public static readonly WorkingCalendar Default = WorkingCalendar.Compile(WorkingCalendarSettings.Default, []);

    public static readonly DeadlineContext Context = new(Default, AlertThresholds.Default);

    /// <summary>The UTC instant of a Vietnam wall-clock time.</summary>
    public static DateTime Vn(int year, int month, int day, int hour = 0, int minute = 0) =>
        VietnamTime.ToUtc(new DateTime(year, month, day, hour, minute, 0));

    public static ProcessingTerms OneStop(int amount, TimeUnit unit = TimeUnit.WorkingDays, SupplementClockMode mode = SupplementClockMode.Pause, AlertThresholds? alerts = null) =>
        new(new ProcessingTime(amount, unit), [new ProcessingStepTerm(1, "Giải quyết", 10, new ProcessingTime(amount, unit))], mode, alerts);

    /// <summary>Interconnected terms in working days, one step per share, agencies 10, 11, 12…</summary>
    public static ProcessingTerms Interconnected(params int[] shares) =>
        new(new ProcessingTime(shares.Sum(), TimeUnit.WorkingDays),
            shares.Select((s, i) => new ProcessingStepTerm(i + 1, $"Bước {i + 1}", 10 + i, new ProcessingTime(s, TimeUnit.WorkingDays))).ToList(),
            SupplementClockMode.Pause, null);

    public static Applicant Applicant() => new(ApplicantKind.Person, "Nguyễn Văn An", "062012345678", "0912345678", "12 Lê Lợi, Kon Tum");

    public static Dossier Receive(ProcessingTerms terms, DateTime receivedAtUtc, string code = "000.00.15.H48-260302-0001") =>
        Dossier.Receive(code, 1, 1, "default", Channel.InPerson, 10, Applicant(), terms, ["Tờ khai"], receivedAtUtc, "tiepnhan", Context);
}
