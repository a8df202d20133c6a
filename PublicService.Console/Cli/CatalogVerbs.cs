using PublicService.Console.Catalog;
using PublicService.Console.Hosting;
using PublicService.Domain.Audit;
using PublicService.Domain.Catalog;

namespace PublicService.Console.Cli;

/// <summary>
/// <c>export-catalog FILE</c> and <c>import-catalog FILE [--dry-run]</c>: the procedure catalog as JSON or
/// <c>.xlsx</c>, chosen by extension. Import is all-or-nothing and lists every error with sheet, row and column.
/// </summary>
public static class CatalogVerbs
{
    public static async Task<int> ExportAsync(VerbArguments arguments, IServiceProvider services, TextWriter output)
    {
        if (arguments.Positionals.Count != 1)
            throw new VerbArgumentException("usage: export-catalog FILE (FILE is .json or .xlsx)");
        var path = arguments.Positionals[0];
        var format = CatalogFiles.FormatOf(path) ?? throw new VerbArgumentException($"{path}: expected a .json or .xlsx file");

        await DomainServices.MigrateAndLoadCalendarAsync(services);
        var workbook = await ActivatorUtilities.CreateInstance<CatalogTransfer>(services).ExportAsync();
        await using (var file = File.Create(path))
            CatalogFiles.Write(workbook, format, file);
        output.WriteLine($"{workbook.Rows(CatalogWorkbook.ProceduresSheet).Count} procedures exported to {path}");
        return 0;
    }

    public static async Task<int> ImportAsync(VerbArguments arguments, IServiceProvider services, TextWriter output)
    {
        if (arguments.Positionals.Count != 1)
            throw new VerbArgumentException("usage: import-catalog FILE [--dry-run] (FILE is .json or .xlsx)");
        var path = arguments.Positionals[0];
        var dryRun = arguments.Flag("dry-run");
        if (!File.Exists(path)) throw new VerbArgumentException($"file not found: {path}");
        if (CatalogFiles.Refusal(path, new FileInfo(path).Length) is { } refusal) throw new VerbArgumentException(refusal);

        await DomainServices.MigrateAndLoadCalendarAsync(services);
        CatalogImportReport report;
        await using (var stream = File.OpenRead(path))
        {
            var (workbook, errors) = await CatalogFiles.ReadAsync(path, stream);
            report = workbook is null
                ? CatalogImportReport.Failed(errors)
                : await ActivatorUtilities.CreateInstance<CatalogTransfer>(services).ImportAsync(workbook, dryRun);
        }

        if (!report.Succeeded)
        {
            // Every error on stdout, one a line, so an operator can fix the whole file in one pass; stderr keeps the one-line reason.
            foreach (var error in report.Errors) output.WriteLine(error);
            throw new VerbArgumentException($"{path}: nothing imported; {report.Errors.Count} error(s)");
        }

        var verb = dryRun ? "would be " : "";
        output.WriteLine($"{report.Created.Count} {verb}created, {report.Updated.Count} {verb}updated, {report.Unchanged.Count} unchanged");
        if (report.Created.Count > 0) output.WriteLine($"created: {string.Join(", ", report.Created)}");
        if (report.Updated.Count > 0) output.WriteLine($"updated: {string.Join(", ", report.Updated)}");
        if (!dryRun)
            await ActivatorUtilities.CreateInstance<AuditTrail>(services).RecordAsync(
                AuditActions.CatalogImported, "cli", Path.GetFileName(path),
                $"{report.Created.Count} tạo mới, {report.Updated.Count} cập nhật, {report.Unchanged.Count} giữ nguyên");
        return 0;
    }
}
