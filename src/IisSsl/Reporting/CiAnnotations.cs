namespace IisSsl.Reporting;

/// <summary>GitHub Actions / Azure Pipelines annotations for findings. (Placeholder: implemented on the analysis branch.)</summary>
public static class CiAnnotations
{
    public static void Write(VerificationReport report, TextWriter output, Func<string, string?> environment) => throw new NotImplementedException();
}
