namespace PublicService.Domain;

/// <summary>
/// Why the domain refused something. <see cref="Code"/> is a stable key (the English UI translates it),
/// <see cref="Message"/> the Vietnamese text shown by default, <see cref="Field"/> the input it concerns, if any.
/// </summary>
public sealed record DomainError(string Code, string Message, string? Field = null)
{
    public override string ToString() => Field is null ? Message : $"{Field}: {Message}";
}

/// <summary>The one exception the domain throws when a rule refuses an action; nothing has changed when it is thrown.</summary>
public sealed class DomainException(DomainError error) : Exception(error.ToString())
{
    public DomainError Error { get; } = error;

    public DomainException(string code, string message, string? field = null) : this(new DomainError(code, message, field)) { }
}
