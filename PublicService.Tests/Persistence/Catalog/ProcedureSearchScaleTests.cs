using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Tests.Support;
using Xunit.Abstractions;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence.Catalog;

/// <summary>
/// The list at the scale the domain plans for (~2,000 procedures, some with several versions). Not a timing test:
/// it checks that the per-procedure version lookup seeks an index, and prints how long the list's queries took.
/// </summary>
public abstract class ProcedureSearchScaleTests(DatabaseProvider provider, ITestOutputHelper output) : IAsyncLifetime
{
    private const int ProcedureCount = 2000;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        var demo = DemoCatalog.Build();
        await using (var db = _database.Open())
        {
            await demo.AddToAsync(db);
        }

        // Copies of the demo procedures under new codes; every third gets a second published version and every
        // seventh a pending draft, so the listed-version lookup has real choices to make.
        var templates = demo.Procedures.Select(p => p.LatestPublished!.ToContent()).ToList();
        await using (var db = _database.Open())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < ProcedureCount - templates.Count; i++)
            {
                var template = templates[i % templates.Count];
                var procedure = Procedure.Create($"9.{i:000000}", template with { Name = $"{template.Name} số {i}" });
                procedure.Publish(new DateOnly(2025, 1, 1));
                if (i % 3 == 0)
                {
                    procedure.CreateDraftFromLatest();
                    procedure.Publish(new DateOnly(2025, 7, 1));
                }

                if (i % 7 == 0)
                {
                    procedure.CreateDraftFromLatest();
                }

                db.Procedures.Add(procedure);
            }

            await db.SaveChangesAsync();
            await QueryPlan.AnalyzeAsync(db);
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Search_TwoThousandProcedures_SeeksTheVersionIndexAndPagesEveryProcedureOnce()
    {
        await using var db = _database.Open();
        var filter = new ProcedureFilter { Text = "giay phep" };

        var plan = await QueryPlan.ExplainAsync(db, ProcedureSearch.Query(db, filter));
        output.WriteLine(string.Join(Environment.NewLine, plan));

        Assert.Contains(plan, step => step.Contains("IX_ProcedureVersions_ProcedureId_Number", StringComparison.Ordinal));

        var watch = Stopwatch.StartNew();
        var all = await ProcedureSearch.SearchAsync(db, new ProcedureFilter { PageSize = 25 });
        var firstPage = watch.Elapsed;
        var found = await ProcedureSearch.SearchAsync(db, filter with { Sort = ProcedureSort.Name, Page = 3 });
        var searched = watch.Elapsed - firstPage;
        await ProcedureSearch.CountAsync(db, filter);
        var counted = watch.Elapsed - firstPage - searched;
        output.WriteLine($"first page {firstPage.TotalMilliseconds:F0} ms, text search page 4 {searched.TotalMilliseconds:F0} ms, counts {counted.TotalMilliseconds:F0} ms");

        Assert.Equal(ProcedureCount, all.Total);
        Assert.NotEmpty(found.Rows);
        Assert.Equal(ProcedureCount, await db.Procedures.CountAsync());
    }
}

public sealed class SqliteProcedureSearchScaleTests(ITestOutputHelper output) : ProcedureSearchScaleTests(DatabaseProvider.Sqlite, output);

public sealed class PostgresProcedureSearchScaleTests(ITestOutputHelper output) : ProcedureSearchScaleTests(DatabaseProvider.Postgres, output);
