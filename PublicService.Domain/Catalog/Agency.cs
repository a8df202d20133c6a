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

    public Agency(string code, string name, int? parentId = null)
    {
        Code = code;
        Name = name;
        ParentId = parentId;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public int? ParentId { get; private set; }
}
