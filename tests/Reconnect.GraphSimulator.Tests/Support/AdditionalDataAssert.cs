using System.Collections;
using System.Reflection;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;

namespace Reconnect.GraphSimulator.Tests.Support;

/// <summary>
/// Checks that the SDK found a model property for every JSON property the simulator sent: whatever
/// the SDK does not know lands in AdditionalData, and would mean our wire format is not Graph's.
/// </summary>
internal static class AdditionalDataAssert
{
    /// <summary>Walks the model tree; every AdditionalData key must be one of <paramref name="allowed"/>.</summary>
    public static void OnlyAnnotations(object? model, params string[] allowed)
    {
        var unexpected = new List<string>();
        Walk(model, "$", allowed, unexpected, depth: 0);
        Assert.True(unexpected.Count == 0, "Unknown properties reached AdditionalData: " + string.Join(", ", unexpected));
    }

    private static void Walk(object? value, string path, string[] allowed, List<string> unexpected, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || depth > 12)
        {
            return;
        }
        if (value is IAdditionalDataHolder holder)
        {
            unexpected.AddRange(holder.AdditionalData.Keys.Where(key => !allowed.Contains(key)).Select(key => $"{path}.{key}"));
            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0
                    || property.Name == nameof(IAdditionalDataHolder.AdditionalData)
                    || typeof(IBackingStore).IsAssignableFrom(property.PropertyType))
                {
                    continue;
                }
                Walk(property.GetValue(value), $"{path}.{property.Name}", allowed, unexpected, depth + 1);
            }
        }
        else if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{i++}]", allowed, unexpected, depth + 1);
            }
        }
    }
}
