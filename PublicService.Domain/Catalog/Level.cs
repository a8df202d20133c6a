namespace PublicService.Domain.Catalog;

/// <summary>
/// A level that carries out procedures (cấp thực hiện: cấp tỉnh, cấp xã, …). Data rather than an enum because the
/// set changed with the 2025 reorganisation and may change again.
/// </summary>
public sealed class Level
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 100;

    private Level() { Code = ""; Name = ""; }

    /// <summary>Creates a level; lists show levels by <paramref name="sortOrder"/>.</summary>
    public Level(string code, string name, int sortOrder)
    {
        Code = CatalogGuard.Code(code, CodeMaxLength, "Mã cấp thực hiện", nameof(Code));
        Name = CatalogGuard.Required(name, NameMaxLength, "Tên cấp thực hiện", nameof(Name));
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public int SortOrder { get; private set; }

    /// <summary>Renames the level; does nothing when the name is unchanged.</summary>
    public void Rename(string name) =>
        Name = CatalogGuard.Required(name, NameMaxLength, "Tên cấp thực hiện", nameof(Name));

    /// <summary>Moves the level in lists.</summary>
    public void Reorder(int sortOrder) => SortOrder = sortOrder;
}
