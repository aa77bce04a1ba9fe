using System.Text;

namespace Reconnect.GraphSimulator.Tests.Support;

/// <summary>Writes a large, uniform fixture for paging and performance tests (the real generator lives elsewhere).</summary>
internal static class SyntheticMailbox
{
    public static TestMailbox Create(int inboxMessages, int sentMessages = 0)
    {
        var mailbox = TestMailbox.Empty();
        mailbox.WriteFile("user.json", """{"id":"U1","displayName":"Synthetic User","mail":"me@example.com","userPrincipalName":"me@example.com"}""");
        mailbox.WriteFile("folders.json", """
            [
              {"id":"R","displayName":"Top of Information Store","parentFolderId":null},
              {"id":"I","displayName":"Inbox","wellKnownName":"inbox","parentFolderId":"R"},
              {"id":"S","displayName":"Sent Items","wellKnownName":"sentitems","parentFolderId":"R"}
            ]
            """);
        using var writer = new StreamWriter(System.IO.Path.Combine(mailbox.Path, "messages.jsonl"), append: false, new UTF8Encoding(false), 1 << 16);
        for (var i = 0; i < inboxMessages + sentMessages; i++)
        {
            var folder = i < inboxMessages ? "I" : "S";
            writer.Write("{\"id\":\"M");
            writer.Write(i);
            writer.Write("\",\"internetMessageId\":\"<m");
            writer.Write(i);
            writer.Write("@example.com>\",\"parentFolderId\":\"");
            writer.Write(folder);
            writer.Write("\",\"isDraft\":false,\"isRead\":");
            writer.Write(i % 3 == 0 ? "false" : "true");
            writer.Write(",\"sentDateTime\":\"2024-01-01T10:00:00Z\",\"receivedDateTime\":\"2024-01-01T10:00:05Z\",\"subject\":\"Message number ");
            writer.Write(i);
            writer.Write("\",\"from\":{\"emailAddress\":{\"name\":\"Sender ");
            writer.Write(i % 500);
            writer.Write("\",\"address\":\"sender");
            writer.Write(i % 500);
            writer.Write("@example.org\"}},\"sender\":{\"emailAddress\":{\"name\":\"Sender\",\"address\":\"sender@example.org\"}},");
            writer.Write("\"toRecipients\":[{\"emailAddress\":{\"name\":\"Synthetic User\",\"address\":\"me@example.com\"}}],\"ccRecipients\":[],\"bccRecipients\":[],");
            writer.Write("\"bodyPreview\":\"Hello, this is a synthetic message body preview of moderate length.\"}\n");
        }
        return mailbox;
    }
}
