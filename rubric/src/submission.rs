//! Submitted means submitted: where a respondent's nulmeting sheet or a
//! juror's score sheet stands (draft, submitted, reopen requested,
//! reopened), which step is allowed from where, what a reopened sheet
//! changed when it was submitted again. Who may reopen, see or re-issue
//! is `crate::access`'s (re-exported here). Pure rules: the server calls
//! them on every request, the frontend to show only what is possible.

use crate::assessment::Answer;
use crate::jury::Score;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest reason for a reopen request (or note on a decision).
pub const MAX_REASON_CHARS: usize = 1000;

/// Where a sheet stands. Others only ever see a submitted version: the
/// current one once submitted, the last submitted one while reopened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SheetStatus {
    /// Never submitted: private to its owner, editable.
    #[default]
    Draft,
    /// Submitted: frozen.
    Submitted,
    /// Submitted, and its owner asked to reopen it: still frozen.
    ReopenRequested,
    /// Reopened on request: its owner edits it and submits it again; until
    /// then the others see the version submitted before.
    Reopened,
}

impl SheetStatus {
    /// The status from what is stored: whether the sheet was ever
    /// submitted, and the stage of its open reopening, if any.
    pub fn of(submitted: bool, open: Option<ReopenState>) -> SheetStatus {
        match (submitted, open) {
            (false, _) => SheetStatus::Draft,
            (true, Some(ReopenState::Requested)) => SheetStatus::ReopenRequested,
            (true, Some(ReopenState::Reopened)) => SheetStatus::Reopened,
            (true, _) => SheetStatus::Submitted,
        }
    }

    /// Its owner's submission stands (submitted, possibly with a request):
    /// under the blind rule they may see the others'.
    pub fn is_submitted(self) -> bool {
        matches!(self, SheetStatus::Submitted | SheetStatus::ReopenRequested)
    }

    /// Whether its owner may change it now.
    pub fn is_editable(self) -> bool {
        matches!(self, SheetStatus::Draft | SheetStatus::Reopened)
    }

    /// Whether the others see a (last) submitted version of it.
    pub fn has_submitted_version(self) -> bool {
        self != SheetStatus::Draft
    }

    pub fn key(self) -> &'static str {
        match self {
            SheetStatus::Draft => "draft",
            SheetStatus::Submitted => "submitted",
            SheetStatus::ReopenRequested => "reopen-requested",
            SheetStatus::Reopened => "reopened",
        }
    }
}

/// Where one reopening stands, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReopenState {
    /// Asked for, not decided yet.
    Requested,
    /// Refused by whoever decides; the sheet stays as submitted.
    Declined,
    /// Reopened; waiting for the owner to submit again.
    Reopened,
    /// Submitted again: the changes are recorded.
    Resubmitted,
}

impl ReopenState {
    pub const ALL: [ReopenState; 4] =
        [ReopenState::Requested, ReopenState::Declined, ReopenState::Reopened, ReopenState::Resubmitted];

    pub fn key(self) -> &'static str {
        match self {
            ReopenState::Requested => "requested",
            ReopenState::Declined => "declined",
            ReopenState::Reopened => "reopened",
            ReopenState::Resubmitted => "resubmitted",
        }
    }

    pub fn from_key(key: &str) -> Option<ReopenState> {
        ReopenState::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Still running: at most one open reopening per sheet.
    pub fn is_open(self) -> bool {
        matches!(self, ReopenState::Requested | ReopenState::Reopened)
    }
}

/// Why a step on a sheet is refused. Each has a stable code for the API
/// and the interface's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "kebab-case")]
pub enum SubmissionError {
    #[error("this sheet is submitted, so it can no longer be changed; ask for it to be reopened if something must change")]
    Frozen,
    #[error("this sheet is already submitted")]
    AlreadySubmitted,
    #[error("only a submitted sheet can be reopened; this one is still a draft you can change yourself")]
    NotSubmitted,
    #[error("reopening this sheet was already asked for; wait for the decision")]
    AlreadyRequested,
    #[error("this sheet is already reopened: change it and submit it again")]
    AlreadyReopened,
    #[error("nobody asked to reopen this sheet")]
    NoRequest,
    #[error("you cannot decide on reopening your own sheet; the programme coordinator does")]
    OwnSheet,
}

