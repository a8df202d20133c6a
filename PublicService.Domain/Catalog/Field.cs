namespace PublicService.Domain.Catalog;

/// <summary>A field (lĩnh vực) procedures are grouped by, e.g. Hộ tịch, Đất đai, Đầu tư.</summary>
public sealed class Field
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 300;

    private Field() { Code = ""; Name = ""; }

    /// <summary>Creates a field with its code (as published in the national database) and name.</summary>
    public Field(string code, string name)
    {
        Code = CatalogGuard.Code(code, CodeMaxLength, "Mã lĩnh vực", nameof(Code));
        Name = CatalogGuard.Required(name, NameMaxLength, "Tên lĩnh vực", nameof(Name));
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }

    /// <summary>Renames the field; does nothing when the name is unchanged.</summary>
    public void Rename(string name) =>
        Name = CatalogGuard.Required(name, NameMaxLength, "Tên lĩnh vực", nameof(Name));
}
