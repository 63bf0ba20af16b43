//! Texts of the nulmeting: filling in, the team view and consensus, the
//! school report and the coordinator's measurement overview.

use super::{Lang, Text};
use rubric::assessment::api::MeasurementStatus;
use rubric::assessment::{Answer, AnswerError, MeasurementKind, UrlProblem};
use rubric::people::SchoolFunction;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum N {
    // Kinds, statuses, functions
    Baseline,
    Final,
    StatusOpen,
    StatusClosedName,
    FunctionDirection,
    FunctionStemCoordinator,
    FunctionTeacher,
    FunctionOther,
    NaShort,
    // Filling in
    FillTitle,
    OnlySchoolMembers,
    NoActiveEdition,
    NotInEdition,
    DeadlinePassed,
    MeasurementChoice,
    Deadline,
    FillIntro,
    ClosedNotice,
    AspectsNav,
    Answered,
    AnsweredOf,
    StateConflict,
    StateProblem,
    StateSavedExceptLink,
    StateSavedExceptComment,
    StateOffline,
    StateSaving,
    StateSaved,
    StateEmpty,
    StatusSaved,
    StatusSaving,
    StatusOffline,
    StatusProblem,
    StatusClosed,
    ConflictBody,
    ConflictYours,
    ConflictKeepMine,
    ConflictKeepNewer,
    NotesSummary,
    EvidenceHint,
    CommentLabel,
    EvidenceLabel,
    SubmitTitle,
    SubmitExplain,
    Submit,
    Submitting,
    SubmittedOn,
    SeeTeamAnswers,
    // Answer checks
    ErrCommentTooLong,
    ErrUrlNotHttp,
    ErrUrlNoAddress,
    ErrUrlWhitespace,
    ErrUrlTooLong,
    ErrUnknownIndicator,
    ErrLevel,
    // Team view
    TeamTitle,
    TeamForbidden,
    NoMeasurementYet,
    ToReport,
    ToMySheet,
    WhoResponded,
    AnswersHidden,
    NoMembers,
    Name,
    Function,
    Progress,
    Submitted,
    Yes,
    Busy,
    NotStarted,
    DistributionLabel,
    Median,
    Range,
    Count,
    NaCount,
    DiscussionPoints,
    DiscussionPointsShort,
    DiscussionPointShort,
    AllEven,
    DiscussionPointsExplain,
    NoDiscussionPoints,
    OtherIndicators,
    DecidedShort,
    AcceptProposals,
    AcceptProposalsHint,
    SpreadBadge,
    ConsensusIs,
    TeamAnswers,
    EvidenceLink,
    ConsensusLegend,
    ProposalHint,
    RationaleLabel,
    RationalePlaceholder,
    RationaleTooLong,
    SaveConsensus,
    Saving,
    NoConsensusYet,
    DecidedBy,
    ConsensusOvertaken,
    // Report
    ReportTitle,
    ReportNotYours,
    ReportEyebrow,
    Sponsor,
    ToTeam,
    Print,
    NoProfileYet,
    DecidedSoFar,
    OverallScore,
    IndicatorsDecided,
    Respondents,
    RespondentsLabel,
    RadarLabel,
    BenchmarkLegend,
    Aspect,
    BenchmarkColumn,
    BenchmarkShown,
    BenchmarkHidden,
    ScoreExplain,
    Growth,
    Strongest,
    Weakest,
    PerIndicator,
    NoDiscussionPointsReport,
    Indicator,
    ConsensusColumn,
    ReportFooter,
    // Coordinator
    MeasurementsTitle,
    NoActiveEditionCoordinator,
    AutoOpenExplain,
    DeadlinePassedCoordinator,
    AllSchools,
    OpenFinalAll,
    CloseBaselineAll,
    CloseFinalAll,
    ConfirmOpenFinalAll,
    ConfirmCloseBaselineAll,
    ConfirmCloseFinalAll,
    ConfirmOpenBaselineAll,
    Confirm,
    Cancel,
    NoSchools,
    School,
    Actions,
    NotOpened,
    OpenedFor,
    ClosedFor,
    Completion,
    Close,
    Reopen,
    OpenBaseline,
    OpenFinal,
    TeamLink,
    ReportLink,
    // Start page card
    CardTitle,
    CardUnavailable,
    CardNotStarted,
    CardBusy,
    CardClosed,
    CardStart,
    CardContinue,
    CardView,
}

