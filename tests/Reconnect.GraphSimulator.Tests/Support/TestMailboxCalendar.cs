using System.Text.Json.Nodes;
using Reconnect.Testing;

namespace Reconnect.GraphSimulator.Tests.Support;

internal static class TestMailboxCalendar
{
    public static void WriteEvents(this TestMailbox mailbox, params JsonObject[] events) => CalendarLines.WriteEvents(mailbox.Path, events);
}
