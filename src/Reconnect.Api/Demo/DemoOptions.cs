namespace Reconnect.Api.Demo;

/// <summary>
/// The demo: a signed-in demo user whose mailbox is a fixture served by the Graph simulator in
/// this process. Bound from <c>{ "Demo": { "Enabled": true, "MailboxPath": "path/to/fixture" } }</c>.
/// </summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }

    /// <summary>A fixture folder (shared/fixture-format.md); when empty, a generated demo mailbox.</summary>
    public string? MailboxPath { get; set; }
}
