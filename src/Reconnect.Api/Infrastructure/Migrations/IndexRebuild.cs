using Microsoft.EntityFrameworkCore.Migrations;

namespace Reconnect.Api.Infrastructure.Migrations;

/// <summary>
/// For migrations that change how the correspondence index is keyed: the index is derived from the
/// mailbox, so rather than convert it, they empty it (copies, messages, interactions, totals,
/// meetings, people and delta cursors; feedback, settings and templates stay) and mark each synced
/// mailbox's sync as interrupted, so the first start after the upgrade reads every mailbox again.
/// SQL that SQLite and PostgreSQL both accept.
/// </summary>
internal static class IndexRebuild
{
    public static void ForgetDerivedIndex(this MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        DELETE FROM "Interactions";
        DELETE FROM "IndexedMessages";
        DELETE FROM "MessageCopies";
        DELETE FROM "Correspondents";
        DELETE FROM "IndexedEvents";
        DELETE FROM "People";
        DELETE FROM "FolderCursors";
        UPDATE "Mailboxes" SET "PeopleVersion" = "PeopleVersion" + 1;
        UPDATE "MailboxSyncs" SET "State" = 'Running', "LeaseOwner" = NULL, "LeaseExpiresAt" = NULL, "MessagesProcessed" = 0, "ItemsSkipped" = 0, "Error" = NULL
            WHERE "State" <> 'Idle';
        """);
}
