//! The jury's audit log in words, Dutch and English: each recorded
//! [`JuryEvent`] as a sentence in the reader's language, with the rule,
//! status and robustness wording it uses. The server sends each entry's
//! sentence in both languages with the log ([`super::views::AuditLine`]),
//! so the app carries neither the event's decoder nor this wording (issue
//! 13: the event's decoder alone was 55 kB of wasm); the app's own results
//! views use the same wording from here.

use super::display::two_decimals;
use super::events::{JuryEvent, NamedRule};
use super::robustness::{Check, Finding};
use super::setup::JuryStatus;
use super::TieBreakRule;
use crate::content::LocalizedText;
use crate::Lang;

/// The jury's chair, as a title (Dutch, English).
pub const CHAIR: (&str, &str) = ("Juryvoorzitter", "Jury chair");
/// What a rule on one criterion says before the criterion's name.
pub const RULE_CRITERION: (&str, &str) = ("Hogere gemiddelde score op", "Higher mean score on");
/// The rule on the median juror score.
pub const RULE_MEDIAN: (&str, &str) = ("Hogere mediaan van de jurylidscores", "Higher median juror score");
/// The rule on first places.
pub const RULE_FIRSTS: (&str, &str) = ("Meer eerste plaatsen bij de juryleden", "More first places among the jurors");
/// The chair's decision as a rule.
pub const RULE_CHAIR: (&str, &str) = ("Beslissing van de voorzitter", "Decision of the chair");
/// The scoring statuses.
pub const STATUS_SETUP: (&str, &str) = ("In voorbereiding", "Being set up");
pub const STATUS_OPEN: (&str, &str) = ("Beoordelen open", "Scoring open");
pub const STATUS_CLOSED: (&str, &str) = ("Beoordelen gesloten", "Scoring closed");

/// The Dutch or the English one.
pub fn pick<T>(lang: Lang, nl: T, en: T) -> T {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

fn pair(lang: Lang, (nl, en): (&'static str, &'static str)) -> &'static str {
    pick(lang, nl, en)
}

/// A scoring status in words.
pub fn status_name(lang: Lang, status: JuryStatus) -> &'static str {
    pair(
        lang,
        match status {
            JuryStatus::Setup => STATUS_SETUP,
            JuryStatus::Open => STATUS_OPEN,
            JuryStatus::Closed => STATUS_CLOSED,
        },
    )
}

/// A tie-break rule in words; a criterion rule names it with `criterion`.
pub fn rule_name(lang: Lang, rule: &TieBreakRule, criterion: Option<&str>) -> String {
    match rule {
        TieBreakRule::HigherCriterion(key) => format!("{} {}", pair(lang, RULE_CRITERION), criterion.unwrap_or(key)),
        TieBreakRule::HigherMedianJurorScore => pair(lang, RULE_MEDIAN).into(),
        TieBreakRule::MoreFirstPlaces => pair(lang, RULE_FIRSTS).into(),
        TieBreakRule::ChairDecision => pair(lang, RULE_CHAIR).into(),
    }
}

/// A rule with its criterion's name, in `lang`.
pub fn named_rule_text(lang: Lang, r: &NamedRule) -> String {
    rule_name(lang, &r.rule, r.criterion.as_ref().map(|c| c.get(lang)))
}

/// Two decimals, with a comma in Dutch.
fn score(lang: Lang, value: f64) -> String {
    two_decimals(value, pick(lang, ',', '.'))
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

fn opt_company(lang: Lang, company: &Option<String>) -> String {
    match company {
        Some(c) => pick(lang, format!(", werkt voor {c}"), format!(", works for {c}")),
        None => String::new(),
    }
}

/// What one check says, after "with normalized scores" and the like.
pub fn check_clause(lang: Lang, check: &Check, name: &dyn Fn(&str) -> String) -> String {
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

/// An audit entry's event in both languages, as the log sends it.
pub fn event_texts(e: &JuryEvent) -> LocalizedText {
    LocalizedText::new(event_text(Lang::Nl, e), event_text(Lang::En, e))
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
        StatusChanged { from, to } => format!("{}: {} → {}", pick(lang, "stand van het beoordelen", "scoring status"), status_name(lang, *from), status_name(lang, *to)),
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
            let who = chair.clone().unwrap_or_else(|| lower_first(pick(lang, CHAIR.0, CHAIR.1)));
            pick(lang, format!("beslissing van {who}, beste eerst: {}", names(order)), format!("decision of {who}, best first: {}", names(order)))
        }
        TieBroken { category, finalists, score: s, rule, values, outcome } => {
            let values: Vec<String> = values.iter().map(|(k, v)| format!("{k} {}", score(lang, *v))).collect();
            let outcome: Vec<String> = outcome.iter().map(|g| g.join(" = ")).collect();
            format!(
                "{category}: {} {} {}; {} {} ({}): {}",
                names(finalists),
                pick(lang, "stonden gelijk op", "were tied at"),
                score(lang, *s),
                lower_first(pick(lang, "Beslist met", "Broken by")),
                lower_first(&named_rule_text(lang, rule)),
                values.join(", "),
                outcome.join(" > ")
            )
        }
        Winner { category, winner } => format!("{category}: {} {winner}", lower_first(pick(lang, "Winnaar", "Winner"))),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_events_read_in_both_languages() {
        let e = JuryEvent::ConflictFlagged { juror: "An".into(), school: "X".into(), company: "Acme".into() };
        assert_eq!(event_text(Lang::Nl, &e), "An gemarkeerd voor finalist X: werkt voor het peterbedrijf Acme");
        assert!(!event_text(Lang::Nl, &e).contains("works for"));
        let e = JuryEvent::StatusChanged { from: JuryStatus::Open, to: JuryStatus::Closed };
        assert_eq!(event_text(Lang::Nl, &e), "stand van het beoordelen: Beoordelen open → Beoordelen gesloten");
        assert_eq!(event_texts(&e).en, "scoring status: Scoring open → Scoring closed");
        let e = JuryEvent::TieBroken {
            category: "Basis".into(),
            finalists: vec!["A".into(), "B".into()],
            score: 7.125,
            rule: NamedRule { rule: TieBreakRule::HigherMedianJurorScore, criterion: None },
            values: vec![("A".into(), 8.0), ("B".into(), 7.5)],
            outcome: vec![vec!["A".into()], vec!["B".into()]],
        };
        assert_eq!(event_text(Lang::Nl, &e), "Basis: A, B stonden gelijk op 7,13; beslist met hogere mediaan van de jurylidscores (A 8,00, B 7,50): A > B");
        let e = JuryEvent::ChairDecision { chair: None, order: vec!["A".into()] };
        assert_eq!(event_text(Lang::En, &e), "decision of jury chair, best first: A");
    }
}
