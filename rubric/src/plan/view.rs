//! The JSON the plan API sends and receives: the plan page with everything
//! around it (school, edition, consensus profile, threads, version history),
//! the write bodies that carry the version they were based on, and the
//! per-school summary shown on start pages.

use super::{
    Action, ActionField, ActionInput, ActionPlan, ActionStatus, CommentTarget, Direction, Goal,
    GoalField, GoalInput, NewPosition, PlanChange, PlanContext, Thread, ThreadCounts,
};
use crate::assessment::SchoolProfile;
use crate::content::{AspectId, Level, Rubric};
use crate::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The school a plan belongs to, with its sponsor company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSchool {
    pub id: i64,
    pub name: String,
    pub town: String,
    pub company_id: Option<i64>,
    pub company_name: Option<String>,
}

/// The edition settings the plan page needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEdition {
    pub id: i64,
    pub name: String,
    pub plan_deadline: Option<Date>,
    pub cofinancing_threshold_percent: u32,
    /// The rubric version the edition measures with (a plan targets its
    /// baseline's: `SchoolProfile::rubric_version` when there is one).
    #[serde(default = "first_rubric_version")]
    pub rubric_version: u32,
}

fn first_rubric_version() -> u32 {
    crate::rubric_versions::FIRST
}

impl PlanEdition {
    /// The rubric version a plan with this baseline profile targets.
    pub fn plan_rubric_version(&self, profile: Option<&crate::assessment::SchoolProfile>) -> u32 {
        profile.map_or(self.rubric_version, |p| p.rubric_version)
    }
}

/// What the reader may do with this plan (the server enforces the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PlanAccess {
    /// Add, change, order, drop goals and actions; submit (the school).
    pub edit: bool,
    /// Start a comment thread (the matched company and the coordinator).
    pub start_threads: bool,
    /// Reply, resolve and reopen (every participant).
    pub reply: bool,
}

/// The `version` of every goal and action row, for optimistic concurrency.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RowVersions {
    pub goals: BTreeMap<i64, i64>,
    pub actions: BTreeMap<i64, i64>,
}

/// One line of a version history, flattened from a [`PlanChange`] so the
/// page reads it with plain strings: `change` is the change's key
/// (`goal-added`, `action-changed`, …), `name` the goal's title or the
/// action's description (empty for reorders), `fields` the keys of the
/// changed fields (`title`, `deadline`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeLine {
    pub change: String,
    pub name: String,
    pub fields: Vec<String>,
}

fn goal_field_key(f: GoalField) -> &'static str {
    match f {
        GoalField::Title => "title",
        GoalField::Description => "description",
        GoalField::IndicatorTargets => "indicator-targets",
    }
}

fn action_field_key(f: ActionField) -> &'static str {
    match f {
        ActionField::Goal => "goal",
        ActionField::Description => "description",
        ActionField::Owner => "owner",
        ActionField::Start => "start",
        ActionField::Deadline => "deadline",
        ActionField::Budget => "budget",
        ActionField::CompanyContribution => "company-contribution",
        ActionField::SuccessCriterion => "success-criterion",
        ActionField::Status => "status",
        ActionField::EvidenceUrl => "evidence-url",
    }
}

impl From<&PlanChange> for ChangeLine {
    fn from(c: &PlanChange) -> ChangeLine {
        let line = |change: &str, name: &str, fields: Vec<&str>| ChangeLine {
            change: change.to_string(),
            name: name.to_string(),
            fields: fields.into_iter().map(String::from).collect(),
        };
        match c {
            PlanChange::GoalAdded { title, .. } => line("goal-added", title, vec![]),
            PlanChange::GoalRemoved { title, .. } => line("goal-removed", title, vec![]),
            PlanChange::GoalChanged { title, fields, .. } => {
                line("goal-changed", title, fields.iter().map(|f| goal_field_key(*f)).collect())
            }
            PlanChange::GoalsReordered => line("goals-reordered", "", vec![]),
            PlanChange::ActionAdded { description, .. } => line("action-added", description, vec![]),
            PlanChange::ActionRemoved { description, .. } => {
                line("action-removed", description, vec![])
            }
            PlanChange::ActionChanged { description, fields, .. } => line(
                "action-changed",
                description,
                fields.iter().map(|f| action_field_key(*f)).collect(),
            ),
            PlanChange::ActionsReordered { .. } => line("actions-reordered", "", vec![]),
        }
    }
}

