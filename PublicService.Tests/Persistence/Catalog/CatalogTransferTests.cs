using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PublicService.Console.Catalog;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Domain.Monitoring;
using PublicService.Tests.Support;
using Col = PublicService.Domain.Catalog.CatalogWorkbook.Col;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence.Catalog;

public abstract class CatalogTransferTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _demo = null!;
    private TestDatabase _fresh = null!;

    public async Task InitializeAsync()
    {
        _demo = await TestDatabase.CreateAsync(provider);
        await using (var db = _demo.Open())
            await DemoCatalog.Build().AddToAsync(db);

        // A fresh centre: the same agencies, fields and levels (files reference them by code), no procedures.
        _fresh = await TestDatabase.CreateAsync(provider);
        await using (var db = _fresh.Open())
        {
            var demo = DemoCatalog.Build();
            db.AddRange(demo.Agencies);
            db.AddRange(demo.Fields);
            db.AddRange(demo.Levels);
            await db.SaveChangesAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await _demo.DisposeAsync();
        await _fresh.DisposeAsync();
    }

    [Fact]
    public async Task ExportImportExport_Json_RoundTripsWithoutChange()
    {
        var first = await ExportAsync(_demo, CatalogFileFormat.Json);

        var report = await ImportAsync(_fresh, "catalog.json", first, dryRun: false);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal(20, report.Created.Count);
        Assert.Equal(Json(first), Json(await ExportAsync(_fresh, CatalogFileFormat.Json)));
    }

    [Fact]
    public async Task ExportImportExport_Excel_RoundTripsWithoutChange()
    {
        var first = await ExportAsync(_demo, CatalogFileFormat.Excel);

        var report = await ImportAsync(_fresh, "catalog.xlsx", first, dryRun: false);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal(20, report.Created.Count);
        Assert.Equal(Json(await ExportAsync(_demo, CatalogFileFormat.Json)), Json(await ExportAsync(_fresh, CatalogFileFormat.Json)));
        Assert.Equal(
            ["Thủ tục", "Trường hợp", "Thành phần hồ sơ", "Phí, lệ phí", "Các bước", "Căn cứ pháp lý"],
            new MemoryStream(await ExportAsync(_fresh, CatalogFileFormat.Excel)).GetSheetNames());
    }

    [Fact]
    public async Task Import_SameCatalog_LeavesEveryProcedureAlone()
    {
        var report = await ImportAsync(_demo, "catalog.json", await ExportAsync(_demo, CatalogFileFormat.Json), dryRun: false);

        Assert.Equal((0, 0, 20), (report.Created.Count, report.Updated.Count, report.Unchanged.Count));
        await using var db = _demo.Open();
        Assert.All(await db.Procedures.ToListAsync(), p => Assert.Single(p.Versions));
    }

    [Fact]
    public async Task Import_DryRun_CountsCreatedUpdatedAndUnchangedAndWritesNothing()
    {
        var file = JsonNode.Parse(await ExportAsync(_demo, CatalogFileFormat.Json))!;
        var renamed = (string)file["Thủ tục"]![0]![Col.Code]!;
        file["Thủ tục"]![0]![Col.Name] = "Tên mới theo quyết định sửa đổi";
        var moved = (string)file["Thủ tục"]![1]![Col.Code]!;
        foreach (var sheet in file.AsObject())
            foreach (var row in sheet.Value!.AsArray().Where(r => (string)r![Col.Code]! == moved))
                row![Col.Code] = "1.999999.000.00.00.H48";

        var report = await ImportAsync(_demo, "catalog.json", Bytes(file), dryRun: true);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal(["1.999999.000.00.00.H48"], report.Created);
        Assert.Equal([renamed], report.Updated);
        Assert.Equal(18, report.Unchanged.Count);
        await using var db = _demo.Open();
        Assert.Equal(20, await db.Procedures.CountAsync());
        Assert.All(await db.Procedures.ToListAsync(), p => Assert.Single(p.Versions));
    }

    [Fact]
    public async Task Import_ChangedContent_AddsADraftBesideThePublishedVersion()
    {
        var file = JsonNode.Parse(await ExportAsync(_demo, CatalogFileFormat.Json))!;
        var code = (string)file["Thủ tục"]![0]![Col.Code]!;
        file["Thủ tục"]![0]![Col.Name] = "Tên mới theo quyết định sửa đổi";

        var report = await ImportAsync(_demo, "catalog.json", Bytes(file), dryRun: false);

        Assert.Equal([code], report.Updated);
        await using var db = _demo.Open();
        var procedure = await db.Procedures.SingleAsync(p => p.Code == code);
        Assert.Equal("Tên mới theo quyết định sửa đổi", procedure.Draft!.Name);
        Assert.NotEqual(procedure.Draft.Name, procedure.LatestPublished!.Name);
    }

    [Fact]
    public async Task Import_FileWithManyErrors_ListsEveryOneWithSheetRowAndColumnAndWritesNothing()
    {
        var file = JsonNode.Parse(await ExportAsync(_demo, CatalogFileFormat.Json))!;
        file["Thủ tục"]![0]![Col.FieldCode] = "KHONG-CO";
        var orphaned = (string)file["Thủ tục"]![1]![Col.Code]!;
        file["Thủ tục"]![1]![Col.Code] = "abc";
        // The last procedure: its rows on the other sheets are the last ones, untouched here, so its content is checked.
        file["Thủ tục"]![19]![Col.Name] = "";
        var other = (string)file["Thủ tục"]![5]![Col.Code]!;
        var caseRow = FirstRow(file, "Trường hợp", other);
        file["Trường hợp"]![caseRow - 1]![Col.TimeAmount] = "ba";
        var feeRow = FirstRow(file, "Phí, lệ phí", other);
        file["Phí, lệ phí"]![feeRow - 1]![Col.FeeAmount] = "-5";
        file["Thành phần hồ sơ"]![0]![Col.Requirement] = "có lẽ";

        var report = await ImportAsync(_fresh, "catalog.json", Bytes(file), dryRun: false);

        Assert.False(report.Succeeded);
        Assert.Contains(new CatalogImportError("Thủ tục", 1, Col.FieldCode, "Không có lĩnh vực mã \"KHONG-CO\" trong danh mục."), report.Errors);
        Assert.Contains(report.Errors, e => e is { Sheet: "Thủ tục", Row: 2, Column: Col.Code });
        Assert.Contains(report.Errors, e => e is { Sheet: "Thủ tục", Row: 20, Column: Col.Name } && e.Reason.Contains("Tên thủ tục"));
        Assert.Contains(report.Errors, e => e.Sheet == "Trường hợp" && e.Row == caseRow && e.Column == Col.TimeAmount);
        Assert.Contains(report.Errors, e => e.Sheet == "Phí, lệ phí" && e.Row == feeRow && e.Column == Col.FeeAmount);
        Assert.Contains(report.Errors, e => e is { Sheet: "Thành phần hồ sơ", Row: 1, Column: Col.Requirement });
        Assert.Single(report.Errors, e => e.Sheet == "Trường hợp" && e.Reason.Contains(orphaned));
        await using var db = _fresh.Open();
        Assert.Equal(0, await db.Procedures.CountAsync());
    }

    [Fact]
    public async Task Import_ContentRuleBroken_PointsAtTheRowOfTheOffendingPart()
    {
        var file = JsonNode.Parse(await ExportAsync(_demo, CatalogFileFormat.Json))!;
        file["Thành phần hồ sơ"]![0]![Col.Originals] = "0";
        file["Thành phần hồ sơ"]![0]![Col.Copies] = "0";

        var report = await ImportAsync(_fresh, "catalog.json", Bytes(file), dryRun: true);

        var error = Assert.Single(report.Errors);
        Assert.Equal(("Thành phần hồ sơ", 1, Col.Originals), (error.Sheet, error.Row, error.Column));
    }

    [Fact]
    public async Task AlertOverrides_JsonAndExcel_RoundTripExactly()
    {
        var file = JsonNode.Parse(await ExportAsync(_demo, CatalogFileFormat.Json))!;
        var procedures = file["Thủ tục"]!.AsArray();
        (procedures[0]![Col.AlertMinutes], procedures[0]![Col.AlertPercent]) = ("90", "");
        (procedures[1]![Col.AlertMinutes], procedures[1]![Col.AlertPercent]) = ("", "80");
        (procedures[2]![Col.AlertMinutes], procedures[2]![Col.AlertPercent]) = ("1200", "60");
        var codes = procedures.Take(4).Select(p => (string)p![Col.Code]!).ToList();

        var report = await ImportAsync(_fresh, "catalog.json", Bytes(file), dryRun: false);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        await using (var db = _fresh.Open())
        {
            var stored = await db.Procedures.Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Versions[0].AlertOverride);
            Assert.Equal(new AlertThresholds(90, null), stored[codes[0]]);
            Assert.Equal(new AlertThresholds(null, 80), stored[codes[1]]);
            Assert.Equal(new AlertThresholds(1200, 60), stored[codes[2]]);
            Assert.Null(stored[codes[3]]);
        }
        Assert.Equal(file.ToJsonString(), JsonNode.Parse(await ExportAsync(_fresh, CatalogFileFormat.Json))!.ToJsonString());
        // Through Excel and back: every procedure, overrides included, reads as the same content.
        var again = await ImportAsync(_fresh, "catalog.xlsx", await ExportAsync(_fresh, CatalogFileFormat.Excel), dryRun: false);
        Assert.Equal((0, 0, 20), (again.Created.Count, again.Updated.Count, again.Unchanged.Count));
    }

    [Fact]
    public async Task AlertOverrides_BadValues_ListedWithSheetRowAndColumnAndNothingWritten()
    {
        var file = JsonNode.Parse(await ExportAsync(_demo, CatalogFileFormat.Json))!;
        var procedures = file["Thủ tục"]!.AsArray();
        procedures[0]![Col.AlertMinutes] = "-30";
        procedures[1]![Col.AlertMinutes] = "một ngày";
        procedures[2]![Col.AlertPercent] = "150";
        (procedures[3]![Col.AlertMinutes], procedures[3]![Col.AlertPercent]) = ("480", "0");

        var report = await ImportAsync(_fresh, "catalog.json", Bytes(file), dryRun: false);

        Assert.Contains(report.Errors, e => e is { Sheet: "Thủ tục", Row: 1, Column: Col.AlertMinutes });
        Assert.Contains(report.Errors, e => e is { Sheet: "Thủ tục", Row: 2, Column: Col.AlertMinutes });
        Assert.Contains(report.Errors, e => e is { Sheet: "Thủ tục", Row: 3, Column: Col.AlertPercent } && e.Reason.Contains("từ 1 đến 100"));
        Assert.Contains(report.Errors, e => e is { Sheet: "Thủ tục", Row: 4, Column: Col.AlertPercent });
        await using var db = _fresh.Open();
        Assert.Equal(0, await db.Procedures.CountAsync());
    }

    [Fact]
    public async Task Import_MissingAndUnknownSheets_AreRefusedByName()
    {
        var file = JsonNode.Parse(await ExportAsync(_demo, CatalogFileFormat.Json))!.AsObject();
        file.Remove("Các bước");
        file["Trang lạ"] = new JsonArray();

        var report = await ImportAsync(_fresh, "catalog.json", Bytes(file), dryRun: true);

        Assert.Contains(new CatalogImportError("Các bước", null, null, "Thiếu trang này trong tệp."), report.Errors);
        Assert.Contains(report.Errors, e => e.Sheet == "Trang lạ");
    }

    [Fact]
    public async Task ExportExcel_CellStartingLikeAFormula_IsNeutralizedAndImportRestoresIt()
    {
        var file = JsonNode.Parse(await ExportAsync(_demo, CatalogFileFormat.Json))!;
        var code = (string)file["Thủ tục"]![0]![Col.Code]!;
        file["Thủ tục"]![0]![Col.Name] = "=HYPERLINK(\"http://x\",\"y\")";
        file["Thủ tục"]![0]![Col.Conditions] = "- Có hộ khẩu; @ghi chú";
        Assert.True((await ImportAsync(_demo, "catalog.json", Bytes(file), dryRun: false)).Succeeded);

        var excel = await ExportAsync(_demo, CatalogFileFormat.Excel);

        var raw = new MemoryStream(excel).Query(useHeaderRow: true, sheetName: "Thủ tục")
            .Cast<IDictionary<string, object?>>().Single(r => (string?)r[Col.Code] == code);
        Assert.Equal("'=HYPERLINK(\"http://x\",\"y\")", raw[Col.Name]);
        Assert.Equal("'- Có hộ khẩu; @ghi chú", raw[Col.Conditions]);
        var again = await ImportAsync(_demo, "catalog.xlsx", excel, dryRun: true);
        Assert.Equal(20, again.Unchanged.Count);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+84", "'+84")]
    [InlineData("-", "'-")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("Hộ tịch", "Hộ tịch")]
    public void Neutralize_PrefixesFormulaStartsOnly_AndRestoreUndoesExactlyThat(string value, string written)
    {
        Assert.Equal(written, CatalogFiles.Neutralize(value));
        Assert.Equal(value, CatalogFiles.Restore(written));
    }

    [Theory]
    [InlineData("catalog.csv", 100, "không đúng loại")]
    [InlineData("catalog.xlsx", CatalogFiles.MaxBytes + 1, "quá lớn")]
    public void Refusal_WrongTypeOrOversize_SaysWhy(string name, long length, string reason) =>
        Assert.Contains(reason, CatalogFiles.Refusal(name, length));

    [Fact]
    public async Task Read_NotReallyAnExcelFile_GivesAnErrorInsteadOfThrowing()
    {
        var (workbook, errors) = await CatalogFiles.ReadAsync("catalog.xlsx", new MemoryStream("not a zip"u8.ToArray()));

        Assert.Null(workbook);
        Assert.Contains("Không đọc được tệp Excel", Assert.Single(errors).Reason);
    }

    private static async Task<byte[]> ExportAsync(TestDatabase database, CatalogFileFormat format)
    {
        var workbook = await new CatalogTransfer(database.Factory).ExportAsync();
        using var stream = new MemoryStream();
        CatalogFiles.Write(workbook, format, stream);
        return stream.ToArray();
    }

    private static async Task<CatalogImportReport> ImportAsync(TestDatabase database, string name, byte[] file, bool dryRun)
    {
        var (workbook, errors) = await CatalogFiles.ReadAsync(name, new MemoryStream(file));
        return workbook is null ? CatalogImportReport.Failed(errors) : await new CatalogTransfer(database.Factory).ImportAsync(workbook, dryRun);
    }

    private static int FirstRow(JsonNode file, string sheet, string code) =>
        file[sheet]!.AsArray().Select((r, i) => (Code: (string)r![Col.Code]!, Row: i + 1)).First(r => r.Code == code).Row;

    private static string Json(byte[] file) => System.Text.Encoding.UTF8.GetString(file);

    private static byte[] Bytes(JsonNode node) => System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
}

public sealed class SqliteCatalogTransferTests() : CatalogTransferTests(DatabaseProvider.Sqlite);

public sealed class PostgresCatalogTransferTests() : CatalogTransferTests(DatabaseProvider.Postgres);
