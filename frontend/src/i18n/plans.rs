//! Texts of the action plan: the plan page, its checks, comments, version
//! history, the printable plan and the company's start page, plus the
//! translated messages of the plan rules (validation, money, comments).

use super::{pick, Lang, Text};
use crate::api::ApiError;
use rubric::errors::FieldCode;
use rubric::plan::view::ChangeLine;
use rubric::plan::{ActionStatus, CommentError, ContributionKind, Field, MoneyError, PlanError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum P {
    PlanTitle,
    PrintableVersion,
    StatusDraftOnly,
    Version,
    SubmittedOn,
    By,
    DraftChanged,
    Submit,
    SubmitConfirm,
    SubmitYes,
    Cancel,
    NothingNew,
    SubmitNeedsGoal,
    Submitted,
    ReadOnlyNote,
    // Gaps
    GapsTitle,
    GapsLead,
    NoProfile,
    Now,
    NextStep,
    MakeGoal,
    AddToOpenGoal,
    AlreadyInGoal,
    ShowAll,
    ShowWeakest,
    NotApplicable,
    Level,
    // Goals
    Goals,
    NewGoal,
    NewGoalNoIndicator,
    Title,
    Description,
    Indicators,
    TargetLevel,
    CurrentLevel,
    AddIndicator,
    ChooseIndicator,
    RemoveIndicator,
    TargetLooksLike,
    Save,
    Edit,
    Delete,
    MoveUp,
    MoveDown,
    GoalNoGap,
    GoalNoActions,
    GoalDeleted,
    Undo,
    NoGoals,
    NoIndicatorsYet,
    // Actions
    Actions,
    AddAction,
    ActionWhat,
    Owner,
    Start,
    Deadline,
    Budget,
    BudgetHint,
    Contribution,
    ContributionKindLabel,
    KindNone,
    KindMoney,
    KindInKind,
    ContributionValue,
    ContributionDescription,
    SuccessCriterion,
    Status,
    Planned,
    InProgress,
    Done,
    Dropped,
    Evidence,
    Drop,
    Restore,
    ActionDropped,
    DroppedActions,
    NoActions,
    NoOwner,
    Period,
    // Checks
    ChecksTitle,
    ChecksAllGood,
    CheckNoActions,
    CheckLowAspect,
    CheckNoGap,
    CheckStale,
    Cofinancing,
    CofinancingNone,
    Threshold,
    Met,
    Below,
    // Comments
    Comments,
    StartThread,
    NewThreadLabel,
    ReplyLabel,
    Send,
    Resolve,
    Reopen,
    Resolved,
    Open,
    New,
    // Conflict
    ConflictTitle,
    ConflictLead,
    Field,
    Yours,
    Theirs,
    KeepMine,
    TakeTheirs,
    EditFurther,
    // History
    History,
    NoVersions,
    ChangesSince,
    NoChanges,
    GoalAdded,
    GoalRemoved,
    GoalChanged,
    GoalsReordered,
    ActionAdded,
    ActionRemoved,
    ActionChanged,
    ActionsReordered,
    OtherGoal,
    // Print
    ProfileSummary,
    Aspect,
    Score,
    BudgetTable,
    Total,
    CompanyShare,
    CommentsSummary,
    PrintNow,
    BackToPlan,
    Sponsor,
    Edition,
    PrintedOn,
    SubmitWarnings,
    DraftAfterVersion,
    Draft,
    NoSponsor,
    // Start pages
    MySchools,
    MySchoolsLead,
    NoSchools,
    OpenPlan,
    OpenReport,
    NoPlanYet,
    ToPlan,
}

impl Text for P {
    #[inline(always)]
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            P::PlanTitle => ("Actieplan", "Action plan"),
            P::PrintableVersion => ("Afdrukversie", "Printable version"),
            P::StatusDraftOnly => ("Concept, nog niet ingediend", "Draft, not submitted yet"),
            P::Version => ("Versie", "Version"),
            P::SubmittedOn => ("ingediend op", "submitted on"),
            P::By => ("door", "by"),
            P::DraftChanged => (
                "Het concept bevat wijzigingen die nog niet zijn ingediend.",
                "The draft has changes that are not submitted yet.",
            ),
            P::Submit => ("Indienen", "Submit"),
            P::SubmitConfirm => (
                "Deze versie wordt bevroren en krijgt een nummer; de jury beoordeelt een ingediende versie. Daarna kan je verder werken aan een nieuw concept.",
                "This version is frozen under a number; the jury scores a submitted version. Afterwards you can keep working on a new draft.",
            ),
            P::SubmitYes => ("Ja, indienen", "Yes, submit"),
            P::Cancel => ("Annuleren", "Cancel"),
            P::NothingNew => ("Niets gewijzigd sinds de laatste versie.", "Nothing changed since the last version."),
            P::SubmitNeedsGoal => (
                "Het plan heeft nog geen doelen: voeg minstens één doel toe voor je het indient.",
                "The plan has no goals yet: add at least one goal before you submit it.",
            ),
            P::Submitted => ("ingediend", "submitted"),
            P::ReadOnlyNote => (
                "Je leest dit actieplan mee. Plaats een opmerking bij een doel of actie; de school antwoordt.",
                "You are reading this action plan. Comment on a goal or an action; the school answers.",
            ),
            P::GapsTitle => ("Groeikansen uit de nulmeting", "Opportunities from the baseline"),
            P::GapsLead => (
                "Begin bij de zwakste indicatoren: bekijk waar jullie nu staan en hoe het volgende niveau eruitziet, en maak er een doel van.",
                "Start from the weakest indicators: see where you stand and what the next level looks like, and turn it into a goal.",
            ),
            P::NoProfile => (
                "Er is nog geen consensus van de nulmeting. Je kan al doelen schrijven, maar ze zijn dan niet gekoppeld aan een groeikans.",
                "There is no baseline consensus yet. You can already write goals, but they are not linked to a gap.",
            ),
            P::Now => ("Nu", "Now"),
            P::NextStep => ("Volgende stap", "Next step"),
            P::MakeGoal => ("Maak hier een doel van", "Make this a goal"),
            P::AddToOpenGoal => ("Toevoegen aan het doel in bewerking", "Add to the goal being edited"),
            P::AlreadyInGoal => ("al in een doel", "already in a goal"),
            P::ShowAll => ("Toon alle indicatoren", "Show all indicators"),
            P::ShowWeakest => ("Toon alleen de zwakste", "Show only the weakest"),
            P::NotApplicable => ("n.v.t.", "n/a"),
            P::Level => ("niveau", "level"),
            P::Goals => ("Doelen", "Goals"),
            P::NewGoal => ("Nieuw doel", "New goal"),
            P::NewGoalNoIndicator => ("Doel zonder indicator", "Goal without an indicator"),
            P::Title => ("Titel", "Title"),
            P::Description => ("Beschrijving", "Description"),
            P::Indicators => ("Indicatoren", "Indicators"),
            P::TargetLevel => ("Doelniveau", "Target level"),
            P::CurrentLevel => ("Huidig niveau", "Current level"),
            P::AddIndicator => ("Indicator toevoegen", "Add an indicator"),
            P::ChooseIndicator => ("Kies een indicator…", "Choose an indicator…"),
            P::RemoveIndicator => ("Indicator weghalen", "Remove indicator"),
            P::TargetLooksLike => ("Zo ziet het doelniveau eruit", "What the target level looks like"),
            P::Save => ("Bewaren", "Save"),
            P::Edit => ("Bewerken", "Edit"),
            P::Delete => ("Verwijderen", "Delete"),
            P::MoveUp => ("Omhoog", "Move up"),
            P::MoveDown => ("Omlaag", "Move down"),
            P::GoalNoGap => (
                "Dit doel is niet gekoppeld aan een groeikans uit de nulmeting.",
                "This goal is not linked to a gap from the baseline.",
            ),
            P::GoalNoActions => ("Dit doel heeft nog geen acties.", "This goal has no actions yet."),
            P::GoalDeleted => ("Doel verwijderd.", "Goal deleted."),
            P::Undo => ("Ongedaan maken", "Undo"),
            P::NoGoals => (
                "Nog geen doelen. Begin bij een groeikans hierboven, of maak een doel zonder indicator.",
                "No goals yet. Start from an opportunity above, or make a goal without an indicator.",
            ),
            P::NoIndicatorsYet => (
                "Nog geen indicator gekozen: dit doel werkt dan niet aan een groeikans.",
                "No indicator chosen: this goal then targets no gap.",
            ),
            P::Actions => ("Acties", "Actions"),
            P::AddAction => ("Actie toevoegen", "Add an action"),
            P::ActionWhat => ("Wat gebeurt er?", "What will be done?"),
            P::Owner => ("Verantwoordelijke", "Owner"),
            P::Start => ("Start", "Start"),
            P::Deadline => ("Deadline", "Deadline"),
            P::Budget => ("Budget (EUR)", "Budget (EUR)"),
            P::BudgetHint => (
                "De totale kost van de actie, de bijdrage van het bedrijf inbegrepen.",
                "The total cost of the action, company contribution included.",
            ),
            P::Contribution => ("Bijdrage van het bedrijf", "Company contribution"),
            P::ContributionKindLabel => ("Soort bijdrage", "Kind of contribution"),
            P::KindNone => ("Geen", "None"),
            P::KindMoney => ("Geld", "Money"),
            P::KindInKind => ("In natura (gewaardeerd)", "In kind (valued)"),
            P::ContributionValue => ("Waarde (EUR)", "Value (EUR)"),
            P::ContributionDescription => ("Wat brengt het bedrijf in?", "What does the company provide?"),
            P::SuccessCriterion => ("Succescriterium", "Success criterion"),
            P::Status => ("Status", "Status"),
            P::Planned => ("Gepland", "Planned"),
            P::InProgress => ("Bezig", "In progress"),
            P::Done => ("Klaar", "Done"),
            P::Dropped => ("Weggevallen", "Dropped"),
            P::Evidence => ("Link naar bewijs", "Evidence link"),
            P::Drop => ("Laten vallen", "Drop"),
            P::Restore => ("Terugzetten", "Restore"),
            P::ActionDropped => (
                "Actie laten vallen. Ze blijft zichtbaar bij de weggevallen acties.",
                "Action dropped. It stays visible among the dropped actions.",
            ),
            P::DroppedActions => ("Weggevallen acties", "Dropped actions"),
            P::NoActions => ("Nog geen acties.", "No actions yet."),
            P::NoOwner => ("nog niemand", "nobody yet"),
            P::Period => ("Periode", "Period"),
            P::ChecksTitle => ("Controles", "Checks"),
            P::ChecksAllGood => ("Geen opmerkingen: alles is in orde.", "Nothing to flag: all is well."),
            P::CheckNoActions => ("heeft nog geen acties", "has no actions yet"),
            P::CheckLowAspect => ("scoort laag en geen enkel doel werkt eraan", "scores low and no goal addresses it"),
            P::CheckNoGap => ("is niet gekoppeld aan een groeikans", "is not linked to a gap"),
            P::CheckStale => ("staat in de nulmeting intussen op niveau", "now stands in the baseline at level"),
            P::Cofinancing => ("Cofinanciering door het bedrijf", "Company cofinancing"),
            P::CofinancingNone => ("Nog geen budget ingevuld.", "No budget entered yet."),
            P::Threshold => ("drempel", "threshold"),
            P::Met => ("gehaald", "met"),
            P::Below => ("onder de drempel", "below the threshold"),
            P::Comments => ("Opmerkingen", "Comments"),
            P::StartThread => ("Opmerking plaatsen", "Add a comment"),
            P::NewThreadLabel => ("Nieuwe opmerking", "New comment"),
            P::ReplyLabel => ("Antwoorden", "Reply"),
            P::Send => ("Versturen", "Send"),
            P::Resolve => ("Afhandelen", "Resolve"),
            P::Reopen => ("Heropenen", "Reopen"),
            P::Resolved => ("afgehandeld", "resolved"),
            P::Open => ("open", "open"),
            P::New => ("nieuw", "new"),
            P::ConflictTitle => ("Iemand anders heeft dit intussen gewijzigd", "Someone else changed this meanwhile"),
            P::ConflictLead => (
                "Vergelijk beide versies en kies welke blijft. Er gaat niets verloren tot je kiest.",
                "Compare both versions and choose which one stays. Nothing is lost until you choose.",
            ),
            P::Field => ("Veld", "Field"),
            P::Yours => ("Jouw versie", "Your version"),
            P::Theirs => ("Hun versie (bewaard)", "Their version (saved)"),
            P::KeepMine => ("Mijn versie bewaren", "Keep my version"),
            P::TakeTheirs => ("Hun versie houden", "Keep their version"),
            P::EditFurther => ("Mijn versie verder bewerken", "Edit my version further"),
            P::History => ("Versiegeschiedenis", "Version history"),
            P::NoVersions => ("Nog geen ingediende versies.", "No submitted versions yet."),
            P::ChangesSince => ("Niet ingediende wijzigingen sinds versie", "Unsubmitted changes since version"),
            P::NoChanges => ("Geen wijzigingen.", "No changes."),
            P::GoalAdded => ("Doel toegevoegd", "Goal added"),
            P::GoalRemoved => ("Doel verwijderd", "Goal removed"),
            P::GoalChanged => ("Doel gewijzigd", "Goal changed"),
            P::GoalsReordered => ("Doelen in een andere volgorde", "Goals reordered"),
            P::ActionAdded => ("Actie toegevoegd", "Action added"),
            P::ActionRemoved => ("Actie verwijderd", "Action removed"),
            P::ActionChanged => ("Actie gewijzigd", "Action changed"),
            P::ActionsReordered => ("Acties in een andere volgorde", "Actions reordered"),
            P::OtherGoal => ("doel", "goal"),
            P::ProfileSummary => ("Profiel uit de nulmeting", "Profile from the baseline"),
            P::Aspect => ("Aspect", "Aspect"),
            P::Score => ("Score (1–4)", "Score (1–4)"),
            P::BudgetTable => ("Budget", "Budget"),
            P::Total => ("Totaal", "Total"),
            P::CompanyShare => ("Aandeel bedrijf", "Company share"),
            P::CommentsSummary => ("Opmerkingen van peterbedrijf en coördinator", "Comments from the sponsor and coordinator"),
            P::PrintNow => ("Afdrukken", "Print"),
            P::BackToPlan => ("Terug naar het actieplan", "Back to the action plan"),
            P::Sponsor => ("Peterbedrijf", "Sponsor company"),
            P::Edition => ("Editie", "Edition"),
            P::PrintedOn => ("Stand van", "As of"),
            P::SubmitWarnings => ("Let op: de controles melden nog", "Note: the checks still report"),
            P::DraftAfterVersion => ("Concept, gewijzigd na versie {n}", "Draft, changed after version {n}"),
            P::Draft => ("Concept", "Draft"),
            P::NoSponsor => ("nog niet gekoppeld", "not matched yet"),
            P::MySchools => ("Mijn scholen", "My schools"),
            P::MySchoolsLead => (
                "De scholen die jouw bedrijf als peterbedrijf begeleidt, met hun actieplan en jullie opmerkingen.",
                "The schools your company sponsors, with their action plan and your comments.",
            ),
            P::NoSchools => (
                "Er is nog geen school aan jouw bedrijf gekoppeld. De coördinator maakt de koppeling.",
                "No school is matched to your company yet. The coordinator makes the match.",
            ),
            P::OpenPlan => ("Actieplan openen", "Open the action plan"),
            P::OpenReport => ("Rapport nulmeting", "Baseline report"),
            P::NoPlanYet => ("Nog geen doelen in het actieplan.", "No goals in the action plan yet."),
            P::ToPlan => ("Naar het actieplan", "Go to the action plan"),
        }
    }
}