impl Text for N {
    #[inline(always)]
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            N::Baseline => ("Nulmeting", "Baseline"),
            N::Final => ("Eindmeting", "Final measurement"),
            N::StatusOpen => ("Open", "Open"),
            N::StatusClosedName => ("Afgesloten", "Closed"),
            N::FunctionDirection => ("Directie", "Direction"),
            N::FunctionStemCoordinator => ("STEM-coördinator", "STEM coordinator"),
            N::FunctionTeacher => ("Leerkracht", "Teacher"),
            N::FunctionOther => ("Andere", "Other"),
            N::NaShort => ("n.v.t.", "n/a"),
            N::FillTitle => ("Nulmeting invullen", "Fill in the baseline"),
            N::OnlySchoolMembers => (
                "Alleen leden van een schoolteam vullen de nulmeting in.",
                "Only members of a school team fill in the baseline.",
            ),
            N::NoActiveEdition => (
                "Er loopt op dit moment geen editie van STEMpact. Je coördinator laat weten wanneer de nulmeting start.",
                "No STEMpact edition is running at the moment. Your coordinator will let you know when the baseline starts.",
            ),
            N::NotInEdition => (
                "Je school neemt niet deel aan de huidige editie. Vraag je coördinator om meer uitleg.",
                "Your school does not take part in the current edition. Ask your coordinator for more information.",
            ),
            N::DeadlinePassed => (
                "De termijn voor de nulmeting is voorbij. Vraag je programmacoördinator om ze voor jullie school te openen.",
                "The baseline period has ended. Ask your programme coordinator to open it for your school.",
            ),
            N::MeasurementChoice => ("Kies de meting", "Choose the measurement"),
            N::Deadline => ("deadline", "deadline"),
            N::FillIntro => (
                "Kies per indicator de beschrijving die het best past bij jullie school vandaag. Alles wordt vanzelf bewaard. Vul in op je eentje: de antwoorden van je collega's zie je pas nadat je zelf hebt ingediend.",
                "For each indicator, choose the description that best fits your school today. Everything is saved as you go. Answer on your own: you see your colleagues' answers only after you submitted yours.",
            ),
            N::ClosedNotice => (
                "Deze meting is afgesloten. Je kan je antwoorden nog bekijken, maar niet meer wijzigen.",
                "This measurement is closed. You can still read your answers, but no longer change them.",
            ),
            N::AspectsNav => ("Aspecten", "Aspects"),
            N::Answered => ("beantwoord", "answered"),
            N::AnsweredOf => ("{n} van {total} indicatoren beantwoord", "{n} of {total} indicators answered"),
            N::StateConflict => ("Elders gewijzigd", "Changed elsewhere"),
            N::StateProblem => ("Niet bewaard", "Not saved"),
            N::StateSavedExceptLink => ("Bewaard, behalve de link", "Saved, except the link"),
            N::StateSavedExceptComment => ("Bewaard, behalve de toelichting", "Saved, except the comment"),
            N::StateOffline => ("Op dit toestel", "On this device"),
            N::StateSaving => ("Bewaren…", "Saving…"),
            N::StateSaved => ("Bewaard", "Saved"),
            N::StateEmpty => ("Nog open", "Not answered"),
            N::StatusSaved => ("Alles bewaard", "All changes saved"),
            N::StatusSaving => ("Bezig met bewaren…", "Saving…"),
            N::StatusOffline => (
                "Offline: je antwoorden blijven op dit toestel bewaard en worden verstuurd zodra de verbinding terug is",
                "Offline: your answers are kept on this device and sent as soon as the connection is back",
            ),
            N::StatusProblem => ("Niet alles is bewaard: bekijk de gemarkeerde velden", "Not everything is saved: check the marked fields"),
            N::StatusClosed => ("Afgesloten", "Closed"),
            N::ConflictBody => (
                "Dit antwoord werd intussen elders gewijzigd (bijvoorbeeld op een ander toestel). Je ziet nu het nieuwste antwoord.",
                "This answer was changed elsewhere in the meantime (for instance on another device). You now see the newest answer.",
            ),
            N::ConflictYours => ("Jouw wijziging was:", "Your change was:"),
            N::ConflictKeepMine => ("Toch mijn antwoord gebruiken", "Use my answer instead"),
            N::ConflictKeepNewer => ("Het nieuwste antwoord houden", "Keep the newest answer"),
            N::NotesSummary => ("Toelichting en bewijs (niet verplicht)", "Comment and evidence (optional)"),
            N::EvidenceHint => ("Waaraan zie je het?", "What shows it?"),
            N::CommentLabel => ("Toelichting", "Comment"),
            N::EvidenceLabel => ("Link naar bewijs", "Link to evidence"),
            N::SubmitTitle => ("Indienen", "Submit"),
            N::SubmitExplain => (
                "Ben je klaar? Dien je antwoorden in. Daarna zie je de antwoorden van je team. Tot de meting sluit, kan je nog wijzigen.",
                "Done? Submit your answers. Then you see your team's answers. You can still make changes until the measurement closes.",
            ),
            N::Submit => ("Mijn antwoorden indienen", "Submit my answers"),
            N::Submitting => ("Bezig met indienen…", "Submitting…"),
            N::SubmittedOn => ("Ingediend op", "Submitted on"),
            N::SeeTeamAnswers => ("Bekijk de antwoorden van je team", "See your team's answers"),
            N::ErrCommentTooLong => ("De toelichting is te lang: maximaal {max} tekens.", "The comment is too long: at most {max} characters."),
            N::ErrUrlNotHttp => ("De link moet beginnen met http:// of https://.", "The link must start with http:// or https://."),
            N::ErrUrlNoAddress => ("Na http:// of https:// ontbreekt het adres.", "The address after http:// or https:// is missing."),
            N::ErrUrlWhitespace => ("De link mag geen spaties bevatten.", "The link must not contain spaces."),
            N::ErrUrlTooLong => ("De link is te lang: maximaal {max} tekens.", "The link is too long: at most {max} characters."),
            N::ErrUnknownIndicator => ("Deze indicator bestaat niet in de rubric.", "This indicator is not in the rubric."),
            N::ErrLevel => ("Kies niveau 1, 2, 3 of 4, of 'niet van toepassing'.", "Choose level 1, 2, 3 or 4, or 'not applicable'."),
            N::TeamTitle => ("Teamoverzicht", "Team view"),
            N::TeamForbidden => (
                "Het teamoverzicht is voor de STEM-coördinator en de directie van de school. Andere teamleden zien de antwoorden van het team nadat ze hun eigen antwoorden hebben ingediend.",
                "The team view is for the school's STEM coordinator and direction. Other team members see the team's answers after submitting their own.",
            ),
            N::NoMeasurementYet => (
                "De nulmeting van deze school is nog niet gestart. Ze opent zodra iemand van het team begint in te vullen.",
                "This school's baseline has not started yet. It opens as soon as someone in the team starts filling in.",
            ),
            N::ToReport => ("Naar het schoolrapport", "To the school report"),
            N::ToMySheet => ("Naar mijn antwoorden", "To my answers"),
            N::WhoResponded => ("Wie heeft geantwoord?", "Who has responded?"),
            N::AnswersHidden => (
                "Je ziet de antwoorden van je team zodra je je eigen antwoorden hebt ingediend (of zodra de meting is afgesloten). Zo laat niemand zich beïnvloeden.",
                "You see your team's answers once you have submitted your own (or once the measurement is closed), so nobody is swayed.",
            ),
            N::NoMembers => ("Nog niemand van het team is uitgenodigd.", "Nobody in the team has been invited yet."),
            N::Name => ("Naam", "Name"),
            N::Function => ("Functie", "Role"),
            N::Progress => ("Voortgang", "Progress"),
            N::Submitted => ("Ingediend", "Submitted"),
            N::Yes => ("Ja", "Yes"),
            N::Busy => ("Bezig", "In progress"),
            N::NotStarted => ("Nog niet begonnen", "Not started"),
            N::DistributionLabel => ("Aantal antwoorden per niveau", "Answers per level"),
            N::Median => ("Mediaan", "Median"),
            N::Range => ("Van – tot", "Min – max"),
            N::Count => ("Antwoorden", "Answers"),
            N::NaCount => ("N.v.t.", "N/A"),
            N::DiscussionPoints => ("Gesprekspunten", "Discussion points"),
            N::DiscussionPointsShort => ("gesprekspunten", "discussion points"),
            N::DiscussionPointShort => ("gesprekspunt", "discussion point"),
            N::AllEven => (
                "Geen indicator scoort lager dan de sterkste: het profiel is gelijkmatig.",
                "No indicator scores below the strongest ones: the profile is even.",
            ),
            N::DiscussionPointsExplain => (
                "Hier liggen de antwoorden twee niveaus of meer uit elkaar. Bespreek ze samen en leg dan het niveau vast waarover jullie het eens zijn.",
                "Here the answers lie two levels or more apart. Discuss them together, then record the level you agree on.",
            ),
            N::NoDiscussionPoints => (
                "Geen gesprekspunten: het team ligt nergens twee niveaus of meer uit elkaar.",
                "No discussion points: the team is nowhere two levels or more apart.",
            ),
            N::OtherIndicators => ("Alle andere indicatoren", "All other indicators"),
            N::DecidedShort => ("indicatoren met een consensus", "indicators with a consensus"),
            N::AcceptProposals => ("Mediaan overnemen waar het team het eens is ({n})", "Accept the median where the team agrees ({n})"),
            N::AcceptProposalsHint => (
                "Legt voor elke indicator zonder gesprekspunt en zonder consensus het afgeronde mediaan-niveau vast. Je kan elk niveau nadien nog aanpassen.",
                "Records the rounded median level for every indicator without a discussion point and without a consensus. You can still change each one afterwards.",
            ),
            N::SpreadBadge => ("Gesprekspunt: {n} niveaus verschil", "Discussion point: {n} levels apart"),
            N::ConsensusIs => ("Consensus:", "Consensus:"),
            N::TeamAnswers => ("Antwoorden van het team ({n})", "The team's answers ({n})"),
            N::EvidenceLink => ("bewijs", "evidence"),
            N::ConsensusLegend => ("Niveau waarover het team het eens is", "Level the team agrees on"),
            N::ProposalHint => (
                "Voorgesteld omdat het team het eens is (nog niet vastgelegd):",
                "Proposed because the team agrees (not recorded yet):",
            ),
            N::RationaleLabel => ("Korte motivering", "Short rationale"),
            N::RationalePlaceholder => ("Waarom dit niveau?", "Why this level?"),
            N::RationaleTooLong => ("De motivering is te lang: maximaal {max} tekens.", "The rationale is too long: at most {max} characters."),
            N::SaveConsensus => ("Consensus vastleggen", "Record consensus"),
            N::Saving => ("Bewaren…", "Saving…"),
            N::NoConsensusYet => ("Nog geen consensus.", "No consensus yet."),
            N::DecidedBy => ("Vastgelegd door", "Recorded by"),
            N::ConsensusOvertaken => (
                "Iemand anders legde intussen een consensus vast voor deze indicator. Je ziet nu die nieuwste beslissing; pas ze aan als dat nodig is.",
                "Someone else recorded a consensus for this indicator in the meantime. You now see that newest decision; change it if needed.",
            ),
            N::ReportTitle => ("Schoolrapport", "School report"),
            N::ReportNotYours => (
                "Dit rapport bestaat niet of je hebt er geen toegang toe. Een peterbedrijf ziet alleen het rapport van zijn eigen scholen.",
                "This report does not exist or you have no access to it. A sponsor company sees only the reports of its own schools.",
            ),
            N::ReportEyebrow => ("STEM-profiel", "STEM profile"),
            N::Sponsor => ("peterbedrijf", "sponsor company"),
            N::ToTeam => ("Naar het teamoverzicht", "To the team view"),
            N::Print => ("Afdrukken", "Print"),
            N::NoProfileYet => (
                "Er is nog geen STEM-profiel: het team heeft nog geen consensus vastgelegd.",
                "There is no STEM profile yet: the team has not recorded a consensus.",
            ),
            N::DecidedSoFar => ("({n} van {total} indicatoren beslist)", "({n} of {total} indicators decided)"),
            N::OverallScore => ("gemiddeld niveau", "mean level"),
            N::IndicatorsDecided => ("indicatoren met consensus", "indicators with consensus"),
            N::Respondents => ("respondenten", "respondents"),
            N::RespondentsLabel => ("Respondenten", "Respondents"),
            N::RadarLabel => ("Radar van de zeven aspecten, schaal 1 tot 4", "Radar of the seven aspects, scale 1 to 4"),
            N::BenchmarkLegend => ("Mediaan van de editie", "Edition median"),
            N::Aspect => ("Aspect", "Aspect"),
            N::BenchmarkColumn => ("Mediaan editie", "Edition median"),
            N::BenchmarkShown => (
                "Mediaan editie: de middelste score van de {n} scholen van deze editie met een consensus. Geen enkele school wordt genoemd.",
                "Edition median: the middle score of the {n} schools in this edition with a consensus. No school is named.",
            ),
            N::BenchmarkHidden => (
                "De mediaan van de editie verschijnt zodra minstens {min} scholen een consensus hebben (nu {n}).",
                "The edition median appears once at least {min} schools have a consensus (now {n}).",
            ),
            N::ScoreExplain => (
                "Score per aspect: het gemiddelde consensusniveau van zijn indicatoren (1 startend – 4 voorbeeldig); 'niet van toepassing' telt niet mee.",
                "Score per aspect: the mean consensus level of its indicators (1 starting – 4 exemplary); 'not applicable' does not count.",
            ),
            N::Growth => ("Groei", "Growth"),
            N::Strongest => ("Sterkste indicatoren", "Strongest indicators"),
            N::Weakest => ("Grootste groeikansen", "Biggest opportunities for growth"),
            N::PerIndicator => ("Niveau per indicator", "Level per indicator"),
            N::NoDiscussionPointsReport => (
                "Het team lag bij geen enkele indicator twee niveaus of meer uit elkaar.",
                "The team was not two levels or more apart on any indicator.",
            ),
            N::Indicator => ("Indicator", "Indicator"),
            N::ConsensusColumn => ("Consensus", "Consensus"),
            N::ReportFooter => ("STEMpact-rubric versie {version}", "STEMpact rubric version {version}"),
            N::MeasurementsTitle => ("Metingen", "Measurements"),
            N::NoActiveEditionCoordinator => (
                "Er is geen actieve editie. Maak eerst een editie aan en zet ze actief.",
                "There is no active edition. Create an edition and make it active first.",
            ),
            N::AutoOpenExplain => (
                "De nulmeting van een school opent vanzelf zodra iemand van het team begint, tot de deadline. Je kan ze per school afsluiten of heropenen en de eindmeting openen.",
                "A school's baseline opens by itself as soon as someone in the team starts, until the deadline. You can close or reopen it per school and open the final measurement.",
            ),
            N::DeadlinePassedCoordinator => (
                "De deadline van de nulmeting is voorbij: een nulmeting opent niet meer vanzelf. Open ze per school als een team nog moet invullen.",
                "The baseline deadline has passed: a baseline no longer opens by itself. Open it per school if a team still has to fill in.",
            ),
            N::AllSchools => ("Voor alle scholen", "For all schools"),
            N::OpenFinalAll => ("Eindmeting openen voor alle scholen", "Open the final measurement for all schools"),
            N::CloseBaselineAll => ("Nulmeting afsluiten voor alle scholen", "Close the baseline for all schools"),
            N::CloseFinalAll => ("Eindmeting afsluiten voor alle scholen", "Close the final measurement for all schools"),
            N::ConfirmOpenFinalAll => (
                "De eindmeting openen voor alle {n} scholen? De teams kunnen dan meteen invullen.",
                "Open the final measurement for all {n} schools? The teams can then fill it in right away.",
            ),
            N::ConfirmCloseBaselineAll => (
                "De nulmeting afsluiten voor alle {n} scholen? Niemand kan dan nog antwoorden wijzigen (heropenen kan per school).",
                "Close the baseline for all {n} schools? Nobody can change answers any more (you can reopen per school).",
            ),
            N::ConfirmCloseFinalAll => (
                "De eindmeting afsluiten voor alle {n} scholen? Niemand kan dan nog antwoorden wijzigen (heropenen kan per school).",
                "Close the final measurement for all {n} schools? Nobody can change answers any more (you can reopen per school).",
            ),
            N::ConfirmOpenBaselineAll => ("De nulmeting openen voor alle {n} scholen?", "Open the baseline for all {n} schools?"),
            N::Confirm => ("Ja, doorgaan", "Yes, go ahead"),
            N::Cancel => ("Annuleren", "Cancel"),
            N::NoSchools => ("Deze editie heeft nog geen scholen.", "This edition has no schools yet."),
            N::School => ("School", "School"),
            N::Actions => ("Acties", "Actions"),
            N::NotOpened => ("Nog niet geopend", "Not opened yet"),
            N::OpenedFor => ("geopend", "opened"),
            N::ClosedFor => ("afgesloten", "closed"),
            N::Completion => ("Ingevuld", "Completed"),
            N::Close => ("Afsluiten", "Close"),
            N::Reopen => ("Heropenen", "Reopen"),
            N::OpenBaseline => ("Nulmeting openen", "Open baseline"),
            N::OpenFinal => ("Eindmeting openen", "Open final measurement"),
            N::TeamLink => ("Teamoverzicht", "Team view"),
            N::ReportLink => ("Rapport", "Report"),
            N::CardTitle => ("Nulmeting", "Baseline"),
            N::CardUnavailable => ("De stand van de nulmeting kon niet geladen worden.", "The state of the baseline could not be loaded."),
            N::CardNotStarted => ("Je bent nog niet begonnen.", "You have not started yet."),
            N::CardBusy => ("Je bent bezig; alles wat je invulde is bewaard.", "You are under way; everything you filled in is saved."),
            N::CardClosed => ("De meting is afgesloten.", "The measurement is closed."),
            N::CardStart => ("Beginnen", "Start"),
            N::CardContinue => ("Verder invullen", "Continue"),
            N::CardView => ("Bekijk je antwoorden", "View your answers"),
        }
    }
}

