//! Texts of "submitted means submitted": where a nulmeting sheet or a jury
//! score sheet stands, asking to reopen it and deciding on that, the
//! changes made after reopening, the blind rule's notices, and re-issuing
//! a sign-in link for someone who already signed in.

use rubric::errors::ErrorCode;
use super::{Lang, Text};
use rubric::submission::SheetStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum S {
    // Where a sheet stands
    StatusDraft,
    StatusSubmitted,
    StatusReopenRequested,
    StatusReopened,
    StatusFrozen,
    // The owner of a sheet
    FrozenNotice,
    JuryFrozenNotice,
    AskReopen,
    ReasonLabel,
    ReasonOptional,
    ReasonRequired,
    ReasonMissing,
    ReasonTooLong,
    SendRequest,
    Sending,
    Cancel,
    RequestedNotice,
    RequestedWhoNulmeting,
    RequestedWhoJury,
    ReopenedNotice,
    ReopenedBlind,
    JuryReopenedBlind,
    DeclinedNotice,
    DeclinedNote,
    Resubmit,
    ChangesRecorded,
    // Who decides
    RequestsTitle,
    RequestsExplain,
    ReopenedWaiting,
    AskedOn,
    NoReason,
    Reopen,
    Decline,
    DeclineNoteLabel,
    ConfirmDecline,
    ConfirmReopen,
    OwnRequestElsewhere,
    // What changed
    ChangesTitle,
    ChangesExplain,
    ScoreChangesExplain,
    ColWho,
    ColIndicator,
    ColCriterion,
    ColFinalist,
    ColBeforeAfter,
    ColWhen,
    ColReopenedBy,
    ColReason,
    // The blind rule
    BlindReport,
    BlindPlan,
    ToMySheet,
    // Sign-in links
    SignedInAskCoordinator,
    ConfirmReissueSignedIn,
    ConfirmJurorLink,
    // Errors the server reports by code
    ErrFrozen,
    ErrAlreadySubmitted,
    ErrNotSubmitted,
    ErrAlreadyRequested,
    ErrAlreadyReopened,
    ErrNoRequest,
    ErrOwnSheet,
    ErrColleagueSignedIn,
    ErrOwnLink,
}

