using Microsoft.EntityFrameworkCore;
using PublicService.Domain.Persistence;

namespace PublicService.Domain.Catalog;

/// <summary>
/// Adding and renaming the catalog's reference data (agencies, fields, levels, counters), each write in its own
/// short-lived context. Codes are unique: a taken code is refused with a <see cref="DomainException"/> on
/// <c>Code</c>, before the database's unique index would refuse it less legibly.
/// </summary>
public sealed class ReferenceDataEditing(IDbContextFactory<PublicServiceDbContext> dbFactory)
{
    public Task<Agency> AddAgencyAsync(string code, string name, CancellationToken ct = default) =>
        AddAsync(() => new Agency(code, name), a => a.Code, "Mã định danh cơ quan", ct);

    public Task<Field> AddFieldAsync(string code, string name, CancellationToken ct = default) =>
        AddAsync(() => new Field(code, name), f => f.Code, "Mã lĩnh vực", ct);

    public Task<Counter> AddCounterAsync(string code, string name, CancellationToken ct = default) =>
        AddAsync(() => new Counter(code, name), c => c.Code, "Mã quầy", ct);

    /// <summary>Adds a level at the end of the list.</summary>
    public async Task<Level> AddLevelAsync(string code, string name, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var last = await db.Levels.MaxAsync(l => (int?)l.SortOrder, ct) ?? 0;
        return await AddAsync(() => new Level(code, name, last + 1), l => l.Code, "Mã cấp thực hiện", ct);
    }

    public Task RenameAgencyAsync(int id, string name, CancellationToken ct = default) =>
        ChangeAsync<Agency>(id, a => a.Rename(name), "cơ quan", ct);

    public Task RenameFieldAsync(int id, string name, CancellationToken ct = default) =>
        ChangeAsync<Field>(id, f => f.Rename(name), "lĩnh vực", ct);

    public Task RenameLevelAsync(int id, string name, CancellationToken ct = default) =>
        ChangeAsync<Level>(id, l => l.Rename(name), "cấp thực hiện", ct);

    public Task RenameCounterAsync(int id, string name, CancellationToken ct = default) =>
        ChangeAsync<Counter>(id, c => c.Rename(name), "quầy", ct);

    private async Task<T> AddAsync<T>(Func<T> create, Func<T, string> codeOf, string codeLabel, CancellationToken ct)
        where T : class
    {
        var entity = create();
        var code = codeOf(entity);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<T>().AnyAsync(e => EF.Property<string>(e, "Code") == code, ct))
        {
            throw new DomainException("catalog.code-taken", $"{codeLabel} \"{code}\" đã có trong danh mục.", "Code");
        }

        db.Add(entity);
        await db.SaveChangesAsync(ct);
        return entity;
    }

    private async Task ChangeAsync<T>(int id, Action<T> change, string label, CancellationToken ct) where T : class
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entity = await db.Set<T>().FirstOrDefaultAsync(e => EF.Property<int>(e, "Id") == id, ct)
            ?? throw new DomainException("catalog.not-found", $"Không tìm thấy {label} số {id}.");
        change(entity);
        await db.SaveChangesAsync(ct);
    }
}
