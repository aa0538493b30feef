namespace IisSsl.Model;

/// <summary>Where a fact was read from, so findings and errors can point at a file and line.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
