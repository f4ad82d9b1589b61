//! The demo workspace's people. Index + 1 is the user id. Names include accents, CJK, an
//! apostrophe and one that looks like HTML, so every face is tested against them.

/// (firstname, lastname, role, team id, status). Status `archived` means active but archived.
pub const ACME_PEOPLE: &[(&str, &str, &str, Option<i64>, &str)] = &[
    ("Olivia", "Martin", "Owner", None, "active"),                                 // 1 demo-owner
    ("Émile", "Durand", "Executive manager", None, "active"),                      // 2 demo-executive
    ("Priya", "Raman", "Project manager", None, "active"),                         // 3 demo-project-manager
    ("Kenji", "Watanabe", "Team manager", Some(1), "active"),                      // 4 demo-team-manager
    ("Seán", "O'Brien", "Regular User", Some(1), "active"),                        // 5 demo-regular
    ("Zoë", "Clarke", "Project viewer", None, "active"),                           // 6 demo-viewer
    ("Marta", "Kowalska", "Executive manager", None, "active"),                    // 7
    ("Lucas", "Ferreira", "Project manager", None, "active"),                      // 8
    ("Chloé", "Bernard", "Project manager", None, "active"),                       // 9
    ("Ahmed", "Hassan", "Team manager", Some(2), "active"),                        // 10
    ("Ingrid", "Johansson", "Project viewer", None, "active"),                     // 11
    ("Björn", "Ólafsson", "Project viewer", None, "active"),                       // 12
    ("<img src=x onerror=alert(1)>", "Tester", "Regular User", Some(1), "active"), // 13
    ("伟", "李", "Regular User", Some(1), "active"),                               // 14
    ("花子", "佐藤", "Regular User", Some(1), "active"),                           // 15
    ("José", "Núñez", "Regular User", Some(1), "active"),                          // 16
    ("Søren", "Madsen", "Regular User", Some(1), "active"),                        // 17
    ("Fatima", "Al-Sayed", "Regular User", Some(1), "active"),                     // 18
    ("Lan", "Nguyễn Thị", "Regular User", Some(1), "active"),                      // 19
    ("Mary-Jane", "Watson", "Regular User", Some(1), "active"),                    // 20
    ("Dmitri", "Ivanov", "Regular User", Some(2), "active"),                       // 21
    ("Aoife", "Ní Bhriain", "Regular User", Some(2), "active"),                    // 22
    ("Matthäus", "Schröder", "Regular User", Some(2), "active"),                   // 23
    ("지민", "박", "Regular User", Some(2), "active"),                             // 24
    ("Rafael", "Gonçalves", "Regular User", Some(2), "active"),                    // 25
    ("Amara", "Okafor", "Regular User", Some(2), "active"),                        // 26
    ("Liam", "D'Angelo", "Regular User", Some(2), "active"),                       // 27
    ("Noa", "Ben-David", "Regular User", Some(2), "active"),                       // 28
    ("Élodie", "Fournier", "Regular User", Some(2), "active"),                     // 29
    ("Tomás", "Ó Súilleabháin", "Regular User", Some(2), "active"),                // 30
    ("Yusuf", "Çelik", "Regular User", Some(2), "active"),                         // 31
    ("Mei", "陈", "Regular User", Some(2), "active"),                              // 32
    ("Isabella", "Rossi", "Regular User", Some(3), "active"),                      // 33
    ("Hugo", "Lefèvre", "Regular User", Some(3), "active"),                        // 34
    ("Astrid", "Lindqvist", "Regular User", Some(3), "active"),                    // 35
    ("Kwame", "Mensah", "Regular User", Some(3), "active"),                        // 36
    ("Sofía", "Martínez", "Regular User", Some(3), "active"),                      // 37
    ("Arjun", "Patel", "Regular User", Some(3), "active"),                         // 38
    ("Zeynep", "Yılmaz", "Regular User", Some(3), "active"),                       // 39
    ("Nora", "Halvorsen", "Project viewer", None, "active"),                       // 40
    ("Pending", "Invitee", "Regular User", None, "inactive"),                      // 41
    ("Beatriz", "Souza", "Project manager", None, "inactive"),                     // 42
    ("Gustav", "Berg", "Regular User", Some(2), "left"),                           // 43
    ("Unknown", "Status", "Regular User", None, "unknown"),                        // 44
    ("Archie", "Vance", "Regular User", Some(3), "archived"),                      // 45
    ("Petra", "Novák", "Team manager", None, "archived"),                          // 46
];

