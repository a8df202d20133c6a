using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Audit;
using PublicService.Domain.Calendar;
using PublicService.Domain.Persistence;

namespace PublicService.Domain.Catalog;

/// <summary>
/// The catalog editor's writes: each loads the procedure in its own short-lived context, refuses the change when the
/// procedure moved on since the editor read it (<paramref name="rowVersion"/> differs, or another save wins the race
/// in the database), applies one domain verb and saves. Refusals are <see cref="DomainException"/>s; nothing is saved
/// then. Creating, publishing and retiring also append to the audit trail, in the same transaction as the change.
/// </summary>
public sealed class ProcedureEditing(IDbContextFactory<PublicServiceDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Code of the refusal when the editor's copy is stale.</summary>
    public const string StaleCode = "catalog.procedure.stale";

    /// <summary>The procedure with all its versions, untracked; null when there is none with that id.</summary>
    public async Task<Procedure?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
    }

    /// <summary>
    /// Creates a procedure whose version 1 is a draft built from <paramref name="input"/> (<see cref="NewProcedure"/>).
    /// Refuses a code already in the catalog, a field, level or agency that does not exist, and every content rule,
    /// naming the field of <see cref="NewProcedure"/> at fault.
    /// </summary>
    public async Task<Procedure> CreateAsync(NewProcedure input, string actor, CancellationToken ct = default)
    {
        // The code first: it is the form's first field, and a taken code makes the rest moot.
        var code = ProcedureCode.Parse(input.Code);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Procedures.AnyAsync(p => p.Code == code.Value, ct))
        {
            throw DuplicateCode(code.Value);
        }

        var (_, content) = input.Validate();

        if (!await db.Fields.AnyAsync(f => f.Id == content.FieldId, ct))
        {
            throw new DomainException("catalog.reference-unknown", "Lĩnh vực đã chọn không còn trong danh mục.", nameof(NewProcedure.FieldId));
        }

        if (!await db.Agencies.AnyAsync(a => a.Id == content.ImplementingAgencyId, ct))
        {
            throw new DomainException("catalog.reference-unknown", "Cơ quan thực hiện đã chọn không còn trong danh mục.", nameof(NewProcedure.ImplementingAgencyId));
        }

        var levels = await db.Levels.Where(l => content.LevelIds.Contains(l.Id)).CountAsync(ct);
        if (levels != content.LevelIds.Count)
        {
            throw new DomainException("catalog.reference-unknown", "Cấp thực hiện đã chọn không còn trong danh mục.", nameof(NewProcedure.LevelIds));
        }

        var procedure = Procedure.Create(code.Value, content);
        db.Procedures.Add(procedure);
        Audit(db, AuditActions.CatalogProcedureCreated, actor, procedure.Code, $"phiên bản 1 (bản nháp): {content.Name}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (PublicServiceDatabase.IsUniqueViolation(e))
        {
            // Another editor created the same code between our check and our insert: the unique index caught it.
            throw DuplicateCode(code.Value);
        }

        return procedure;
    }

    /// <summary>
    /// Retires version <paramref name="number"/> from <paramref name="retiredFrom"/> (<see cref="Procedure.Retire"/>),
    /// today being the Vietnam date of the injected clock.
    /// </summary>
    public Task<Procedure> RetireAsync(
        int id, int rowVersion, int number, DateOnly retiredFrom, string reason, string actor, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, (db, p) =>
        {
            var version = p.Retire(number, retiredFrom, reason, VietnamTime.DateOf(time.GetUtcNow().UtcDateTime));
            Audit(db, AuditActions.CatalogProcedureRetired, actor, p.Code,
                $"phiên bản {number}, bãi bỏ từ {retiredFrom:dd/MM/yyyy}: {version.RetirementReason}");
        }, ct);

    /// <summary>Starts a draft copied from the latest version (<see cref="Procedure.CreateDraftFromLatest"/>).</summary>
    public Task<Procedure> CreateDraftAsync(int id, int rowVersion, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, p => p.CreateDraftFromLatest(), ct);

    /// <summary>Replaces the draft's content (<see cref="Procedure.UpdateDraft"/>).</summary>
    public Task<Procedure> SaveDraftAsync(int id, int rowVersion, ProcedureContent content, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, p => p.UpdateDraft(content), ct);

    /// <summary>Publishes the draft, in force from <paramref name="effectiveFrom"/> (<see cref="Procedure.Publish"/>).</summary>
    public Task<Procedure> PublishAsync(int id, int rowVersion, DateOnly effectiveFrom, string actor = "", CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, (db, p) => Published(db, actor, p, p.Publish(effectiveFrom)), ct);

    /// <summary>
    /// Saves the draft's content and publishes it in one transaction, so that a refused publication (an effective
    /// date that is not after the last one) leaves the stored draft as it was.
    /// </summary>
    public Task<Procedure> SaveAndPublishAsync(
        int id, int rowVersion, ProcedureContent content, DateOnly effectiveFrom, string actor = "", CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, (db, p) =>
        {
            p.UpdateDraft(content);
            Published(db, actor, p, p.Publish(effectiveFrom));
        }, ct);

    /// <summary>Deletes the draft (<see cref="Procedure.DiscardDraft"/>).</summary>
    public Task<Procedure> DiscardDraftAsync(int id, int rowVersion, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, p => p.DiscardDraft(), ct);

    private Task<Procedure> ChangeAsync(int id, int rowVersion, Action<Procedure> change, CancellationToken ct) =>
        ChangeAsync(id, rowVersion, (_, p) => change(p), ct);

    private async Task<Procedure> ChangeAsync(int id, int rowVersion, Action<PublicServiceDbContext, Procedure> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var procedure = await db.Procedures.FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new DomainException("catalog.procedure.not-found", $"Không tìm thấy thủ tục số {id}; có thể thủ tục đã bị xóa.");
        if (procedure.RowVersion != rowVersion)
        {
            throw Stale(procedure.Code);
        }

        change(db, procedure);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another editor saved between our read and our write: the token check in the UPDATE caught it.
            throw Stale(procedure.Code);
        }

        return procedure;
    }

    private void Published(PublicServiceDbContext db, string actor, Procedure procedure, ProcedureVersion version) =>
        Audit(db, AuditActions.CatalogProcedurePublished, actor, procedure.Code,
            $"phiên bản {version.Number}, hiệu lực từ {version.EffectiveFrom:dd/MM/yyyy}");

    /// <summary>Adds the audit line to the change's own unit of work, so both are saved or neither.</summary>
    private void Audit(PublicServiceDbContext db, string action, string actor, string code, string detail) =>
        db.AuditEntries.Add(new AuditEntry(time.GetUtcNow().UtcDateTime, action, actor, $"thủ tục {code}", detail));

    private static DomainException DuplicateCode(string code) => new(
        "catalog.procedure.code-duplicate",
        $"Mã thủ tục {code} đã có trong danh mục; hãy mở thủ tục đó để tạo phiên bản mới, hoặc nhập mã khác.",
        nameof(NewProcedure.Code));

    // Who changed it is not recorded yet: procedures carry no author until the identity work lands.
    private static DomainException Stale(string code) => new(
        StaleCode,
        $"Thủ tục {code} vừa được người khác thay đổi sau khi bạn mở trang. Thay đổi của bạn chưa được lưu; "
        + "hãy tải lại để xem bản mới nhất rồi sửa lại.");
}
