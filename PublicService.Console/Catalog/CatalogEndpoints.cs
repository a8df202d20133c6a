using PublicService.Console.Identity;
using PublicService.Domain.Catalog;

namespace PublicService.Console.Catalog;

/// <summary>
/// The catalog download behind the import/export page's buttons. A plain GET endpoint rather than a JS interop
/// download, because the content security policy forbids the inline script such a download would need, and a
/// link lets the browser save the file the ordinary way.
/// </summary>
public static class CatalogEndpoints
{
    public const string DownloadPath = "/thu-tuc/nhap-xuat/tai-ve";

    /// <summary>The link for <paramref name="format"/>: <c>/thu-tuc/nhap-xuat/tai-ve/json</c> or <c>…/xlsx</c>.</summary>
    public static string DownloadLink(CatalogFileFormat format) =>
        $"{DownloadPath}/{(format == CatalogFileFormat.Json ? "json" : "xlsx")}";

    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(DownloadPath + "/{extension}", async (string extension, CatalogTransfer transfer, TimeProvider time, CancellationToken ct) =>
        {
            var name = $"danh-muc-thu-tuc-{time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)):yyyyMMdd-HHmm}.{extension}";
            if (CatalogFiles.FormatOf(name) is not { } format) return Results.NotFound();
            var workbook = await transfer.ExportAsync(ct);
            var buffer = new MemoryStream();
            CatalogFiles.Write(workbook, format, buffer);
            buffer.Position = 0;
            return Results.File(buffer, format == CatalogFileFormat.Json
                ? "application/json"
                : CatalogFiles.XlsxContentType, name);
        }).RequireAuthorization(StaffPolicies.Catalog);
        return app;
    }
}
