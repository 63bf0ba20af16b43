//! What the jury's audit log records, as data: each event with the names it
//! is about, so the app can show it in the reader's language. The server
//! stores the event as JSON beside an English sentence ([`JuryEvent::english`])
//! that keeps the database readable on its own.

use super::robustness::{Check, Finding};
use super::setup::JuryStatus;
use super::TieBreakRule;
use crate::content::LocalizedText;
use serde::{Deserialize, Serialize};

/// A tie-break rule with the name of the criterion it names, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedRule {
    pub rule: TieBreakRule,
    #[serde(default)]
    pub criterion: Option<LocalizedText>,
}

impl NamedRule {
    /// The rule in English, with the criterion's name.
    pub fn english(&self) -> String {
        match (&self.rule, &self.criterion) {
            (TieBreakRule::HigherCriterion(_), Some(name)) => format!("higher mean score on {}", name.en),
            (rule, _) => rule.to_string(),
        }
    }
}

/// A criterion with its weight or a score on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedNumber {
    pub name: LocalizedText,
    pub number: u32,
}

/// A criterion's score before and after a reopened sheet was submitted again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedChange {
    pub name: LocalizedText,
    pub before: Option<u32>,
    pub after: Option<u32>,
}

impl NamedChange {
    /// A criterion's change from the scores before and after.
    pub fn of(name: LocalizedText, before: Option<super::Score>, after: Option<super::Score>) -> NamedChange {
        NamedChange { name, before: before.map(|s| u32::from(s.get())), after: after.map(|s| u32::from(s.get())) }
    }

    /// "6 → 8", with "-" for no score.
    pub fn before_after(&self) -> String {
        let s = |v: Option<u32>| v.map_or_else(|| "-".to_string(), |v| v.to_string());
        format!("{} → {}", s(self.before), s(self.after))
    }
}

/// One entry of the jury's audit log. Externally tagged in JSON
/// (`{"chair-decision": {...}}`, `"locked"`): an internally tagged enum of
/// this size cost the app 70 kB of deserializer code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JuryEvent {
    DefaultCriteria { count: usize },
    CriteriaSet { criteria: Vec<NamedNumber> },
    CategoryAdded { name: String },
    CategoryRenamed { from: String, to: String },
    CategoryDeleted { name: String },
    FinalistAdded { school: String, category: String, version: u32 },
    FinalistRemoved { school: String },
    FinalistRefrozen { school: String, version: u32 },
    JurorAdded { juror: String, company: Option<String> },
    JurorCompany { juror: String, company: Option<String> },
    JurorRemoved { juror: String },
    JurorLink { juror: String },
    TieBreakRuleSet { rules: Vec<NamedRule>, chair: Option<String> },
    ChairAppointed { chair: Option<String> },
    StatusChanged { from: JuryStatus, to: JuryStatus },
    ConflictFlagged { juror: String, school: String, company: String },
    ConflictCleared { juror: String, school: String },
    ConflictDismissed { juror: String, school: String, reason: String },
    ConflictRestored { juror: String, school: String },
    ConflictDeclared { juror: String, school: String, reason: String },
    ConflictWithdrawn { juror: String, school: String },
    SheetSubmitted { school: String },
    SheetChanged { school: String, scores: Vec<NamedNumber> },
    ReopenRequested { juror: String, school: String, reason: String },
    SheetReopened { juror: String, school: String },
    ReopenDeclined { juror: String, school: String, note: String },
    SheetResubmitted { school: String, changes: Vec<NamedChange> },
    ChairDecision { chair: Option<String>, order: Vec<String> },
    TieBroken {
        category: String,
        finalists: Vec<String>,
        score: f64,
        rule: NamedRule,
        values: Vec<(String, f64)>,
        outcome: Vec<Vec<String>>,
    },
    Winner { category: String, winner: String },
    RobustnessAcknowledged { category: String, winner: String, findings: Vec<Finding>, reason: String },
    Locked,
    Unlocked,
    Published,
}

