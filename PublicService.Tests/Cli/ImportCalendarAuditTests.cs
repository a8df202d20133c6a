using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Audit;
using PublicService.Domain.Persistence;
using PublicService.Tests.Support;

namespace PublicService.Tests.Cli;

/// <summary><c>import-calendar</c> writes the audit line the calendar page writes, in the name of <c>--actor</c> or the OS user.</summary>
public sealed class ImportCalendarAuditTests : IAsyncLifetime
{
    private readonly TemporarySqliteFile _database = new("calendar-audit");
    private string Csv => Path.ChangeExtension(_database.Path, ".csv");

    public async Task InitializeAsync()
    {
        Assert.Equal(0, (await ConsoleProcess.RunAsync(_database.ConnectionString, "migrate")).ExitCode);
        await File.WriteAllTextAsync(Csv, "date,kind,reason,decree\n2026-12-24,off,Nghỉ đột xuất do bão,\"Công văn 12/UBND-KGVX\"\n");
    }

    public Task DisposeAsync()
    {
        File.Delete(Csv);
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ImportCalendar_WithActor_AuditsTheSaveInTheirName()
    {
        var result = await ConsoleProcess.RunAsync(_database.ConnectionString, "import-calendar", Csv, "--actor", "Nguyễn Văn An");

        Assert.True(result.ExitCode == 0, result.Error);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(AuditActions.CalendarOverridesSaved, entry.Action);
        Assert.Equal("Nguyễn Văn An", entry.Actor);
        Assert.Equal("calendar", entry.Subject);
        Assert.Equal("2026-12-24 DayOff Nghỉ đột xuất do bão (Công văn 12/UBND-KGVX); 0 hồ sơ đổi hạn", entry.Detail);
    }

    [Fact]
    public async Task ImportCalendar_WithoutActor_AuditsTheOperatingSystemUser()
    {
        var result = await ConsoleProcess.RunAsync(_database.ConnectionString, "import-calendar", Csv);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(Environment.UserName, Assert.Single(await AuditAsync()).Actor);
    }

    [Fact]
    public async Task ImportCalendar_DryRunOrRefusedFile_AuditsNothing()
    {
        var dryRun = await ConsoleProcess.RunAsync(_database.ConnectionString, "import-calendar", Csv, "--dry-run", "--actor", "An");
        await File.WriteAllTextAsync(Csv, "date,kind,reason,decree\n2026-12-31,holiday,Nghỉ,QĐ 2\n");
        var refused = await ConsoleProcess.RunAsync(_database.ConnectionString, "import-calendar", Csv, "--actor", "An");

        Assert.Equal(0, dryRun.ExitCode);
        Assert.Equal(2, refused.ExitCode);
        Assert.Empty(await AuditAsync());
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        var options = new DbContextOptionsBuilder<PublicServiceDbContext>();
        PublicServiceDatabase.Configure(options, DatabaseProvider.Sqlite, _database.ConnectionString);
        await using var db = new PublicServiceDbContext(options.Options);
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith("calendar.")).ToListAsync();
    }
}
