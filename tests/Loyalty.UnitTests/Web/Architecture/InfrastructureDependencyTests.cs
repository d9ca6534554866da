using System.Reflection;
using System.Text.RegularExpressions;
using Loyalty.Web.Infrastructure.Persistence;

namespace Loyalty.UnitTests.Web.Architecture;

/// <summary>
/// Dependencies point one way: features use infrastructure, never the other way round. Infrastructure that needs
/// something of a feature declares what it needs (an interface such as <c>ITenantCache</c>) and the composition root
/// wires the feature in.
/// </summary>
public sealed partial class InfrastructureDependencyTests
{
    private const string InfrastructureNamespace = "Loyalty.Web.Infrastructure";
    private const string FeaturesNamespace = "Loyalty.Web.Features";

    /// <summary>
    /// LoyaltyApp.cs is the composition root: it registers every feature's services with the container, so it names
    /// them by necessity. Migrations are generated: their model snapshots name entity types as text, not as references.
    /// </summary>
    private static readonly string[] Exceptions = ["LoyaltyApp.cs", $"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"];

    private static readonly Type[] ExceptionTypes = [typeof(Loyalty.Web.Infrastructure.LoyaltyApp)];

    [Fact]
    public void No_Infrastructure_Type_Names_A_Feature_Type_In_Its_Signatures()
    {
        var offenders = typeof(LoyaltyDbContext).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(InfrastructureNamespace, StringComparison.Ordinal) == true)
            .Where(t => !ExceptionTypes.Contains(Outermost(t)))
            .SelectMany(t => ReferencedTypes(t).Where(IsFeature).Select(r => $"{t.FullName} → {r.FullName}"))
            .Distinct().ToList();

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void No_Infrastructure_Source_File_Imports_Or_Qualifies_A_Feature()
    {
        var root = Path.Combine(RepoRoot(), "src", "Loyalty.Web", "Infrastructure");
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Exceptions.Any(e => f.EndsWith(e, StringComparison.Ordinal) || f.Contains(e, StringComparison.Ordinal)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => FeatureReference().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void The_Source_Scan_Recognises_A_Feature_Reference()
    {
        Assert.Matches(FeatureReference(), "using Loyalty.Web.Features.Purchases;");
        Assert.Matches(FeatureReference(), "services.AddScoped<Features.Points.PointsLedger>();");
        Assert.DoesNotMatch(FeatureReference(), "context.Features.Set<IFormFeature>(feature);");
        Assert.DoesNotMatch(FeatureReference(), "Microsoft.AspNetCore.Mvc.ViewFeatures.IHtmlGenerator");
    }

    private static bool IsFeature(Type type) => type.Namespace?.StartsWith(FeaturesNamespace, StringComparison.Ordinal) == true;

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every type a type's shape names: base, interfaces, fields (primary-constructor captures included),
    /// properties, constructor and method parameters and results, generic arguments at any depth.</summary>
    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetFields(Declared).Select(f => f.FieldType));
        named.AddRange(type.GetProperties(Declared).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                named.Add(info.ReturnType);
                named.AddRange(info.GetGenericArguments());
            }
            named.AddRange(method.GetMethodBody()?.LocalVariables.Select(v => v.LocalType) ?? []);
        }
        return named.OfType<Type>().SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }
        return type.IsGenericType ? [type, .. type.GetGenericArguments().SelectMany(Unwrap)] : [type];
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Loyalty.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Loyalty.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>"using Loyalty.Web.Features…" or a name qualified from Features (but not someone's <c>.Features</c> property).</summary>
    [GeneratedRegex(@"Loyalty\.Web\.Features\b|(?<![\w.])Features\.[A-Z]")]
    private static partial Regex FeatureReference();
}