/// The lines of a diff.
pub fn change_lines(changes: &[PlanChange]) -> Vec<ChangeLine> {
    changes.iter().map(ChangeLine::from).collect()
}

/// One submitted version in the history, with what changed since the one
/// before (for version 1: everything, as additions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionSummary {
    pub number: u32,
    pub submitted_at: i64,
    pub submitted_by: String,
    pub goals: usize,
    pub actions: usize,
    pub changes: Vec<ChangeLine>,
}

/// `GET /api/schools/{id}/plan`: the live (draft) plan and its context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanPage {
    pub school: PlanSchool,
    pub edition: PlanEdition,
    /// The server's date, for the deadline checks.
    pub today: Date,
    pub plan: ActionPlan,
    pub row_versions: RowVersions,
    /// The consensus profile of the school's nulmeting; `None` before any
    /// consensus is recorded, and for a school member who must submit their
    /// own nulmeting first (`profile_hidden`).
    pub profile: Option<SchoolProfile>,
    /// True when the profile is withheld by the blind rule: the reader is a
    /// member of the school who has not submitted their own nulmeting.
    #[serde(default)]
    pub profile_hidden: bool,
    /// Threads on goals and actions still in the plan, oldest first.
    pub threads: Vec<Thread>,
    pub counts: ThreadCounts,
    /// The reader, and when they last read this plan's comments.
    pub reader_id: i64,
    pub last_read: Option<i64>,
    /// Submitted versions, newest first.
    pub history: Vec<VersionSummary>,
    /// What changed in the draft since the latest submitted version; empty
    /// when nothing changed or nothing was submitted yet.
    pub draft_changes: Vec<ChangeLine>,
    pub access: PlanAccess,
}

impl PlanPage {
    /// The latest submitted version number, if any.
    pub fn latest_version(&self) -> Option<u32> {
        self.history.iter().map(|v| v.number).max()
    }

    /// The threads about one goal or action.
    pub fn threads_on(&self, target: CommentTarget) -> Vec<&Thread> {
        self.threads.iter().filter(|t| t.target == target).collect()
    }
}

/// A plan as the start pages summarise it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSummary {
    pub school_id: i64,
    pub school_name: String,
    pub school_town: String,
    /// Goals and actions (dropped actions not counted).
    pub goals: usize,
    pub actions: usize,
    pub latest_version: Option<u32>,
    pub submitted_at: Option<i64>,
    /// The draft differs from the latest submitted version.
    pub draft_changed: bool,
    pub counts: ThreadCounts,
    /// The school has a nulmeting consensus to start from.
    pub has_profile: bool,
}

/// A goal row with its concurrency version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalRow {
    pub goal: Goal,
    pub version: i64,
}

/// An action row with its concurrency version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionRow {
    pub action: Action,
    pub version: i64,
}

/// Body of creating (version ignored) or updating a goal.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GoalWrite {
    #[serde(default)]
    pub version: i64,
    pub goal: GoalInput,
}

/// Body of creating (version ignored) or updating an action.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ActionWrite {
    #[serde(default)]
    pub version: i64,
    pub action: ActionInput,
}

/// Body of changing only an action's status (drop, restore).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusWrite {
    pub version: i64,
    pub status: ActionStatus,
}

/// Body of moving a goal or action one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveWrite {
    pub direction: Direction,
}

/// Body of starting a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewThread {
    pub target: CommentTarget,
    pub body: String,
}

/// Body of replying in a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewComment {
    pub body: String,
}

/// Answer to a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submitted {
    pub number: u32,
    pub submitted_at: i64,
}

/// Answer to deleting a goal: its id (restore it with `…/restore`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalDeleted {
    pub deleted: i64,
}

/// Answer to moving a goal or action: the positions now stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moved {
    pub positions: Vec<NewPosition>,
}