pub fn status_text(s: ActionStatus) -> P {
    match s {
        ActionStatus::Planned => P::Planned,
        ActionStatus::InProgress => P::InProgress,
        ActionStatus::Done => P::Done,
        ActionStatus::Dropped => P::Dropped,
    }
}

pub fn kind_text(k: ContributionKind) -> P {
    match k {
        ContributionKind::None => P::KindNone,
        ContributionKind::Money => P::KindMoney,
        ContributionKind::InKind => P::KindInKind,
    }
}

fn field_text(f: Field) -> P {
    match f {
        Field::Title => P::Title,
        Field::Description => P::Description,
        Field::IndicatorId => P::Indicators,
        Field::CurrentLevel => P::CurrentLevel,
        Field::TargetLevel => P::TargetLevel,
        Field::Owner => P::Owner,
        Field::Start => P::Start,
        Field::Deadline => P::Deadline,
        Field::Budget => P::Budget,
        Field::ContributionKind => P::ContributionKindLabel,
        Field::ContributionValue => P::ContributionValue,
        Field::ContributionDescription => P::ContributionDescription,
        Field::SuccessCriterion => P::SuccessCriterion,
        Field::EvidenceUrl => P::Evidence,
    }
}

fn euro(cents: i64, lang: Lang) -> String {
    rubric::plan::format_euro(cents, lang)
}

