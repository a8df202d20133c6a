using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PublicService.Console.Catalog;
using PublicService.Console.Components.Pages.Catalog;
using PublicService.Domain.Audit;
using PublicService.Domain.Catalog;

namespace PublicService.Tests.Components.Pages.Catalog;

public sealed class CatalogImportExportTests : CatalogPagesTestBase
{
    public CatalogImportExportTests()
    {
        Services.AddTransient<CatalogTransfer>();
        Services.AddTransient<AuditTrail>();
    }

    [Fact]
    public void Render_OffersBothDownloads()
    {
        var page = Render<CatalogImportExport>();

        Assert.Equal("/thu-tuc/nhap-xuat/tai-ve/xlsx", page.Find("[data-testid='export-xlsx']").GetAttribute("href"));
        Assert.Equal("/thu-tuc/nhap-xuat/tai-ve/json", page.Find("[data-testid='export-json']").GetAttribute("href"));
    }

    [Fact]
    public async Task Upload_FileWithErrors_ListsThemWithSheetRowAndColumn()
    {
        var file = await ExportAsync();
        file["Thủ tục"]![0]![CatalogWorkbook.Col.FieldCode] = "KHONG-CO";
        file["Thủ tục"]![1]![CatalogWorkbook.Col.Kind] = "Nhiều cửa";
        var page = Render<CatalogImportExport>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(file.ToJsonString(), "catalog.json"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid='import-errors'] tbody tr").Count));
        var first = page.FindAll("[data-testid='import-errors'] tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Thủ tục", "1", "Mã lĩnh vực"], first.Take(3));
        Assert.Contains("2 lỗi", page.Find("[data-testid='import-errors-summary']").TextContent);
        Assert.Empty(page.FindAll("[data-testid='apply']"));
    }

    [Fact]
    public async Task Upload_ChangedProcedure_PreviewsCountsThenAppliesOnConfirm()
    {
        var file = await ExportAsync();
        var code = (string)file["Thủ tục"]![0]![CatalogWorkbook.Col.Code]!;
        file["Thủ tục"]![0]![CatalogWorkbook.Col.Name] = "Tên mới";
        var page = Render<CatalogImportExport>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(file.ToJsonString(), "catalog.json"));

        page.WaitForAssertion(() => Assert.Contains("Cập nhật (bản nháp mới): 1", page.Find("[data-testid='count-updated']").TextContent));
        Assert.Contains("Giữ nguyên: 19", page.Find("[data-testid='count-unchanged']").TextContent);
        await using (var db = Database.Open())
            Assert.Null((await db.Procedures.SingleAsync(p => p.Code == code)).Draft);

        page.Find("[data-testid='apply']").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid='import-preview']")));
        await using var read = Database.Open();
        Assert.Equal("Tên mới", (await read.Procedures.SingleAsync(p => p.Code == code)).Draft!.Name);
        Assert.Contains(await read.AuditEntries.ToListAsync(), e => e.Action == AuditActions.CatalogImported);
    }

    [Fact]
    public void Upload_WrongType_IsRefusedWithoutReading()
    {
        var page = Render<CatalogImportExport>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("date,kind", "catalog.csv"));

        page.WaitForAssertion(() => Assert.Contains("chỉ nhận .json hoặc .xlsx", page.Find("[data-testid='import-errors']").TextContent));
    }

    private async Task<JsonNode> ExportAsync()
    {
        var workbook = await new CatalogTransfer(Database.Factory).ExportAsync();
        using var stream = new MemoryStream();
        CatalogFiles.Write(workbook, CatalogFileFormat.Json, stream);
        return JsonNode.Parse(stream.ToArray())!;
    }
}
