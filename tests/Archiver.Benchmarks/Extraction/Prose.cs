namespace Archiver.Benchmarks.Extraction;

/// <summary>
/// Made-up news prose: sentences assembled from small word lists written for this benchmark,
/// with the names, handles, dates, numbers and typography that real articles carry.
/// </summary>
internal sealed class Prose(Random random)
{
    private static readonly string[] Subjects =
    [
        "the harbour committee", "the new transit authority", "a group of volunteer archivists", "the regional water board",
        "the museum's conservation team", "the council's budget office", "a coalition of bakery owners", "the night-shift nurses",
        "the university's robotics lab", "the fishing cooperative", "the school district", "a small software studio",
        "the ferry operator", "the weather service", "the tenants' union", "the orchestra's board", "the city planners",
        "the football club", "the library trustees", "a startup making solar kilns", "the river restoration project",
    ];

    private static readonly string[] Verbs =
    [
        "announced", "quietly postponed", "defended", "questioned", "published", "rejected", "welcomed", "revised",
        "promised to review", "paused", "celebrated", "underestimated", "tested", "doubled", "cancelled", "reopened",
        "drafted", "leaked", "corrected", "mapped",
    ];

    private static readonly string[] Objects =
    [
        "a plan to widen the northern embankment", "the draft timetable for the winter months", "its estimate of the repair costs",
        "a proposal to close the old tram depot", "the results of last spring's survey", "a pilot scheme for late-night buses",
        "the decision to sell the harbour warehouses", "an audit of the flood barriers", "the schedule for the exhibition",
        "a request for more seasonal staff", "the rules for street markets", "its forecast for the coming storm season",
        "a map of the cycle lanes", "the figures on missing library books", "the cost of heating the swimming hall",
        "a report on noise near the airfield", "the contract for the bridge lighting", "plans for a rooftop garden",
    ];

    private static readonly string[] Tails =
    [
        "after weeks of debate", "despite strong objections from residents", "without giving a reason",
        "in a short statement on Tuesday", "to the surprise of almost everyone", "ahead of the autumn elections",
        "while the inquiry continues", "for the second time this year", "following a heated public meeting",
        "once the new figures arrived", "at a cost of roughly 4.2 million euros", "with little fanfare",
    ];

    private static readonly string[] Openers =
    [
        "Meanwhile,", "By contrast,", "According to people familiar with the talks,", "On Monday evening,", "In fairness,",
        "For now,", "As one resident put it,", "Earlier this month,", "Not everyone agrees.", "Critics say",
        "Supporters counter that", "Still,", "Behind the scenes,",
    ];

    private static readonly string[] Observations =
    [
        "the queue outside the town hall stretched around the block", "nobody could explain where the missing invoices went",
        "the old clock above the station finally stopped", "a ferry ran aground on a sandbank near the lighthouse",
        "two of the five members walked out before the vote", "the spreadsheet had been copied from a 2014 template",
        "the heat pump was installed upside down", "the river rose 38 centimetres overnight",
        "a cat wandered into the press conference and stayed", "the survey drew more than 11,400 responses",
        "the mayor's office said the numbers were “preliminary”", "the tender closed three days early",
        "the pilot's logbook was found in a drawer", "local bakers started selling ‘embankment buns’",
    ];

    private static readonly string[] FirstNames =
    [
        "Marisol", "Tobiah", "Zoë", "Jörg", "Inès", "Søren", "Halima", "Corwin", "Łucja", "Keoni", "Ottilie", "Rafferty",
        "Nkechi", "Bastian", "Ysolde", "Teodor", "Amaris", "Ferran", "Wilhelmina", "Daichi",
    ];

    private static readonly string[] LastNames =
    [
        "Quenby", "Abendroth", "Carvalhal", "Ekdahl", "Warenka", "Pellingham", "Okonkwo-Reyes", "Tamsworth", "Vinterberg",
        "Marchetti", "Haldane", "Brisbourne", "Nakagawa", "Delacroix-Holm", "Szabóné", "Ferreira", "Lindqvist", "Ashgrove",
    ];

    private static readonly string[] HandleStems =
    [
        "harrowgazette", "riverwatch", "mquenby", "tamsworth_news", "FerryFacts", "quaysideNotes", "the_tram_guy",
        "ekdahl_s", "budgetnerd", "OttilieWrites", "flood_desk", "kilnworks", "nightnurse", "bridgelights", "raffertyb",
        "WaterBoardNW", "libraryloop", "zoe_maps", "HalimaReports", "corwin",
    ];