impl SubmissionError {
    /// The API's error code.
    pub fn code(self) -> &'static str {
        match self {
            SubmissionError::Frozen => "sheet_submitted",
            SubmissionError::AlreadySubmitted => "already_submitted",
            SubmissionError::NotSubmitted => "not_submitted",
            SubmissionError::AlreadyRequested => "reopen_already_requested",
            SubmissionError::AlreadyReopened => "already_reopened",
            SubmissionError::NoRequest => "no_reopen_request",
            SubmissionError::OwnSheet => "own_sheet",
        }
    }
}

/// May the owner change the sheet (an answer, a score, a remark)?
pub fn check_edit(status: SheetStatus) -> Result<(), SubmissionError> {
    if status.is_editable() {
        Ok(())
    } else {
        Err(SubmissionError::Frozen)
    }
}

/// May the owner submit it (the first time, or again after reopening)?
pub fn check_submit(status: SheetStatus) -> Result<(), SubmissionError> {
    if status.is_editable() {
        Ok(())
    } else {
        Err(SubmissionError::AlreadySubmitted)
    }
}

/// May the owner ask to reopen it?
pub fn check_request(status: SheetStatus) -> Result<(), SubmissionError> {
    match status {
        SheetStatus::Submitted => Ok(()),
        SheetStatus::Draft => Err(SubmissionError::NotSubmitted),
        SheetStatus::ReopenRequested => Err(SubmissionError::AlreadyRequested),
        SheetStatus::Reopened => Err(SubmissionError::AlreadyReopened),
    }
}

/// May a request on it be decided (reopened or declined)?
pub fn check_decide(status: SheetStatus) -> Result<(), SubmissionError> {
    match status {
        SheetStatus::ReopenRequested => Ok(()),
        SheetStatus::Reopened => Err(SubmissionError::AlreadyReopened),
        SheetStatus::Draft | SheetStatus::Submitted => Err(SubmissionError::NoRequest),
    }
}

/// What is wrong with a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ReasonError {
    #[error("say why the sheet should be reopened")]
    Missing,
    #[error("the reason is {chars} characters long; at most {MAX_REASON_CHARS} are allowed")]
    TooLong { chars: usize },
}

/// A reason, trimmed; `required` refuses an empty one.
pub fn validate_reason(text: &str, required: bool) -> Result<String, ReasonError> {
    let text = text.trim();
    let chars = text.chars().count();
    if chars > MAX_REASON_CHARS {
        Err(ReasonError::TooLong { chars })
    } else if required && text.is_empty() {
        Err(ReasonError::Missing)
    } else {
        Ok(text.to_string())
    }
}

/// The body of a reopen request, or of a decision on one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ReasonInput {
    #[serde(default)]
    pub reason: String,
}

// The access rules (who may reopen, the blind rule, who re-issues a link)
// live in `crate::access`, with every other rule of who may see and change
// what; they are re-exported here for the callers that know them by this path.
pub use crate::access::{
    leads_school, may_reissue_link, may_reopen_response, may_reopen_score_sheet, may_see_consensus, may_see_other_sheets,
    may_see_team_answers, LinkPermission, LinkTarget, Permission, TeamViewer,
};

/// One value changed between two submissions of a sheet: `None` where
/// there was no value (not answered, not scored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change<K, V> {
    pub key: K,
    pub before: Option<V>,
    pub after: Option<V>,
}

/// What differs between the version submitted before reopening and the one
/// submitted again, key by key, in key order.
pub fn changes<K: Ord + Clone, V: PartialEq + Clone>(before: &BTreeMap<K, V>, after: &BTreeMap<K, V>) -> Vec<Change<K, V>> {
    let mut keys: Vec<&K> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let (b, a) = (before.get(k), after.get(k));
            (b != a).then(|| Change { key: k.clone(), before: b.cloned(), after: a.cloned() })
        })
        .collect()
}

