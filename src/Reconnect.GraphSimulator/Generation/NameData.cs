namespace Reconnect.GraphSimulator.Generation;

/// <summary>Invented names and example.com-style organisations; combinations name no real person.</summary>
internal static class NameData
{
    public static readonly string[] GivenNames =
    [
        "Aiko", "Alba", "Amara", "Anders", "Anika", "Arjun", "Astrid", "Bao", "Beatriz", "Bram", "Camila", "Caspian",
        "Chidi", "Cleo", "Dalia", "Dario", "Delphine", "Desmond", "Elif", "Emeka", "Esme", "Farah", "Felix", "Freya",
        "Gideon", "Greta", "Hana", "Hugo", "Ilse", "Imani", "Ines", "Ivo", "Jalen", "Jana", "Jonas", "Kaito", "Kalani",
        "Keanu", "Kirsi", "Lars", "Leila", "Linnea", "Lucia", "Mads", "Malik", "Mara", "Mateo", "Mei", "Mira", "Nadia",
        "Nikhil", "Noor", "Oren", "Oskar", "Paz", "Priya", "Quinn", "Rafael", "Rania", "Rhea", "Rohan", "Rosa", "Sanna",
        "Santiago", "Selin", "Soren", "Suki", "Tariq", "Thea", "Tomas", "Uma", "Valeria", "Vikram", "Wren", "Xavi",
        "Yara", "Yusuf", "Zara", "Zeno", "Alex", "Sam", "Jordan", "Robin", "Kim", "Noa", "Ari", "Eli", "Lina", "Omar",
    ];

    public static readonly string[] Surnames =
    [
        "Abernathy", "Achterberg", "Adeyemi", "Alvarenga", "Bergstrom", "Bianchi", "Brennan", "Castellano", "Chowdhury",
        "Dalgaard", "Delacroix", "Eriksen", "Esposito", "Fairbanks", "Falk", "Fontaine", "Galloway", "Grunewald",
        "Haddad", "Halvorsen", "Hargreaves", "Ibarra", "Iwasaki", "Jablonski", "Janssen", "Kapoor", "Karlsson",
        "Kowalczyk", "Lindgren", "Lombardi", "Mbeki", "Mendoza", "Moreau", "Nakamura", "Nieminen", "Novak", "Okafor",
        "Oyelaran", "Pellegrini", "Petrov", "Quintero", "Ramaswamy", "Rasmussen", "Rautio", "Salazar", "Sandoval",
        "Takahashi", "Thorsen", "Ueda", "Valdez", "Vasquez", "Wainwright", "Whitlock", "Xiong", "Yamamoto", "Zielinski",
        "Amberley", "Brightwater", "Coldridge", "Dunmore", "Everly", "Foxworth", "Glenholm", "Hollins", "Kestrel",
    ];

    /// <summary>Display name and domain stem of outside organisations.</summary>
    public static readonly (string Name, string Domain)[] Companies =
    [
        ("Contoso", "contoso.example"), ("Fabrikam", "fabrikam.example"), ("Adatum", "adatum.example"),
        ("Woodgrove Bank", "woodgrove.example"), ("Litware", "litware.example"), ("Tailspin Toys", "tailspin.example"),
        ("Wingtip Toys", "wingtip.example"), ("Proseware", "proseware.example"), ("Fourth Coffee", "fourthcoffee.example"),
        ("Alpine Ski House", "alpineskihouse.example"), ("Coho Winery", "cohowinery.example"),
        ("Lucerne Publishing", "lucernepublishing.example"), ("Margie's Travel", "margiestravel.example"),
        ("Trey Research", "treyresearch.example"), ("Wide World Importers", "wideworldimporters.example"),
        ("Blue Yonder Airlines", "blueyonder.example"), ("Humongous Insurance", "humongous.example"),
        ("Relecloud", "relecloud.example"), ("VanArsdel", "vanarsdel.example"), ("Lamna Healthcare", "lamna.example"),
        ("Bellows College", "bellows.example"), ("Tailwind Traders", "tailwindtraders.example"),
        ("Fincher Architects", "fincher.example"), ("Nod Publishers", "nodpublishers.example"),
    ];

    public static readonly string[] PersonalDomains =
        ["homemail.example", "mailbox.example", "post.example", "inbox.example", "fastpost.example", "personal.example"];

