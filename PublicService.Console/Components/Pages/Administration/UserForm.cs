using PublicService.Domain.Staff;

namespace PublicService.Console.Components.Pages.Administration;

/// <summary>What the user dialog submits: the e-mail (only read when creating) and the editable part of the account.</summary>
public sealed record UserForm(string Email, StaffDraft Draft);