    private static readonly string[] Emoji = ["🌊", "📷", "🚋", "🧱", "⛴️", "🔥", "🙃", "🌿", "📉"];

    private static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    private static readonly string[] HeadlineNouns = ["Embankment", "Ferry", "Budget", "Tram Depot", "Flood Barrier", "Library", "Harbour", "Bridge"];

    private static readonly string[] HeadlineVerbs = ["Stalls", "Returns", "Splits the Council", "Faces Audit", "Gets a Reprieve", "Runs Aground"];

    public Random Random => random;

    public string Pick(IReadOnlyList<string> items) => items[random.Next(items.Count)];

    public string Title() => $"{Pick(HeadlineNouns)} {Pick(HeadlineVerbs)} as {Pick(Subjects)} {Pick(Verbs)} {Pick(Objects)}";

    public string Subheading() => $"{Pick(HeadlineNouns)}: {Capitalise(Pick(Observations))}";

    public string PersonName() => $"{Pick(FirstNames)} {Pick(LastNames)}";

    /// <summary>A display name as people set them: sometimes with emoji or a parenthesised aside.</summary>
    public string DisplayName() => random.Next(6) switch
    {
        0 => $"{PersonName()} {Pick(Emoji)}",
        1 => $"{PersonName()} (she/her)",
        2 => $"{Capitalise(Pick(HandleStems))} Desk",
        _ => PersonName(),
    };

    /// <summary>A valid handle: 1 to 15 letters, digits or underscores.</summary>
    public string Handle()
    {
        var stem = Pick(HandleStems);
        var handle = random.Next(3) == 0 ? $"{stem}{random.Next(100)}" : stem;
        return handle.Length <= 15 ? handle : handle[..15];
    }

    public string Date() => $"{Pick(Months)} {random.Next(1, 29)}, {random.Next(2009, 2026)}";

    public string Sentence() => random.Next(7) switch
    {
        0 => $"{Capitalise(Pick(Subjects))} {Pick(Verbs)} {Pick(Objects)} {Pick(Tails)}.",
        1 => $"{Pick(Openers)} {Pick(Observations)}.",
        2 => $"{PersonName()}, who has followed the story since {random.Next(2009, 2024)}, said {Pick(Subjects)} had {Pick(Verbs)} {Pick(Objects)}.",
        3 => $"“We {Pick(Verbs)} {Pick(Objects)},” said {PersonName()}, “and we would do it again.”",
        4 => $"In total, {random.Next(3, 900)} households were affected; {random.Next(2, 60)}% of them had already {Pick(Verbs)} {Pick(Objects)}.",
        5 => $"{Capitalise(Pick(Observations))}, and {Pick(Subjects)} {Pick(Verbs)} {Pick(Objects)} — {Pick(Tails)}.",
        _ => $"{Pick(Openers)} {Pick(Subjects)} {Pick(Verbs)} {Pick(Objects)}.",
    };

    /// <summary>Text of the kind a tweet holds, with a mention, a hashtag or an emoji now and then.</summary>
    public string TweetText() => random.Next(4) switch
    {
        0 => $"{Capitalise(Pick(Observations))}. {Pick(Emoji)}",
        1 => $"Update: {Pick(Subjects)} {Pick(Verbs)} {Pick(Objects)}. #{Pick(HeadlineNouns).Replace(" ", "", StringComparison.Ordinal)}",
        2 => $"@{Handle()} {Capitalise(Pick(Observations))}?!",
        _ => $"{Capitalise(Pick(Subjects))} {Pick(Verbs)} {Pick(Objects)} {Pick(Tails)}.",
    };

    public string Paragraph(int sentences)
    {
        var parts = new string[sentences];
        for (var i = 0; i < sentences; i++)
        {
            parts[i] = Sentence();
        }

        return string.Join(' ', parts);
    }

    public string Slug() => $"{Pick(HeadlineNouns).ToLowerInvariant().Replace(' ', '-')}-{Pick(HeadlineVerbs).ToLowerInvariant().Replace(' ', '-')}";

    public string Code(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }

    private static string Capitalise(string s) => string.Concat(s[..1].ToUpperInvariant(), s.AsSpan(1));
}
