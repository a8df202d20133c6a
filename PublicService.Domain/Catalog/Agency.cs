namespace PublicService.Domain.Catalog;

/// <summary>
/// An agency whose procedures the centre handles (Sở, sector agency, vertical agency, enterprise).
/// <see cref="Code"/> is its e-government identifier (mã định danh, e.g. 000.00.53.H48), used in dossier codes.
/// </summary>
public sealed class Agency
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 300;

    private Agency() { Code = ""; Name = ""; }

    /// <summary>Creates an agency; <paramref name="parentId"/> is the agency it belongs to, if any.</summary>
    public Agency(string code, string name, int? parentId = null)
    {
        Code = CatalogGuard.Code(code, CodeMaxLength, "Mã định danh cơ quan", nameof(Code));
        Name = CatalogGuard.Required(name, NameMaxLength, "Tên cơ quan", nameof(Name));
        ParentId = parentId is null ? null : CatalogGuard.Id(parentId.Value, "cơ quan cấp trên", nameof(ParentId));
    }

    public int Id { get; private set; }

    /// <summary>The e-government identifier, upper-cased.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The agency this one belongs to (e.g. a land registration office under its Sở), if any.</summary>
    public int? ParentId { get; private set; }

    /// <summary>Renames the agency; does nothing when the name is unchanged.</summary>
    public void Rename(string name) =>
        Name = CatalogGuard.Required(name, NameMaxLength, "Tên cơ quan", nameof(Name));

    /// <summary>
    /// Changes the e-government identifier (agencies are re-coded after mergers). Dossier codes already issued keep
    /// the old identifier, which is why it is not a key.
    /// </summary>
    public void ChangeCode(string code) =>
        Code = CatalogGuard.Code(code, CodeMaxLength, "Mã định danh cơ quan", nameof(Code));

    /// <summary>Places the agency under <paramref name="parentId"/> (null: top level).</summary>
    public void MoveUnder(int? parentId)
    {
        if (parentId is not null && parentId == Id && Id != 0)
        {
            throw new DomainException("catalog.agency.parent-self", "Cơ quan không thể trực thuộc chính nó.", nameof(ParentId));
        }

        ParentId = parentId is null ? null : CatalogGuard.Id(parentId.Value, "cơ quan cấp trên", nameof(ParentId));
    }
}
