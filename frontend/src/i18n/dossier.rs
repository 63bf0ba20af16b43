//! Texts of the award dossier (issue 16): the dossier page of the school
//! and its sponsor company (both parts, sign-off, the withdrawal notice,
//! the coordinator's reopening), the juror's read view beside the score
//! sheet and the dossier column of the coordinator's dashboard.

use super::{pick, Lang, Text};
use rubric::dossier::{DossierStatus, FieldProblem, Missing, Side};
use rubric::errors::ErrorCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum D {
    Title,
    Lead,
    NotCandidate,
    SchoolPart,
    CompanyPart,
    PlanVersion,
    ChoosePlanVersion,
    SchoolText,
    SchoolTextHint,
    CompanyText,
    CompanyTextHint,
    Summary,
    SummaryHint,
    Empty,
    Save,
    Saving,
    Saved,
    StaleNotice,
    TheirVersion,
    DraftRestored,
    DiscardDraft,
    SignOffTitle,
    SignOff,
    SignOffConfirm,
    SignOffYes,
    Cancel,
    NotSignedYet,
    MissingTitle,
    SubmittedNotice,
    FrozenHint,
    ReopenTitle,
    ReopenReason,
    Reopen,
    ReadOnly,
    JurorTitle,
    JurorLead,
    BackToPlan,
    Evidence,
    EvidenceHint,
    NoEvidenceYet,
    NoEvidence,
}

impl Text for D {
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            D::Title => ("Awarddossier", "Award dossier"),
            D::Lead => (
                "School en peterbedrijf stellen samen het dossier voor de jury op. Elke kant schrijft haar eigen deel en leest dat van de andere. Het dossier gaat naar de jury zodra beide kanten het goedkeuren.",
                "The school and its sponsor company prepare the dossier for the jury together. Each side writes its own part and reads the other's. The dossier goes to the jury once both sides approve it.",
            ),
            D::NotCandidate => (
                "Het dossier opent zodra de school haar actieplan minstens één keer heeft ingediend.",
                "The dossier opens once the school has submitted its action plan at least once.",
            ),
            D::SchoolPart => ("Deel van de school", "The school's part"),
            D::CompanyPart => ("Deel van het peterbedrijf", "The company's part"),
            D::PlanVersion => ("Versie van het actieplan", "Action plan version"),
            D::ChoosePlanVersion => ("Kies een ingediende versie", "Choose a submitted version"),
            D::SchoolText => ("Tekst van de school", "The school's text"),
            D::SchoolTextHint => (
                "Wat de school met het plan bereikt heeft en waarom het de award verdient.",
                "What the school achieved with the plan and why it deserves the award.",
            ),
            D::CompanyText => ("Tekst van het bedrijf", "The company's text"),
            D::CompanyTextHint => (
                "Het engagement van het bedrijf en wat het bijdraagt (mensen, materiaal, geld, tijd).",
                "The company's commitment and what it contributes (people, material, money, time).",
            ),
            D::Summary => ("Korte samenvatting voor de jury", "Short summary for the jury"),
            D::SummaryHint => ("Een paar zinnen die de jury eerst leest.", "A few sentences the jury reads first."),
            D::Empty => ("Nog niets geschreven.", "Nothing written yet."),
            D::Save => ("Opslaan", "Save"),
            D::Saving => ("Bezig met opslaan…", "Saving…"),
            D::Saved => ("Opgeslagen.", "Saved."),
            D::DraftRestored => (
                "Wat je hier typte en nog niet bewaarde, staat terug in het vak. Bewaar het, of gooi je wijzigingen weg.",
                "What you typed here and had not saved yet is back in the box. Save it, or discard your changes.",
            ),
            D::DiscardDraft => ("Wijzigingen weggooien", "Discard changes"),
            D::StaleNotice => (
                "Iemand anders heeft dit deel intussen gewijzigd. Je eigen tekst staat nog in het vak; vergelijk met de nieuwere versie hieronder en sla opnieuw op om die te vervangen.",
                "Someone else changed this part in the meantime. Your own text is still in the box; compare it with the newer version below and save again to replace it.",
            ),
            D::TheirVersion => ("Nieuwere versie", "Newer version"),
            D::SignOffTitle => ("Goedkeuring", "Sign-off"),
            D::SignOff => ("Dossier goedkeuren", "Approve the dossier"),
            D::SignOffConfirm => (
                "Je keurt het dossier goed zoals het nu is. Keurt de andere kant het ook goed, dan gaat het naar de jury en kan het niet meer veranderen. Verandert nog iets, dan vervallen beide goedkeuringen.",
                "You approve the dossier as it is now. When the other side approves it too, it goes to the jury and can no longer change. If anything changes first, both approvals are withdrawn.",
            ),
            D::SignOffYes => ("Ja, goedkeuren", "Yes, approve"),
            D::Cancel => ("Annuleren", "Cancel"),
            D::NotSignedYet => ("nog niet goedgekeurd", "not approved yet"),
            D::MissingTitle => ("Nog nodig voor goedkeuring:", "Still needed before approval:"),
            D::SubmittedNotice => ("Ingediend bij de jury", "Submitted to the jury"),
            D::FrozenHint => (
                "Het dossier is bevroren. Moet er toch iets veranderen, vraag dan de programmacoördinator om het te heropenen.",
                "The dossier is frozen. If something must still change, ask the programme coordinator to reopen it.",
            ),
            D::ReopenTitle => ("Dossier heropenen", "Reopen the dossier"),
            D::ReopenReason => ("Reden (school en bedrijf zien dit niet; het komt in het logboek)", "Reason (recorded in the log)"),
            D::Reopen => ("Heropenen", "Reopen"),
            D::ReadOnly => ("Je kunt dit deel lezen, niet wijzigen.", "You can read this part, not change it."),
            D::JurorTitle => ("Awarddossier van school en bedrijf", "Award dossier of school and company"),
            D::JurorLead => (
                "Samen opgesteld en goedgekeurd door de school en haar peterbedrijf. Het actieplan hieronder is de versie die zij kozen.",
                "Prepared and approved together by the school and its sponsor company. The action plan below is the version they chose.",
            ),
            D::BackToPlan => ("Terug naar het actieplan", "Back to the action plan"),
            D::Evidence => ("Bewijsstukken", "Evidence"),
            D::EvidenceHint => (
                "Kies de bestanden die de jury bij het dossier krijgt (hoogstens 10).",
                "Choose the files the jury receives with the dossier (at most 10).",
            ),
            D::NoEvidenceYet => (
                "Nog geen bestanden: voeg ze toe bij de consensus van de nulmeting of bij een actie van het actieplan.",
                "No files yet: add them to the nulmeting's consensus or to an action of the plan.",
            ),
            D::NoEvidence => ("Geen bewijsstukken gekozen.", "No evidence chosen."),
        }
    }
}

