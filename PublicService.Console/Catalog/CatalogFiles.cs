using System.Data;
using System.Globalization;
using MiniExcelLibs;
using PublicService.Domain.Catalog;

namespace PublicService.Console.Catalog;

/// <summary>The file formats of a catalog export, chosen by extension.</summary>
public enum CatalogFileFormat
{
    Json = 1,
    Excel = 2,
}

/// <summary>
/// Moves a <see cref="CatalogWorkbook"/> to and from files: JSON (the Domain writes it) and Excel <c>.xlsx</c>
/// (MiniExcel, kept out of the Domain). Refuses oversize files and other types before reading a byte of content.
/// </summary>
public static class CatalogFiles
{
    /// <summary>The largest file accepted: a 2,000-procedure catalog is a few MB, so 20 MB leaves room and stops abuse.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The extensions accepted, for an upload's accept list.</summary>
    public const string Accept = ".json,.xlsx";

    // A spreadsheet treats a cell starting with one of these as a formula (CSV/formula injection).
    private static readonly char[] _formulaStarts = ['=', '+', '-', '@'];

    /// <summary>The format for <paramref name="fileName"/>, or null when the extension is neither .json nor .xlsx.</summary>
    public static CatalogFileFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".json" => CatalogFileFormat.Json,
        ".xlsx" => CatalogFileFormat.Excel,
        _ => null,
    };

    /// <summary>Checks name and size; the Vietnamese reason when the file is refused, else null.</summary>
    public static string? Refusal(string fileName, long length) =>
        FormatOf(fileName) is null
            ? $"Tệp \"{Path.GetFileName(fileName)}\" không đúng loại: chỉ nhận .json hoặc .xlsx."
            : length > MaxBytes
                ? $"Tệp \"{Path.GetFileName(fileName)}\" quá lớn ({length / 1024d / 1024d:0.#} MB); tối đa {MaxBytes / 1024 / 1024} MB."
                : null;

    public static void Write(CatalogWorkbook workbook, CatalogFileFormat format, Stream stream)
    {
        if (format == CatalogFileFormat.Json)
        {
            workbook.WriteJson(stream);
            return;
        }

        var sheets = new Dictionary<string, object>();
        foreach (var (sheet, columns) in CatalogWorkbook.Layout)
        {
            // A DataTable keeps the header row even for a sheet without rows, so an empty sheet still documents itself.
            var table = new DataTable(sheet);
            foreach (var column in columns)
            {
                table.Columns.Add(column, typeof(string));
            }

            foreach (var row in workbook.Rows(sheet))
            {
                table.Rows.Add([.. columns.Select(c => Neutralize(row[c]))]);
            }

            sheets[sheet] = table;
        }

        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
    }

    /// <summary>Reads a file already checked by <see cref="Refusal"/>; a file that is not what it says gives errors.</summary>
    public static async Task<(CatalogWorkbook? Workbook, IReadOnlyList<CatalogImportError> Errors)> ReadAsync(
        string fileName, Stream stream, CancellationToken ct = default)
    {
        if (Refusal(fileName, stream.CanSeek ? stream.Length : 0) is { } refusal)
        {
            return (null, [new CatalogImportError(Path.GetFileName(fileName), null, null, refusal)]);
        }

        // Uploads arrive as non-seekable streams; both readers want the whole file, bounded by MaxBytes.
        var buffer = new MemoryStream();
        await CopyBoundedAsync(stream, buffer, ct);
        if (buffer.Length > MaxBytes)
        {
            return (null, [new CatalogImportError(Path.GetFileName(fileName), null, null, Refusal("x.json", buffer.Length)!)]);
        }

        buffer.Position = 0;
        return FormatOf(fileName) == CatalogFileFormat.Json ? CatalogWorkbook.ReadJson(buffer) : ReadExcel(fileName, buffer);
    }

    /// <summary>The media type of every .xlsx the console sends (catalog, log book, report).</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Prefixes a cell that a spreadsheet would run as a formula with an apostrophe.</summary>
    public static string Neutralize(string value) =>
        value.Length > 0 && _formulaStarts.Contains(value[0]) ? "'" + value : value;

    /// <summary>Strips exactly the apostrophe <see cref="Neutralize"/> added, and nothing else.</summary>
    public static string Restore(string value) =>
        value.Length > 1 && value[0] == '\'' && _formulaStarts.Contains(value[1]) ? value[1..] : value;

    private static (CatalogWorkbook?, IReadOnlyList<CatalogImportError>) ReadExcel(string fileName, MemoryStream buffer)
    {
        var workbook = new CatalogWorkbook();
        try
        {
            foreach (var sheet in buffer.GetSheetNames())
            {
                workbook.AddSheet(sheet);
                var number = 1;
                foreach (IDictionary<string, object?> cells in buffer.Query(useHeaderRow: true, sheetName: sheet))
                {
                    // Row 1 is the header; data starts on row 2, which is what the user sees in the spreadsheet.
                    number++;
                    var row = cells.ToDictionary(c => c.Key, c => Restore(Text(c.Value)), StringComparer.Ordinal);
                    if (row.Values.All(v => v.Trim().Length == 0))
                    {
                        continue;
                    }

                    workbook.Add(sheet, new CatalogRow(number, row));
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            return (null, [new CatalogImportError(Path.GetFileName(fileName), null, null, "Không đọc được tệp Excel: tệp hỏng hoặc không phải .xlsx.")]);
        }

        return (workbook, []);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static async Task CopyBoundedAsync(Stream source, MemoryStream target, CancellationToken ct)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            target.Write(chunk, 0, read);
            if (target.Length > MaxBytes)
            {
                return;
            }
        }
    }
}
