using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Reconnect.Api.Infrastructure;

/// <summary>
/// The 64-bit keys the index stores instead of Graph ids, message keys and folder ids. Stable across
/// processes and machines (XxHash3 of the string's UTF-16 code units, seed 0), so every instance
/// finds the rows another wrote. The odds that two of a million message keys share a hash are about
/// 3 in 100 million: accepted, as the price of small indexes that a sync can append to cheaply.
/// </summary>
public static class IndexKeys
{
    public static long Of(string value) =>
        unchecked((long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value.AsSpan())));
}
