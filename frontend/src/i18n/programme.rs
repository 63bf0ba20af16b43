//! Texts of the coordinator's programme set-up: dashboard, edition,
//! schools, companies, matching, learning networks, people, backup, and
//! the messages of the programme's validation rules.

use super::{pick, Lang, Text};
use rubric::errors::ErrorCode;
use rubric::people::{Role, SchoolFunction};
use rubric::programme::{CsvFileError, Field, NetworkKind, ProgrammeError, StepStatus, Track};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum P {
    Edition,
    Active,
    NoEditionTitle,
    NoEditionBody,
    CreateEdition,
    LoadDemo,
    Save,
    Cancel,
    Edit,
    Add,
    Archive,
    Restore,
    ShowArchived,
    Archived,
    Saved,
    Delete,
    Actions,
    ConfirmArchive,
    Close,
    // Fields
    Name,
    SchoolYear,
    NulmetingDeadline,
    PlanDeadline,
    FinalDate,
    FinalPlace,
    Threshold,
    Town,
    Region,
    Tracks,
    ContactName,
    ContactEmail,
    Sector,
    Date,
    Place,
    Topic,
    Email,
    Role,
    School,
    Company,
    Function,
    Optional,
    ChooseOne,
    // Dashboard
    DashboardTitle,
    Timeline,
    Schools,
    Companies,
    StepNulmeting,
    StepConsensus,
    StepPlan,
    StepComments,
    Sponsor,
    NoSponsor,
    NotStarted,
    InProgress,
    Done,
    Overdue,
    Upcoming,
    Held,
    FilterStep,
    FilterAll,
    FilterNulmetingOpen,
    FilterConsensusOpen,
    FilterPlanNotSubmitted,
    FilterOpenComments,
    FilterNoSponsor,
    AnyRegion,
    AnyTrack,
    Search,
    NoMatches,
    Respondents,
    Submitted,
    MilestoneNulmeting,
    MilestonePlan,
    MilestoneFinal,
    Today,
    // Edition page
    EditionsTitle,
    NewEdition,
    MakeActive,
    ActivateNow,
    Backup,
    BackupLead,
    ExportEdition,
    ExportArchive,
    ImportEdition,
    ImportHelp,
    ImportDone,
    NotJsonFile,
    // Schools and companies
    SchoolsTitle,
    CompaniesTitle,
    AddSchool,
    AddCompany,
    EditSchool,
    EditCompany,
    NoSchools,
    NoCompanies,
    ImportCsv,
    CsvSchoolsHelp,
    CsvCompaniesHelp,
    CsvText,
    CsvFile,
    Preview,
    ImportRows,
    RowsSkipped,
    AllRowsValid,
    Line,
    Problems,
    Imported,
    SponsorsSchools,
    // Matching
    MatchingTitle,
    MatchingLead,
    ProfileTitle,
    NoProfile,
    Candidates,
    SameTown,
    Choose,
    Current,
    Unmatch,
    PickSchool,
    // Networks
    NetworksTitle,
    AddSession,
    NoSessions,
    Attendance,
    SaveAttendance,
    Present,
    ConfirmDeleteSession,
    // People
    PeopleTitle,
    InviteTitle,
    Invite,
    LinkTitle,
    LinkHelp,
    Copy,
    Copied,
    NewLink,
    RevokeLink,
    RemoveAccess,
    RestoreAccess,
    LinkOpen,
    LinkUsed,
    LinkRevoked,
    LinkNone,
    NoAccess,
    ConfirmRemoveAccess,
    ColleaguesTitle,
    ColleaguesLead,
    NoColleagues,
    TrackTransition,
    TrackDual,
    TrackLabour,
    NetTeam,
    NetProf,
    NetEco,
    FnDirection,
    FnStem,
    FnTeacher,
    FnOther,
    Row,
    ImportTooNew,
    ImportNotExport,
    ImportRefused,
    ErrCompanyInUse,
    ErrSessionHasAttendance,
    ErrPersonArchived,
    ErrOwnAccess,
}

