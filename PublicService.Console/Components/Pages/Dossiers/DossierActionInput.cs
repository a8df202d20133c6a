namespace PublicService.Console.Components.Pages.Dossiers;

/// <summary>What an action dialog collected: the note or reason, and for some actions a deadline, documents or a new appointment.</summary>
public sealed record DossierActionInput(string? Text, DateOnly SupplementDeadline, IReadOnlyList<string> MissingDocuments, DateTime? NewAppointmentUtc);
