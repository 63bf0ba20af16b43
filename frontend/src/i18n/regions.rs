//! Texts of the region app (issue 17): the regions, a region's schools,
//! companies, partners and coordinators, and the region portrait (pupil
//! numbers import, tables, chart, progression, facilities, profile).

use super::{pick, Lang, Text};
use crate::api::{ApiError, FieldError};
use rubric::errors::FieldCode;
use rubric::programme::csv::CsvFileError;
use rubric::region::portrait::{FacilityKind, ProgressionError, ProgressionKind, PupilRowError};
use rubric::region::{PartnerKind, RegionError, SchoolLevel};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum R {
    RegionsTitle,
    NoRegions,
    NoRegionsCoordinator,
    NewRegion,
    RegionName,
    Create,
    Schools,
    Companies,
    Partners,
    Coordinators,
    NoSchools,
    NoCompanies,
    NoPartners,
    NoCoordinators,
    PartnerName,
    PartnerKindLabel,
    AddPartner,
    Remove,
    ConfirmRemove,
    Portrait,
    OpenPortrait,
    BackToRegion,
    Level,
    EditMembers,
    SaveMembers,
    EditionHasNoSchools,
    EditionHasNoCompanies,
    Cancel,
    InRegion,
    InviteCoordinator,
    Name,
    Email,
    Invite,
    LinkToShare,
    SignedIn,
    NotSignedIn,
    PupilNumbers,
    ImportHelp,
    CsvFile,
    Preview,
    SaveImport,
    RowsOk,
    RowsRefused,
    NothingSaved,
    Saved,
    Line,
    School,
    Track,
    Year,
    Pupils,
    Status,
    RowOk,
    NoPupils,
    PerTrack,
    PerSchool,
    Total,
    Expected,
    ExpectedNote,
    ChartLabel,
    Progression,
    NoProgression,
    Leavers,
    Continued,
    Share,
    Kind,
    AddFigure,
    Facilities,
    NoFacilities,
    Note,
    AddFacility,
    Profile,
    ProfileHidden,
    Aspect,
    Median,
    SchoolsCounted,
    Replaces,
    /// The links to the region plan app (its own texts there).
    PlanLink,
    DossierLink,
}

