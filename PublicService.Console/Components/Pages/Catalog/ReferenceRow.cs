namespace PublicService.Console.Components.Pages.Catalog;

/// <summary>One row of a reference-data table: an agency, field, level or counter as the table shows it.</summary>
public sealed record ReferenceRow(int Id, string Code, string Name, string? Extra = null);
