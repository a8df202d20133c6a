namespace PublicService.Domain.Catalog;

/// <summary>Cách thức thực hiện: how a dossier reaches the centre.</summary>
public enum Channel
{
    InPerson = 1,
    Online = 2,
    Post = 3,
}

/// <summary>What a supplement request does to the clock (a per-procedure setting).</summary>
public enum SupplementClockMode
{
    /// <summary>Time spent still counts; on resumption the due date moves forward by the paused working time.</summary>
    Pause = 1,
    /// <summary>The whole period restarts from the complete supplement.</summary>
    Restart = 2,
}

/// <summary>One-stop (one agency processes) or interconnected (several agencies in order).</summary>
public enum ProcedureKind
{
    OneStop = 1,
    Interconnected = 2,
}

public enum VersionStatus
{
    Draft = 1,
    Published = 2,
    Retired = 3,
}

/// <summary>Whether a document of the dossier is always needed or only in some situations.</summary>
public enum DocumentRequirement
{
    Required = 1,
    /// <summary>Needed only in the situation the document's name describes (e.g. "trường hợp ủy quyền").</summary>
    Conditional = 2,
}