impl Text for R {
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            R::RegionsTitle => ("Regio's", "Regions"),
            R::PlanLink => ("Regionaal plan", "Regional plan"),
            R::DossierLink => ("Subsidiedossier (afdrukken)", "Subsidy dossier (print)"),
            R::NoRegions => ("Er is nog geen regio. Maak er hieronder een aan.", "There is no region yet. Create one below."),
            R::NoRegionsCoordinator => ("U bent nog aan geen regio gekoppeld. Vraag het de programmacoördinator.", "You are not linked to a region yet. Ask the programme coordinator."),
            R::NewRegion => ("Nieuwe regio", "New region"),
            R::RegionName => ("Naam van de regio", "Name of the region"),
            R::Create => ("Aanmaken", "Create"),
            R::Schools => ("Scholen", "Schools"),
            R::Companies => ("Bedrijven", "Companies"),
            R::Partners => ("Andere partners", "Other partners"),
            R::Coordinators => ("Regiocoördinatoren", "Regional coordinators"),
            R::NoSchools => ("Nog geen scholen in deze regio.", "No schools in this region yet."),
            R::NoCompanies => ("Nog geen bedrijven in deze regio.", "No companies in this region yet."),
            R::NoPartners => ("Nog geen andere partners (RTC, gemeente).", "No other partners yet (RTC, municipality)."),
            R::NoCoordinators => ("Nog geen regiocoördinator uitgenodigd.", "No regional coordinator invited yet."),
            R::PartnerName => ("Naam van de partner", "Name of the partner"),
            R::PartnerKindLabel => ("Soort", "Kind"),
            R::AddPartner => ("Partner toevoegen", "Add partner"),
            R::Remove => ("Verwijderen", "Remove"),
            R::ConfirmRemove => ("Weet u zeker dat u dit wilt verwijderen?", "Are you sure you want to remove this?"),
            R::Portrait => ("Regioportret", "Region portrait"),
            R::OpenPortrait => ("Regioportret openen", "Open the region portrait"),
            R::BackToRegion => ("Terug naar de regio", "Back to the region"),
            R::Level => ("Niveau", "Level"),
            R::EditMembers => ("Scholen en bedrijven kiezen", "Choose schools and companies"),
            R::SaveMembers => ("Opslaan", "Save"),
            R::EditionHasNoSchools => ("Deze editie heeft nog geen scholen.", "This edition has no schools yet."),
            R::EditionHasNoCompanies => ("Deze editie heeft nog geen bedrijven.", "This edition has no companies yet."),
            R::Cancel => ("Annuleren", "Cancel"),
            R::InRegion => ("In de regio", "In the region"),
            R::InviteCoordinator => ("Regiocoördinator uitnodigen", "Invite a regional coordinator"),
            R::Name => ("Naam", "Name"),
            R::Email => ("E-mail (niet verplicht)", "E-mail (optional)"),
            R::Invite => ("Uitnodigen", "Invite"),
            R::LinkToShare => ("Aanmeldlink om te delen (wordt maar één keer getoond):", "Sign-in link to share (shown only once):"),
            R::SignedIn => ("aangemeld", "signed in"),
            R::NotSignedIn => ("nog niet aangemeld", "not signed in yet"),
            R::PupilNumbers => ("Leerlingenaantallen", "Pupil numbers"),
            R::ImportHelp => (
                "Plak een CSV-bestand met de kolommen school, profiel, schooljaar en leerlingen (bv. \"Vechtdal College;BWI;2024-2025;120\"). U ziet eerst elke rij; er wordt pas iets bewaard als alle rijen kloppen, en een nieuwe import vervangt de vorige.",
                "Paste a CSV file with the columns school, profile, school year and pupils (e.g. \"Vechtdal College;BWI;2024-2025;120\"). You first see every row; nothing is saved until every row is right, and a new import replaces the previous one.",
            ),
            R::CsvFile => ("CSV-bestand", "CSV file"),
            R::Preview => ("Voorbeeld bekijken", "Preview"),
            R::SaveImport => ("Importeren", "Import"),
            R::RowsOk => ("rijen in orde", "rows fine"),
            R::RowsRefused => ("rijen geweigerd", "rows refused"),
            R::NothingSaved => ("Er is niets bewaard: verbeter de geweigerde rijen en probeer opnieuw.", "Nothing was saved: correct the refused rows and try again."),
            R::Saved => ("Geïmporteerd.", "Imported."),
            R::Line => ("Regel", "Line"),
            R::School => ("School", "School"),
            R::Track => ("Profiel", "Profile"),
            R::Year => ("Schooljaar", "School year"),
            R::Pupils => ("Leerlingen", "Pupils"),
            R::Status => ("Status", "Status"),
            R::RowOk => ("in orde", "fine"),
            R::NoPupils => ("Nog geen leerlingenaantallen. Importeer ze hierboven.", "No pupil numbers yet. Import them above."),
            R::PerTrack => ("Per profiel", "Per profile"),
            R::PerSchool => ("Per school", "Per school"),
            R::Total => ("Totaal", "Total"),
            R::Expected => ("verwacht", "expected"),
            R::ExpectedNote => (
                "Verwacht: de trendlijn door de laatste vier bekende schooljaren, drie jaar doorgetrokken (nooit onder nul).",
                "Expected: the trend line through the last four known school years, continued for three years (never below zero).",
            ),
            R::ChartLabel => ("Leerlingen per profiel per schooljaar, met de verwachte ontwikkeling", "Pupils per profile per school year, with the expected development"),
            R::Progression => ("Doorstroom", "Progression"),
            R::NoProgression => ("Nog geen doorstroomcijfers.", "No progression figures yet."),
            R::Leavers => ("Uitstromers", "Leavers"),
            R::Continued => ("Doorgestroomd", "Went on"),
            R::Share => ("Aandeel", "Share"),
            R::Kind => ("Soort", "Kind"),
            R::AddFigure => ("Cijfer toevoegen", "Add figure"),
            R::Facilities => ("Faciliteiten en netwerken", "Facilities and networks"),
            R::NoFacilities => ("Nog geen faciliteiten of netwerken.", "No facilities or networks yet."),
            R::Note => ("Toelichting", "Note"),
            R::AddFacility => ("Toevoegen", "Add"),
            R::Profile => ("Nulmetingsprofiel van de regio", "The region's nulmeting profile"),
            R::ProfileHidden => (
                "Verborgen: minder dan 5 scholen van de regio hebben een nulmeting, zo is geen school te herkennen.",
                "Hidden: fewer than 5 schools of the region have a nulmeting, so no school can be recognised.",
            ),
            R::Aspect => ("Aspect", "Aspect"),
            R::Median => ("Mediaan", "Median"),
            R::SchoolsCounted => ("scholen", "schools"),
            R::Replaces => ("Deze import vervangt de bewaarde cijfers:", "This import replaces the saved numbers:"),
        }
    }
}

