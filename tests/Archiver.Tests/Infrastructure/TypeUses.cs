using System.Reflection;
using System.Reflection.Emit;

namespace Archiver.Tests.Infrastructure;

/// <summary>
/// The types a type uses, as compiled: its base and interfaces, the types in its members' signatures and locals, and
/// every type, method and field its IL names (static calls, object creation, casts, lambdas and async state machines,
/// which are nested types). Constants and <c>nameof</c> leave nothing in IL; a source check covers those.
/// </summary>
internal static class TypeUses
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    public static IReadOnlySet<Type> Of(Type type)
    {
        var uses = new HashSet<Type>();
        Add(uses, type.BaseType);
        foreach (var used in type.GetInterfaces())
        {
            Add(uses, used);
        }

        foreach (var field in type.GetFields(Declared))
        {
            Add(uses, field.FieldType);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            AddSignature(uses, method);
            foreach (var local in method.GetMethodBody()?.LocalVariables ?? [])
            {
                Add(uses, local.LocalType);
            }

            foreach (var member in MembersInIl(method))
            {
                AddMember(uses, member);
            }
        }

        return uses;
    }

    private static void AddSignature(HashSet<Type> uses, MethodBase method)
    {
        Add(uses, (method as MethodInfo)?.ReturnType);
        foreach (var parameter in method.GetParameters())
        {
            Add(uses, parameter.ParameterType);
        }

        if (method.IsGenericMethod)
        {
            foreach (var argument in method.GetGenericArguments())
            {
                Add(uses, argument);
            }
        }
    }

    private static void AddMember(HashSet<Type> uses, MemberInfo member)
    {
        switch (member)
        {
            case Type type:
                Add(uses, type);
                break;
            case FieldInfo field:
                Add(uses, field.DeclaringType);
                Add(uses, field.FieldType);
                break;
            case MethodBase method:
                Add(uses, method.DeclaringType);
                AddSignature(uses, method);
                break;
        }
    }

    /// <summary>A type with what it is made of: array elements and generic arguments.</summary>
    private static void Add(HashSet<Type> uses, Type? type)
    {
        if (type is null || type.IsGenericParameter || !uses.Add(type))
        {
            return;
        }

        Add(uses, type.HasElementType ? type.GetElementType() : null);
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            Add(uses, argument);
        }
    }

    /// <summary>The members named by the method's IL instructions (their metadata tokens, resolved in its module).</summary>
    private static IEnumerable<MemberInfo> MembersInIl(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[at + 1]))] : OpCodesByValue[il[at]];
            at += code.Size;
            if (code.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok)
            {
                yield return method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments)!;
            }

            at += OperandSize(code.OperandType, il, at);
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
