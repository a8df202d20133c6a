namespace PublicService.Domain.Monitoring;

/// <summary>
/// A named lease row that lets one process at a time run a background job against the database. A holder that
/// crashes loses the lease when it expires, so the job is never blocked for longer than one lease.
/// </summary>
public sealed class ScanLease
{
    public const int NameMaxLength = 60;
    public const int HolderMaxLength = 200;

    private ScanLease() { Name = ""; }

    public ScanLease(string name) => Name = name;

    public string Name { get; private set; }
    /// <summary>Who holds the lease (machine, process, run); null when free.</summary>
    public string? Holder { get; private set; }
    public DateTime? ExpiresAtUtc { get; private set; }
}
