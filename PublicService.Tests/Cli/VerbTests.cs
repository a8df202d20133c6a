using PublicService.Tests.Support;

namespace PublicService.Tests.Cli;

/// <summary>The command-line contract of DESIGN.md, through the real executable.</summary>
public sealed class VerbTests : IDisposable
{
    private readonly TemporarySqliteFile _database = new("cli");
    private string ConnectionString => _database.ConnectionString;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Calendar_2026_ListsTheStatutoryDaysOffWithKindsAndNames()
    {
        var result = await ConsoleProcess.RunAsync(ConnectionString, "calendar", "2026");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2026-01-01\tnew-year\tTết Dương lịch", result.Lines);
        Assert.Equal(["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"],
            result.Lines.Where(l => l.Contains("\ttet\t")).Select(l => l[..10]));
        Assert.Contains(result.Lines, l => l.StartsWith("2026-04-26\thung-kings\t"));
        Assert.Contains(result.Lines, l => l.StartsWith("2026-04-27\tcompensatory\t"));
        Assert.Contains(result.Lines, l => l.StartsWith("2026-04-30\treunification\t"));
        Assert.Contains(result.Lines, l => l.StartsWith("2026-05-01\tlabour-day\t"));
        Assert.Contains(result.Lines, l => l.StartsWith("2026-09-01\tnational-day\t"));
        Assert.Contains(result.Lines, l => l.StartsWith("2026-09-02\tnational-day\t"));
    }

    [Theory]
    [InlineData("2026-02-11T09:00:00+07:00", "3 working-days", "2026-02-23T17:00:00+07:00")]
    [InlineData("2026-03-02T10:00:00+07:00", "4 working-hours", "2026-03-02T16:00:00+07:00")]
    [InlineData("2026-03-02T03:00:00Z", "4 working-hours", "2026-03-02T16:00:00+07:00")]
    public async Task Due_DocumentedExamples_PrintTheDueInstant(string received, string time, string expected)
    {
        var result = await ConsoleProcess.RunAsync(ConnectionString, "due", "--received", received, "--time", time);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([expected], result.Lines);
    }

    [Fact]
    public async Task Due_WithExplain_NamesTheSkippedHoliday()
    {
        var result = await ConsoleProcess.RunAsync(ConnectionString, "due", "--received", "2026-02-11T09:00:00+07:00", "--time", "3 working-days", "--explain");

        Assert.Equal("2026-02-23T17:00:00+07:00", result.Lines[0]);
        Assert.Contains(result.Lines, l => l.Contains("Tết Nguyên đán"));
    }

