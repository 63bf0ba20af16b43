//! Texts of the jury's results a chair signs, in Dutch and English: the
//! robustness of a winner, the chair's confirmation, the printed results
//! sheet, the exports, the published notes on equal scores, and every entry
//! of the jury's audit log (from its event, in the reader's language).

use super::format::{score, shown_date};
use super::jury::{rule_text, status_text, J};
use super::{pick, Lang, Text};
use rubric::jury::events::{JuryEvent, NamedRule};
use rubric::jury::views::PlaceNote;
use rubric::jury::{Check, Finding, Robustness, TieBreakRule};

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

/// The text with its first letter in lower case (a rule inside a sentence),
/// leaving names like "STEM" as they are.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn list(names: &[String]) -> String {
    names.join(", ")
}

/// What one check says, after "with normalized scores" and the like.
fn check_clause(lang: Lang, check: &Check, name: &dyn Fn(&str) -> String) -> String {
    let all = |keys: &[String]| list(&keys.iter().map(|k| name(k)).collect::<Vec<_>>());
    match check {
        Check::Same => pick(lang, "blijft de winnaar dezelfde", "the winner stays the same").into(),
        Check::Other { finalist } => pick(lang, format!("wint {}", name(finalist)), format!("{} wins", name(finalist))),
        Check::Shared { finalists } => {
            pick(lang, format!("staan {} gelijk", all(finalists)), format!("{} share first place", all(finalists)))
        }
        Check::Unscored { finalists } => pick(
            lang,
            format!("heeft {} geen score meer", all(finalists)),
            format!("{} has no score left", all(finalists)),
        ),
    }
}

/// One finding in a sentence: "Zonder Nadia Wouters wint Campus Leiebocht."
pub fn finding_text(lang: Lang, f: &Finding, finalist: &dyn Fn(&str) -> String, juror: &dyn Fn(&str) -> String) -> String {
    match f {
        Finding::Normalized { check } => {
            format!("{} {}.", pick(lang, "Met genormaliseerde scores", "With normalized scores"), check_clause(lang, check, finalist))
        }
        Finding::MeanRank { check } => {
            format!("{} {}.", pick(lang, "Op gemiddelde rang", "By mean rank"), check_clause(lang, check, finalist))
        }
        Finding::WithoutJuror { juror: j, check } => {
            format!("{} {} {}.", pick(lang, "Zonder", "Without"), juror(j), check_clause(lang, check, finalist))
        }
    }
}

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

/// A rule with its criterion's name, in `lang`.
pub fn named_rule_text(lang: Lang, r: &NamedRule) -> String {
    match (&r.rule, &r.criterion) {
        (TieBreakRule::HigherCriterion(_), Some(name)) => format!("{} {}", J::RuleCriterion.t(lang), name.get(lang)),
        (rule, _) => rule_text(lang, rule, &[]),
    }
}

/// Why a place differs from a neighbour with the same score.
pub fn place_note_text(lang: Lang, note: &PlaceNote) -> String {
    match note {
        PlaceNote::TieBreak { rule, tied_with } => format!(
            "{} {}; {} {}.",
            R::NoteTied.t(lang),
            list(tied_with),
            R::NoteDecidedBy.t(lang),
            lower_first(&named_rule_text(lang, rule))
        ),
        PlaceNote::Unrounded { behind } => {
            format!("{} {}, {}.", R::NoteUnrounded.t(lang), behind, R::NoteUnrounded2.t(lang))
        }
    }
}

fn opt_company(lang: Lang, company: &Option<String>) -> String {
    match company {
        Some(c) => pick(lang, format!(", werkt voor {c}"), format!(", works for {c}")),
        None => String::new(),
    }
}