impl Text for P {
    #[inline(always)]
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            P::Edition => ("Editie", "Edition"),
            P::Active => ("actief", "active"),
            P::NoEditionTitle => ("Nog geen editie", "No edition yet"),
            P::NoEditionBody => (
                "Maak de eerste editie aan met haar belangrijke data, of laad een demo-editie om STEMpact te verkennen.",
                "Create the first edition with its key dates, or load a demo edition to explore STEMpact.",
            ),
            P::CreateEdition => ("Editie aanmaken", "Create an edition"),
            P::LoadDemo => ("Demo-editie laden", "Load the demo edition"),
            P::Save => ("Opslaan", "Save"),
            P::Cancel => ("Annuleren", "Cancel"),
            P::Edit => ("Bewerken", "Edit"),
            P::Add => ("Toevoegen", "Add"),
            P::Archive => ("Archiveren", "Archive"),
            P::Restore => ("Terugzetten", "Restore"),
            P::ShowArchived => ("Toon ook gearchiveerde", "Show archived too"),
            P::Archived => ("gearchiveerd", "archived"),
            P::Saved => ("Opgeslagen.", "Saved."),
            P::Delete => ("Verwijderen", "Delete"),
            P::Actions => ("Acties", "Actions"),
            P::ConfirmArchive => (
                "Archiveren? Het blijft bewaard met alle gegevens en je kunt het later terugzetten.",
                "Archive? It is kept with all its data and you can restore it later.",
            ),
            P::Close => ("Sluiten", "Close"),
            P::Name => ("Naam", "Name"),
            P::SchoolYear => ("Schooljaar", "School year"),
            P::NulmetingDeadline => ("Deadline nulmeting", "Nulmeting deadline"),
            P::PlanDeadline => ("Deadline actieplan", "Action plan deadline"),
            P::FinalDate => ("Datum slotevent", "Date of the final event"),
            P::FinalPlace => ("Plaats slotevent", "Place of the final event"),
            P::Threshold => ("Drempel cofinanciering bedrijf (%)", "Company cofinancing threshold (%)"),
            P::Town => ("Gemeente", "Town"),
            P::Region => ("Regio", "Region"),
            P::Tracks => ("Finaliteiten", "Tracks"),
            P::ContactName => ("Contactpersoon", "Contact person"),
            P::ContactEmail => ("E-mail contactpersoon", "Contact e-mail"),
            P::Sector => ("Sector", "Sector"),
            P::Date => ("Datum", "Date"),
            P::Place => ("Plaats", "Place"),
            P::Topic => ("Thema", "Topic"),
            P::Email => ("E-mail", "E-mail"),
            P::Role => ("Rol", "Role"),
            P::School => ("School", "School"),
            P::Company => ("Bedrijf", "Company"),
            P::Function => ("Functie op school", "Function at school"),
            P::Optional => ("(optioneel)", "(optional)"),
            P::ChooseOne => ("Kies…", "Choose…"),
            P::DashboardTitle => ("Overzicht", "Dashboard"),
            P::Timeline => ("Tijdlijn", "Timeline"),
            P::Schools => ("Scholen", "Schools"),
            P::Companies => ("Bedrijven", "Companies"),
            P::StepNulmeting => ("Nulmeting", "Baseline"),
            P::StepConsensus => ("Consensus", "Consensus"),
            P::StepPlan => ("Actieplan", "Action plan"),
            P::StepComments => ("Open opmerkingen", "Open comments"),
            P::Sponsor => ("Peterbedrijf", "Sponsor company"),
            P::NoSponsor => ("Nog geen peterbedrijf", "No sponsor yet"),
            P::NotStarted => ("Niet gestart", "Not started"),
            P::InProgress => ("Bezig", "In progress"),
            P::Done => ("Klaar", "Done"),
            P::Overdue => ("Te laat", "Overdue"),
            P::Upcoming => ("Gepland", "Upcoming"),
            P::Held => ("Voorbij", "Past"),
            P::FilterStep => ("Stap", "Step"),
            P::FilterAll => ("Alle scholen", "All schools"),
            P::FilterNulmetingOpen => ("Nulmeting niet afgerond", "Baseline not finished"),
            P::FilterConsensusOpen => ("Consensus niet afgerond", "Consensus not finished"),
            P::FilterPlanNotSubmitted => ("Actieplan niet ingediend", "Plan not submitted"),
            P::FilterOpenComments => ("Met open opmerkingen", "With open comments"),
            P::FilterNoSponsor => ("Zonder peterbedrijf", "Without sponsor"),
            P::AnyRegion => ("Alle regio's", "All regions"),
            P::AnyTrack => ("Alle finaliteiten", "All tracks"),
            P::Search => ("Zoek school, gemeente of bedrijf", "Search school, town or company"),
            P::NoMatches => ("Geen scholen voor deze filters.", "No schools match these filters."),
            P::Respondents => ("respondenten", "respondents"),
            P::Submitted => ("ingediend", "submitted"),
            P::MilestoneNulmeting => ("Deadline nulmeting en consensus", "Nulmeting and consensus deadline"),
            P::MilestonePlan => ("Deadline actieplan", "Action plan deadline"),
            P::MilestoneFinal => ("Slotevent en uitreiking STEMpact award", "Final event and STEMpact award"),
            P::Today => ("vandaag", "today"),
            P::EditionsTitle => ("Edities", "Editions"),
            P::NewEdition => ("Nieuwe editie", "New edition"),
            P::MakeActive => ("Actief maken", "Make active"),
            P::ActivateNow => ("Meteen de actieve editie maken", "Make it the active edition now"),
            P::Backup => ("Back-up", "Backup"),
            P::BackupLead => (
                "Download de volledige editie als één bestand (scholen, bedrijven, netwerken, nulmeting, actieplannen en jury), of importeer zo'n bestand als nieuwe editie. Aanmeldlinks zitten er niet in.",
                "Download the whole edition as one file (schools, companies, networks, nulmeting, action plans and jury), or import such a file as a new edition. Sign-in links are not included.",
            ),
            P::ExportEdition => ("Editie downloaden", "Download the edition"),
            P::ExportArchive => ("Met bewijsstukken downloaden (.zip)", "Download with evidence files (.zip)"),
            P::ImportEdition => ("Bestand importeren", "Import a file"),
            P::ImportHelp => (
                "Een geïmporteerde editie komt erbij als nieuwe editie; er wordt niets overschreven. Een fout bestand wordt volledig geweigerd. Heeft de editie bewijsstukken, importeer dan het .zip-bestand met bewijsstukken.",
                "An imported edition is added as a new edition; nothing is overwritten. A bad file is refused as a whole. If the edition has evidence files, import its .zip file with evidence.",
            ),
            P::ImportDone => ("Geïmporteerd", "Imported"),
            P::NotJsonFile => (
                "Dit bestand is geen JSON. Kies een bestand dat STEMpact exporteerde.",
                "This file is not JSON. Choose a file that STEMpact exported.",
            ),
            P::SchoolsTitle => ("Scholen", "Schools"),
            P::CompaniesTitle => ("Bedrijven", "Companies"),
            P::AddSchool => ("School toevoegen", "Add a school"),
            P::AddCompany => ("Bedrijf toevoegen", "Add a company"),
            P::EditSchool => ("School bewerken", "Edit school"),
            P::EditCompany => ("Bedrijf bewerken", "Edit company"),
            P::NoSchools => (
                "Nog geen scholen in deze editie. Voeg ze één voor één toe of importeer een CSV-bestand.",
                "No schools in this edition yet. Add them one by one or import a CSV file.",
            ),
            P::NoCompanies => (
                "Nog geen bedrijven in deze editie. Voeg ze één voor één toe of importeer een CSV-bestand.",
                "No companies in this edition yet. Add them one by one or import a CSV file.",
            ),
            P::ImportCsv => ("Importeren uit CSV", "Import from CSV"),
            P::CsvSchoolsHelp => (
                "Eerste rij met kolomnamen, gescheiden door ; of , : naam; gemeente; regio; finaliteit (doorstroom, dubbel, arbeidsmarkt; meerdere met /); contactpersoon; email.",
                "First row with column names, separated by ; or , : name; town; region; tracks (transition, dual, labour-market; several with /); contact; email.",
            ),
            P::CsvCompaniesHelp => (
                "Eerste rij met kolomnamen, gescheiden door ; of , : naam; gemeente; sector; contactpersoon; email.",
                "First row with column names, separated by ; or , : name; town; sector; contact; email.",
            ),
            P::CsvText => ("Inhoud van het CSV-bestand", "Contents of the CSV file"),
            P::CsvFile => ("Of kies een bestand", "Or choose a file"),
            P::Preview => ("Voorbeeld bekijken", "Preview"),
            P::ImportRows => ("geldige rijen importeren", "valid rows: import"),
            P::RowsSkipped => ("rijen met fouten worden niet geïmporteerd", "rows with errors will not be imported"),
            P::AllRowsValid => ("Alle rijen zijn in orde.", "All rows are fine."),
            P::Line => ("Regel", "Line"),
            P::Problems => ("Problemen", "Problems"),
            P::Imported => ("geïmporteerd", "imported"),
            P::SponsorsSchools => ("scholen gesponsord", "schools sponsored"),
            P::MatchingTitle => ("Matching met peterbedrijven", "Matching with sponsor companies"),
            P::MatchingLead => (
                "Elke school krijgt één peterbedrijf; een bedrijf kan meerdere scholen steunen. Kies een school om haar nulmeting-profiel naast de kandidaat-bedrijven te zien.",
                "Each school gets one sponsor company; a company may sponsor several schools. Pick a school to see its nulmeting profile next to the candidate companies.",
            ),
            P::ProfileTitle => ("Profiel uit de nulmeting", "Profile from the nulmeting"),
            P::NoProfile => (
                "Nog geen profiel: het verschijnt zodra het schoolteam een consensus vastlegt.",
                "No profile yet: it appears once the school team records a consensus.",
            ),
            P::Candidates => ("Kandidaat-peterbedrijven", "Candidate sponsor companies"),
            P::SameTown => ("zelfde gemeente", "same town"),
            P::Choose => ("Kiezen", "Choose"),
            P::Current => ("huidig peterbedrijf", "current sponsor"),
            P::Unmatch => ("Koppeling verwijderen", "Remove the match"),
            P::PickSchool => ("Kies links een school.", "Pick a school on the left."),
            P::NetworksTitle => ("Lerende netwerken", "Learning networks"),
            P::AddSession => ("Sessie toevoegen", "Add a session"),
            P::NoSessions => ("Nog geen sessies gepland.", "No sessions planned yet."),
            P::Attendance => ("Aanwezigheid", "Attendance"),
            P::SaveAttendance => ("Aanwezigheid opslaan", "Save attendance"),
            P::Present => ("aanwezig", "present"),
            P::ConfirmDeleteSession => ("Deze sessie verwijderen?", "Delete this session?"),
            P::PeopleTitle => ("Personen en uitnodigingen", "People and invitations"),
            P::InviteTitle => ("Iemand uitnodigen", "Invite someone"),
            P::Invite => ("Uitnodigen", "Invite"),
            P::LinkTitle => ("Persoonlijke aanmeldlink", "Personal sign-in link"),
            P::LinkHelp => (
                "Bezorg deze link aan de persoon zelf. Hij werkt één keer en wordt niet bewaard: vraag later gewoon een nieuwe link aan.",
                "Give this link to the person themselves. It works once and is not stored: ask for a new link later if needed.",
            ),
            P::Copy => ("Kopiëren", "Copy"),
            P::Copied => ("Gekopieerd", "Copied"),
            P::NewLink => ("Nieuwe link", "New link"),
            P::RevokeLink => ("Link intrekken", "Revoke link"),
            P::RemoveAccess => ("Toegang intrekken", "Remove access"),
            P::RestoreAccess => ("Toegang herstellen", "Restore access"),
            P::LinkOpen => ("link nog niet gebruikt", "link not used yet"),
            P::LinkUsed => ("aangemeld", "signed in"),
            P::LinkRevoked => ("link ingetrokken", "link revoked"),
            P::LinkNone => ("nog geen link", "no link yet"),
            P::NoAccess => ("geen toegang", "no access"),
            P::ConfirmRemoveAccess => (
                "Toegang intrekken? Openstaande links en sessies van deze persoon stoppen meteen. Je kunt de toegang later herstellen.",
                "Remove access? This person's open links and sessions stop at once. You can restore access later.",
            ),
            P::ColleaguesTitle => ("Collega's uitnodigen", "Invite colleagues"),
            P::ColleaguesLead => (
                "Als STEM-coördinator nodig je collega's van je school uit om de nulmeting in te vullen.",
                "As STEM coordinator you invite colleagues of your school to fill in the nulmeting.",
            ),
            P::NoColleagues => ("Nog geen collega's uitgenodigd.", "No colleagues invited yet."),
            P::TrackTransition => ("Doorstroomfinaliteit", "Transition-oriented"),
            P::TrackDual => ("Dubbele finaliteit", "Dual"),
            P::TrackLabour => ("Arbeidsmarktfinaliteit", "Labour-market-oriented"),
            P::NetTeam => ("In team een STEM-project ontwikkelen", "Developing a STEM project as a team"),
            P::NetProf => ("Professionalisering van STEM-leerkrachten", "Professional development of STEM teachers"),
            P::NetEco => ("Een lokaal STEM-ecosysteem uitbouwen", "Building a local STEM ecosystem"),
            P::FnDirection => ("Directie", "Direction"),
            P::FnStem => ("STEM-coördinator", "STEM coordinator"),
            P::FnTeacher => ("Leerkracht", "Teacher"),
            P::FnOther => ("Andere", "Other"),
            P::Row => ("De rij", "The row"),
            P::ImportTooNew => (
                "Dit bestand komt uit een nieuwere versie van STEMpact. Werk STEMpact eerst bij en importeer dan opnieuw.",
                "This file comes from a newer version of STEMpact. Update STEMpact first, then import again.",
            ),
            P::ErrCompanyInUse => (
                "Dit bedrijf is nog peterbedrijf van een school. Koppel die school eerst aan een ander bedrijf (Matching).",
                "This company still sponsors a school. Match that school to another company first (Matching).",
            ),
            P::ErrSessionHasAttendance => (
                "Voor deze sessie is aanwezigheid geregistreerd. Maak de aanwezigheid eerst leeg als de sessie echt niet doorging.",
                "This session has attendance recorded. Clear the attendance first if the session really did not take place.",
            ),
            P::ErrPersonArchived => (
                "Deze persoon heeft geen toegang meer. Herstel eerst de toegang.",
                "This person has no access any more. Restore their access first.",
            ),
            P::ErrOwnAccess => ("Je kunt je eigen toegang niet intrekken.", "You cannot remove your own access."),
            P::ImportNotExport => ("Dit bestand is geen STEMpact-export.", "This file is not a STEMpact export."),
            P::ImportRefused => (
                "Het bestand is geweigerd; er werd niets geïmporteerd. Wat er mis is:",
                "The file was refused; nothing was imported. What is wrong:",
            ),
        }
    }
}

