//! Texts of the jury's results a chair signs, in Dutch and English: the
//! robustness of a winner, the chair's confirmation, the printed results
//! sheet, the exports, the published notes on equal scores. The audit log's
//! entries are worded by the server (`rubric::jury::wording`).

use super::format::shown_date;
use super::{pick, Lang, Text};
use rubric::jury::views::PlaceNote;
use rubric::jury::Robustness;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum R {
    Robust,
    NotRobustMethods,
    DependsOnJurors,
    ChairConfirmed,
    ChairMustConfirm,
    ConfirmHeading,
    ConfirmHelp,
    ConfirmReason,
    ConfirmButton,
    ConfirmQuestion,
    ChairPageTitle,
    ChairPageIntro,
    BackToJuryResults,
    ChairResultsLink,
    ChairOnlyWhenClosed,
    NothingToConfirm,
    WaitingForChair,
    ChooseChair,
    SaveChair,
    ExportPlain,
    ExportFlemish,
    ExportsHelp,
    SheetDate,
    SheetPrinted,
    SheetSignatures,
    SheetChair,
    SheetCoordinator,
    SheetSignature,
    SheetDateLine,
    SheetChangedHeading,
    SheetChangedNone,
    SheetRobustness,
    SheetAgreement,
    SheetWarnings,
    SheetNoWarnings,
    SheetOutliers,
    SheetNoOutliers,
    SheetTieBreaks,
    SheetNoTieBreaks,
    SheetPage,
    SheetJurors,
    SheetNoResults,
    DroppedSheet,
    LockedForJurors,
    WithdrawnByJuror,
    NoteTied,
    NoteDecidedBy,
    NoteUnrounded,
    NoteUnrounded2,
    FrozenClosed,
    FrozenLocked,
    Acknowledged,
    AcknowledgedBy,
}