/// An audit log entry from its event, in `lang`.
pub fn event_text(lang: Lang, e: &JuryEvent) -> String {
    use JuryEvent::*;
    let nl = lang == Lang::Nl;
    let names = |v: &[String]| list(v);
    match e {
        DefaultCriteria { count } => pick(lang, format!("de {count} standaardcriteria werden ingesteld"), format!("the {count} default criteria were set up")),
        CriteriaSet { criteria } => {
            let items: Vec<String> = criteria.iter().map(|c| format!("{} {}", c.name.get(lang), c.number)).collect();
            format!("{}: {}", pick(lang, "criteria ingesteld", "criteria set to"), items.join(", "))
        }
        CategoryAdded { name } => pick(lang, format!("categorie {name} toegevoegd"), format!("category {name} added")),
        CategoryRenamed { from, to } => pick(lang, format!("categorie {from} hernoemd tot {to}"), format!("category {from} renamed to {to}")),
        CategoryDeleted { name } => pick(lang, format!("categorie {name} verwijderd met haar finalisten"), format!("category {name} deleted with its finalists")),
        FinalistAdded { school, category, version } => pick(
            lang,
            format!("{school} als finalist toegevoegd in {category}, beoordeeld op planversie {version}"),
            format!("{school} added as finalist in {category}, judged on plan version {version}"),
        ),
        FinalistRemoved { school } => pick(lang, format!("{school} weggehaald bij de finalisten"), format!("{school} removed from the finalists")),
        FinalistRefrozen { school, version } => pick(lang, format!("{school} wordt nu beoordeeld op planversie {version}"), format!("{school} is now judged on plan version {version}")),
        JurorAdded { juror, company } => pick(lang, format!("{juror} toegevoegd aan de jury"), format!("{juror} added to the jury")) + &opt_company(lang, company),
        JurorCompany { juror, company: Some(c) } => pick(lang, format!("{juror} werkt voor {c}"), format!("{juror} works for {c}")),
        JurorCompany { juror, company: None } => pick(lang, format!("{juror} werkt voor geen bedrijf van de editie"), format!("{juror} works for no company of the edition")),
        JurorRemoved { juror } => pick(lang, format!("{juror} uit de jury gehaald"), format!("{juror} removed from the jury")),
        JurorLink { juror } => pick(lang, format!("nieuwe aanmeldlink voor {juror}"), format!("new sign-in link for {juror}")),
        TieBreakRuleSet { rules, chair } => {
            let rules: Vec<String> = rules.iter().map(|r| named_rule_text(lang, r)).collect();
            let chair = chair.as_ref().map(|c| pick(lang, format!("; voorzitter {c}"), format!("; chair {c}"))).unwrap_or_default();
            format!("{}: {}{chair}", pick(lang, "regel bij gelijke stand", "tie-break rule"), rules.join(pick(lang, ", dan ", ", then ")))
        }
        ChairAppointed { chair: Some(c) } => pick(lang, format!("{c} is voorzitter van de jury"), format!("{c} chairs the jury")),
        ChairAppointed { chair: None } => pick(lang, "de jury heeft geen voorzitter".into(), "the jury has no chair".into()),
        StatusChanged { from, to } => format!("{}: {} → {}", pick(lang, "stand van het beoordelen", "scoring status"), status_text(*from).t(lang), status_text(*to).t(lang)),
        ConflictFlagged { juror, school, company } => pick(
            lang,
            format!("{juror} gemarkeerd voor finalist {school}: werkt voor het peterbedrijf {company}"),
            format!("{juror} flagged for finalist {school}: works for its sponsor company {company}"),
        ),
        ConflictCleared { juror, school } => pick(
            lang,
            format!("automatische vlag van {juror} voor {school} vervallen: werkt niet meer voor het peterbedrijf"),
            format!("automatic flag of {juror} for {school} cleared: no longer works for its sponsor"),
        ),
        ConflictDismissed { juror, school, reason } => pick(
            lang,
            format!("automatische vlag van {juror} voor {school} opgeheven: {reason}"),
            format!("automatic flag of {juror} for {school} dismissed: {reason}"),
        ),
        ConflictRestored { juror, school } => pick(lang, format!("automatische vlag van {juror} voor {school} hersteld"), format!("automatic flag of {juror} for {school} restored")),
        ConflictDeclared { juror, school, reason } => pick(
            lang,
            format!("{juror} meldde een belangenconflict met {school}: {reason}"),
            format!("{juror} declared a conflict of interest with {school}: {reason}"),
        ),
        ConflictWithdrawn { juror, school } => pick(lang, format!("{juror} trok het belangenconflict met {school} in"), format!("{juror} withdrew the declared conflict with {school}")),
        SheetSubmitted { school } => pick(lang, format!("scores voor {school} ingediend"), format!("scores for {school} submitted")),
        SheetChanged { school, scores } => {
            let items: Vec<String> = scores.iter().map(|c| format!("{} {}", c.name.get(lang), c.number)).collect();
            pick(lang, format!("ingediende scores voor {school} gewijzigd: {}", items.join(", ")), format!("submitted scores for {school} changed to: {}", items.join(", ")))
        }
        ReopenRequested { juror, school, reason } => pick(
            lang,
            format!("{juror} vraagt de scores voor {school} te heropenen: {reason}"),
            format!("{juror} asks to reopen their scores for {school}: {reason}"),
        ),
        SheetReopened { juror, school } => pick(lang, format!("scores van {juror} voor {school} heropend"), format!("scores of {juror} for {school} reopened")),
        ReopenDeclined { juror, school, note } => {
            let note = if note.is_empty() { "-" } else { note.as_str() };
            pick(lang, format!("heropenen van de scores van {juror} voor {school} geweigerd: {note}"), format!("reopening the scores of {juror} for {school} declined: {note}"))
        }
        SheetResubmitted { school, changes } => {
            let items: Vec<String> = changes.iter().map(|c| format!("{} {}", c.name.get(lang), c.before_after())).collect();
            pick(
                lang,
                format!("scores voor {school} opnieuw ingediend na heropenen; {} gewijzigd: {}", changes.len(), items.join(", ")),
                format!("scores for {school} submitted again after reopening; {} changed: {}", changes.len(), items.join(", ")),
            )
        }
        ChairDecision { order, .. } if order.is_empty() => pick(lang, "beslissing van de voorzitter gewist".into(), "chair's decision cleared".into()),
        ChairDecision { chair, order } => {
            let who = chair.clone().unwrap_or_else(|| lower_first(J::Chair.t(lang)));
            pick(lang, format!("beslissing van {who}, beste eerst: {}", names(order)), format!("decision of {who}, best first: {}", names(order)))
        }
        TieBroken { category, finalists, score: s, rule, values, outcome } => {
            let values: Vec<String> = values.iter().map(|(k, v)| format!("{k} {}", score(lang, *v))).collect();
            let outcome: Vec<String> = outcome.iter().map(|g| g.join(" = ")).collect();
            format!(
                "{category}: {} {} {}; {} {} ({}): {}",
                names(finalists),
                J::TiedAt.t(lang),
                score(lang, *s),
                lower_first(J::BrokenBy.t(lang)),
                lower_first(&named_rule_text(lang, rule)),
                values.join(", "),
                outcome.join(" > ")
            )
        }
        Winner { category, winner } => format!("{category}: {} {winner}", lower_first(J::Winner.t(lang))),
        RobustnessAcknowledged { category, winner, findings, reason } => {
            let same = |k: &str| k.to_string();
            let f: Vec<String> = findings.iter().map(|x| finding_text(lang, x, &same, &same)).collect();
            if nl {
                format!("{category}: de voorzitter bevestigt {winner} als winnaar. {} Reden: {reason}", f.join(" "))
            } else {
                format!("{category}: the chair confirms {winner} as winner. {} Reason: {reason}", f.join(" "))
            }
        }
        Locked => pick(lang, "resultaten vergrendeld".into(), "results locked".into()),
        Unlocked => pick(lang, "resultaten ontgrendeld vóór publicatie".into(), "results unlocked before publication".into()),
        Published => pick(lang, "resultaten gepubliceerd voor iedereen van de editie".into(), "results published to everyone of the edition".into()),
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
    use rubric::jury::LeaveOneOut;

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

    #[test]
    fn audit_events_read_in_the_interface_language() {
        let e = JuryEvent::ConflictFlagged { juror: "An".into(), school: "X".into(), company: "Acme".into() };
        assert_eq!(event_text(Lang::Nl, &e), "An gemarkeerd voor finalist X: werkt voor het peterbedrijf Acme");
        assert!(!event_text(Lang::Nl, &e).contains("works for"));
        let e = JuryEvent::StatusChanged { from: rubric::jury::setup::JuryStatus::Open, to: rubric::jury::setup::JuryStatus::Closed };
        assert_eq!(event_text(Lang::Nl, &e), "stand van het beoordelen: Beoordelen open → Beoordelen gesloten");
    }
}