pub fn track_name(t: Track) -> P {
    match t {
        Track::TransitionOriented => P::TrackTransition,
        Track::Dual => P::TrackDual,
        Track::LabourMarketOriented => P::TrackLabour,
    }
}

pub fn network_name(k: NetworkKind) -> P {
    match k {
        NetworkKind::TeamStemProject => P::NetTeam,
        NetworkKind::Professionalisation => P::NetProf,
        NetworkKind::LocalEcosystem => P::NetEco,
    }
}

pub fn function_name(f: SchoolFunction) -> P {
    match f {
        SchoolFunction::Direction => P::FnDirection,
        SchoolFunction::StemCoordinator => P::FnStem,
        SchoolFunction::Teacher => P::FnTeacher,
        SchoolFunction::Other => P::FnOther,
    }
}

pub fn status_name(s: StepStatus) -> P {
    match s {
        StepStatus::NotStarted => P::NotStarted,
        StepStatus::InProgress => P::InProgress,
        StepStatus::Done => P::Done,
    }
}

/// How a message names a field.
pub fn field_name(f: Field) -> P {
    match f {
        Field::Name => P::Name,
        Field::SchoolYear => P::SchoolYear,
        Field::NulmetingDeadline => P::NulmetingDeadline,
        Field::PlanDeadline => P::PlanDeadline,
        Field::FinalDate => P::FinalDate,
        Field::FinalPlace => P::FinalPlace,
        Field::CofinancingThresholdPct => P::Threshold,
        Field::Town => P::Town,
        Field::Region => P::Region,
        Field::Tracks => P::Tracks,
        Field::ContactName => P::ContactName,
        Field::ContactEmail => P::ContactEmail,
        Field::Sector => P::Sector,
        Field::Date => P::Date,
        Field::Place => P::Place,
        Field::Topic => P::Topic,
        Field::Email => P::Email,
        Field::Role => P::Role,
        Field::School => P::School,
        Field::Company => P::Company,
        Field::Row => P::Row,
    }
}