/// "1 gesprekspunt", "3 gesprekspunten".
pub fn discussion_points_label(n: usize) -> N {
    if n == 1 {
        N::DiscussionPointShort
    } else {
        N::DiscussionPointsShort
    }
}

/// The name of a measurement kind.
pub fn kind_name(kind: MeasurementKind) -> N {
    match kind {
        MeasurementKind::Baseline => N::Baseline,
        MeasurementKind::Final => N::Final,
    }
}

pub fn status_name(status: MeasurementStatus) -> N {
    match status {
        MeasurementStatus::Open => N::StatusOpen,
        MeasurementStatus::Closed => N::StatusClosedName,
    }
}

pub fn function_name(function: SchoolFunction) -> N {
    match function {
        SchoolFunction::Direction => N::FunctionDirection,
        SchoolFunction::StemCoordinator => N::FunctionStemCoordinator,
        SchoolFunction::Teacher => N::FunctionTeacher,
        SchoolFunction::Other => N::FunctionOther,
    }
}

/// "3 · Gevorderd", "n.v.t.", "weet ik niet" or "–".
pub fn answer_label(lang: Lang, answer: Option<Answer>) -> String {
    match answer {
        Some(Answer::Level(l)) => format!("{l} · {}", rubric::names::level_name(l, lang)),
        Some(Answer::NotApplicable) => N::NaShort.t(lang).to_string(),
        Some(Answer::DontKnow) => super::rubric_versions::R::DontKnow.t(lang).to_lowercase(),
        None => "–".to_string(),
    }
}

