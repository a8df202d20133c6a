using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PublicService.Console.Dossiers;
using PublicService.Domain;
using PublicService.Domain.Catalog;
using PublicService.Domain.Demo;
using PublicService.Domain.Dossiers;
using PublicService.Domain.Staff;
using PublicService.Tests.Support;
using static PublicService.Tests.Support.TestCalendar;
using PublicService.Domain.Persistence;

namespace PublicService.Tests.Persistence.Dossiers;

/// <summary>The log book query on a real SQLite file: period bounds in Vietnam time, scoping, filters, paging, export.</summary>
public abstract class LogBookTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly StaffScope Everyone = StaffScope.Of("quantri", [StaffRoles.Administrator], []);
    private static readonly LogBookFilter November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private TestDatabase _database = null!;
    private int _justiceId;
    private int _landOfficeId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.Open();
        await DemoCatalog.Build().AddToAsync(db, CancellationToken.None);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id);
        _justiceId = agencies["000.00.15.H48"];
        _landOfficeId = agencies["000.01.20.H48"];
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Dossier> ReceiveAsync(int agencyId, DateTime atUtc, string name = "Nguyễn Văn An")
    {
        _database.Clock.SetUtcNow(atUtc);
        await using var db = _database.Open();
        var version = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.ImplementingAgencyId == agencyId && v.Status == VersionStatus.Published).OrderBy(v => v.Id).FirstAsync();
        var @case = version.Cases[0];
        var applicant = new Applicant(ApplicantKind.Person, name, "062012345678", "0912345678", "12 Lê Lợi");
        var command = new ReceiveDossierCommand(version.ProcedureId, @case.Code, @case.Channels[0].Channel, agencyId, applicant,
            [.. @case.Documents.Select(d => d.Name)]);
        return await new DossierReception(_database.Factory, _database.Calendars, _database.Clock).ReceiveAsync(command, "tiepnhan");
    }

    private async Task<LogBookPage> PageAsync(StaffScope scope, LogBookFilter filter, int page = 0, int size = 50)
    {
        await using var db = _database.Open();
        return await LogBook.PageAsync(db, scope, filter, page, size);
    }

    [Fact]
    public async Task Period_IsWholeDaysInVietnamTime()
    {
        // 01/11 06:30 in Vietnam is still 31/10 in UTC; 01/12 00:00 in Vietnam is 30/11 in UTC.
        var lastOfOctober = await ReceiveAsync(_justiceId, Vn(2026, 10, 31, 23, 59));
        var firstOfNovember = await ReceiveAsync(_justiceId, Vn(2026, 11, 1, 6, 30));
        var lastOfNovember = await ReceiveAsync(_justiceId, Vn(2026, 11, 30, 23, 59));
        var firstOfDecember = await ReceiveAsync(_justiceId, Vn(2026, 12, 1, 0, 0));

        var page = await PageAsync(Everyone, November);

        Assert.Equal([firstOfNovember.Code, lastOfNovember.Code], page.Rows.Select(r => r.Code));
        Assert.Equal(2, page.Total);
        Assert.DoesNotContain(page.Rows, r => r.Code == lastOfOctober.Code || r.Code == firstOfDecember.Code);
    }

    [Fact]
    public async Task ProcessingOfficer_SeesOnlyTheirAgencysDossiers_AndFiltersNarrow()
    {
        var justice = await ReceiveAsync(_justiceId, Vn(2026, 11, 2, 9));
        var land = await ReceiveAsync(_landOfficeId, Vn(2026, 11, 2, 10));
        var officer = StaffScope.Of("xuly", [StaffRoles.ProcessingOfficer], [_justiceId]);

        Assert.Equal([justice.Code], (await PageAsync(officer, November)).Rows.Select(r => r.Code));
        Assert.Equal([land.Code], (await PageAsync(Everyone, November with { AgencyId = _landOfficeId })).Rows.Select(r => r.Code));
        Assert.Equal([justice.Code], (await PageAsync(Everyone, November with { ProcedureId = justice.ProcedureId })).Rows.Select(r => r.Code));
    }

    [Fact]
    public async Task Rows_CarryTheHistory_AndAreNumberedAcrossPages()
    {
        var first = await ReceiveAsync(_justiceId, Vn(2026, 11, 2, 8));
        await ReceiveAsync(_justiceId, Vn(2026, 11, 2, 9));
        await ReceiveAsync(_justiceId, Vn(2026, 11, 2, 10));
        _database.Clock.SetUtcNow(Vn(2026, 11, 2, 11));
        var workflow = new DossierWorkflow(_database.Factory, _database.Calendars, _database.Clock);
        var started = await workflow.StartProcessingAsync(first.Id, first.RowVersion, "tiepnhan", null);

        var pageOne = await PageAsync(Everyone, November, page: 0, size: 2);
        var pageTwo = await PageAsync(Everyone, November, page: 1, size: 2);

        Assert.Equal([1, 2], pageOne.Rows.Select(r => r.Number));
        Assert.Equal([3], pageTwo.Rows.Select(r => r.Number));
        Assert.Equal(3, pageTwo.Total);
        var row = pageOne.Rows[0];
        Assert.Equal(Vn(2026, 11, 2, 11), row.SentToAgencyAtUtc);
        Assert.Null(row.FinishedAtUtc);
        Assert.Equal(started.DueAtUtc, row.DueAtUtc);
        Assert.False(string.IsNullOrEmpty(row.ProcedureName));
        Assert.False(string.IsNullOrEmpty(row.AgencyName));
    }

    [Fact]
    public async Task PeriodEndingBeforeItStarts_IsRefused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => PageAsync(Everyone, new LogBookFilter(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 1))));

        Assert.Equal(("logbook.period.order", "To"), (error.Error.Code, error.Error.Field));
    }

    [Fact]
    public async Task Export_NameStartingWithEquals_IsNeutralised_AndHeadersAreVietnamese()
    {
        await ReceiveAsync(_justiceId, Vn(2026, 11, 3, 9), name: "=HYPERLINK(\"http://x\",\"A\")");
        await ReceiveAsync(_justiceId, Vn(2026, 11, 3, 10), name: "Trần Thị Bình");
        var stream = new MemoryStream();
        await using (var db = _database.Open())
        {
            LogBookExport.Write(LogBook.Stream(db, Everyone, November), stream);
        }

        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal(LogBookExport.Headers, rows[0].Keys);
        Assert.Equal("'=HYPERLINK(\"http://x\",\"A\")", rows[0]["Tên cá nhân, tổ chức"]);
        Assert.Equal("Trần Thị Bình", rows[1]["Tên cá nhân, tổ chức"]);
        Assert.Equal("03/11/2026 09:00", rows[0]["Ngày nhận hồ sơ"]);
    }

    [Theory]
    [InlineData("01/11/2026", "30/11/2026", null)]
    [InlineData("2026-11-01", "30/11/2026", "Ngày bắt đầu “2026-11-01” không đúng dạng dd/MM/yyyy.")]
    [InlineData("30/11/2026", "01/11/2026", "Ngày kết thúc (01/11/2026) phải từ ngày bắt đầu (30/11/2026) trở đi.")]
    public void ExportQuery_ParsesVietnameseDates(string from, string to, string? error)
    {
        var (filter, message) = LogBookExport.Parse(from, to, null, null);

        Assert.Equal(error, message);
        if (error is null) Assert.Equal(November, filter);
    }
}

public sealed class SqliteLogBookTests() : LogBookTests(DatabaseProvider.Sqlite);

public sealed class PostgresLogBookTests() : LogBookTests(DatabaseProvider.Postgres);