/// A validation error of the plan rules, in `lang`.
pub fn plan_error(e: &PlanError, lang: Lang) -> String {
    let f = |field: &Field| field_text(*field).t(lang);
    match e {
        PlanError::Required { field } => pick(lang, format!("{} is verplicht.", f(field)), format!("{} is required.", f(field))),
        PlanError::TooLong { field, chars, max } => pick(
            lang,
            format!("{} is {chars} tekens lang; maximaal {max}.", f(field)),
            format!("{} is {chars} characters long; at most {max}.", f(field)),
        ),
        PlanError::ControlCharacter { field } => pick(
            lang,
            format!("{} bevat een ongeldig teken (zoals een regeleinde).", f(field)),
            format!("{} contains an invalid character (such as a line break).", f(field)),
        ),
        PlanError::NotHttpUrl { .. } => pick(
            lang,
            "Geef een webadres dat begint met http:// of https://, zonder spaties.".to_string(),
            "Give a web address starting with http:// or https://, without spaces.".to_string(),
        ),
        PlanError::UnknownIndicator { indicator_id } => pick(
            lang,
            format!("'{indicator_id}' is geen indicator van de rubric."),
            format!("'{indicator_id}' is not an indicator of the rubric."),
        ),
        PlanError::DuplicateIndicator { .. } => pick(
            lang,
            "Deze indicator staat al in dit doel.".to_string(),
            "This indicator is already in this goal.".to_string(),
        ),
        PlanError::LevelOutOfRange { value, .. } => pick(
            lang,
            format!("Niveau {value} bestaat niet: kies 1, 2, 3 of 4."),
            format!("Level {value} does not exist: choose 1, 2, 3 or 4."),
        ),
        PlanError::TargetNotAboveCurrent { current, .. } => pick(
            lang,
            format!("Het doelniveau moet hoger zijn dan het huidige niveau {current}."),
            format!("The target level must be above the current level {current}."),
        ),
        PlanError::NotADate { value, .. } => pick(
            lang,
            format!("'{value}' is geen datum (JJJJ-MM-DD)."),
            format!("'{value}' is not a date (YYYY-MM-DD)."),
        ),
        PlanError::NoSuchDay { value, .. } => pick(
            lang,
            format!("{value} bestaat niet in de kalender."),
            format!("{value} does not exist in the calendar."),
        ),
        PlanError::DeadlineBeforeStart { start, .. } => pick(
            lang,
            format!("De deadline ligt vóór de startdatum ({}).", super::format::date(lang, *start)),
            format!("The deadline is before the start date ({}).", super::format::date(lang, *start)),
        ),
        PlanError::NegativeAmount { .. } => pick(
            lang,
            "Een bedrag kan niet negatief zijn.".to_string(),
            "An amount cannot be negative.".to_string(),
        ),
        PlanError::AmountTooLarge { .. } => pick(
            lang,
            format!("Dat bedrag is te groot; het maximum is {}.", euro(rubric::plan::MAX_AMOUNT_CENTS, lang)),
            format!("That amount is too large; the maximum is {}.", euro(rubric::plan::MAX_AMOUNT_CENTS, lang)),
        ),
        PlanError::ValueWithoutKind { .. } => pick(
            lang,
            "Kies geld of in natura, of zet de waarde op 0.".to_string(),
            "Choose money or in kind, or set the value to 0.".to_string(),
        ),
        PlanError::KindWithoutValue { .. } => pick(
            lang,
            "Geef de waarde van de bijdrage (meer dan € 0).".to_string(),
            "Give the value of the contribution (more than €0).".to_string(),
        ),
        PlanError::ContributionAboveBudget { budget_cents, .. } => pick(
            lang,
            format!("De bijdrage is groter dan het budget van de actie ({}); het budget is de totale kost.", euro(*budget_cents, lang)),
            format!("The contribution is larger than the action's budget ({}); the budget is the total cost.", euro(*budget_cents, lang)),
        ),
    }
}

