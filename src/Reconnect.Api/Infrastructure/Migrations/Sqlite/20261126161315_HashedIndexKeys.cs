using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Reconnect.Api.Infrastructure.Migrations;

#nullable disable

namespace Reconnect.Api.Infrastructure.Migrations.Sqlite
{
    /// <summary>
    /// Copies, messages and interactions keyed by hashes. The tables hold only derived rows, which
    /// <see cref="IndexRebuild.ForgetDerivedIndex"/> empties anyway, so they are dropped and created
    /// again: on SQLite, altering their keys would rebuild each table outside the migration's transaction.
    /// </summary>
    public partial class HashedIndexKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Graph ids and message keys cannot be turned into their hashes in SQL: the next sync rebuilds the index.
            migrationBuilder.ForgetDerivedIndex();
            migrationBuilder.DropTable(name: "MessageCopies");
            migrationBuilder.DropTable(name: "IndexedMessages");
            migrationBuilder.DropTable(name: "Interactions");

            migrationBuilder.CreateTable(
                name: "MessageCopies",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "INTEGER", nullable: false),
                    CopyId = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    FolderKey = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageCopies", x => new { x.MailboxId, x.CopyId });
                    table.ForeignKey(
                        name: "FK_MessageCopies_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndexedMessages",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageKey = table.Column<string>(type: "TEXT", nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    CopyCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexedMessages", x => new { x.MailboxId, x.MessageId });
                    table.ForeignKey(
                        name: "FK_IndexedMessages_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Interactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MailboxId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GroupSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Bulk = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Interactions_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MessageCopies_MailboxId_FolderKey",
                table: "MessageCopies",
                columns: new[] { "MailboxId", "FolderKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_MailboxId_SourceId",
                table: "Interactions",
                columns: new[] { "MailboxId", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_MailboxId_Address_Date",
                table: "Interactions",
                columns: new[] { "MailboxId", "Address", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.ForgetDerivedIndex();
            migrationBuilder.DropTable(name: "MessageCopies");
            migrationBuilder.DropTable(name: "IndexedMessages");
            migrationBuilder.DropTable(name: "Interactions");

            migrationBuilder.CreateTable(
                name: "MessageCopies",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "INTEGER", nullable: false),
                    GraphId = table.Column<string>(type: "TEXT", nullable: false),
                    MessageKey = table.Column<string>(type: "TEXT", nullable: false),
                    FolderId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageCopies", x => new { x.MailboxId, x.GraphId });
                    table.ForeignKey(
                        name: "FK_MessageCopies_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndexedMessages",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "INTEGER", nullable: false),
                    MessageKey = table.Column<string>(type: "TEXT", nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    CopyCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexedMessages", x => new { x.MailboxId, x.MessageKey });
                    table.ForeignKey(
                        name: "FK_IndexedMessages_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Interactions",
                columns: table => new
                {
                    MailboxId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GroupSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Bulk = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interactions", x => new { x.MailboxId, x.SourceKey, x.Address });
                    table.ForeignKey(
                        name: "FK_Interactions_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MessageCopies_MailboxId_FolderId",
                table: "MessageCopies",
                columns: new[] { "MailboxId", "FolderId" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_MailboxId_Address_Date",
                table: "Interactions",
                columns: new[] { "MailboxId", "Address", "Date" });
        }
    }
}
