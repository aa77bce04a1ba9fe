namespace Reconnect.GraphSimulator.Fixtures;

/// <summary>
/// Splits a stream of UTF-8 text into lines without decoding it to strings.
/// </summary>
/// <remarks>
/// Mailboxes reach 100,000+ messages; StreamReader.ReadLine would allocate a UTF-16 string per line
/// only for us to encode it back to UTF-8. Here a line is a slice of a reused buffer: the caller
/// copies what it keeps (the message's raw JSON) and nothing else is allocated.
/// </remarks>
internal static class Utf8LineReader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Yields each non-blank line, trimmed; a slice is valid only until the next one is asked for.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> ReadLines(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        int start = 0, end = 0, scanned = 0;
        var first = true;
        while (true)
        {
            var newline = buffer.AsSpan(scanned, end - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Trim(buffer.AsMemory(start, scanned + newline - start), ref first);
                start = scanned = scanned + newline + 1;
                if (!line.IsEmpty)
                {
                    yield return line;
                }
                continue;
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            scanned = end;
            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                var last = Trim(buffer.AsMemory(0, end), ref first);
                if (!last.IsEmpty)
                {
                    yield return last;
                }
                yield break;
            }
            end += read;
        }
    }

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line, ref bool first)
    {
        if (first)
        {
            first = false;
            if (line.Span.StartsWith(Utf8Bom))
            {
                line = line[Utf8Bom.Length..];
            }
        }
        var span = line.Span;
        int from = 0, to = span.Length;
        while (from < to && IsBlank(span[from])) from++;
        while (to > from && IsBlank(span[to - 1])) to--;
        return line[from..to];
    }

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