/// Why typed money is not an amount, in `lang`.
pub fn money_error(e: &MoneyError, lang: Lang) -> String {
    match e {
        MoneyError::Empty => pick(lang, "Geef een bedrag.", "Give an amount.").to_string(),
        MoneyError::NotAnAmount { text } => pick(
            lang,
            format!("'{text}' is geen bedrag; schrijf bv. 1.250,50."),
            format!("'{text}' is not an amount; write e.g. 1,250.50."),
        ),
        MoneyError::TooManyDecimals { .. } => {
            pick(lang, "Hoogstens twee cijfers na de komma.", "At most two decimals.").to_string()
        }
        MoneyError::TooLarge { .. } => pick(lang, "Dat bedrag is te groot.", "That amount is too large.").to_string(),
    }
}

/// Why a comment cannot be sent, in `lang`.
pub fn comment_error(e: &CommentError, lang: Lang) -> String {
    match e {
        CommentError::Empty => pick(lang, "Schrijf eerst iets.", "Write something first.").to_string(),
        CommentError::TooLong { chars } => pick(
            lang,
            format!("De opmerking is {chars} tekens lang; maximaal {}.", rubric::plan::MAX_COMMENT_CHARS),
            format!("The comment is {chars} characters long; at most {}.", rubric::plan::MAX_COMMENT_CHARS),
        ),
        CommentError::ControlCharacter => {
            pick(lang, "De opmerking bevat een ongeldig teken.", "The comment contains an invalid character.").to_string()
        }
    }
}

