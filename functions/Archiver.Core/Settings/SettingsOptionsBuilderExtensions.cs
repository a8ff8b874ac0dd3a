using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Archiver.Settings;

public static class SettingsOptionsBuilderExtensions
{
    /// <summary>
    /// Binds <paramref name="section"/>, checks its rule attributes with messages that name each key, and checks them
    /// again when the host starts, so a bad setting stops start-up instead of failing the first request.
    /// </summary>
    public static OptionsBuilder<TOptions> BindSettings<TOptions>(this OptionsBuilder<TOptions> builder, string section)
        where TOptions : class
    {
        builder.BindConfiguration(section);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(section)));
        return builder.ValidateOnStart();
    }
}
