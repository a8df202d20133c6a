using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PublicService.Console.Catalog;
using PublicService.Console.Hosting;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Monitoring;
using PublicService.Domain.Persistence;

namespace PublicService.Console.Cli.Bench;

/// <summary>
/// The catalog's figures at a province's size (2,000 procedures from 50 agencies): importing a generated workbook
/// into an empty database through the all-or-nothing path (.xlsx read included, as <c>import-catalog</c> does it),
/// and the first page of the procedure list's server query with a search typed without diacritics and a filter.
/// Each import runs on a fresh file of its own in <paramref name="directory"/>.
/// </summary>
internal sealed class CatalogBench(string directory, TextWriter output, bool plans, int procedures = CatalogBench.DefaultProcedures)
{
    public const int DefaultProcedures = 2_000;
    public const int Agencies = 50;
    private const int Fields = 40;
    private const int ImportRuns = 3;

    /// <summary>What the list bench types: "giấy phép" without its diacritics.</summary>
    public const string SearchText = "giay phep";

    private readonly BenchTable _table = new();

    public async Task RunAsync()
    {
        // One migrated database with the reference data, copied for every run: migrating is not what is measured.
        var template = Path.Combine(directory, "catalog-empty.db");
        await using (var services = BenchVerb.BenchServices(template))
        {
            await PrepareAsync(services);
            var factory = services.GetRequiredService<IDbContextFactory<PublicServiceDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        SqliteConnection.ClearAllPools();
        string Fresh(string name)
        {
            var path = Path.Combine(directory, name);
            File.Copy(template, path);
            return path;
        }

        var workbookPath = Path.Combine(directory, $"catalog-{procedures}.xlsx");
        await WriteWorkbookAsync(Fresh("catalog-source.db"), workbookPath, procedures);
        output.WriteLine($"catalog workbook: {procedures:N0} procedures, {Agencies} agencies, {new FileInfo(workbookPath).Length / 1024d:N0} KB");

        string? listed = null;
        double read = 0;
        var runs = new List<double>();
        var checks = new List<double>();
        var cpus = new List<double>();
        for (var run = 0; run < ImportRuns; run++)
        {
            var path = Fresh($"catalog-import-{run}.db");
            await using var services = BenchVerb.BenchServices(path);
            await DomainServices.MigrateAndLoadCalendarAsync(services);
            // Wall time is the figure; processor time per phase says where the work is when other processes share the machine.
            var cpu = System.Diagnostics.Process.GetCurrentProcess();
            TimeSpan Cpu() { cpu.Refresh(); return cpu.TotalProcessorTime; }
            var transfer = ActivatorUtilities.CreateInstance<CatalogTransfer>(services);
            var cpu0 = Cpu();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            CatalogWorkbook workbook;
            await using (var stream = File.OpenRead(workbookPath))
            {
                var (parsed, errors) = await CatalogFiles.ReadAsync(workbookPath, stream);
                workbook = parsed ?? throw new InvalidOperationException(string.Join("; ", errors));
            }
            var readMs = watch.Elapsed.TotalMilliseconds;
            var cpu1 = Cpu();
            read = Math.Max(read, readMs);
            var report = await transfer.ImportAsync(workbook, dryRun: false);
            runs.Add(watch.Elapsed.TotalMilliseconds);
            var cpu2 = Cpu();
            var check = System.Diagnostics.Stopwatch.StartNew();
            await transfer.ImportAsync(workbook, dryRun: true);
            checks.Add(check.Elapsed.TotalMilliseconds);
            var cpu3 = Cpu();
            cpus.Add((cpu2 - cpu0).TotalMilliseconds);
            output.WriteLine($"import {run + 1}: read {readMs:0} ms (cpu {(cpu1 - cpu0).TotalMilliseconds:0}), whole {runs[^1]:0} ms " +
                $"(cpu import {(cpu2 - cpu1).TotalMilliseconds:0}); dry run over the stored catalog {checks[^1]:0} ms (cpu {(cpu3 - cpu2).TotalMilliseconds:0})");
            if (!report.Succeeded || report.Created.Count != procedures)
                throw new InvalidOperationException($"catalog import: {report.Created.Count} created, errors: {string.Join("; ", report.Errors.Take(5))}");
            listed = path;
        }
        runs.Sort();
        var import = runs[runs.Count / 2];
        _table.Add($"catalog_import_{procedures}_ms", import, "< 10000", import < 10_000, $".xlsx read + validate + insert, median of {ImportRuns} empty databases");
        cpus.Sort();
        _table.Add("catalog_import_2000_cpu_ms", cpus[cpus.Count / 2], "", null, "processor time of the same (all threads: GC and JIT included)");
        _table.Add("catalog_xlsx_read_ms", read, "", null, "of which reading the .xlsx (slowest run)");
        checks.Sort();
        _table.Add("catalog_reimport_dry_run_ms", checks[checks.Count / 2], "", null, $"the same file again, dry run: compares {procedures:N0} stored procedures");

        await using (var services = BenchVerb.BenchServices(listed!))
        {
            await ListAsync(services);
        }
        SqliteConnection.ClearAllPools();
        _table.Print(output);
    }

    /// <summary>The list at 2,000 procedures: most published, some with a new draft, some still drafts; then the page query.</summary>
    private async Task ListAsync(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PublicServiceDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var procedures = await db.Procedures.OrderBy(p => p.Id).ToListAsync();
            for (var i = 0; i < procedures.Count; i++)
            {
                if (i % 10 == 9) continue; // a tenth stay drafts
                procedures[i].Publish(new DateOnly(2025, 7, 1));
                if (i % 5 == 0)
                {
                    var draft = procedures[i].CreateDraftFromLatest();
                    procedures[i].UpdateDraft(draft.ToContent() with { DecisionNumber = "999/QĐ-UBND" });
                }
            }
            await db.SaveChangesAsync();
        }

        int fieldId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            fieldId = await db.ProcedureVersions.GroupBy(v => v.FieldId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        }

        var filter = new ProcedureFilter { Text = SearchText, FieldId = fieldId, Page = 0, PageSize = 25 };
        ProcedurePage? page = null;
        var list = await BenchSuite.MedianOfAsync(9, () => Task.CompletedTask, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            page = await ProcedureSearch.SearchAsync(db, filter, default);
        });
        var facets = await BenchSuite.MedianOfAsync(9, () => Task.CompletedTask, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            await ProcedureSearch.CountAsync(db, filter with { Page = 0 }, default);
        });
        var all = await BenchSuite.MedianOfAsync(9, () => Task.CompletedTask, async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            await ProcedureSearch.SearchAsync(db, new ProcedureFilter(), default);
        });
        _table.Add("procedure_list_page_ms", list, "< 100", list < 100, $"\"{SearchText}\" + one field: {page!.Rows.Count} rows of {page.Total}, total included");
        _table.Add("procedure_list_facets_ms", facets, "< 100", facets < 100, "the counts beside the filters, same question");
        _table.Add("procedure_list_unfiltered_ms", all, "< 100", all < 100, $"first page, no filter, {procedures:N0} listed");
        if (plans)
        {
            await using var db = await factory.CreateDbContextAsync();
            using var command = ProcedureSearch.Query(db, filter).CreateDbCommand();
            await using var connection = new SqliteConnection(db.Database.GetConnectionString());
            await connection.OpenAsync();
            output.WriteLine("plan of procedure list: listed versions matching the filter:");
            using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            foreach (System.Data.Common.DbParameter parameter in command.Parameters)
                explain.Parameters.AddWithValue(parameter.ParameterName, parameter.Value ?? DBNull.Value);
            using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync()) output.WriteLine($"    {reader.GetString(3)}");
        }
    }

    /// <summary>A fresh database holding the reference data the workbook names (agencies, fields, levels by code).</summary>
    private static async Task PrepareAsync(IServiceProvider services)
    {
        await DomainServices.MigrateAndLoadCalendarAsync(services);
        var factory = services.GetRequiredService<IDbContextFactory<PublicServiceDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.Agencies.AddRange(Enumerable.Range(1, Agencies).Select(i => new Agency($"000.00.{i:D2}.H48", $"Sở ngành số {i}")));
        db.Fields.AddRange(Enumerable.Range(1, Fields).Select(i => new Field($"H48.F{i:D2}", $"Lĩnh vực {FieldNames[i % FieldNames.Length]} {i}")));
        db.Levels.AddRange(new Level("TINH", "Cấp tỉnh", 1), new Level("XA", "Cấp xã", 2));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The procedures (2,000 by default) in a scratch database, exported as the app exports them: the workbook an operator would bring.
    /// Deterministic; a fifth interconnected, a quarter with a second case, a tenth with their own alert thresholds.
    /// </summary>
    private static async Task WriteWorkbookAsync(string scratch, string workbookPath, int procedures)
    {
        await using var services = BenchVerb.BenchServices(scratch);
        await DomainServices.MigrateAndLoadCalendarAsync(services);
        var factory = services.GetRequiredService<IDbContextFactory<PublicServiceDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var agencies = await db.Agencies.Select(a => a.Id).OrderBy(id => id).ToListAsync();
            var fields = await db.Fields.Select(f => f.Id).OrderBy(id => id).ToListAsync();
            var levels = await db.Levels.Select(l => l.Id).OrderBy(id => id).ToListAsync();
            var random = new Random(2026);
            for (var i = 0; i < procedures; i++)
            {
                var code = i % 2 == 0 ? $"1.{100000 + i:D6}" : $"2.{100000 + i:D6}.000.00.00.H48";
                db.Procedures.Add(Procedure.Create(code, Content(i, random, agencies, fields, levels)));
            }
            await db.SaveChangesAsync();
        }

        var workbook = await ActivatorUtilities.CreateInstance<CatalogTransfer>(services).ExportAsync();
        await using var file = File.Create(workbookPath);
        CatalogFiles.Write(workbook, CatalogFileFormat.Excel, file);
    }

    private static readonly string[] FieldNames = ["Hộ tịch", "Đất đai", "Xây dựng", "Đầu tư", "Lao động", "Giáo dục", "Y tế", "Giao thông"];
    private static readonly string[] Verbs = ["Cấp", "Cấp lại", "Điều chỉnh", "Gia hạn", "Thu hồi", "Đăng ký", "Xác nhận", "Công nhận"];
    private static readonly string[] Objects =
    [
        "giấy phép xây dựng", "giấy phép kinh doanh", "giấy chứng nhận quyền sử dụng đất", "phiếu lý lịch tư pháp",
        "giấy phép lao động cho người nước ngoài", "chứng chỉ hành nghề", "giấy phép hoạt động", "giấy chứng nhận đủ điều kiện",
        "bản sao trích lục hộ tịch", "giấy phép khai thác nước", "giấy phép lái xe", "giấy phép môi trường",
    ];

    private static ProcedureContent Content(int i, Random random, List<int> agencies, List<int> fields, List<int> levels)
    {
        var agency = agencies[i % agencies.Count];
        var interconnected = i % 5 == 0;
        var unit = i % 7 == 0 ? TimeUnit.WorkingHours : TimeUnit.WorkingDays;
        var total = new ProcessingTime(unit == TimeUnit.WorkingHours ? 4 + random.Next(12) : 3 + random.Next(25), unit);
        ProcedureCase Case(string code, string name, ProcessingTime time)
        {
            var channels = new List<ChannelTerm>
            {
                new(Channel.InPerson, time, CatalogText.Describe(time), [new Fee("Lệ phí", 50_000 * (1 + random.Next(8)))]),
                new(Channel.Online, time, CatalogText.Describe(time), random.Next(3) == 0 ? [] : [new Fee("Lệ phí", 25_000, "Giảm 50 % khi nộp trực tuyến")]),
            };
            if (i % 3 == 0) channels.Add(new ChannelTerm(Channel.Post, time, CatalogText.Describe(time)));
            var documents = Enumerable.Range(1, 2 + random.Next(4)).Select(d => new RequiredDocument(
                d == 1 ? "Đơn đề nghị (theo mẫu)" : $"Bản sao giấy tờ chứng minh số {d}", d == 1 ? "Mẫu số 01" : null, d == 1 ? 1 : 0, d == 1 ? 0 : 1,
                d > 3 ? DocumentRequirement.Conditional : DocumentRequirement.Required));
            IEnumerable<ProcedureStep>? steps = null;
            if (interconnected)
            {
                var first = time.Amount / 2;
                steps =
                [
                    new ProcedureStep(1, "Thẩm định hồ sơ", agency, new ProcessingTime(first, time.Unit)),
                    new ProcedureStep(2, "Lấy ý kiến cơ quan phối hợp", agencies[(i + 1) % agencies.Count], new ProcessingTime(time.Amount - first - 1, time.Unit)),
                    new ProcedureStep(3, "Trả kết quả", agency, new ProcessingTime(1, time.Unit)),
                ];
            }
            return new ProcedureCase(code, name, channels, documents, steps);
        }

        List<ProcedureCase> cases = [Case(ProcedureCase.DefaultCode, "Trường hợp thông thường", total)];
        if (i % 4 == 0)
            cases.Add(Case("xac-minh", "Trường hợp phải xác minh", total with { Amount = total.Amount + 5 }));
        return new ProcedureContent
        {
            DecisionNumber = $"{100 + i % 900}/QĐ-UBND",
            Name = $"{Verbs[i % Verbs.Length]} {Objects[i / Verbs.Length % Objects.Length]} (thủ tục số {i + 1})",
            FieldId = fields[i % fields.Count],
            LevelIds = i % 6 == 0 ? [levels[0], levels[1]] : [levels[i % levels.Count]],
            Kind = interconnected ? ProcedureKind.Interconnected : ProcedureKind.OneStop,
            ProcedureType = "TTHC được luật giao quy định chi tiết",
            DecidingAgency = "Ủy ban nhân dân tỉnh",
            ImplementingAgencyId = agency,
            CooperatingAgencyIds = interconnected ? [agencies[(i + 1) % agencies.Count]] : [],
            ReceivingPlace = "Trung tâm Phục vụ hành chính công tỉnh",
            ResultName = "Giấy phép",
            Conditions = i % 2 == 0 ? "Không" : "Tổ chức, cá nhân đáp ứng các điều kiện theo quy định.",
            LegalBases = [new LegalBasis($"{10 + i % 90}/2025/NĐ-CP", "Nghị định quy định chi tiết", new DateOnly(2025, 1 + i % 12, 1 + i % 28), "Chính phủ")],
            SupplementMode = i % 9 == 0 ? SupplementClockMode.Restart : SupplementClockMode.Pause,
            AlertOverride = i % 10 == 0 ? new AlertThresholds(i % 20 == 0 ? 240 : null, 80) : null,
            Cases = cases,
        };
    }
}