fn field_key(key: &str) -> P {
    match key {
        "title" => P::Title,
        "indicator-targets" => P::Indicators,
        "goal" => P::OtherGoal,
        "owner" => P::Owner,
        "start" => P::Start,
        "deadline" => P::Deadline,
        "budget" => P::BudgetTable,
        "company-contribution" => P::Contribution,
        "success-criterion" => P::SuccessCriterion,
        "status" => P::Status,
        "evidence-url" => P::Evidence,
        _ => P::Description,
    }
}

/// One line of the version history: what changed, on what, which fields.
pub fn change_text(c: &ChangeLine, lang: Lang) -> String {
    let what = match c.change.as_str() {
        "goal-added" => P::GoalAdded,
        "goal-removed" => P::GoalRemoved,
        "goal-changed" => P::GoalChanged,
        "goals-reordered" => P::GoalsReordered,
        "action-added" => P::ActionAdded,
        "action-removed" => P::ActionRemoved,
        "action-changed" => P::ActionChanged,
        _ => P::ActionsReordered,
    };
    let mut text = what.t(lang).to_string();
    if !c.name.is_empty() {
        text.push_str(": ");
        text.push_str(&c.name);
    }
    if !c.fields.is_empty() {
        let names: Vec<String> = c.fields.iter().map(|f| rubric::people::fold_case(field_key(f).t(lang))).collect();
        text.push_str(&format!(" ({})", names.join(", ")));
    }
    text
}

/// A submit the server refused at the plan (no goals; nothing new since
/// the last version, when a colleague submitted the same a moment
/// earlier), in the reader's words; `None` for any other refusal.
pub fn submit_refusal(lang: Lang, e: &ApiError) -> Option<&'static str> {
    match e.field_error("plan")?.code? {
        FieldCode::PlanHasNoGoals => Some(P::SubmitNeedsGoal.t(lang)),
        FieldCode::NothingNewToSubmit => Some(P::NothingNew.t(lang)),
        _ => None,
    }
}
