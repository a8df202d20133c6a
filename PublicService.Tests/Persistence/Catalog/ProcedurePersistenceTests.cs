using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Calendar;
using PublicService.Domain.Catalog;
using PublicService.Domain.Monitoring;
using static PublicService.Tests.Domain.Catalog.ProcedureBuilder;
using PublicService.Domain.Persistence;
using PublicService.Tests.Support;

namespace PublicService.Tests.Persistence.Catalog;

public abstract class ProcedurePersistenceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private int _landOfficeId;
    private int _taxId;
    private int _departmentId;
    private int _fieldId;
    private int _levelId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.Open();
        var department = new Agency("000.00.20.H48", "Sở Nông nghiệp và Môi trường");
        var tax = new Agency("H48.15", "Thuế tỉnh");
        var field = new Field("DAT-DAI", "Đất đai");
        var level = new Level("TINH", "Cấp tỉnh", 1);
        db.AddRange(department, tax, field, level);
        await db.SaveChangesAsync();
        var landOffice = new Agency("000.01.20.H48", "Văn phòng Đăng ký đất đai", department.Id);
        db.Add(landOffice);
        await db.SaveChangesAsync();
        (_landOfficeId, _taxId, _departmentId, _fieldId, _levelId) = (landOffice.Id, tax.Id, department.Id, field.Id, level.Id);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ProcedureContent FullContent() => Interconnected(_landOfficeId, _taxId, _departmentId) with
    {
        FieldId = _fieldId,
        LevelIds = [_levelId],
        ProcedureType = "TTHC được luật giao quy định chi tiết",
        DecidingAgency = "Sở Nông nghiệp và Môi trường",
        ReceivingPlace = "Trung tâm Phục vụ hành chính công tỉnh, quầy số 02",
        Conditions = "Đất không có tranh chấp; quyền sử dụng đất không bị kê biên.",
        AlertOverride = new AlertThresholds(null, 80),
        LegalBases = [new LegalBasis("31/2024/QH15", "Luật Đất đai", new DateOnly(2024, 1, 18), "Quốc hội")],
        Cases =
        [
            new ProcedureCase(
                "default",
                "Trường hợp thông thường",
                [
                    InPerson(10, new Fee("Lệ phí cấp Giấy chứng nhận", 100_000, "Miễn cho hộ nghèo"), new Fee("Phí thẩm định hồ sơ", 0)),
                    Online(10, new Fee("Lệ phí cấp Giấy chứng nhận", 50_000)),
                ],
                [
                    new RequiredDocument("Đơn đăng ký biến động đất đai", "Mẫu số 11/ĐK", 1, 0),
                    new RequiredDocument("Hợp đồng chuyển nhượng", null, 1, 1),
                    new RequiredDocument("Văn bản ủy quyền (trường hợp ủy quyền)", null, 1, 0, DocumentRequirement.Conditional),
                ],
                Steps(_landOfficeId, _taxId, _departmentId, 5, 3, 2)),
            new ProcedureCase(
                "xac-minh",
                "Trường hợp phải xác minh",
                [InPerson(20)],
                steps: Steps(_landOfficeId, _taxId, _departmentId, 10, 5, 5)),
        ],
    };

    [Fact]
    public void SaveAndLoad_FullProcedure_RoundTripsJsonContent()
    {
        int id;
        using (var db = _database.Open())
        {
            var procedure = Procedure.Create("1.004227.000.00.00.H48", FullContent());
            procedure.Publish(new DateOnly(2025, 7, 1));
            db.Add(procedure);
            db.SaveChanges();
            id = procedure.Id;
        }

        using (var db = _database.Open())
        {
            var procedure = db.Procedures.Single(p => p.Id == id);
            var version = Assert.Single(procedure.Versions);

            Assert.Equal("1.004227.000.00.00.H48", procedure.Code);
            Assert.Equal(version.ProcedureId, procedure.Id);
            Assert.Equal(VersionStatus.Published, version.Status);
            Assert.Equal(new DateOnly(2025, 7, 1), version.EffectiveFrom);
            Assert.Equal(ProcedureKind.Interconnected, version.Kind);
            Assert.Equal(SupplementClockMode.Restart, version.SupplementMode);
            Assert.Equal(new AlertThresholds(null, 80), version.AlertOverride);
            Assert.Equal([_levelId], version.LevelIds);
            Assert.Equal([_taxId, _departmentId], version.CooperatingAgencyIds);
            Assert.Equal(new LegalBasis("31/2024/QH15", "Luật Đất đai", new DateOnly(2024, 1, 18), "Quốc hội"), Assert.Single(version.LegalBases));
            Assert.Equal("Đất không có tranh chấp; quyền sử dụng đất không bị kê biên.", version.Conditions);

            Assert.Equal(["default", "xac-minh"], version.Cases.Select(c => c.Code));
            var @default = version.DefaultCase;
            Assert.Equal([Channel.InPerson, Channel.Online], @default.Channels.Select(c => c.Channel));
            var inPerson = @default.TermsOf(Channel.InPerson)!;
            Assert.Equal(WorkingDays(10), inPerson.Time);
            Assert.Equal("10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", inPerson.TimeText);
            Assert.Equal([new Fee("Lệ phí cấp Giấy chứng nhận", 100_000, "Miễn cho hộ nghèo"), new Fee("Phí thẩm định hồ sơ", 0)], inPerson.Fees);
            Assert.Equal(100_000, inPerson.TotalFee);
            Assert.Equal(DocumentRequirement.Conditional, @default.Documents[2].Requirement);
            Assert.Equal((1, 1), (@default.Documents[1].Originals, @default.Documents[1].Copies));
            Assert.Equal("Mẫu số 11/ĐK", @default.Documents[0].TemplateName);

            var terms = version.TermsFor("xac-minh", Channel.InPerson);
            Assert.Equal(WorkingDays(20), terms.Total);
            Assert.Equal([10, 5, 5, 0], terms.Steps.Select(s => s.Share.Amount));
            Assert.Equal([_landOfficeId, _taxId, _departmentId, _landOfficeId], terms.Steps.Select(s => s.AgencyId));
        }
    }

    [Fact]
    public void Save_StoresEnumsAsTextAndContentAsJson()
    {
        using (var db = _database.Open())
        {
            db.Add(Procedure.Create("1.004227", FullContent()));
            db.SaveChanges();
        }

        using var read = _database.Open();
        read.Database.OpenConnection();
        using var command = read.Database.GetDbConnection().CreateCommand();
        // Cases as text: PostgreSQL keeps it as jsonb, which prints a space after each colon.
        command.CommandText = """SELECT "Status", "Kind", "DefaultTimeUnit", CAST("Cases" AS TEXT) FROM "ProcedureVersions" """;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("Draft", reader.GetString(0));
        Assert.Equal("Interconnected", reader.GetString(1));
        Assert.Equal("WorkingDays", reader.GetString(2));
        var json = reader.GetString(3).Replace("\": ", "\":", StringComparison.Ordinal);
        Assert.Contains("\"Channel\":\"InPerson\"", json);
        Assert.Contains("\"Share\":\"5 WorkingDays\"", json);
        Assert.Contains("\"Requirement\":\"Conditional\"", json);
    }

    [Fact]
    public void UpdateDraft_AfterReload_RewritesContent()
    {
        using (var db = _database.Open())
        {
            db.Add(Procedure.Create("1.004227", FullContent()));
            db.SaveChanges();
        }

        using (var db = _database.Open())
        {
            var procedure = db.Procedures.Single();
            var content = procedure.Draft!.ToContent();
            procedure.UpdateDraft(content with { Cases = [content.Cases[0]], Name = "Đăng ký biến động đất đai" });
            db.SaveChanges();
        }

        using (var db = _database.Open())
        {
            var version = db.ProcedureVersions.Single();
            Assert.Single(version.Cases);
            Assert.Equal("dang ky bien dong dat dai 1.004227", version.NameSearch);
            Assert.Equal(1, db.Procedures.Single().RowVersion);
        }
    }

    [Fact]
    public void Query_ByFoldedName_FindsVersion()
    {
        using (var db = _database.Open())
        {
            db.Add(Procedure.Create("1.004227", FullContent()));
            db.SaveChanges();
        }

        using var query = _database.Open();
        var term = PublicService.Domain.VietnameseText.Fold("BIẾN ĐỘNG");
        Assert.Equal(1, query.ProcedureVersions.Count(v => v.NameSearch.Contains(term)));
        Assert.Equal(1, query.ProcedureVersions.Count(v => v.DefaultTimeUnit == TimeUnit.WorkingDays && v.DefaultTimeAmount <= 10));
    }

    [Fact]
    public void Save_DuplicateCode_RefusedByUniqueIndex()
    {
        using var db = _database.Open();
        db.Add(Procedure.Create("1.004227", FullContent()));
        db.SaveChanges();

        db.Add(Procedure.Create("1.004227", FullContent()));

        Assert.Throws<DbUpdateException>(() => db.SaveChanges());
    }

    [Fact]
    public void Save_StaleProcedure_ThrowsConcurrencyException()
    {
        using (var db = _database.Open())
        {
            var procedure = Procedure.Create("1.004227", FullContent());
            procedure.Publish(new DateOnly(2025, 7, 1));
            db.Add(procedure);
            db.SaveChanges();
        }

        using var first = _database.Open();
        using var second = _database.Open();
        var mine = first.Procedures.Single();
        var theirs = second.Procedures.Single();

        mine.CreateDraftFromLatest();
        first.SaveChanges();
        theirs.Retire(1, new DateOnly(2026, 1, 1), "Bãi bỏ", new DateOnly(2026, 1, 1));

        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());
    }

    [Fact]
    public void Save_VersionWithUnknownAgency_RefusedByForeignKey()
    {
        using var db = _database.Open();
        db.Add(Procedure.Create("1.001193", OneStop(implementingAgencyId: 999, fieldId: _fieldId, levelId: _levelId)));

        Assert.Throws<DbUpdateException>(() => db.SaveChanges());
    }
}

public sealed class SqliteProcedurePersistenceTests() : ProcedurePersistenceTests(DatabaseProvider.Sqlite);

public sealed class PostgresProcedurePersistenceTests() : ProcedurePersistenceTests(DatabaseProvider.Postgres);