impl Text for R {
    #[inline(always)]
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            R::Robust => ("Robuust: de winnaar blijft dezelfde met genormaliseerde scores, op gemiddelde rang en zonder eender welk jurylid.", "Robust: the winner stays the same with normalized scores, by mean rank and without any single juror."),
            R::NotRobustMethods => ("De winnaar is niet robuust: niet elke methode wijst dezelfde winnaar aan.", "The winner is not robust: not every method names the same winner."),
            R::DependsOnJurors => ("De winnaar hangt af van afzonderlijke juryleden:", "The winner depends on single jurors:"),
            R::ChairConfirmed => ("Bevestigd door de voorzitter", "Confirmed by the chair"),
            R::ChairMustConfirm => ("De voorzitter moet deze winnaar bevestigen met een reden voor de resultaten vergrendeld kunnen worden.", "The chair must confirm this winner with a reason before the results can be locked."),
            R::ConfirmHeading => ("Winnaar bevestigen", "Confirm the winner"),
            R::ConfirmHelp => ("Bevestig als voorzitter dat de jury deze winnaar aanhoudt, en schrijf waarom. Je reden komt in het logboek en op het resultatenblad.", "As the chair, confirm that the jury keeps this winner, and write why. Your reason goes to the log and onto the results sheet."),
            R::ConfirmReason => ("Reden", "Reason"),
            R::ConfirmButton => ("Winnaar bevestigen", "Confirm winner"),
            R::ConfirmQuestion => ("Deze winnaar bevestigen met deze reden? Dit wordt gelogd.", "Confirm this winner with this reason? This is logged."),
            R::ChairPageTitle => ("Jury: voorzitter", "Jury: chair"),
            R::BackToJuryResults => ("← Terug naar de juryresultaten", "← Back to the jury results"),
            R::ChairPageIntro => ("Als voorzitter volg je de resultaten en het logboek, ook terwijl het beoordelen open is. Na het sluiten beslis je bij een gelijke stand die geen regel breekt, en bevestig je een winnaar die niet robuust is.", "As the chair you follow the results and the log, also while scoring is open. After scoring closes you decide ties no rule breaks, and confirm a winner that is not robust."),
            R::ChairResultsLink => ("Resultaten en logboek (voorzitter)", "Results and log (chair)"),
            R::ChairOnlyWhenClosed => ("Bevestigen en beslissen kan pas als het beoordelen gesloten is.", "Confirming and deciding is possible once scoring is closed."),
            R::NothingToConfirm => ("Niets te bevestigen: elke winnaar is robuust of al bevestigd.", "Nothing to confirm: every winner is robust or already confirmed."),
            R::WaitingForChair => ("Wacht op de voorzitter: een gelijke stand beslissen of een winnaar bevestigen.", "Waiting for the chair: to decide a tie or to confirm a winner."),
            R::ChooseChair => ("Voorzitter van de jury", "Jury chair"),
            R::SaveChair => ("Voorzitter bewaren", "Save chair"),
            R::ExportPlain => ("CSV (komma, punt)", "CSV (comma, dot)"),
            R::ExportFlemish => ("CSV voor Excel (puntkomma, komma)", "CSV for Excel, Flemish (semicolon, comma)"),
            R::ExportsHelp => ("De scores-export bevat categorieën, criteria, gewichten en de regel bij gelijke stand: `stempact jury-stats` berekent er exact deze resultaten mee.", "The scores export carries categories, criteria, weights and the tie-break rule: `stempact jury-stats` computes exactly these results from it."),
            R::SheetDate => ("Vergrendeld op", "Locked on"),
            R::SheetPrinted => ("Afgedrukt op", "Printed on"),
            R::SheetSignatures => ("Handtekeningen", "Signatures"),
            R::SheetChair => ("Voorzitter van de jury", "Chair of the jury"),
            R::SheetCoordinator => ("Coördinator", "Coordinator"),
            R::SheetSignature => ("Handtekening", "Signature"),
            R::SheetDateLine => ("Datum", "Date"),
            R::SheetChangedHeading => ("Scorebladen gewijzigd na inzage", "Score sheets changed after seeing the others"),
            R::SheetChangedNone => ("Geen.", "None."),
            R::SheetRobustness => ("Robuustheid van de winnaar", "Robustness of the winner"),
            R::SheetAgreement => ("Overeenstemming", "Agreement"),
            R::SheetWarnings => ("Aandachtspunten", "Points of attention"),
            R::SheetNoWarnings => ("Geen.", "None."),
            R::SheetOutliers => ("Afwijkende juryleden", "Jurors who rank differently"),
            R::SheetNoOutliers => ("Geen.", "None."),
            R::SheetTieBreaks => ("Gelijke standen", "Ties"),
            R::SheetNoTieBreaks => ("Geen gelijke scores.", "No equal scores."),
            R::SheetPage => ("Categorie", "Category"),
            R::SheetJurors => ("juryleden, scorebladen die meetellen:", "jurors, score sheets that count:"),
            R::SheetNoResults => ("Nog geen resultaten:", "No results yet:"),
            R::DroppedSheet => ("Je had deze finalist al beoordeeld; door het belangenconflict telt dat scoreblad niet mee.", "You had already scored this finalist; because of the conflict of interest that sheet does not count."),
            R::LockedForJurors => ("De resultaten zijn vergrendeld: er kan niets meer wijzigen. Neem contact op met de coördinator als er iets niet klopt.", "The results are locked: nothing can change any more. Contact the coordinator if something is wrong."),
            R::WithdrawnByJuror => ("Ingetrokken door het jurylid", "Withdrawn by the juror"),
            R::NoteTied => ("Gelijke score met", "Equal score with"),
            R::NoteDecidedBy => ("beslist met", "decided by"),
            R::NoteUnrounded => ("Zelfde afgeronde score als", "Same rounded score as"),
            R::NoteUnrounded2 => ("dat staat voor op de niet-afgeronde score", "which is ahead on the unrounded score"),
            R::FrozenClosed => ("Het beoordelen is gesloten: de criteria liggen vast.", "Scoring is closed: the criteria are fixed."),
            R::FrozenLocked => ("De resultaten zijn vergrendeld: de criteria liggen vast.", "The results are locked: the criteria are fixed."),
            R::Acknowledged => ("Bevestigd door", "Confirmed by"),
            R::AcknowledgedBy => ("reden", "reason"),
        }
    }
}

