namespace Reconnect.GraphSimulator.Fixtures;

/// <summary>A contact of contacts.json, kept as raw JSON so that $select can copy its properties verbatim.</summary>
internal sealed record ContactRecord(string Id, byte[] Json);
