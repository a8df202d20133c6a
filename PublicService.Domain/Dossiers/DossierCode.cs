using System.Globalization;
using PublicService.Domain.Calendar;

namespace PublicService.Domain.Dossiers;

/// <summary>
/// Dossier codes <c>&lt;agency identifier&gt;-&lt;yyMMdd&gt;-&lt;NNNN&gt;</c>, e.g. <c>000.00.53.H48-220921-0099</c>:
/// the receiving agency's e-government identifier, the receipt date (Vietnam time) and a running number per
/// agency and day.
/// </summary>
public static class DossierCode
{
    public const int MaxNumberPerDay = 9999;

    public static string Format(string agencyCode, DateOnly receiptDate, int number)
    {
        if (number is < 1 or > MaxNumberPerDay)
            throw new DomainException("dossier.code.day-full",
                $"Cơ quan {agencyCode} đã dùng hết {MaxNumberPerDay} số hồ sơ của ngày {receiptDate:dd/MM/yyyy}.", "Code");
        return $"{agencyCode}-{receiptDate.ToString("yyMMdd", CultureInfo.InvariantCulture)}-{number.ToString("D4", CultureInfo.InvariantCulture)}";
    }

    public static string Format(string agencyCode, DateTime receivedAtUtc, int number) =>
        Format(agencyCode, VietnamTime.DateOf(receivedAtUtc), number);
}

/// <summary>The last number issued for one agency and day. Incremented by a single upsert, so concurrent receptions never share a number.</summary>
public sealed class DossierCodeCounter
{
    private DossierCodeCounter() { }

    public DossierCodeCounter(int agencyId, DateOnly day)
    {
        AgencyId = agencyId;
        Day = day;
    }

    public int AgencyId { get; private set; }
    public DateOnly Day { get; private set; }
    public int LastNumber { get; private set; }

    /// <summary>Issues the next number in memory; for bulk loads that own the database (the demo seeder). Reception uses the upsert.</summary>
    public int Next() => ++LastNumber;
}