pub use rubric::jury::wording::{check_clause, finding_text, lower_first, named_rule_text};

/// The headline of a winner's robustness, in plain language: robust, or
/// "De winnaar hangt af van één jurylid: zonder X wint Y", or the methods
/// disagree.
pub fn robustness_headline(lang: Lang, rob: &Robustness, finalist: &dyn Fn(&str) -> String, juror: &dyn Fn(&str) -> String) -> String {
    if rob.robust {
        return R::Robust.t(lang).into();
    }
    let deciding: Vec<_> = rob.leave_one_out.iter().filter(|l| !l.check.is_same()).collect();
    match deciding.as_slice() {
        [one] => format!(
            "{}: {} {} {}.",
            pick(lang, "De winnaar hangt af van één jurylid", "The winner depends on one juror"),
            pick(lang, "zonder", "without"),
            juror(&one.juror),
            check_clause(lang, &one.check, finalist)
        ),
        [] => R::NotRobustMethods.t(lang).into(),
        many => format!(
            "{} {}.",
            R::DependsOnJurors.t(lang),
            many.iter().map(|l| juror(&l.juror)).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// Why a place differs from a neighbour with the same score.
pub fn place_note_text(lang: Lang, note: &PlaceNote) -> String {
    match note {
        PlaceNote::TieBreak { rule, tied_with } => format!(
            "{} {}; {} {}.",
            R::NoteTied.t(lang),
            tied_with.join(", "),
            R::NoteDecidedBy.t(lang),
            lower_first(&named_rule_text(lang, rule))
        ),
        PlaceNote::Unrounded { behind } => {
            format!("{} {}, {}.", R::NoteUnrounded.t(lang), behind, R::NoteUnrounded2.t(lang))
        }
    }
}

/// "Vergrendeld op 3 juni 2027" or "Afgedrukt op …" for the sheet.
pub fn sheet_date(lang: Lang, locked_at: Option<i64>, now: i64) -> String {
    match locked_at {
        Some(at) => format!("{} {}", R::SheetDate.t(lang), shown_date(lang, at)),
        None => format!("{} {}", R::SheetPrinted.t(lang), shown_date(lang, now)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rubric::jury::{Check, LeaveOneOut};

    #[test]
    fn a_winner_that_one_juror_decides_is_said_plainly() {
        let rob = Robustness {
            winner: "4".into(),
            normalized: Check::Other { finalist: "5".into() },
            mean_rank: Check::Other { finalist: "5".into() },
            leave_one_out: vec![
                LeaveOneOut { juror: "84".into(), check: Check::Same },
                LeaveOneOut { juror: "86".into(), check: Check::Other { finalist: "5".into() } },
            ],
            robust: false,
        };
        let finalist = |k: &str| if k == "5" { "Campus Leiebocht".to_string() } else { "Atheneum Scheldeland".to_string() };
        let juror = |_: &str| "Nadia Wouters".to_string();
        assert_eq!(
            robustness_headline(Lang::Nl, &rob, &finalist, &juror),
            "De winnaar hangt af van één jurylid: zonder Nadia Wouters wint Campus Leiebocht."
        );
        assert_eq!(
            robustness_headline(Lang::En, &rob, &finalist, &juror),
            "The winner depends on one juror: without Nadia Wouters Campus Leiebocht wins."
        );
        let f = &rob.findings()[0];
        assert_eq!(finding_text(Lang::Nl, f, &finalist, &juror), "Met genormaliseerde scores wint Campus Leiebocht.");
    }
}