impl Text for S {
    #[inline(always)]
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            S::StatusDraft => ("Bezig", "In progress"),
            S::StatusSubmitted => ("Ingediend", "Submitted"),
            S::StatusReopenRequested => ("Heropening gevraagd", "Reopening requested"),
            S::StatusReopened => ("Heropend", "Reopened"),
            S::StatusFrozen => ("Ingediend · ligt vast", "Submitted · frozen"),
            S::FrozenNotice => (
                "Je blad is ingediend en ligt vast: je antwoorden kunnen niet meer veranderen. Moet er toch iets anders? Vraag een heropening aan.",
                "Your sheet is submitted and frozen: your answers can no longer change. Must something change after all? Ask to reopen it.",
            ),
            S::JuryFrozenNotice => (
                "Je scores zijn ingediend en liggen vast. Moet er toch iets anders? Vraag een heropening aan, met de reden.",
                "Your scores are submitted and frozen. Must something change after all? Ask to reopen them, with the reason.",
            ),
            S::AskReopen => ("Vraag heropening aan", "Ask to reopen"),
            S::ReasonLabel => ("Waarom moet je blad heropend worden?", "Why should your sheet be reopened?"),
            S::ReasonOptional => ("niet verplicht", "optional"),
            S::ReasonRequired => ("verplicht", "required"),
            S::ReasonMissing => ("Zeg kort waarom het blad heropend moet worden.", "Say briefly why the sheet should be reopened."),
            S::ReasonTooLong => ("De reden is te lang: hoogstens 1000 tekens.", "The reason is too long: at most 1000 characters."),
            S::SendRequest => ("Aanvraag versturen", "Send the request"),
            S::Sending => ("Bezig met versturen…", "Sending…"),
            S::Cancel => ("Annuleren", "Cancel"),
            S::RequestedNotice => (
                "Je vroeg op {date} om je blad te heropenen. Tot er beslist is, blijft het zoals je het indiende.",
                "On {date} you asked to reopen your sheet. Until someone decides, it stays as you submitted it.",
            ),
            S::RequestedWhoNulmeting => (
                "Je STEM-coördinator (of de programmacoördinator) beslist.",
                "Your STEM coordinator (or the programme coordinator) decides.",
            ),
            S::RequestedWhoJury => (
                "De programmacoördinator of de voorzitter van de jury beslist.",
                "The programme coordinator or the chair of the jury decides.",
            ),
            S::ReopenedNotice => (
                "Je blad is heropend door {who}. Pas aan wat moet en dien opnieuw in: elke wijziging wordt getoond (voor → na).",
                "Your sheet was reopened by {who}. Change what must change and submit again: every change is shown (before → after).",
            ),
            S::ReopenedBlind => (
                "Tot je opnieuw indient, zie je de antwoorden van je team niet.",
                "Until you submit again, you do not see your team's answers.",
            ),
            S::JuryReopenedBlind => (
                "Tot je opnieuw indient, zie je de scores van de andere juryleden niet; de resultaten tellen je vorige scores.",
                "Until you submit again, you do not see the other jurors' scores; the results count your previous scores.",
            ),
            S::DeclinedNotice => ("Je aanvraag om te heropenen werd geweigerd.", "Your request to reopen was declined."),
            S::DeclinedNote => ("Toelichting:", "Note:"),
            S::Resubmit => ("Opnieuw indienen", "Submit again"),
            S::ChangesRecorded => ("Opnieuw ingediend; {n} gewijzigd.", "Submitted again; {n} changed."),
            S::RequestsTitle => ("Aanvragen om te heropenen", "Requests to reopen"),
            S::RequestsExplain => (
                "Een ingediend blad ligt vast. Heropen je het, dan kan de eigenaar het aanpassen en opnieuw indienen; elke wijziging wordt getoond.",
                "A submitted sheet is frozen. Reopen it and its owner can change it and submit again; every change is shown.",
            ),
            S::ReopenedWaiting => ("Heropend; wacht op opnieuw indienen", "Reopened; waiting to be submitted again"),
            S::AskedOn => ("gevraagd op", "asked on"),
            S::NoReason => ("(geen reden opgegeven)", "(no reason given)"),
            S::Reopen => ("Heropenen", "Reopen"),
            S::Decline => ("Weigeren", "Decline"),
            S::DeclineNoteLabel => ("Toelichting bij het weigeren (niet verplicht)", "Why it is declined (optional)"),
            S::ConfirmDecline => ("Aanvraag weigeren", "Decline the request"),
            S::ConfirmReopen => (
                "Dit blad heropenen? De eigenaar kan het dan aanpassen en opnieuw indienen; elke wijziging wordt getoond.",
                "Reopen this sheet? Its owner can then change it and submit again; every change is shown.",
            ),
            S::OwnRequestElsewhere => (
                "Over je eigen aanvraag beslist de programmacoördinator.",
                "The programme coordinator decides on your own request.",
            ),
            S::ChangesTitle => ("Gewijzigd na heropening", "Changed after reopening"),
            S::ChangesExplain => (
                "Antwoorden die na een heropening anders werden ingediend, met het antwoord van voordien.",
                "Answers submitted differently after a reopening, with the answer before.",
            ),
            S::ScoreChangesExplain => (
                "Scores die na een heropening anders werden ingediend, met de score van voordien.",
                "Scores submitted differently after a reopening, with the score before.",
            ),
            S::ColWho => ("Wie", "Who"),
            S::ColIndicator => ("Indicator", "Indicator"),
            S::ColCriterion => ("Criterium", "Criterion"),
            S::ColFinalist => ("Finalist", "Finalist"),
            S::ColBeforeAfter => ("Voor → na", "Before → after"),
            S::ColWhen => ("Opnieuw ingediend", "Submitted again"),
            S::ColReopenedBy => ("Heropend door", "Reopened by"),
            S::ColReason => ("Reden", "Reason"),
            S::BlindReport => (
                "Dien eerst je eigen nulmeting in: daarna zie je het resultaat van je team.",
                "Submit your own nulmeting first: then you see your team's result.",
            ),
            S::BlindPlan => (
                "Het nulmetingsprofiel van je school zie je zodra je je eigen nulmeting hebt ingediend.",
                "You see your school's nulmeting profile once you have submitted your own nulmeting.",
            ),
            S::ToMySheet => ("Naar mijn nulmeting", "To my nulmeting"),
            S::SignedInAskCoordinator => (
                "Al aangemeld · een nieuwe link vraag je aan de programmacoördinator",
                "Signed in already · ask the programme coordinator for a new link",
            ),
            S::ConfirmReissueSignedIn => (
                "{name} heeft zich al aangemeld. Een nieuwe link beëindigt al zijn of haar sessies, op elk toestel. Doorgaan?",
                "{name} has signed in already. A new link ends all their sessions, on every device. Continue?",
            ),
            S::ConfirmJurorLink => (
                "Een nieuwe link beëindigt de sessies van dit jurylid, op elk toestel. Doorgaan?",
                "A new link ends this juror's sessions, on every device. Continue?",
            ),
            S::ErrFrozen => (
                "Dit blad is ingediend en ligt vast. Vraag een heropening aan als er iets moet veranderen.",
                "This sheet is submitted and frozen. Ask to reopen it if something must change.",
            ),
            S::ErrAlreadySubmitted => ("Dit blad is al ingediend.", "This sheet is already submitted."),
            S::ErrNotSubmitted => (
                "Alleen een ingediend blad kan heropend worden; dit blad kun je nog zelf aanpassen.",
                "Only a submitted sheet can be reopened; you can still change this one yourself.",
            ),
            S::ErrAlreadyRequested => (
                "Er werd al gevraagd om dit blad te heropenen; wacht op de beslissing.",
                "Reopening this sheet was already asked for; wait for the decision.",
            ),
            S::ErrAlreadyReopened => (
                "Dit blad is al heropend: pas het aan en dien opnieuw in.",
                "This sheet is already reopened: change it and submit again.",
            ),
            S::ErrNoRequest => (
                "Niemand vroeg om dit blad te heropenen (misschien besliste iemand anders net).",
                "Nobody asked to reopen this sheet (perhaps someone else just decided).",
            ),
            S::ErrOwnSheet => (
                "Over je eigen blad beslis je niet zelf; de programmacoördinator doet dat.",
                "You do not decide on your own sheet; the programme coordinator does.",
            ),
            S::ErrColleagueSignedIn => (
                "Deze collega heeft zich al aangemeld. Alleen de programmacoördinator kan een nieuwe link geven (die beëindigt hun sessies); vraag het hem of haar.",
                "This colleague has signed in already. Only the programme coordinator can give a new link (it ends their sessions); ask them.",
            ),
            S::ErrOwnLink => (
                "Je kunt jezelf hier geen nieuwe link geven: dat zou je eigen sessie beëindigen.",
                "You cannot give yourself a new link here: it would end your own session.",
            ),
        }
    }
}

