using System.Globalization;
using PublicService.Domain.Reporting;

namespace PublicService.Console.Reporting;

/// <summary>
/// The report's choices as a query string, shared by the report page, its print view and the Excel download, so a
/// printed or downloaded report is exactly the one on screen: <c>?from=2026-03-01&amp;to=2026-03-31&amp;group=agency&amp;agency=3</c>.
/// </summary>
public sealed record ProgressReportLink(DateOnly From, DateOnly To, ReportGrouping Group, int? AgencyId = null, int? FieldId = null)
{
    public const string PagePath = "/bao-cao";
    public const string PrintPath = "/bao-cao/in";
    public const string DownloadPath = "/bao-cao/tai-ve";

    private const string DateFormat = "yyyy-MM-dd";

    public string Query =>
        $"?from={From.ToString(DateFormat, CultureInfo.InvariantCulture)}&to={To.ToString(DateFormat, CultureInfo.InvariantCulture)}&group={GroupName(Group)}"
        + (AgencyId is { } agencyId ? $"&agency={agencyId}" : "")
        + (FieldId is { } fieldId ? $"&field={fieldId}" : "");

    public string Page => PagePath + Query;
    public string Print => PrintPath + Query;
    public string Download => DownloadPath + Query;

    /// <summary>The report query; throws the period's <see cref="PublicService.Domain.DomainException"/> when the dates are reversed.</summary>
    public ProgressReportQuery ToQuery() => new(new ReportPeriod(From, To), Group, AgencyId, FieldId);

    /// <summary>The link the query string describes, or null when a date or the grouping is missing or malformed.</summary>
    public static ProgressReportLink? Parse(string? from, string? to, string? group, int? agency, int? field)
    {
        if (!DateOnly.TryParseExact(from, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(to, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            return null;
        var grouping = Enum.GetValues<ReportGrouping>().Where(g => GroupName(g) == group).Cast<ReportGrouping?>().FirstOrDefault();
        return grouping is null ? null : new ProgressReportLink(start, end, grouping.Value, agency is > 0 ? agency : null, field is > 0 ? field : null);
    }

    private static string GroupName(ReportGrouping group) => group.ToString().ToLowerInvariant();
}
