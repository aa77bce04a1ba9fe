using System.Collections.Frozen;

namespace Reconnect.GraphSimulator.OData;

/// <summary>
/// The properties Graph v1.0 serves for one resource type: those $select may name, and those
/// returned when there is no $select.
/// </summary>
/// <remarks>
/// Responses copy only these properties from the fixture. A fixture may carry private hints
/// (<c>wellKnownName</c>) or annotations pasted from a real response (<c>@odata.etag</c>); sent on,
/// they would land in the SDK models' AdditionalData, which real Graph never causes.
/// </remarks>
internal sealed class ResourceShape
{
    private ResourceShape(string typeName, string[] known, string[] defaults)
    {
        TypeName = typeName;
        Known = known.ToFrozenDictionary(name => name, name => name, StringComparer.OrdinalIgnoreCase);
        Defaults = defaults;
    }

    /// <summary>Graph's type name, as in error messages (<c>microsoft.graph.message</c>).</summary>
    public string TypeName { get; }

    /// <summary>Every property $select may name, keyed case-insensitively to its canonical spelling.</summary>
    public FrozenDictionary<string, string> Known { get; }

    public IReadOnlyList<string> Defaults { get; }

    public static ResourceShape Message { get; } = CreateMessage();

    public static ResourceShape MailFolder { get; } = new("microsoft.graph.mailFolder",
        ["id", "displayName", "parentFolderId", "childFolderCount", "unreadItemCount", "totalItemCount", "isHidden"],
        ["id", "displayName", "parentFolderId", "childFolderCount", "unreadItemCount", "totalItemCount", "isHidden"]);

    public static ResourceShape Contact { get; } = CreateContact();

    public static ResourceShape User { get; } = CreateUser();

    public static ResourceShape Event { get; } = CreateEvent();

    private static ResourceShape CreateEvent()
    {
        string[] known =
        [
            "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "transactionId",
            "originalStartTimeZone", "originalEndTimeZone", "iCalUId", "uid", "reminderMinutesBeforeStart", "isReminderOn",
            "hasAttachments", "subject", "bodyPreview", "importance", "sensitivity", "isAllDay", "isCancelled",
            "isOrganizer", "responseRequested", "seriesMasterId", "showAs", "type", "webLink", "onlineMeetingUrl",
            "isOnlineMeeting", "onlineMeetingProvider", "allowNewTimeProposals", "occurrenceId", "isDraft",
            "hideAttendees", "responseStatus", "body", "start", "end", "location", "locations", "recurrence",
            "attendees", "organizer", "onlineMeeting", "originalStart",
        ];
        return new ResourceShape("microsoft.graph.event", known, known);
    }

    private static ResourceShape CreateMessage()
    {
        string[] known =
        [
            "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime", "sentDateTime",
            "hasAttachments", "internetMessageId", "subject", "bodyPreview", "importance", "parentFolderId",
            "conversationId", "conversationIndex", "isDeliveryReceiptRequested", "isReadReceiptRequested", "isRead",
            "isDraft", "webLink", "inferenceClassification", "body", "sender", "from", "toRecipients", "ccRecipients",
            "bccRecipients", "replyTo", "flag", "internetMessageHeaders", "uniqueBody",
        ];
        // Graph returns internetMessageHeaders and uniqueBody only when $select names them.
        var defaults = known.Where(name => name is not ("internetMessageHeaders" or "uniqueBody")).ToArray();
        return new ResourceShape("microsoft.graph.message", known, defaults);
    }

    private static ResourceShape CreateContact()
    {
        string[] known =
        [
            "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "parentFolderId", "birthday",
            "fileAs", "displayName", "givenName", "initials", "middleName", "nickName", "surname", "title",
            "yomiGivenName", "yomiSurname", "yomiCompanyName", "generation", "emailAddresses", "imAddresses",
            "jobTitle", "companyName", "department", "officeLocation", "profession", "businessHomePage",
            "assistantName", "manager", "homePhones", "mobilePhone", "businessPhones", "homeAddress",
            "businessAddress", "otherAddress", "spouseName", "personalNotes", "children",
        ];
        return new ResourceShape("microsoft.graph.contact", known, known);
    }

    private static ResourceShape CreateUser()
    {
        string[] defaults =
        [
            "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
            "preferredLanguage", "surname", "userPrincipalName", "id",
        ];
        string[] more =
        [
            "accountEnabled", "ageGroup", "city", "companyName", "country", "createdDateTime", "department",
            "employeeId", "employeeType", "faxNumber", "identities", "imAddresses", "mailNickname", "otherMails",
            "onPremisesSamAccountName", "onPremisesUserPrincipalName", "onPremisesImmutableId", "postalCode",
            "preferredName", "proxyAddresses", "state", "streetAddress", "usageLocation", "userType", "aboutMe",
            "birthday", "hireDate", "interests", "mySite", "pastProjects", "responsibilities", "schools", "skills",
            "mailboxSettings", "showInAddressList", "externalUserState", "creationType", "legalAgeGroupClassification",
        ];
        return new ResourceShape("microsoft.graph.user", [.. defaults, .. more], defaults);
    }
}
