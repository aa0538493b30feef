using IisSsl.Nuke;
using Nuke.Common;

// The three targets come from the components; their parameters are in ../.nuke/parameters.json.
//   ./build.sh                                   -> VerifyCertCoverage
//   ./build.sh EnsureSslHostHeaders VerifyCertCoverage --dry-run
class Build : NukeBuild, IEnsureSslHostHeaders, IVerifyCertCoverage, IProbeTlsEndpoints
{
    public static int Main() => Execute<Build>(x => ((IVerifyCertCoverage)x).VerifyCertCoverage);
}
