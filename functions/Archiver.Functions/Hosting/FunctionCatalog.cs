using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Archiver.Functions.Hosting;

/// <summary>
/// The app's functions, read from their <c>[Function]</c> methods and trigger attributes: the one route table and
/// timer list. The Worker SDK turns the same attributes into functions.metadata for the host; standalone serving, the
/// standalone scheduler and the tests read them here.
/// </summary>
public sealed class FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions)
{
    public IReadOnlyList<FunctionDescriptor> Functions => functions;

    public IEnumerable<FunctionDescriptor> HttpFunctions => functions.Where(f => f.Http is not null);

    public IEnumerable<FunctionDescriptor> Timers => functions.Where(f => f.Timer is not null);

    /// <summary>Every <c>[Function]</c> method of the app's assembly.</summary>
    public static FunctionCatalog ForApp() => From(typeof(FunctionCatalog).Assembly.GetTypes());

    public static FunctionCatalog From(IEnumerable<Type> types)
    {
        var functions = new List<FunctionDescriptor>();
        foreach (var method in types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            var parameters = method.GetParameters();
            var unsupported = parameters.FirstOrDefault(p => p.ParameterType != typeof(CancellationToken) && !p.GetCustomAttributes<TriggerBindingAttribute>(inherit: true).Any());
            if (unsupported is not null || !typeof(Task).IsAssignableFrom(method.ReturnType))
            {
                throw new InvalidOperationException(
                    $"Function {function.Name}: standalone serving calls a method that takes its trigger and a CancellationToken and returns a Task; '{unsupported?.Name ?? method.ReturnType.Name}' does not fit.");
            }

            functions.Add(new FunctionDescriptor
            {
                Name = function.Name,
                Method = method,
                Http = parameters.Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null),
                Timer = parameters.Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).SingleOrDefault(a => a is not null),
            });
        }

        return new FunctionCatalog([.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)]);
    }
}