pub fn level_name(lang: Lang, level: SchoolLevel) -> &'static str {
    match level {
        SchoolLevel::Secondary => pick(lang, "secundair", "secondary"),
        SchoolLevel::Vmbo => "vmbo",
        SchoolLevel::Mbo => "mbo",
        SchoolLevel::Primary => pick(lang, "basisschool", "primary school"),
    }
}

pub fn partner_kind_name(lang: Lang, kind: PartnerKind) -> &'static str {
    match kind {
        PartnerKind::Rtc => pick(lang, "Regionaal Techniek Centrum", "Regional technology centre"),
        PartnerKind::Municipality => pick(lang, "gemeente", "municipality"),
        PartnerKind::Other => pick(lang, "andere", "other"),
    }
}

pub fn progression_name(lang: Lang, kind: ProgressionKind) -> &'static str {
    match kind {
        ProgressionKind::VmboToMbo => pick(lang, "vmbo naar mbo", "vmbo to mbo"),
        ProgressionKind::SecondaryToHigher => pick(lang, "secundair naar hoger onderwijs", "secondary to higher education"),
    }
}

pub fn facility_name(lang: Lang, kind: FacilityKind) -> &'static str {
    match kind {
        FacilityKind::Facility => pick(lang, "faciliteit", "facility"),
        FacilityKind::Network => pick(lang, "netwerk", "network"),
    }
}

/// A refused row's reason, in the reader's language.
pub fn row_error(lang: Lang, e: &PupilRowError) -> String {
    match e {
        PupilRowError::WrongFieldCount { found, expected } => pick(
            lang,
            format!("de rij heeft {found} waarden, de kopregel {expected}"),
            format!("the row has {found} values where the header has {expected}"),
        ),
        PupilRowError::SchoolRequired => pick(lang, "de school ontbreekt".into(), "the school is missing".into()),
        PupilRowError::UnknownSchool { name } => {
            pick(lang, format!("'{name}' is geen school van deze regio"), format!("'{name}' is not a school of this region"))
        }
        PupilRowError::TrackRequired => pick(lang, "het profiel ontbreekt".into(), "the profile is missing".into()),
        PupilRowError::TrackTooLong { chars, max } => pick(
            lang,
            format!("het profiel is {chars} tekens lang, hoogstens {max} mag"),
            format!("the profile is {chars} characters long; at most {max} are allowed"),
        ),
        PupilRowError::BadYear { value, .. } => pick(
            lang,
            format!("'{value}' is geen schooljaar: schrijf 2024 of 2024-2025"),
            format!("'{value}' is not a school year: write 2024 or 2024-2025"),
        ),
        PupilRowError::BadCount { value } => {
            pick(lang, format!("'{value}' is geen aantal leerlingen"), format!("'{value}' is not a number of pupils"))
        }
        PupilRowError::NegativeCount { value } => {
            pick(lang, format!("het aantal leerlingen is negatief ({value})"), format!("the number of pupils is negative ({value})"))
        }
        PupilRowError::TooManyPupils { value, max } => pick(
            lang,
            format!("{value} leerlingen is meer dan één rij mag tellen ({max})"),
            format!("{value} pupils is more than one row may count ({max})"),
        ),
        PupilRowError::Duplicate { first_line } => pick(
            lang,
            format!("dezelfde school, hetzelfde profiel en schooljaar staan al op regel {first_line}"),
            format!("the same school, profile and year are already on line {first_line}"),
        ),
    }
}