/// Workspace 2 ("Globex Labs"), user ids 101.. (plus user 2, who is in both workspaces).
pub const GLOBEX_PEOPLE: &[(&str, &str, &str)] = &[
    ("Hank", "Scorpio", "Owner"),              // 101 demo-other-owner
    ("Frank", "Grimes", "Regular User"),       // 102
    ("Mindy", "Simmons", "Executive manager"), // 103
    ("Homer", "Simpson", "Regular User"),      // 104
    ("Lenny", "Leonard", "Project manager"),   // 105
];

pub const TEAMS: &[(i64, &str, Option<i64>)] = &[(1, "Design", Some(4)), (2, "Engineering", Some(10)), (3, "Marketing", None)];

pub const TITLES: &[&str] = &[
    "Designer",
    "Senior Designer",
    "Developer",
    "Senior Developer, Tech Lead",
    "QA Engineer",
    "Marketing Specialist",
    "Copywriter",
    "Data Analyst",
    "Support Engineer",
    "Product Manager",
];

/// Zones, in turn by user id (user 1 Paris .. 6 Kolkata, 7 Manila, 8 Auckland, 9 Paris ...): every
/// member's time entries are on their own wall clock, so the panel has members across the date line.
pub const TIMEZONES: &[&str] =
    &["Europe/Paris", "America/New_York", "Asia/Tokyo", "Europe/Berlin", "UTC", "Asia/Kolkata", "Asia/Manila", "Pacific/Auckland"];

/// (name, billable, rate, tags, icon)
#[allow(clippy::type_complexity)]
pub const PROJECTS: &[(&str, bool, Option<f64>, &[&str], &str)] = &[
    ("Website Redesign", true, Some(85.0), &["Design", "Client"], "project-icon-1"),
    ("Mobile App", true, Some(95.0), &["Engineering", "Client"], "project-icon-2"),
    ("Internal Tools", false, None, &["Engineering", "Internal"], "project-icon-3"),
    ("Brand Refresh", true, Some(70.0), &["Design", "Marketing"], "project-icon-4"),
    ("Data Platform", true, Some(110.0), &["Engineering", "Data"], "project-icon-5"),
    ("Customer Support Portal", true, Some(60.0), &["Support"], "project-icon-6"),
    ("Q2 Marketing Campaign", true, Some(65.0), &["Marketing"], "project-icon-7"),
    ("Onboarding Handbook", false, None, &["Internal"], "project-icon-8"),
    ("Security Audit", true, Some(120.0), &["Engineering", "Security"], "project-icon-9"),
    ("Café Ordering Kiosk ☕", true, Some(80.0), &["Client", "Design"], "project-icon-10"),
];

pub const TAG_COLORS: &[(&str, &str)] = &[
    ("Design", "#e91e63"),
    ("Client", "#3f51b5"),
    ("Engineering", "#009688"),
    ("Internal", "#9e9e9e"),
    ("Marketing", "#ff9800"),
    ("Data", "#673ab7"),
    ("Support", "#4caf50"),
    ("Security", "#f44336"),
];

pub const TASK_TITLES: &[&str] = &[
    "Kick-off meeting",
    "Wireframes",
    "Design review",
    "Implement API client",
    "Write tests",
    "Fix login bug",
    "Performance pass",
    "Accessibility audit",
    "Copy edits",
    "Release notes",
    "Client feedback round",
    "Deploy to staging",
    "Update dependencies",
    "Research competitors",
    "Prepare demo",
    "Database migration",
    "Translate strings (日本語, Español)",
    "Dashboard charts",
    "Onboarding flow",
    "Invoice export",
];

pub const DESCRIPTIONS: &[&str] = &[
    "Standup and planning",
    "Working on the main feature",
    "Code review",
    "Client call",
    "Bug fixing",
    "Documentation",
    "Design iterations",
    "Testing",
    "Research",
    "Email and chat",
];

pub const EXPENSE_NAMES: &[(&str, usize, f64)] = &[
    ("Train ticket to client", 0, 89.5),
    ("Figma subscription", 1, 45.0),
    ("USB-C dock", 2, 129.99),
    ("Team lunch", 3, 212.4),
    ("Printer paper", 4, 18.75),
    ("Flight to conference", 0, 640.0),
    ("JetBrains licence", 1, 249.0),
    ("External monitor", 2, 319.0),
    ("Client dinner", 3, 156.3),
    ("Notebooks & pens", 4, 23.1),
];

pub const CATEGORIES: &[(&str, &str)] =
    &[("Travel", "#2196f3"), ("Software", "#9c27b0"), ("Hardware", "#795548"), ("Meals", "#ff5722"), ("Office supplies", "#607d8b")];
