using System.Security.Cryptography.X509Certificates;
using Archiver.Evidence.Verification;

// archiver-verify: checks a downloaded bundle (tweet-{id}.zip or tweet-{id}.wacz) offline and prints what held.
//   dotnet run --project tools/Archiver.Verify -- bundle.zip|bundle.wacz [--tsa-cert ca.pem]...
// Exit codes: 0 everything held, 1 something did not, 2 the command was used wrongly.
const string Usage = "usage: Archiver.Verify <bundle.zip|bundle.wacz> [--tsa-cert <certificates.pem>]...";

string? bundle = null;
var trusted = new X509Certificate2Collection();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--tsa-cert" && i + 1 < args.Length)
    {
        try
        {
            trusted.ImportFromPemFile(args[++i]);
        }
        catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{args[i]}: not a PEM certificate file ({e.Message})");
            return 2;
        }
    }
    else if (args[i] is "-h" or "--help")
    {
        Console.WriteLine(Usage);
        return 0;
    }
    else if (bundle is null && !args[i].StartsWith("--", StringComparison.Ordinal))
    {
        bundle = args[i];
    }
    else
    {
        Console.Error.WriteLine($"unexpected argument '{args[i]}'\n{Usage}");
        return 2;
    }
}

if (bundle is null || !File.Exists(bundle))
{
    Console.Error.WriteLine(bundle is null ? Usage : $"{bundle}: no such file");
    return 2;
}

var rows = BundleVerifier.Verify(bundle, [.. trusted]);
var itemWidth = rows.Max(r => r.Item.Length);
var checkWidth = rows.Max(r => r.Check.Length);
Console.WriteLine($"{"result",-6}  {"item".PadRight(itemWidth)}  {"check".PadRight(checkWidth)}  detail");
foreach (var row in rows)
{
    Console.WriteLine($"{(row.Ok ? "ok" : "FAIL"),-6}  {row.Item.PadRight(itemWidth)}  {row.Check.PadRight(checkWidth)}  {row.Detail}");
}

var failed = rows.Count(r => !r.Ok);
Console.WriteLine();
Console.WriteLine(failed == 0
    ? $"{Path.GetFileName(bundle)}: all {rows.Count} checks held."
    : $"{Path.GetFileName(bundle)}: {failed} of {rows.Count} checks FAILED.");
return failed == 0 ? 0 : 1;
