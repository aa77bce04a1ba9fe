using Microsoft.EntityFrameworkCore.Migrations;
using Reconnect.Api.Infrastructure.Migrations;

#nullable disable

namespace Reconnect.Api.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HashedIndexKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Graph ids and message keys cannot be turned into their hashes in SQL: the next sync rebuilds the index.
            migrationBuilder.ForgetDerivedIndex();

            migrationBuilder.DropPrimaryKey(
                name: "PK_MessageCopies",
                table: "MessageCopies");

            migrationBuilder.DropIndex(
                name: "IX_MessageCopies_MailboxId_FolderId",
                table: "MessageCopies");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Interactions",
                table: "Interactions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_IndexedMessages",
                table: "IndexedMessages");

            migrationBuilder.DropColumn(
                name: "GraphId",
                table: "MessageCopies");

            migrationBuilder.DropColumn(
                name: "FolderId",
                table: "MessageCopies");

            migrationBuilder.DropColumn(
                name: "MessageKey",
                table: "MessageCopies");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "Interactions");

            migrationBuilder.AddColumn<long>(
                name: "CopyId",
                table: "MessageCopies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "FolderKey",
                table: "MessageCopies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "MessageId",
                table: "MessageCopies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "Interactions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<long>(
                name: "SourceId",
                table: "Interactions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "MessageId",
                table: "IndexedMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddPrimaryKey(
                name: "PK_MessageCopies",
                table: "MessageCopies",
                columns: new[] { "MailboxId", "CopyId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Interactions",
                table: "Interactions",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_IndexedMessages",
                table: "IndexedMessages",
                columns: new[] { "MailboxId", "MessageId" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageCopies_MailboxId_FolderKey",
                table: "MessageCopies",
                columns: new[] { "MailboxId", "FolderKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_MailboxId_SourceId",
                table: "Interactions",
                columns: new[] { "MailboxId", "SourceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.ForgetDerivedIndex();

            migrationBuilder.DropPrimaryKey(
                name: "PK_MessageCopies",
                table: "MessageCopies");

            migrationBuilder.DropIndex(
                name: "IX_MessageCopies_MailboxId_FolderKey",
                table: "MessageCopies");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Interactions",
                table: "Interactions");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_MailboxId_SourceId",
                table: "Interactions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_IndexedMessages",
                table: "IndexedMessages");

            migrationBuilder.DropColumn(
                name: "CopyId",
                table: "MessageCopies");

            migrationBuilder.DropColumn(
                name: "FolderKey",
                table: "MessageCopies");

            migrationBuilder.DropColumn(
                name: "MessageId",
                table: "MessageCopies");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "MessageId",
                table: "IndexedMessages");

            migrationBuilder.AddColumn<string>(
                name: "GraphId",
                table: "MessageCopies",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FolderId",
                table: "MessageCopies",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MessageKey",
                table: "MessageCopies",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "Interactions",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_MessageCopies",
                table: "MessageCopies",
                columns: new[] { "MailboxId", "GraphId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Interactions",
                table: "Interactions",
                columns: new[] { "MailboxId", "SourceKey", "Address" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_IndexedMessages",
                table: "IndexedMessages",
                columns: new[] { "MailboxId", "MessageKey" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageCopies_MailboxId_FolderId",
                table: "MessageCopies",
                columns: new[] { "MailboxId", "FolderId" });
        }
    }
}
