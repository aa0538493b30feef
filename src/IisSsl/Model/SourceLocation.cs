namespace IisSsl.Model;

/// <summary>
/// Where a fact was read from, so findings and errors can point at a file and line. A value rather than an object:
/// a large configuration has one per site and binding, and each object is one more for every collection to trace.
/// </summary>
public readonly record struct SourceLocation(string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
