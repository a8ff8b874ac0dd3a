using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Archiver.Settings;

/// <summary>
/// Checks the rule attributes of one options class and words each failure with the setting's full key
/// (<c>Archiver:Recheck:MaxPerRun</c>, set as <c>Archiver__Recheck__MaxPerRun</c>) and the value it was given, so a
/// start-up that stops says which setting to fix.
/// </summary>
internal sealed class SettingsValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    private static readonly PropertyInfo[] Properties = typeof(TOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttributes<ValidationAttribute>().Any())
        .ToArray();

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = new List<string>();
        foreach (var property in Properties)
        {
            var value = property.GetValue(options);
            var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = $"{section}:{property.Name}" };
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateProperty(value, context, results))
            {
                failures.AddRange(results.Select(r => $"{r.ErrorMessage} Set: '{Format(value)}'."));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