/// The name of a sheet's status.
pub fn status_name(status: SheetStatus) -> S {
    match status {
        SheetStatus::Draft => S::StatusDraft,
        SheetStatus::Submitted => S::StatusSubmitted,
        SheetStatus::ReopenRequested => S::StatusReopenRequested,
        SheetStatus::Reopened => S::StatusReopened,
    }
}

/// The texts of the server's error codes for these rules.
pub fn submission_error(code: ErrorCode) -> Option<S> {
    Some(match code {
        ErrorCode::SheetSubmitted => S::ErrFrozen,
        ErrorCode::AlreadySubmitted => S::ErrAlreadySubmitted,
        ErrorCode::NotSubmitted => S::ErrNotSubmitted,
        ErrorCode::ReopenAlreadyRequested => S::ErrAlreadyRequested,
        ErrorCode::AlreadyReopened => S::ErrAlreadyReopened,
        ErrorCode::NoReopenRequest => S::ErrNoRequest,
        ErrorCode::OwnSheet => S::ErrOwnSheet,
        ErrorCode::ColleagueSignedIn => S::ErrColleagueSignedIn,
        ErrorCode::OwnLink => S::ErrOwnLink,
        _ => return None,
    })
}

/// A reason's problem in words.
/// What is wrong with a reason, in `lang` (each text a constant key, so
/// only these two of the table are in an app).
pub fn reason_error(lang: Lang, e: rubric::submission::ReasonError) -> &'static str {
    match e {
        rubric::submission::ReasonError::Missing => S::ReasonMissing.t(lang),
        rubric::submission::ReasonError::TooLong { .. } => S::ReasonTooLong.t(lang),
    }
}

/// A reopening's date in words (inlined: with the key a constant, an app
/// keeps only that text of the table).
#[inline(always)]
pub fn on_date(lang: Lang, text: S, at: i64) -> String {
    text.t(lang).replace("{date}", &super::nulmeting::unix_date(lang, at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rubric::submission::SubmissionError;

    /// Every code the rules send has a text.
    #[test]
    fn every_submission_error_has_a_text() {
        use SubmissionError::*;
        for e in [Frozen, AlreadySubmitted, NotSubmitted, AlreadyRequested, AlreadyReopened, NoRequest, OwnSheet] {
            assert!(submission_error(ErrorCode::from_code(e.code())).is_some(), "{}", e.code());
        }
    }
}
