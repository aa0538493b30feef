using IisSsl.Sources;
using IisSsl.TestSupport;

namespace IisSsl.Tests.Sources.IisConfig;

/// <summary>IIS shared configuration: a redirection.config is followed to the applicationHost.config it points at.</summary>
public sealed class SharedConfigurationTests
{
    private static string Redirection(string enabled, string path) => $"""
        <configuration>
            <configSections>
                <section name="configurationRedirection" />
            </configSections>
            <configurationRedirection enabled="{enabled}" path="{path}" userName="CONTOSO\iisconfig" password="[enc:IISRsaProvider:AAAA:enc]" />
        </configuration>
        """;

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    public void An_enabled_redirection_reads_the_applicationHost_config_it_points_at(string enabled)
    {
        using var temp = new TempDirectory();
        var shared = temp.CreateDirectory("shared");
        var target = temp.Write(Path.Combine("shared", "applicationHost.config"), ConfigFixtures.Text(ConfigFixtures.Server));
        var redirection = temp.Write("redirection.config", Redirection(enabled, shared));

        var configuration = new ApplicationHostConfigFile(redirection).Read();

        Assert.Equal(["Default Web Site", "MySite V1", "MySite V2"], configuration.Sites.Select(s => s.Name));
        Assert.Equal(target, configuration.Site("MySite V1").Location?.File);
    }

    [Fact]
    public void A_shared_applicationHost_config_is_found_whatever_the_case_of_its_name()
    {
        using var temp = new TempDirectory();
        var shared = temp.CreateDirectory("shared");
        temp.Write(Path.Combine("shared", "ApplicationHost.config"), ConfigFixtures.Text(ConfigFixtures.Server));
        var redirection = temp.Write("redirection.config", Redirection("true", shared));

        Assert.Equal(3, new ApplicationHostConfigFile(redirection).Read().Sites.Count);
    }

    [Fact]
    public void A_shared_applicationHost_config_with_configSource_reads_the_sites_beside_it()
    {
        using var temp = new TempDirectory();
        var shared = temp.CreateDirectory("shared");
        temp.Write(Path.Combine("shared", "applicationHost.config"), ConfigFixtures.Text(Path.Combine("configsource", "applicationHost.config")));
        var sites = temp.Write(Path.Combine("shared", "sites.config"), ConfigFixtures.Text(Path.Combine("configsource", "sites.config")));
        var redirection = temp.Write("redirection.config", Redirection("true", shared));

        var configuration = new ApplicationHostConfigFile(redirection).Read();

        Assert.Equal(sites, configuration.Site("MySite V2").Location?.File);
    }

    [Fact]
    public void A_shared_configuration_path_that_cannot_be_reached_is_refused_at_its_line()
    {
        var path = ConfigFixtures.PathOf(Path.Combine("shared", "redirection.config"));

        var error = Assert.Throws<InvalidInputException>(() => new ApplicationHostConfigFile(path).Read());

        Assert.Equal((path, 12), (error.File, error.Line));
        Assert.Contains(@"\\fileserver\iis-shared", error.Problem);
        Assert.Contains("cannot be reached", error.Problem);
    }

    [Fact]
    public void A_shared_configuration_folder_without_applicationHost_config_is_refused()
    {
        using var temp = new TempDirectory();
        var shared = temp.CreateDirectory("shared");
        var redirection = temp.Write("redirection.config", Redirection("true", shared));

        var error = Assert.Throws<InvalidInputException>(() => new ApplicationHostConfigFile(redirection).Read());

        Assert.Contains("cannot be reached", error.Problem);
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("false")]
    public void A_redirection_config_with_redirection_disabled_asks_for_the_applicationHost_config(string enabled)
    {
        using var temp = new TempDirectory();
        var redirection = enabled == "disabled"
            ? ConfigFixtures.PathOf(Path.Combine("shared", "redirection-disabled.config"))
            : temp.Write("redirection.config", Redirection("false", temp.Path));

        var error = Assert.Throws<InvalidInputException>(() => new ApplicationHostConfigFile(redirection).Read());

        Assert.Equal(redirection, error.File);
        Assert.Contains("disabled", error.Problem);
        Assert.Contains("applicationHost.config", error.Problem);
    }

    [Fact]
    public void A_redirection_to_another_redirection_config_is_not_followed()
    {
        using var temp = new TempDirectory();
        var shared = temp.CreateDirectory("shared");
        var target = temp.Write(Path.Combine("shared", "applicationHost.config"), Redirection("true", temp.Path));
        var redirection = temp.Write("redirection.config", Redirection("true", shared));

        var error = Assert.Throws<InvalidInputException>(() => new ApplicationHostConfigFile(redirection).Read());

        Assert.Equal(target, error.File);
        Assert.StartsWith("not an applicationHost.config", error.Problem);
    }

    [Fact]
    public void A_redirection_whose_enabled_is_not_a_boolean_is_refused()
    {
        using var temp = new TempDirectory();
        var redirection = temp.Write("redirection.config", Redirection("yes", temp.Path));

        Assert.Contains("neither true nor false", Assert.Throws<InvalidInputException>(() => new ApplicationHostConfigFile(redirection).Read()).Problem);
    }
}