/// The few dossier texts the other apps show (a link to the dossier, the
/// dashboard's column): kept apart from [`D`], so those apps carry only these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DossierLink {
    Open,
    Column,
}

impl Text for DossierLink {
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            DossierLink::Open => ("Awarddossier", "Award dossier"),
            DossierLink::Column => ("Dossier", "Dossier"),
        }
    }
}

/// Where a dossier stands, in words.
pub fn status(lang: Lang, s: DossierStatus) -> &'static str {
    let (nl, en) = match s {
        DossierStatus::NotStarted => ("Niet gestart", "Not started"),
        DossierStatus::InProgress => ("In opmaak", "In progress"),
        DossierStatus::SignedBySchool => ("Goedgekeurd door de school", "Signed by the school"),
        DossierStatus::SignedByCompany => ("Goedgekeurd door het bedrijf", "Signed by the company"),
        DossierStatus::Submitted => ("Ingediend", "Submitted"),
    };
    pick(lang, nl, en)
}

/// A side of the dossier.
pub fn side(lang: Lang, s: Side) -> &'static str {
    match s {
        Side::School => pick(lang, "De school", "The school"),
        Side::Company => pick(lang, "Het peterbedrijf", "The sponsor company"),
    }
}

/// What is still missing before a sign-off.
pub fn missing(lang: Lang, m: Missing) -> &'static str {
    let (nl, en) = match m {
        Missing::PlanVersion => ("een gekozen versie van het actieplan", "a chosen version of the action plan"),
        Missing::SchoolText => ("de tekst van de school", "the school's text"),
        Missing::CompanyText => ("de tekst van het bedrijf", "the company's text"),
        Missing::Summary => ("de samenvatting voor de jury", "the summary for the jury"),
    };
    pick(lang, nl, en)
}

/// "Approved by NAME on DATE".
pub fn signed(lang: Lang, name: &str, date: &str) -> String {
    pick(lang, format!("goedgekeurd door {name} op {date}"), format!("approved by {name} on {date}"))
}