/// A validation message in the interface language.
pub fn error_text(lang: Lang, e: &ProgrammeError) -> String {
    use ProgrammeError as E;
    let f = |field: &Field| rubric::people::fold_case(field_name(*field).t(lang));
    match e {
        E::Required { field } => pick(lang, format!("Vul {} in.", f(field)), format!("Fill in the {}.", f(field))),
        E::TooLong { field, chars, max } => pick(
            lang,
            format!("{} is {chars} tekens lang; maximaal {max}.", field_name(*field).t(lang)),
            format!("The {} is {chars} characters long; at most {max}.", f(field)),
        ),
        E::ControlCharacter { field } => pick(
            lang,
            format!("{} bevat een regeleinde of tab.", field_name(*field).t(lang)),
            format!("The {} contains a line break or tab.", f(field)),
        ),
        E::NotADate { value, .. } => pick(
            lang,
            format!("'{value}' is geen datum; schrijf JJJJ-MM-DD."),
            format!("'{value}' is not a date; write YYYY-MM-DD."),
        ),
        E::NoSuchDay { value, .. } => {
            pick(lang, format!("{value} bestaat niet in de kalender."), format!("{value} does not exist in the calendar."))
        }
        E::DateOrder { field, other, .. } => pick(
            lang,
            format!("{} moet na {} komen.", field_name(*field).t(lang), f(other)),
            format!("The {} must come after the {}.", f(field), f(other)),
        ),
        E::NotASchoolYear { value } => pick(
            lang,
            format!("'{value}' is geen schooljaar; schrijf bv. 2026-2027."),
            format!("'{value}' is not a school year; write e.g. 2026-2027."),
        ),
        E::ThresholdOutOfRange { value } => {
            pick(lang, format!("{value} % kan niet: kies 0 tot 100 %."), format!("{value} % is not possible: choose 0 to 100 %."))
        }
        E::NotAnEmail { value } => {
            pick(lang, format!("'{value}' is geen e-mailadres."), format!("'{value}' is not an e-mail address."))
        }
        E::UnknownTrack { value } => pick(
            lang,
            format!("'{value}' is geen finaliteit; gebruik doorstroom, dubbel of arbeidsmarkt."),
            format!("'{value}' is not a track; use transition, dual or labour-market."),
        ),
        E::NoTrack => pick(lang, "Kies minstens één finaliteit.".into(), "Choose at least one track.".into()),
        E::UnknownRegion { value } => pick(
            lang,
            format!("'{value}' is geen regio; kies een Vlaamse provincie of Brussel."),
            format!("'{value}' is not a region; choose a Flemish province or Brussels."),
        ),
        E::DuplicateInFile { value, first_line } => pick(
            lang,
            format!("'{value}' staat al op regel {first_line}."),
            format!("'{value}' is already on line {first_line}."),
        ),
        E::AlreadyExists { value } => {
            pick(lang, format!("'{value}' bestaat al in deze editie."), format!("'{value}' already exists in this edition."))
        }
        E::WrongFieldCount { found, expected } => pick(
            lang,
            format!("Deze rij heeft {found} waarden, de kopregel {expected} kolommen."),
            format!("This row has {found} values, the header {expected} columns."),
        ),
        E::SchoolRequired { .. } => pick(lang, "Kies een school.".into(), "Choose a school.".into()),
        E::CompanyRequired { .. } => pick(lang, "Kies een bedrijf.".into(), "Choose a company.".into()),
        E::ScopeNotAllowed => pick(
            lang,
            "Alleen een schoolteamlid hoort bij een school, en alleen een bedrijfslid bij een bedrijf.".into(),
            "Only a school team member belongs to a school, and only a company member to a company.".into(),
        ),
    }
}