/// What is wrong with a name (a region's, a partner's, a facility's) or a
/// facility's note, in the reader's language, shown at the field.
pub fn region_error(lang: Lang, e: &RegionError) -> String {
    match e {
        RegionError::NameRequired => pick(lang, "Vul een naam in.", "Fill in a name.").to_string(),
        RegionError::NameTooLong { chars, max } => pick(
            lang,
            format!("Dit is {chars} tekens lang; hoogstens {max} mag."),
            format!("This is {chars} characters long; at most {max} are allowed."),
        ),
        RegionError::ControlCharacter => {
            pick(lang, "Hier staat een onzichtbaar stuurteken in; haal het weg.", "This contains an invisible control character; remove it.").to_string()
        }
        RegionError::SchoolTwice { .. } => pick(lang, "Een school staat er twee keer in.", "A school is named twice.").to_string(),
        RegionError::CompanyTwice { .. } => pick(lang, "Een bedrijf staat er twee keer in.", "A company is named twice.").to_string(),
    }
}

/// A region form's field problem as the server reported it, in the
/// reader's language: the server-only ones, by their code, and a file
/// that cannot be read, from the error it came with (the preview's own
/// type). `None` for the others: the pages check names, members and
/// figures with the same rules before they send (a region's or a
/// progression's error from the server would mean a client out of date;
/// decoding those here would cost the region app about 4 kB of wasm).
pub fn server_field_error(lang: Lang, f: &FieldError) -> Option<String> {
    if let Some(e) = f.detail_as::<CsvFileError>() {
        return Some(super::programme::csv_file_error(lang, &e));
    }
    let code = f.code?;
    if let Some(text) = super::common::field_code_text(code) {
        return Some(text.t(lang).to_string());
    }
    Some(match code {
        FieldCode::RowsRefused => pick(
            lang,
            "Er staan rijen met fouten in het bestand: niets is bewaard. Verbeter ze en importeer het bestand opnieuw.",
            "The file has rows with errors: nothing was saved. Fix them and import the file again.",
        )
        .to_string(),
        _ => return None,
    })
}

/// A field problem worded as [`server_field_error`] does, else as the
/// server wrote it.
fn worded(lang: Lang, f: &FieldError) -> String {
    server_field_error(lang, f).unwrap_or_else(|| f.message.clone())
}

/// The first field problem of a region form's refusal ([`worded`]);
/// `None` for a refusal without field problems.
pub fn first_field_error(lang: Lang, e: &ApiError) -> Option<String> {
    e.fields.first().map(|f| worded(lang, f))
}

/// The problem at the field `name` of a region form's refusal ([`worded`]).
pub fn field_error_at(lang: Lang, e: &ApiError, name: &str) -> Option<String> {
    e.field_error(name).map(|f| worded(lang, f))
}

/// What is wrong with a progression figure, in the reader's language.
pub fn progression_error(lang: Lang, e: &ProgressionError) -> String {
    match e {
        ProgressionError::BadYear { value } => pick(
            lang,
            format!("'{value}' is geen schooljaar: schrijf 2024 of 2024-2025."),
            format!("'{value}' is not a school year: write 2024 or 2024-2025."),
        ),
        ProgressionError::Count(e) => row_error(lang, e),
        ProgressionError::MoreContinuedThanLeavers { continued, leavers } => pick(
            lang,
            format!("Er gingen meer leerlingen verder ({continued}) dan er uitstroomden ({leavers})."),
            format!("More pupils went on ({continued}) than left ({leavers})."),
        ),
    }
}

/// A school year as it is written: 2024-2025.
pub fn school_year(year: u16) -> String {
    format!("{year}-{}", year + 1)
}