/// The notice both sides see after a change withdrew the sign-offs.
pub fn withdrawn(lang: Lang, by: Side, name: &str, date: &str) -> String {
    let who = side(lang, by).to_lowercase();
    pick(
        lang,
        format!("De goedkeuringen zijn ingetrokken: {name} ({who}) wijzigde het dossier op {date}. Beide kanten keuren het opnieuw goed."),
        format!("The approvals were withdrawn: {name} ({who}) changed the dossier on {date}. Both sides approve it again."),
    )
}

/// "Submitted to the jury on DATE".
pub fn submitted_on(lang: Lang, date: &str) -> String {
    pick(lang, format!("Ingediend bij de jury op {date}."), format!("Submitted to the jury on {date}."))
}

/// "1234 / 5000 characters".
pub fn chars(lang: Lang, n: usize, max: usize) -> String {
    pick(lang, format!("{n} / {max} tekens"), format!("{n} / {max} characters"))
}

/// "Version 2 (submitted DATE)".
pub fn version(lang: Lang, number: u32, date: &str) -> String {
    pick(lang, format!("Versie {number} (ingediend {date})"), format!("Version {number} (submitted {date})"))
}

/// A field problem of a part, in the interface's language.
pub fn field_problem(lang: Lang, p: &FieldProblem) -> String {
    match p {
        FieldProblem::TooLong { chars, max } => {
            pick(lang, format!("Deze tekst telt {chars} tekens; er mogen er hoogstens {max} zijn."), format!("This text is {chars} characters long; at most {max} are allowed."))
        }
        FieldProblem::UnknownPlanVersion { number } => {
            pick(lang, format!("Versie {number} werd nooit ingediend; kies een ingediende versie."), format!("Version {number} was never submitted; choose a submitted version."))
        }
        FieldProblem::TooManyFiles { max, .. } => pick(lang, format!("Kies hoogstens {max} bestanden."), format!("Choose at most {max} files.")),
        FieldProblem::UnknownFile { .. } => pick(lang, "Dit bestand hoort niet bij de school.".into(), "This file does not belong to the school.".into()),
        FieldProblem::DuplicateFile { .. } => pick(lang, "Dit bestand is twee keer gekozen.".into(), "This file is chosen twice.".into()),
    }
}

/// A refusal of the dossier's rules, in words (`None` for other codes).
pub fn dossier_error(lang: Lang, code: ErrorCode) -> Option<&'static str> {
    let (nl, en) = match code {
        ErrorCode::DossierSubmitted => ("Het dossier is al ingediend en kan niet meer veranderen.", "The dossier is already submitted and can no longer change."),
        ErrorCode::DossierIncomplete => ("Het dossier is nog niet volledig.", "The dossier is not complete yet."),
        ErrorCode::AlreadySigned => ("Je kant keurde deze versie al goed.", "Your side already approved this version."),
        ErrorCode::NotCandidate => (
            "Het dossier opent zodra de school haar actieplan minstens één keer heeft ingediend.",
            "The dossier opens once the school has submitted its action plan at least once.",
        ),
        ErrorCode::Stale => (
            "Het dossier veranderde sinds je het opende. Lees de nieuwe versie en keur opnieuw goed.",
            "The dossier changed since you opened it. Read the new version and approve again.",
        ),
        _ => return None,
    };
    Some(pick(lang, nl, en))
}

/// A file size: "850 kB", "2,4 MB".
pub fn size(lang: Lang, bytes: i64) -> String {
    let bytes = bytes.max(0);
    if bytes < 1_000_000 {
        format!("{} kB", (bytes + 999) / 1000)
    } else {
        // Tenths of a MB, rounded half up, in whole numbers: printing a
        // float links the float formatter (about 11 kB of wasm).
        let tenths = bytes.saturating_add(50_000) / 100_000;
        format!("{}{}{} MB", tenths / 10, pick(lang, ",", "."), tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_sizes_read_in_kilobytes_then_in_tenths_of_a_megabyte() {
        assert_eq!(size(Lang::Nl, -5), "0 kB");
        assert_eq!(size(Lang::Nl, 1), "1 kB");
        assert_eq!(size(Lang::En, 850_000), "850 kB");
        assert_eq!(size(Lang::En, 999_999), "1000 kB");
        assert_eq!(size(Lang::Nl, 1_000_000), "1,0 MB");
        assert_eq!(size(Lang::Nl, 2_449_999), "2,4 MB");
        assert_eq!(size(Lang::En, 2_450_000), "2.5 MB");
        assert_eq!(size(Lang::En, 12_345_678), "12.3 MB");
    }
}
