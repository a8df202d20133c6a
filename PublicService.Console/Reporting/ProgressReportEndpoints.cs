using Microsoft.EntityFrameworkCore;
using PublicService.Console.Identity;
using PublicService.Domain;
using PublicService.Domain.Persistence;
using PublicService.Domain.Reporting;

namespace PublicService.Console.Reporting;

/// <summary>
/// The Excel download behind the report page's export button: a plain GET (see <c>CatalogEndpoints</c> for why),
/// for supervisors and administrators only, counting within the caller's own scope.
/// </summary>
public static class ProgressReportEndpoints
{
    public static IEndpointRouteBuilder MapProgressReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ProgressReportLink.DownloadPath, async (HttpContext http, string? from, string? to, string? group, int? agency, int? field,
            IDbContextFactory<PublicServiceDbContext> dbFactory, TimeProvider time, CancellationToken ct) =>
        {
            if (ProgressReportLink.Parse(from, to, group, agency, field) is not { } link)
                return Results.BadRequest("Thiếu hoặc sai kỳ báo cáo (from, to: yyyy-MM-dd) hoặc cách thống kê (group).");
            ProgressReportQuery query;
            try { query = link.ToQuery(); }
            catch (DomainException e) { return Results.BadRequest(e.Error.Message); }

            var now = time.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var report = await ProgressReport.LoadAsync(db, query, now, http.User.ToStaffScope(), ct);
            var buffer = new MemoryStream();
            ProgressReportFiles.WriteExcel(report, buffer, now);
            buffer.Position = 0;
            return Results.File(buffer, ProgressReportFiles.ContentType, ProgressReportFiles.FileName(report));
        }).RequireAuthorization(StaffPolicies.Supervision);
        return app;
    }
}