    [Theory]
    [InlineData("due", "--received", "yesterday", "--time", "3 working-days")]
    [InlineData("due", "--received", "2026-02-11T09:00:00+07:00", "--time", "3 fortnights")]
    [InlineData("due", "--received", "2026-02-11T09:00:00+07:00")]
    [InlineData("calendar", "twenty")]
    [InlineData("calendar", "2026", "--everything")]
    [InlineData("seed-demo", "--dossiers", "-5")]
    [InlineData("frobnicate")]
    public async Task Verb_BadInput_ExitsWithTwoAndOneLineReason(params string[] args)
    {
        var result = await ConsoleProcess.RunAsync(ConnectionString, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task SeedDemo_ThenRebuildDryRun_ReportsNoDifference()
    {
        var seeded = await ConsoleProcess.RunAsync(ConnectionString, "seed-demo", "--dossiers", "500", "--seed", "3");
        Assert.Equal(0, seeded.ExitCode);
        Assert.Contains("500 dossiers", seeded.Output);

        var rebuilt = await ConsoleProcess.RunAsync(ConnectionString, "rebuild-deadlines", "--dry-run");

        Assert.Equal(0, rebuilt.ExitCode);
        Assert.StartsWith("500 examined, 0 differed", rebuilt.Lines[0]);
    }

    [Fact]
    public async Task Migrate_Twice_AppliesOnceThenReportsUpToDate()
    {
        var first = await ConsoleProcess.RunAsync(ConnectionString, "migrate");
        var second = await ConsoleProcess.RunAsync(ConnectionString, "migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("Applied ", first.Lines[0]);
        Assert.Equal(["Database is up to date; no migration applied."], second.Lines);
    }

    [Fact]
    public async Task ImportCalendar_DayOffNearToday_PreviewsThenMovesDeadlinesAndListsTheDay()
    {
        await ConsoleProcess.RunAsync(ConnectionString, "seed-demo", "--dossiers", "300");
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(2);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        var csv = Path.ChangeExtension(_database.Path, ".csv");
        await File.WriteAllTextAsync(csv, $"date,kind,reason,decree\n{day:yyyy-MM-dd},off,Nghỉ đột xuất do bão,\"Công văn 12/UBND-KGVX\"\n");

        var preview = await ConsoleProcess.RunAsync(ConnectionString, "import-calendar", csv, "--dry-run");
        var applied = await ConsoleProcess.RunAsync(ConnectionString, "import-calendar", csv);
        var listed = await ConsoleProcess.RunAsync(ConnectionString, "calendar", day.Year.ToString());
        var rebuilt = await ConsoleProcess.RunAsync(ConnectionString, "rebuild-deadlines", "--dry-run");
        File.Delete(csv);

        Assert.Equal(0, preview.ExitCode);
        var moved = int.Parse(System.Text.RegularExpressions.Regex.Match(preview.Lines[0], @"(\d+) dossiers' deadlines would move").Groups[1].Value);
        Assert.True(moved > 0, preview.Output);
        Assert.StartsWith($"1 overrides added, 0 replaced; {moved} dossiers' deadlines moved", applied.Lines[0]);
        Assert.Contains($"{day:yyyy-MM-dd}\toverride-off\tNghỉ đột xuất do bão", listed.Lines);
        Assert.StartsWith("300 examined, 0 differed", rebuilt.Lines[0]);
    }

    [Fact]
    public async Task ImportCalendar_BadRow_ImportsNothingAndNamesTheLine()
    {
        var csv = Path.ChangeExtension(_database.Path, ".csv");
        await File.WriteAllTextAsync(csv, "date,kind,reason,decree\n2026-12-24,off,Nghỉ,QĐ 1\n2026-12-31,holiday,Nghỉ,QĐ 2\n");

        var result = await ConsoleProcess.RunAsync(ConnectionString, "import-calendar", csv);
        var listed = await ConsoleProcess.RunAsync(ConnectionString, "calendar", "2026");
        File.Delete(csv);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Dòng 3", result.Error);
        Assert.DoesNotContain(listed.Lines, l => l.StartsWith("2026-12-24"));
    }

    [Fact]
    public async Task ExportThenImportCatalog_Json_DryRunFindsEverythingUnchanged()
    {
        await ConsoleProcess.RunAsync(ConnectionString, "seed-demo", "--dossiers", "0");
        var json = Path.ChangeExtension(_database.Path, ".json");
        var xlsx = Path.ChangeExtension(_database.Path, ".xlsx");

        var exported = await ConsoleProcess.RunAsync(ConnectionString, "export-catalog", json);
        var excel = await ConsoleProcess.RunAsync(ConnectionString, "export-catalog", xlsx);
        var preview = await ConsoleProcess.RunAsync(ConnectionString, "import-catalog", json, "--dry-run");
        var fromExcel = await ConsoleProcess.RunAsync(ConnectionString, "import-catalog", xlsx);
        File.Delete(json);
        File.Delete(xlsx);

        Assert.Equal(["20 procedures exported to " + json], exported.Lines);
        Assert.Equal(0, excel.ExitCode);
        Assert.Equal(["0 would be created, 0 would be updated, 20 unchanged"], preview.Lines);
        Assert.Equal(["0 created, 0 updated, 20 unchanged"], fromExcel.Lines);
    }

    [Fact]
    public async Task ImportCatalog_BadFile_ListsEveryErrorAndExitsTwo()
    {
        await ConsoleProcess.RunAsync(ConnectionString, "seed-demo", "--dossiers", "0");
        var json = Path.ChangeExtension(_database.Path, ".json");
        await ConsoleProcess.RunAsync(ConnectionString, "export-catalog", json);
        var text = await File.ReadAllTextAsync(json);
        var paused = System.Text.RegularExpressions.Regex.Count(text, "\"Tạm dừng\"");
        await File.WriteAllTextAsync(json, text.Replace("\"Mã lĩnh vực\": \"HO-TICH\"", "\"Mã lĩnh vực\": \"KHONG-CO\"").Replace("\"Tạm dừng\"", "\"Đợi\""));

        var result = await ConsoleProcess.RunAsync(ConnectionString, "import-catalog", json);
        File.Delete(json);

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("nothing imported; " + result.Lines.Length + " error(s)", result.Error.Trim());
        Assert.Contains(result.Lines, l => l.StartsWith("Trang \"Thủ tục\", dòng ") && l.Contains("cột \"Mã lĩnh vực\": Không có lĩnh vực mã \"KHONG-CO\""));
        Assert.Equal(paused, result.Lines.Count(l => l.Contains("cột \"Khi yêu cầu bổ sung\"")));
    }

    [Theory]
    [InlineData("catalog.csv", "expected a .json or .xlsx file")]
    [InlineData("missing.json", "file not found")]
    public async Task CatalogVerbs_WrongFile_AreRefused(string name, string reason)
    {
        var export = name.EndsWith(".csv") ? await ConsoleProcess.RunAsync(ConnectionString, "export-catalog", name) : null;
        var import = await ConsoleProcess.RunAsync(ConnectionString, "import-catalog", Path.Combine(Path.GetTempPath(), name));

        Assert.Equal(2, import.ExitCode);
        if (export is not null) Assert.Contains(reason, export.Error);
        else Assert.Contains(reason, import.Error);
    }
}