    public static readonly string[] JobTitles =
    [
        "Program Manager", "Senior Engineer", "Account Executive", "Director of Operations", "Data Analyst",
        "Product Designer", "Research Scientist", "Procurement Lead", "Partner", "Consultant", "Recruiter", "CFO",
    ];

    /// <summary>(sender name, local part, domain, subject stem) of newsletters.</summary>
    public static readonly (string Name, string Local, string Domain, string Subject)[] Newsletters =
    [
        ("Industry Weekly", "newsletter", "industryweekly.example", "This week in the industry"),
        ("The Morning Brief", "brief", "morningbrief.example", "Your morning brief"),
        ("DevDigest", "digest", "devdigest.example", "DevDigest: top stories"),
        ("Fourth Coffee Rewards", "hello", "news.fourthcoffee.example", "A treat for you"),
        ("Cloud Pulse", "updates", "cloudpulse.example", "Cloud Pulse monthly"),
        ("Design Notes", "editor", "designnotes.example", "Design Notes #"),
        ("Margie's Travel Deals", "deals", "mail.margiestravel.example", "Deals for your next trip"),
        ("Alumni Update", "alumni", "bellows.example", "News from Bellows College"),
        ("Research Roundup", "roundup", "treyresearch.example", "Research Roundup"),
        ("Webinar Series", "events", "webinars.relecloud.example", "Upcoming webinars"),
    ];

    /// <summary>(sender name, local part, domain, subject) of notification services.</summary>
    public static readonly (string Name, string Local, string Domain, string Subject)[] Notifications =
    [
        ("Build Server", "notifications", "ci.northwind.example", "Build succeeded: main"),
        ("Relecloud Alerts", "alerts", "relecloud.example", "Alert: usage threshold reached"),
        ("Tracker", "notification", "tracker.example", "[Tracker] New comment on your item"),
        ("Calendar", "calendar-notify", "calendar.example", "Reminder: meeting in 15 minutes"),
        ("Expense Bot", "expenses", "finance.northwind.example", "Your expense report was approved"),
        ("Repo Host", "notifications", "repohost.example", "[repo] Pull request review requested"),
    ];

    /// <summary>(sender name, address local part, domain, subject) of no-reply senders.</summary>
    public static readonly (string Name, string Local, string Domain, string Subject)[] NoReply =
    [
        ("Blue Yonder Airlines", "noreply", "blueyonder.example", "Your booking confirmation"),
        ("Humongous Insurance", "no-reply", "humongous.example", "Your policy documents"),
        ("Tailwind Traders", "do-not-reply", "tailwindtraders.example", "Your order has shipped"),
        ("Mail Delivery Subsystem", "MAILER-DAEMON", "mx.northwind.example", "Undeliverable: "),
        ("Woodgrove Bank", "DoNotReply", "woodgrove.example", "Your statement is ready"),
        ("Postmaster", "postmaster", "mail.adatum.example", "Delivery Status Notification (Failure)"),
        ("Lamna Healthcare", "no_reply", "lamna.example", "Appointment reminder"),
        ("Wingtip Toys", "noreply-orders", "wingtip.example", "Receipt for your purchase"),
    ];

    public static readonly string[] WorkSubjects =
    [
        "Quarterly planning", "Budget review", "Draft proposal attached", "Can we move our 1:1?", "Follow-up on the demo",
        "Contract redlines", "Hiring loop feedback", "Roadmap questions", "Notes from today's call", "Status update",
        "Vendor shortlist", "Customer escalation", "Design review", "Launch checklist", "Travel plans for the offsite",
        "Intro: you two should meet", "Question about the API", "Slides for Thursday", "Invoice 4471", "Lunch next week?",
    ];

    public static readonly string[] FriendSubjects =
    [
        "Great meeting you at DevSummit", "The paper I mentioned", "Catching up", "Congrats on the new role!",
        "Book recommendation", "Coffee when you're in town?", "That conference talk", "Photos from the trip",
        "Referral question", "Thoughts on my side project", "Long overdue update", "Happy birthday!",
    ];

    public static readonly string[] JunkSubjects =
    [
        "You have won a prize", "URGENT: verify your account", "Cheap meds online", "Re: your invoice (overdue)",
        "Exclusive investment opportunity", "Your parcel could not be delivered", "Hot singles near you", "Claim your refund",
    ];
}