/// Why a CSV file cannot be read, in the interface language.
pub fn csv_file_error(lang: Lang, e: &CsvFileError) -> String {
    use CsvFileError as E;
    match e {
        E::Empty => pick(lang, "Het bestand is leeg.".into(), "The file is empty.".into()),
        E::NoRows => pick(lang, "Er staan geen rijen onder de kopregel.".into(), "There are no rows below the header.".into()),
        E::UnclosedQuote { line } => pick(
            lang,
            format!("Een waarde tussen aanhalingstekens op regel {line} wordt nooit afgesloten."),
            format!("A quoted value on line {line} is never closed."),
        ),
        E::MissingColumn { column, example } => pick(
            lang,
            format!("De kopregel mist de kolom '{column}'. Bijvoorbeeld: {example}"),
            format!("The header has no '{column}' column. For example: {example}"),
        ),
        E::DuplicateColumn { header } => {
            pick(lang, format!("De kolom '{header}' staat twee keer in de kopregel."), format!("The column '{header}' appears twice in the header."))
        }
        E::TooManyRows { rows, max } => pick(
            lang,
            format!("Het bestand heeft {rows} rijen; importeer er maximaal {max} tegelijk."),
            format!("The file has {rows} rows; import at most {max} at a time."),
        ),
    }
}

