using System.Globalization;

namespace PublicService.Console.Reporting;

/// <summary>How the report shows a rate: a percentage with one decimal and a Vietnamese decimal comma, a dash for none.</summary>
public static class ReportFormat
{
    public static string Rate(double? rate) =>
        rate is { } r ? (r * 100).ToString("0.0", CultureInfo.GetCultureInfo("vi-VN")) + " %" : "–";
}