fn company_clause(company: &Option<String>) -> String {
    company.as_ref().map(|c| format!(", works for {c}")).unwrap_or_default()
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

/// A check in English with names.
pub fn check_english(check: &Check) -> String {
    match check {
        Check::Same => "the same winner".into(),
        Check::Other { finalist } => format!("{finalist} wins"),
        Check::Shared { finalists } => format!("{} share first place", list(finalists)),
        Check::Unscored { finalists } => format!("{} would have no score", list(finalists)),
    }
}

/// A finding in English with names.
pub fn finding_english(f: &Finding) -> String {
    match f {
        Finding::Normalized { check } => format!("with the normalized score {}", check_english(check)),
        Finding::MeanRank { check } => format!("by mean rank {}", check_english(check)),
        Finding::WithoutJuror { juror, check } => format!("without {juror} {}", check_english(check)),
    }
}

impl JuryEvent {
    /// The action key of the audit log (`jury.…`).
    pub fn action(&self) -> &'static str {
        use JuryEvent::*;
        match self {
            DefaultCriteria { .. } | CriteriaSet { .. } => "jury.criteria",
            CategoryAdded { .. } | CategoryRenamed { .. } | CategoryDeleted { .. } => "jury.category",
            FinalistAdded { .. } | FinalistRemoved { .. } | FinalistRefrozen { .. } => "jury.finalist",
            JurorAdded { .. } | JurorCompany { .. } | JurorRemoved { .. } | JurorLink { .. } => "jury.juror",
            TieBreakRuleSet { .. } => "jury.tie-break-rule",
            ChairAppointed { .. } => "jury.chair",
            StatusChanged { .. } => "jury.status",
            ConflictFlagged { .. } => "jury.conflict.automatic",
            ConflictCleared { .. } => "jury.conflict.cleared",
            ConflictDismissed { .. } => "jury.conflict.dismissed",
            ConflictRestored { .. } => "jury.conflict.restored",
            ConflictDeclared { .. } => "jury.conflict.declared",
            ConflictWithdrawn { .. } => "jury.conflict.withdrawn",
            SheetSubmitted { .. } => "jury.sheet.submitted",
            SheetChanged { .. } => "jury.sheet.changed",
            ReopenRequested { .. } => "jury.sheet.reopen-requested",
            SheetReopened { .. } => "jury.sheet.reopened",
            ReopenDeclined { .. } => "jury.sheet.reopen-declined",
            SheetResubmitted { .. } => "jury.sheet.resubmitted",
            ChairDecision { .. } => "jury.chair-decision",
            TieBroken { .. } => "jury.tie-break",
            Winner { .. } => "jury.winner",
            RobustnessAcknowledged { .. } => "jury.robustness-acknowledged",
            Locked => "jury.locked",
            Unlocked => "jury.unlocked",
            Published => "jury.published",
        }
    }

    /// The event as an English sentence, stored beside the event so the
    /// database reads on its own.
    pub fn english(&self) -> String {
        use JuryEvent::*;
        let num = |v: f64| super::display::two_decimals(v, '.');
        match self {
            DefaultCriteria { count } => format!("the {count} default criteria were set up"),
            CriteriaSet { criteria } => {
                let items: Vec<String> = criteria.iter().map(|c| format!("{} {}", c.name.en, c.number)).collect();
                format!("criteria set to: {}", items.join(", "))
            }
            CategoryAdded { name } => format!("category {name} added"),
            CategoryRenamed { from, to } => format!("category {from} renamed to {to}"),
            CategoryDeleted { name } => format!("category {name} deleted with its finalists"),
            FinalistAdded { school, category, version } => {
                format!("{school} added as finalist in {category}, judged on plan version {version}")
            }
            FinalistRemoved { school } => format!("{school} removed from the finalists"),
            FinalistRefrozen { school, version } => format!("{school} is now judged on plan version {version}"),
            JurorAdded { juror, company } => format!("{juror} added to the jury{}", company_clause(company)),
            JurorCompany { juror, company: Some(c) } => format!("{juror} works for {c}"),
            JurorCompany { juror, company: None } => format!("{juror} works for no company of the edition"),
            JurorRemoved { juror } => format!("{juror} removed from the jury"),
            JurorLink { juror } => format!("new sign-in link for {juror}"),
            TieBreakRuleSet { rules, chair } => {
                let rules: Vec<String> = rules.iter().map(NamedRule::english).collect();
                let chair = chair.as_ref().map(|c| format!("; chair {c}")).unwrap_or_default();
                format!("tie-break rule: {}{chair}", rules.join(", then "))
            }
            ChairAppointed { chair: Some(c) } => format!("{c} chairs the jury"),
            ChairAppointed { chair: None } => "the jury has no chair".into(),
            StatusChanged { from, to } => format!("scoring status {from} → {to}"),
            ConflictFlagged { juror, school, company } => {
                format!("{juror} flagged for finalist {school}: works for its sponsor company {company}")
            }
            ConflictCleared { juror, school } => {
                format!("automatic flag of {juror} for finalist {school} cleared: the juror no longer works for its sponsor")
            }
            ConflictDismissed { juror, school, reason } => {
                format!("automatic flag of {juror} for {school} dismissed: {reason}")
            }
            ConflictRestored { juror, school } => format!("automatic flag of {juror} for {school} restored"),
            ConflictDeclared { juror, school, reason } => {
                format!("{juror} declared a conflict of interest with {school}: {reason}")
            }
            ConflictWithdrawn { juror, school } => format!("{juror} withdrew the declared conflict with {school}"),
            SheetSubmitted { school } => format!("scores for {school} submitted"),
            SheetChanged { school, scores } => {
                let items: Vec<String> = scores.iter().map(|c| format!("{} {}", c.name.en, c.number)).collect();
                format!("submitted scores for {school} changed to: {}", items.join(", "))
            }
            ReopenRequested { juror, school, reason } => format!("{juror} asks to reopen their scores for {school}: {reason}"),
            SheetReopened { juror, school } => format!("scores of {juror} for {school} reopened"),
            ReopenDeclined { juror, school, note } => {
                format!("reopening the scores of {juror} for {school} declined: {}", if note.is_empty() { "-" } else { note })
            }
            SheetResubmitted { school, changes } => {
                let items: Vec<String> = changes.iter().map(|c| format!("{} {}", c.name.en, c.before_after())).collect();
                format!("scores for {school} submitted again after reopening; {} changed: {}", changes.len(), items.join(", "))
            }
            ChairDecision { order, .. } if order.is_empty() => "chair's decision cleared".into(),
            ChairDecision { chair, order } => format!(
                "decision of {}, best first: {}",
                chair.as_deref().unwrap_or("the chair"),
                list(order)
            ),
            TieBroken { category, finalists, score, rule, values, outcome } => {
                let values: Vec<String> = values.iter().map(|(k, v)| format!("{k} {}", num(*v))).collect();
                let outcome: Vec<String> = outcome.iter().map(|g| g.join(" = ")).collect();
                format!(
                    "{category}: {} tied at {}; broken by {} ({}): {}",
                    list(finalists),
                    num(*score),
                    rule.english(),
                    values.join(", "),
                    outcome.join(" > ")
                )
            }
            Winner { category, winner } => format!("{category}: winner {winner}"),
            RobustnessAcknowledged { category, winner, findings, reason } => {
                let f: Vec<String> = findings.iter().map(finding_english).collect();
                format!("{category}: the chair confirms {winner} as winner although {}; reason: {reason}", f.join("; "))
            }
            Locked => "results locked".into(),
            Unlocked => "results unlocked before publication".into(),
            Published => "results published to everyone of the edition".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_round_trip_as_json_and_read_in_english() {
        let e = JuryEvent::RobustnessAcknowledged {
            category: "Award West".into(),
            winner: "Atheneum Scheldeland".into(),
            findings: vec![Finding::WithoutJuror {
                juror: "Bram".into(),
                check: Check::Other { finalist: "Campus Leiebocht".into() },
            }],
            reason: "besproken in de jury".into(),
        };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<JuryEvent>(&json).unwrap(), e);
        assert_eq!(e.action(), "jury.robustness-acknowledged");
        assert_eq!(
            e.english(),
            "Award West: the chair confirms Atheneum Scheldeland as winner although without Bram Campus Leiebocht wins; reason: besproken in de jury"
        );
        let flag = JuryEvent::ConflictFlagged { juror: "An".into(), school: "X".into(), company: "Acme".into() };
        assert_eq!(flag.english(), "An flagged for finalist X: works for its sponsor company Acme");
    }
}
