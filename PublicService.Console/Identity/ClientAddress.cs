namespace PublicService.Console.Identity;

/// <summary>
/// The client's IP address for the audit trail. A Blazor circuit has no request of its own; the accessor then
/// gives the connection's, or nothing, which the trail accepts ("IP when available").
/// </summary>
public sealed class ClientAddress(IHttpContextAccessor accessor)
{
    public string? Current => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
