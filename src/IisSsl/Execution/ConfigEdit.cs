using IisSsl.Model;

namespace IisSsl.Execution;

/// <summary>One change to applicationHost.config, addressed the way IIS addresses a binding: site name + (protocol, bindingInformation).</summary>
public abstract record ConfigEdit(string SiteName)
{
    /// <summary><c>appcmd set site /site.name:"S" /+bindings.[protocol='https',bindingInformation='*:443:host']</c>.</summary>
    public sealed record AddBinding(string SiteName, string Protocol, string BindingInformation, SslFlags SslFlags) : ConfigEdit(SiteName);

    /// <summary>Sets <c>sslFlags</c> on an existing binding (0 removes the attribute only if it was absent before).</summary>
    public sealed record SetSslFlags(string SiteName, string Protocol, string BindingInformation, SslFlags SslFlags) : ConfigEdit(SiteName);

    /// <summary><c>/-bindings.[protocol='…',bindingInformation='…']</c>.</summary>
    public sealed record RemoveBinding(string SiteName, string Protocol, string BindingInformation) : ConfigEdit(SiteName);
}
