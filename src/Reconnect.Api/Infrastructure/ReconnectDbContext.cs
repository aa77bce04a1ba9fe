using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Reconnect.Api.Infrastructure;

/// <summary>
/// The store of every user's correspondence index and sync state. This type is the SQLite store;
/// <see cref="PostgreSqlReconnectDbContext"/> is the same model on PostgreSQL.
/// </summary>
/// <remarks>
/// EF Core keeps one migration history per context type, so each provider has its own folder.
/// After a model change, add a migration for both (from the repository root):
/// <code>
/// dotnet ef migrations add NAME --project src/Reconnect.Api --context ReconnectDbContext --output-dir Infrastructure/Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/Reconnect.Api --context PostgreSqlReconnectDbContext --output-dir Infrastructure/Migrations/PostgreSql
/// </code>
/// Neither needs a running database (<see cref="PostgreSqlDesignTimeFactory"/> gives the PostgreSQL one a placeholder).
/// </remarks>
public class ReconnectDbContext : DbContext
{
    public ReconnectDbContext(DbContextOptions<ReconnectDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider-specific subclass, whose options carry its own type.</summary>
    protected ReconnectDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Mailbox> Mailboxes => Set<Mailbox>();
    public DbSet<MailboxSync> MailboxSyncs => Set<MailboxSync>();
    public DbSet<FolderCursor> FolderCursors => Set<FolderCursor>();
    public DbSet<MessageCopy> MessageCopies => Set<MessageCopy>();
    public DbSet<IndexedMessage> IndexedMessages => Set<IndexedMessage>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<IndexedEvent> IndexedEvents => Set<IndexedEvent>();
    public DbSet<Correspondent> Correspondents => Set<Correspondent>();
    public DbSet<ContactEntry> Contacts => Set<ContactEntry>();
    public DbSet<PersonRow> People => Set<PersonRow>();
    public DbSet<Feedback> Feedback => Set<Feedback>();
    public DbSet<UserTemplateRow> UserTemplates => Set<UserTemplateRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every date is UTC; SQLite hands DateTime back unspecified, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Mailbox>(mailbox =>
        {
            mailbox.Property(m => m.TenantId).HasMaxLength(64);
            mailbox.Property(m => m.ObjectId).HasMaxLength(64);
            mailbox.Property(m => m.DisplayName).HasMaxLength(200);
            mailbox.HasIndex(m => new { m.TenantId, m.ObjectId }).IsUnique();
        });

        modelBuilder.Entity<MailboxSync>(sync =>
        {
            sync.HasKey(s => s.MailboxId);
            sync.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
            sync.Property(s => s.Error).HasMaxLength(1000);
            sync.Property(s => s.LeaseOwner).HasMaxLength(100);
            sync.HasOne<Mailbox>().WithOne().HasForeignKey<MailboxSync>(s => s.MailboxId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<FolderCursor>(cursor =>
        {
            cursor.HasKey(c => new { c.MailboxId, c.FolderId });
            cursor.HasOne<Mailbox>().WithMany().HasForeignKey(c => c.MailboxId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MessageCopy>(copy =>
        {
            copy.HasKey(c => new { c.MailboxId, c.CopyId });
            copy.HasIndex(c => new { c.MailboxId, c.FolderKey });
            copy.HasOne<Mailbox>().WithMany().HasForeignKey(c => c.MailboxId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IndexedMessage>(message =>
        {
            message.HasKey(m => new { m.MailboxId, m.MessageId });
            message.Property(m => m.Subject).HasMaxLength(255);
            message.HasOne<Mailbox>().WithMany().HasForeignKey(m => m.MailboxId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Interaction>(interaction =>
        {
            interaction.HasKey(i => i.Id);
            interaction.HasIndex(i => new { i.MailboxId, i.SourceId });
            interaction.HasIndex(i => new { i.MailboxId, i.Address, i.Date });
            interaction.HasOne<Mailbox>().WithMany().HasForeignKey(i => i.MailboxId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IndexedEvent>(meeting =>
        {
            meeting.HasKey(e => new { e.MailboxId, e.GraphId });
            meeting.HasIndex(e => new { e.MailboxId, e.MeetingKey });
            meeting.Property(e => e.Subject).HasMaxLength(255);
            meeting.HasOne<Mailbox>().WithMany().HasForeignKey(e => e.MailboxId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Correspondent>(correspondent =>
        {
            correspondent.HasKey(c => new { c.MailboxId, c.Address });
            correspondent.Property(c => c.DisplayName).HasMaxLength(200);
            correspondent.HasOne<Mailbox>().WithMany().HasForeignKey(c => c.MailboxId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PersonRow>(person =>
        {
            person.HasKey(p => new { p.MailboxId, p.PersonId });
            person.Property(p => p.PersonId).HasMaxLength(32);
            person.HasOne<Mailbox>().WithMany().HasForeignKey(p => p.MailboxId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Feedback>(feedback =>
        {
            feedback.HasKey(f => new { f.MailboxId, f.Address });
            feedback.HasOne<Mailbox>().WithMany().HasForeignKey(f => f.MailboxId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<UserTemplateRow>(template =>
        {
            template.HasKey(t => new { t.MailboxId, t.Strategy });
            template.Property(t => t.Strategy).HasMaxLength(40);
            template.HasOne<Mailbox>().WithMany().HasForeignKey(t => t.MailboxId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ContactEntry>(contact =>
        {
            contact.HasKey(c => new { c.MailboxId, c.ContactId });
            contact.HasOne<Mailbox>().WithMany().HasForeignKey(c => c.MailboxId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