/// A date from Unix seconds, in words.
pub fn unix_date(lang: Lang, secs: i64) -> String {
    rubric::Date::from_unix_seconds(secs).map(|d| super::format::date(lang, d)).unwrap_or_default()
}

/// A check of the rubric crate, said in the interface language.
pub fn answer_error_text(lang: Lang, e: &AnswerError) -> String {
    use rubric::assessment::{MAX_COMMENT_CHARS, MAX_EVIDENCE_URL_CHARS};
    match e {
        AnswerError::CommentTooLong(_) => N::ErrCommentTooLong.t(lang).replace("{max}", &MAX_COMMENT_CHARS.to_string()),
        AnswerError::EvidenceUrlInvalid { problem, .. } => match problem {
            UrlProblem::NotHttp => N::ErrUrlNotHttp.t(lang).to_string(),
            UrlProblem::NoAddress => N::ErrUrlNoAddress.t(lang).to_string(),
            UrlProblem::Whitespace => N::ErrUrlWhitespace.t(lang).to_string(),
            UrlProblem::TooLong(_) => N::ErrUrlTooLong.t(lang).replace("{max}", &MAX_EVIDENCE_URL_CHARS.to_string()),
        },
        AnswerError::UnknownIndicator(_) => N::ErrUnknownIndicator.t(lang).to_string(),
        AnswerError::LevelOutOfRange(_) | AnswerError::NotAnAnswer(_) => N::ErrLevel.t(lang).to_string(),
    }
}
