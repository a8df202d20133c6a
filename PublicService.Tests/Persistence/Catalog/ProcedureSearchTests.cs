using Microsoft.EntityFrameworkCore;
using PublicService.Domain;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Tests.Support;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence.Catalog;

/// <summary>The procedure list's query against the migrated schema holding the demo catalog.</summary>
public abstract class ProcedureSearchTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DemoCatalog _demo = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _demo = DemoCatalog.Build();
        await using var db = _database.Open();
        await _demo.AddToAsync(db);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<ProcedurePage> SearchAsync(ProcedureFilter filter)
    {
        await using var db = _database.Open();
        return await ProcedureSearch.SearchAsync(db, filter);
    }

    private int FieldId(string code) => _demo.Fields.Single(f => f.Code == code).Id;

    [Theory]
    [InlineData("ho tich")]
    [InlineData("HỘ TỊCH")]
    [InlineData("  Hộ   tịch ")]
    public async Task SearchAsync_TextWithOrWithoutDiacritics_FindsTheSameProcedures(string text)
    {
        var page = await SearchAsync(new ProcedureFilter { Text = text });

        Assert.Equal(2, page.Total);
        Assert.All(page.Rows, row => Assert.Contains("hộ tịch", row.Name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SearchAsync_SeveralWords_MatchesEveryWordAnywhere()
    {
        var page = await SearchAsync(new ProcedureFilter { Text = "tich ban sao" });

        var row = Assert.Single(page.Rows);
        Assert.Equal("Cấp bản sao Trích lục hộ tịch", row.Name);
    }

    [Fact]
    public async Task SearchAsync_CodeFragment_FindsByCode()
    {
        var page = await SearchAsync(new ProcedureFilter { Text = "1.009742" });

        Assert.Equal("1.009742.000.00.00.H48", Assert.Single(page.Rows).Code);
    }

    [Fact]
    public async Task SearchAsync_Filters_KeepOnlyMatchingRows()
    {
        var landId = FieldId("DAT-DAI");
        var commune = _demo.Levels.Single(l => l.Code == "XA").Id;
        var justice = _demo.Agencies.Single(a => a.Code == "000.00.15.H48").Id;

        var byField = await SearchAsync(new ProcedureFilter { FieldId = landId });
        var byAgency = await SearchAsync(new ProcedureFilter { AgencyId = justice });
        var byLevel = await SearchAsync(new ProcedureFilter { LevelId = commune });
        var byUnit = await SearchAsync(new ProcedureFilter { TimeUnit = TimeUnit.SameDay });
        var none = await SearchAsync(new ProcedureFilter { FieldId = landId, TimeUnit = TimeUnit.SameDay });

        Assert.NotEmpty(byField.Rows);
        Assert.All(byField.Rows, r => Assert.Equal("Đất đai", r.FieldName));
        Assert.NotEmpty(byAgency.Rows);
        Assert.All(byAgency.Rows, r => Assert.Equal("Sở Tư pháp", r.AgencyName));
        Assert.NotEmpty(byUnit.Rows);
        Assert.All(byUnit.Rows, r => Assert.Equal(TimeUnit.SameDay, r.TimeUnit));
        Assert.Equal(0, none.Total);

        var communeCodes = _demo.Procedures.Where(p => p.LatestPublished!.LevelIds.Contains(commune)).Select(p => p.Code).Order().ToList();
        Assert.NotEmpty(communeCodes);
        Assert.Equal(communeCodes, byLevel.Rows.Select(r => r.Code).Order().ToList());
    }

    [Fact]
    public async Task SearchAsync_Pages_CoverEveryProcedureOnce()
    {
        var pages = new List<ProcedurePage>();
        for (var page = 0; page < 3; page++)
        {
            pages.Add(await SearchAsync(new ProcedureFilter { Page = page, PageSize = 7 }));
        }

        Assert.All(pages, p => Assert.Equal(20, p.Total));
        Assert.Equal([7, 7, 6], pages.Select(p => p.Rows.Count));
        var codes = pages.SelectMany(p => p.Rows).Select(r => r.Code).ToList();
        Assert.Equal(_demo.Procedures.Select(p => p.Code).Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public async Task SearchAsync_Sorts_ByFoldedNameAndDescendingCode()
    {
        var byName = await SearchAsync(new ProcedureFilter { Sort = ProcedureSort.Name, PageSize = 50 });
        var byCodeDescending = await SearchAsync(new ProcedureFilter { Descending = true, PageSize = 50 });
        var byTime = await SearchAsync(new ProcedureFilter { Sort = ProcedureSort.Time, Descending = true, PageSize = 50 });

        var folded = byName.Rows.Select(r => VietnameseText.Fold($"{r.Name} {r.Code}")).ToList();
        Assert.Equal(folded.Order(StringComparer.Ordinal), folded);
        Assert.Equal(byCodeDescending.Rows.Select(r => r.Code).OrderDescending(StringComparer.Ordinal), byCodeDescending.Rows.Select(r => r.Code));
        var workingDays = byTime.Rows.Where(r => r.TimeUnit == TimeUnit.WorkingDays).Select(r => r.TimeAmount).ToList();
        Assert.Equal(workingDays.OrderDescending(), workingDays);
    }

    [Fact]
    public async Task SearchAsync_ProcedureWithDraft_ListedOnceThroughItsPublishedVersion()
    {
        var code = _demo.Procedures[0].Code;
        await using (var db = _database.Open())
        {
            var procedure = await db.Procedures.SingleAsync(p => p.Code == code);
            procedure.CreateDraftFromLatest();
            procedure.UpdateDraft(procedure.Draft!.ToContent() with { Name = "Tên mới của bản nháp" });
            await db.SaveChangesAsync();
        }

        var listed = Assert.Single((await SearchAsync(new ProcedureFilter { Text = code })).Rows);
        Assert.Equal(1, listed.VersionNumber);
        Assert.Equal(VersionStatus.Published, listed.Status);
        Assert.True(listed.HasDraft);
        Assert.Equal(0, (await SearchAsync(new ProcedureFilter { Text = "ten moi cua ban nhap" })).Total);
        Assert.Equal(20, (await SearchAsync(new ProcedureFilter())).Total);
    }

    [Fact]
    public async Task SearchAsync_NeverPublishedProcedure_ListedAsDraft()
    {
        await using (var db = _database.Open())
        {
            var content = _demo.Procedures[0].LatestPublished!.ToContent() with { Name = "Thủ tục mới đang soạn" };
            db.Procedures.Add(Procedure.Create("1.999999", content));
            await db.SaveChangesAsync();
        }

        var drafts = await SearchAsync(new ProcedureFilter { Status = VersionStatus.Draft });

        var row = Assert.Single(drafts.Rows);
        Assert.Equal("1.999999", row.Code);
        Assert.Null(row.EffectiveFrom);
    }

    [Fact]
    public async Task CountAsync_EachDimension_IgnoresItsOwnFilterOnly()
    {
        var landId = FieldId("DAT-DAI");
        await using var db = _database.Open();

        var facets = await ProcedureSearch.CountAsync(db, new ProcedureFilter { FieldId = landId });
        var land = await ProcedureSearch.SearchAsync(db, new ProcedureFilter { FieldId = landId });

        Assert.Equal(20, facets.Fields.Values.Sum());
        Assert.Equal(land.Total, facets.Fields[landId]);
        Assert.Equal(land.Total, facets.Agencies.Values.Sum());
        Assert.Equal(land.Total, facets.Statuses[VersionStatus.Published]);
        Assert.Equal(land.Total, facets.TimeUnits.Values.Sum());
        Assert.True(facets.Levels.Values.All(count => count <= land.Total));
    }
}

public sealed class SqliteProcedureSearchTests() : ProcedureSearchTests(DatabaseProvider.Sqlite);

public sealed class PostgresProcedureSearchTests() : ProcedureSearchTests(DatabaseProvider.Postgres);