/// A reopening as the owner and the deciders see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReopenInfo {
    pub state: ReopenState,
    pub reason: String,
    pub requested_at: i64,
    pub decided_at: Option<i64>,
    pub decided_by: Option<String>,
    /// Why it was declined, if a note was given.
    #[serde(default)]
    pub note: String,
    pub resubmitted_at: Option<i64>,
}

/// A moment as exports write it: `YYYY-MM-DD HH:MM UTC`.
pub fn utc_time(unix_seconds: i64) -> String {
    let minutes = unix_seconds.rem_euclid(86_400) / 60;
    match crate::Date::from_unix_seconds(unix_seconds) {
        Some(d) => format!("{d} {:02}:{:02} UTC", minutes / 60, minutes % 60),
        None => String::new(),
    }
}

/// Where a sheet stands after a step on its reopening: the answer of the
/// request, reopen and decline endpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReopenOutcome {
    pub status: SheetStatus,
    pub reopen: Option<ReopenInfo>,
}

/// An answer of the nulmeting changed after its sheet was reopened: shown
/// in the team view, the school report and the measurements export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerChange {
    pub person_id: i64,
    pub person_name: String,
    pub indicator_id: String,
    /// As submitted before the reopening (`None`: not answered).
    pub before: Option<Answer>,
    /// As submitted again.
    pub after: Option<Answer>,
    /// When the sheet was submitted again.
    pub changed_at: i64,
    /// Who reopened the sheet.
    pub reopened_by: Option<String>,
    /// Why the respondent asked.
    pub reason: String,
}

/// A jury score changed after its sheet was reopened: shown in the jury
/// results, the score export and the printed results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreChange {
    pub finalist_id: i64,
    pub finalist_name: String,
    pub juror_id: i64,
    pub juror_name: String,
    pub criterion_id: i64,
    /// The criterion's name in Dutch (as the score export names it).
    pub criterion_name: String,
    pub before: Option<Score>,
    pub after: Option<Score>,
    /// When the sheet was submitted again.
    pub changed_at: i64,
    /// Who reopened the sheet.
    pub reopened_by: Option<String>,
    /// Why the juror asked.
    pub reason: String,
}

