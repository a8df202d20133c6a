using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Persistence;

namespace PublicService.Domain.Catalog;

/// <summary>
/// The catalog editor's writes: each loads the procedure in its own short-lived context, refuses the change when the
/// procedure moved on since the editor read it (<paramref name="rowVersion"/> differs, or another save wins the race
/// in the database), applies one domain verb and saves. Refusals are <see cref="DomainException"/>s; nothing is saved
/// then.
/// </summary>
public sealed class ProcedureEditing(IDbContextFactory<PublicServiceDbContext> dbFactory)
{
    /// <summary>Code of the refusal when the editor's copy is stale.</summary>
    public const string StaleCode = "catalog.procedure.stale";

    /// <summary>The procedure with all its versions, untracked; null when there is none with that id.</summary>
    public async Task<Procedure?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
    }

    /// <summary>Starts a draft copied from the latest version (<see cref="Procedure.CreateDraftFromLatest"/>).</summary>
    public Task<Procedure> CreateDraftAsync(int id, int rowVersion, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, p => p.CreateDraftFromLatest(), ct);

    /// <summary>Replaces the draft's content (<see cref="Procedure.UpdateDraft"/>).</summary>
    public Task<Procedure> SaveDraftAsync(int id, int rowVersion, ProcedureContent content, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, p => p.UpdateDraft(content), ct);

    /// <summary>Publishes the draft, in force from <paramref name="effectiveFrom"/> (<see cref="Procedure.Publish"/>).</summary>
    public Task<Procedure> PublishAsync(int id, int rowVersion, DateOnly effectiveFrom, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, p => p.Publish(effectiveFrom), ct);

    /// <summary>
    /// Saves the draft's content and publishes it in one transaction, so that a refused publication (an effective
    /// date that is not after the last one) leaves the stored draft as it was.
    /// </summary>
    public Task<Procedure> SaveAndPublishAsync(
        int id, int rowVersion, ProcedureContent content, DateOnly effectiveFrom, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, p =>
        {
            p.UpdateDraft(content);
            p.Publish(effectiveFrom);
        }, ct);

    /// <summary>Deletes the draft (<see cref="Procedure.DiscardDraft"/>).</summary>
    public Task<Procedure> DiscardDraftAsync(int id, int rowVersion, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, p => p.DiscardDraft(), ct);

    private async Task<Procedure> ChangeAsync(int id, int rowVersion, Action<Procedure> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var procedure = await db.Procedures.FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new DomainException("catalog.procedure.not-found", $"Không tìm thấy thủ tục số {id}; có thể thủ tục đã bị xóa.");
        if (procedure.RowVersion != rowVersion)
        {
            throw Stale(procedure.Code);
        }

        change(procedure);
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

    // Who changed it is not recorded yet: procedures carry no author until the identity work lands.
    private static DomainException Stale(string code) => new(
        StaleCode,
        $"Thủ tục {code} vừa được người khác thay đổi sau khi bạn mở trang. Thay đổi của bạn chưa được lưu; "
        + "hãy tải lại để xem bản mới nhất rồi sửa lại.");
}