/// A role as the invitation form names it.
pub fn role_label(r: Role) -> crate::i18n::common::C {
    crate::i18n::common::role_name(r)
}

/// The lead of an import refusal, by the server's error code; the server's
/// message (naming the place) follows it.
pub fn import_error_lead(code: ErrorCode) -> P {
    match code {
        ErrorCode::ImportTooNew => P::ImportTooNew,
        ErrorCode::ImportNotJson => P::NotJsonFile,
        ErrorCode::ImportNotExport => P::ImportNotExport,
        _ => P::ImportRefused,
    }
}

/// A server error with this area's codes in the interface language (the
/// generic codes are translated by the error box itself).
pub fn localize(lang: Lang, e: &crate::api::ApiError) -> crate::api::ApiError {
    let text = match e.code {
        ErrorCode::CompanySponsorsSchools => P::ErrCompanyInUse,
        ErrorCode::SessionHasAttendance => P::ErrSessionHasAttendance,
        ErrorCode::PersonArchived => P::ErrPersonArchived,
        ErrorCode::OwnAccess => P::ErrOwnAccess,
        _ => return e.clone(),
    };
    // The error box words the codes it knows itself and shows the message
    // for these, now in the interface language.
    crate::api::ApiError { message: text.t(lang).to_string(), ..e.clone() }
}