/// A jury score sheet whose reopening was asked for or is running, for
/// whoever decides (the coordinator, the chair).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetReopen {
    pub finalist_id: i64,
    pub finalist_name: String,
    pub juror_id: i64,
    pub juror_name: String,
    pub status: SheetStatus,
    pub reopen: ReopenInfo,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::{Me, Role, SchoolFunction};
    use proptest::prelude::*;

    fn me(id: i64, role: Role, school: Option<i64>, function: Option<SchoolFunction>) -> Me {
        Me {
            id,
            name: format!("p{id}"),
            role,
            school_id: school,
            school_name: None,
            company_id: None,
            company_name: None,
            school_function: function,
        }
    }

    const ALL: [SheetStatus; 4] =
        [SheetStatus::Draft, SheetStatus::Submitted, SheetStatus::ReopenRequested, SheetStatus::Reopened];

    #[test]
    fn the_status_follows_the_stored_facts() {
        assert_eq!(SheetStatus::of(false, None), SheetStatus::Draft);
        assert_eq!(SheetStatus::of(false, Some(ReopenState::Reopened)), SheetStatus::Draft);
        assert_eq!(SheetStatus::of(true, None), SheetStatus::Submitted);
        assert_eq!(SheetStatus::of(true, Some(ReopenState::Requested)), SheetStatus::ReopenRequested);
        assert_eq!(SheetStatus::of(true, Some(ReopenState::Reopened)), SheetStatus::Reopened);
        assert_eq!(SheetStatus::of(true, Some(ReopenState::Declined)), SheetStatus::Submitted);
        assert_eq!(serde_json::to_value(SheetStatus::ReopenRequested).unwrap(), "reopen-requested");
        for s in ReopenState::ALL {
            assert_eq!(ReopenState::from_key(s.key()), Some(s));
        }
    }

    /// Every step from every status, as a table.
    #[test]
    fn steps_per_status() {
        use SubmissionError::*;
        let table = [
            // status, edit, submit, request, decide
            (SheetStatus::Draft, Ok(()), Ok(()), Err(NotSubmitted), Err(NoRequest)),
            (SheetStatus::Submitted, Err(Frozen), Err(AlreadySubmitted), Ok(()), Err(NoRequest)),
            (SheetStatus::ReopenRequested, Err(Frozen), Err(AlreadySubmitted), Err(AlreadyRequested), Ok(())),
            (SheetStatus::Reopened, Ok(()), Ok(()), Err(AlreadyReopened), Err(AlreadyReopened)),
        ];
        for (status, edit, submit, request, decide) in table {
            assert_eq!(check_edit(status), edit, "edit {status:?}");
            assert_eq!(check_submit(status), submit, "submit {status:?}");
            assert_eq!(check_request(status), request, "request {status:?}");
            assert_eq!(check_decide(status), decide, "decide {status:?}");
        }
        assert_eq!(Frozen.code(), "sheet_submitted");
        assert!(Frozen.to_string().contains("reopened"));
    }

    #[test]
    fn the_blind_rule_holds_for_drafts_and_reopened_sheets() {
        for own in ALL {
            let member = TeamViewer::Member { own };
            let sees = own == SheetStatus::Submitted || own == SheetStatus::ReopenRequested;
            assert_eq!(may_see_team_answers(member, false), sees, "{own:?}");
            assert_eq!(may_see_consensus(member, false), sees, "{own:?}");
            assert!(may_see_team_answers(member, true), "closed: {own:?}");
            assert_eq!(may_see_other_sheets(own), sees, "jury {own:?}");
        }
        assert!(may_see_team_answers(TeamViewer::Coordinator, false));
        assert!(!may_see_team_answers(TeamViewer::Company, true));
        assert!(may_see_consensus(TeamViewer::Company, false));
    }

    #[test]
    fn who_reopens_a_nulmeting_sheet() {
        let (school, other) = (1, 2);
        let lead = me(10, Role::SchoolMember, Some(school), Some(SchoolFunction::StemCoordinator));
        let direction = me(11, Role::SchoolMember, Some(school), Some(SchoolFunction::Direction));
        let teacher = me(12, Role::SchoolMember, Some(school), Some(SchoolFunction::Teacher));
        let coordinator = me(1, Role::Coordinator, None, None);
        assert_eq!(may_reopen_response(&lead, school, 12), Permission::Allowed);
        assert_eq!(may_reopen_response(&direction, school, 10), Permission::Allowed);
        assert_eq!(may_reopen_response(&lead, school, 10), Permission::OwnSheet);
        assert_eq!(may_reopen_response(&lead, other, 99), Permission::Forbidden);
        assert_eq!(may_reopen_response(&teacher, school, 13), Permission::Forbidden);
        assert_eq!(may_reopen_response(&coordinator, school, 10), Permission::Allowed);
        for role in [Role::CompanyMember, Role::Juror] {
            assert_eq!(may_reopen_response(&me(5, role, Some(school), None), school, 12), Permission::Forbidden);
        }
    }

    #[test]
    fn who_reopens_a_score_sheet() {
        let chair = me(20, Role::Juror, None, None);
        let juror = me(21, Role::Juror, None, None);
        let coordinator = me(1, Role::Coordinator, None, None);
        assert_eq!(may_reopen_score_sheet(&coordinator, None, 21), Permission::Allowed);
        assert_eq!(may_reopen_score_sheet(&chair, Some(20), 21), Permission::Allowed);
        assert_eq!(may_reopen_score_sheet(&chair, Some(20), 20), Permission::OwnSheet);
        assert_eq!(may_reopen_score_sheet(&juror, Some(20), 22), Permission::Forbidden);
        assert_eq!(may_reopen_score_sheet(&juror, None, 22), Permission::Forbidden);
        let lead = me(10, Role::SchoolMember, Some(1), Some(SchoolFunction::StemCoordinator));
        assert_eq!(may_reopen_score_sheet(&lead, Some(10), 21), Permission::Forbidden);
    }

    #[test]
    fn who_reissues_a_link() {
        let school = 1;
        let target = |id, role, school_id, signed_in| LinkTarget { person_id: id, role, school_id, ever_signed_in: signed_in };
        let stem = me(10, Role::SchoolMember, Some(school), Some(SchoolFunction::StemCoordinator));
        let direction = me(11, Role::SchoolMember, Some(school), Some(SchoolFunction::Direction));
        let coordinator = me(1, Role::Coordinator, None, None);
        let new_colleague = target(12, Role::SchoolMember, Some(school), false);
        let signed_in = target(13, Role::SchoolMember, Some(school), true);
        let elsewhere = target(14, Role::SchoolMember, Some(2), false);
        let juror = target(15, Role::Juror, None, false);
        assert_eq!(may_reissue_link(&stem, &new_colleague), LinkPermission::Allowed);
        assert_eq!(may_reissue_link(&stem, &signed_in), LinkPermission::SignedIn);
        assert_eq!(may_reissue_link(&stem, &elsewhere), LinkPermission::NotFound);
        assert_eq!(may_reissue_link(&stem, &juror), LinkPermission::NotFound);
        assert_eq!(may_reissue_link(&stem, &target(10, Role::SchoolMember, Some(school), true)), LinkPermission::Own);
        assert_eq!(may_reissue_link(&direction, &new_colleague), LinkPermission::Forbidden);
        for t in [&new_colleague, &signed_in, &elsewhere, &juror] {
            assert_eq!(may_reissue_link(&coordinator, t), LinkPermission::Allowed);
        }
        assert_eq!(may_reissue_link(&coordinator, &target(1, Role::Coordinator, None, true)), LinkPermission::Own);
        for role in [Role::CompanyMember, Role::Juror] {
            assert_eq!(may_reissue_link(&me(5, role, None, None), &new_colleague), LinkPermission::Forbidden);
        }
    }

    #[test]
    fn reasons_are_trimmed_and_bounded() {
        assert_eq!(validate_reason("  typo bij 2.3 ", true), Ok("typo bij 2.3".into()));
        assert_eq!(validate_reason("  ", true), Err(ReasonError::Missing));
        assert_eq!(validate_reason("  ", false), Ok(String::new()));
        let long = "x".repeat(MAX_REASON_CHARS + 1);
        assert_eq!(validate_reason(&long, false), Err(ReasonError::TooLong { chars: MAX_REASON_CHARS + 1 }));
    }

    #[test]
    fn export_times_are_utc() {
        assert_eq!(utc_time(1_767_225_600 + 3_600 + 5 * 60 + 59), "2026-01-01 01:05 UTC");
        assert_eq!(utc_time(0), "1970-01-01 00:00 UTC");
    }

    #[test]
    fn changes_list_what_differs() {
        let before = BTreeMap::from([("a", 1), ("b", 2), ("c", 3)]);
        let after = BTreeMap::from([("a", 1), ("b", 4), ("d", 5)]);
        assert_eq!(
            changes(&before, &after),
            vec![
                Change { key: "b", before: Some(2), after: Some(4) },
                Change { key: "c", before: Some(3), after: None },
                Change { key: "d", before: None, after: Some(5) },
            ]
        );
        assert!(changes(&before, &before).is_empty());
    }

    proptest! {
        /// Applying the changes to the version before gives the version after;
        /// every change really changes something.
        #[test]
        fn changes_turn_before_into_after(
            before in prop::collection::btree_map(0u8..12, 1u8..=10, 0..12),
            after in prop::collection::btree_map(0u8..12, 1u8..=10, 0..12),
        ) {
            let list = changes(&before, &after);
            let mut rebuilt = before.clone();
            for c in &list {
                prop_assert_ne!(c.before, c.after);
                prop_assert_eq!(c.before.as_ref(), before.get(&c.key));
                match c.after {
                    Some(v) => { rebuilt.insert(c.key, v); }
                    None => { rebuilt.remove(&c.key); }
                }
            }
            prop_assert_eq!(rebuilt, after);
        }
    }
}