/// Answer to starting a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadStarted {
    pub thread_id: i64,
}

/// Answer to replying in a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentAdded {
    pub comment_id: i64,
}

/// Answer to resolving (`true`) or reopening a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadResolved {
    pub resolved: bool,
}

/// Answer to marking a plan's comments read: when (`None` when the plan
/// was never started, so there was nothing to read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadUpTo {
    pub last_read: Option<i64>,
}

/// The profile as the checks read it: the level per decided indicator
/// (`None` for N/A; undecided indicators left out) and the score per aspect.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProfileMaps {
    pub indicator_levels: BTreeMap<String, Option<Level>>,
    pub aspect_scores: BTreeMap<AspectId, f64>,
}

impl ProfileMaps {
    pub fn new(profile: Option<&SchoolProfile>) -> ProfileMaps {
        let Some(profile) = profile else { return ProfileMaps::default() };
        // Inserted one by one, not collected: collecting a map sorts its
        // entries first, a copy of the standard sort per map type in the
        // web apps (issue 13). The same maps either way.
        let mut maps = ProfileMaps::default();
        for i in profile.indicators.iter().filter(|i| i.outcome.is_some()) {
            maps.indicator_levels.insert(i.indicator_id.clone(), i.level());
        }
        for a in &profile.aspects {
            if let Some(s) = a.score {
                maps.aspect_scores.insert(a.aspect, s);
            }
        }
        maps
    }

    /// The check context for a day and an edition threshold.
    pub fn context<'a>(
        &'a self,
        today: Date,
        threshold_percent: u32,
        rubric: &'a Rubric,
    ) -> PlanContext<'a> {
        PlanContext {
            today,
            cofinancing_threshold_percent: threshold_percent,
            indicator_levels: &self.indicator_levels,
            aspect_scores: &self.aspect_scores,
            rubric,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Consensus;

    #[test]
    fn profile_maps_skip_undecided_and_keep_na() {
        let rubric = crate::current_rubric();
        let consensus = vec![
            Consensus {
                indicator_id: "curriculum.learning-lines".into(),
                level: Level::new(1).ok(),
                rationale: String::new(),
            },
            Consensus {
                indicator_id: "curriculum.stem-for-all".into(),
                level: None,
                rationale: String::new(),
            },
        ];
        let profile = SchoolProfile::from_consensus(rubric, &consensus);
        let maps = ProfileMaps::new(Some(&profile));
        assert_eq!(maps.indicator_levels.len(), 2);
        assert_eq!(maps.indicator_levels["curriculum.learning-lines"], Level::new(1).ok());
        assert_eq!(maps.indicator_levels["curriculum.stem-for-all"], None);
        assert_eq!(maps.aspect_scores.get(&AspectId::Curriculum), Some(&1.0));
        assert_eq!(maps.aspect_scores.get(&AspectId::Pedagogy), None);
        assert_eq!(ProfileMaps::new(None), ProfileMaps::default());
    }

    #[test]
    fn change_lines_name_the_change_and_fields() {
        let line = ChangeLine::from(&PlanChange::ActionChanged {
            action_id: 1,
            goal_id: 2,
            description: "Visit".into(),
            fields: vec![ActionField::Deadline, ActionField::CompanyContribution],
        });
        assert_eq!(line.change, "action-changed");
        assert_eq!(line.name, "Visit");
        assert_eq!(line.fields, vec!["deadline", "company-contribution"]);
        assert_eq!(ChangeLine::from(&PlanChange::GoalsReordered).change, "goals-reordered");
        // The keys are the serde names of the fields.
        let json = serde_json::to_value(ActionField::CompanyContribution).unwrap();
        assert_eq!(json, "company-contribution");
        assert_eq!(serde_json::to_value(GoalField::IndicatorTargets).unwrap(), "indicator-targets");
    }

    #[test]
    fn row_versions_round_trip_with_integer_keys() {
        let mut v = RowVersions::default();
        v.goals.insert(7, 3);
        v.actions.insert(12, 1);
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(serde_json::from_str::<RowVersions>(&json).unwrap(), v);
    }
}
