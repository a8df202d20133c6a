namespace PublicService.Domain.Catalog;

/// <summary>A counter (quầy) of the centre and the agencies whose dossiers it receives.</summary>
public sealed class Counter
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 200;

    private readonly List<CounterAgency> _agencies = [];

    private Counter() { Code = ""; Name = ""; }

    /// <summary>Creates a counter receiving dossiers for <paramref name="agencyIds"/>.</summary>
    public Counter(string code, string name, IEnumerable<int>? agencyIds = null)
    {
        Code = CatalogGuard.Code(code, CodeMaxLength, "Mã quầy", nameof(Code));
        Name = CatalogGuard.Required(name, NameMaxLength, "Tên quầy", nameof(Name));
        foreach (var agencyId in agencyIds ?? [])
        {
            ReceiveFor(agencyId);
        }
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }

    /// <summary>The agencies whose dossiers this counter receives.</summary>
    public IReadOnlyCollection<int> AgencyIds => _agencies.Select(a => a.AgencyId).ToList();

    /// <summary>Renames the counter; does nothing when the name is unchanged.</summary>
    public void Rename(string name) =>
        Name = CatalogGuard.Required(name, NameMaxLength, "Tên quầy", nameof(Name));

    /// <summary>Starts receiving dossiers for an agency; does nothing when it already does.</summary>
    public void ReceiveFor(int agencyId)
    {
        CatalogGuard.Id(agencyId, "cơ quan", nameof(AgencyIds));
        if (_agencies.All(a => a.AgencyId != agencyId))
        {
            _agencies.Add(new CounterAgency(agencyId));
        }
    }

    /// <summary>Stops receiving dossiers for an agency; does nothing when it did not.</summary>
    public void StopReceivingFor(int agencyId) => _agencies.RemoveAll(a => a.AgencyId == agencyId);

    /// <summary>Whether the counter receives dossiers for <paramref name="agencyId"/>.</summary>
    public bool Receives(int agencyId) => _agencies.Any(a => a.AgencyId == agencyId);
}

/// <summary>One agency a counter receives for: a row of the counter–agency link table.</summary>
public sealed class CounterAgency
{
    private CounterAgency() { }

    internal CounterAgency(int agencyId) => AgencyId = agencyId;

    public int AgencyId { get; private set; }
}
