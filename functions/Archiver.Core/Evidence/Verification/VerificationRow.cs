namespace Archiver.Evidence.Verification;

/// <summary>One line of a verification: what was checked, which check, whether it held, and what was found.</summary>
public sealed record VerificationRow(string Item, string Check, bool Ok, string Detail);
