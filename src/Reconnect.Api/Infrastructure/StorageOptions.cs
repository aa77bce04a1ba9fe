namespace Reconnect.Api.Infrastructure;

/// <summary>
/// Where Reconnect keeps its files. Bound from <c>{ "Storage": { "DataFolder": "App_Data" } }</c>;
/// a relative path is taken from the content root.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string DataFolder { get; set; } = "App_Data";
}
