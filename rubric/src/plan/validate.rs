//! Validation of goal and action input as the API receives it: the server
//! checks every write with these functions and the frontend calls them for
//! instant feedback. Every problem is reported at its field, all at once.

use super::money::format_euro_en;
use super::{Action, ActionStatus, Contribution, ContributionKind, Goal, IndicatorTarget};
use crate::content::{Level, Rubric};
use crate::date::{Date, DateError};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// Longest goal title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest description, success criterion or contribution description.
pub const MAX_DESCRIPTION_CHARS: usize = 2000;
/// Longest owner name.
pub const MAX_OWNER_CHARS: usize = 120;
/// Longest evidence link.
pub const MAX_EVIDENCE_URL_CHARS: usize = 500;
/// Largest budget or contribution of one action: 10 million euro, in cents.
/// Far above any school action; it catches typing slips and overflow.
pub const MAX_AMOUNT_CENTS: i64 = 1_000_000_000;

/// One indicator target as typed: levels as plain numbers, so an out-of-range
/// level is reported at its field instead of failing the whole request.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IndicatorTargetInput {
    pub indicator_id: String,
    pub current_level: Option<i64>,
    pub target_level: Option<i64>,
}

/// A goal as the create and update endpoints receive it. The id and position
/// are the server's.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct GoalInput {
    pub title: String,
    pub description: String,
    pub indicator_targets: Vec<IndicatorTargetInput>,
}

impl From<&Goal> for GoalInput {
    /// The form contents for editing an existing goal.
    fn from(goal: &Goal) -> GoalInput {
        GoalInput {
            title: goal.title.clone(),
            description: goal.description.clone(),
            indicator_targets: goal
                .indicator_targets
                .iter()
                .map(|t| IndicatorTargetInput {
                    indicator_id: t.indicator_id.clone(),
                    current_level: t.current_level.map(|l| i64::from(l.get())),
                    target_level: Some(i64::from(t.target_level.get())),
                })
                .collect(),
        }
    }
}

/// A company contribution as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContributionInput {
    pub kind: ContributionKind,
    pub value_cents: i64,
    pub description: String,
}

/// An action as the create and update endpoints receive it. Dates are the
/// text of a date field (`YYYY-MM-DD`, empty for none). The id, goal and
/// position are the server's (the goal comes from the URL and is checked
/// to belong to the plan).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionInput {
    pub description: String,
    pub owner: String,
    pub start: Option<String>,
    pub deadline: Option<String>,
    pub budget_cents: i64,
    pub company_contribution: ContributionInput,
    pub success_criterion: String,
    pub status: ActionStatus,
    pub evidence_url: String,
}

impl From<&Action> for ActionInput {
    /// The form contents for editing an existing action.
    fn from(action: &Action) -> ActionInput {
        ActionInput {
            description: action.description.clone(),
            owner: action.owner.clone(),
            start: action.start.map(|d| d.to_string()),
            deadline: action.deadline.map(|d| d.to_string()),
            budget_cents: action.budget_cents,
            company_contribution: ContributionInput {
                kind: action.company_contribution.kind,
                value_cents: action.company_contribution.value_cents,
                description: action.company_contribution.description.clone(),
            },
            success_criterion: action.success_criterion.clone(),
            status: action.status,
            evidence_url: action.evidence_url.clone().unwrap_or_default(),
        }
    }
}

/// A validated goal: trimmed text, levels in range, known indicators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalFields {
    pub title: String,
    pub description: String,
    pub indicator_targets: Vec<IndicatorTarget>,
}

impl GoalFields {
    /// The goal with this id and position.
    pub fn into_goal(self, id: i64, position: u32) -> Goal {
        Goal {
            id,
            title: self.title,
            description: self.description,
            indicator_targets: self.indicator_targets,
            position,
        }
    }
}

/// A validated action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionFields {
    pub description: String,
    pub owner: String,
    pub start: Option<Date>,
    pub deadline: Option<Date>,
    pub budget_cents: i64,
    pub company_contribution: Contribution,
    pub success_criterion: String,
    pub status: ActionStatus,
    pub evidence_url: Option<String>,
}

impl ActionFields {
    /// The action with this id, goal and position.
    pub fn into_action(self, id: i64, goal_id: i64, position: u32) -> Action {
        Action {
            id,
            goal_id,
            description: self.description,
            owner: self.owner,
            start: self.start,
            deadline: self.deadline,
            budget_cents: self.budget_cents,
            company_contribution: self.company_contribution,
            success_criterion: self.success_criterion,
            status: self.status,
            evidence_url: self.evidence_url,
            position,
        }
    }
}

/// The fields of a goal or action input, to name them in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    Title,
    Description,
    IndicatorId,
    CurrentLevel,
    TargetLevel,
    Owner,
    Start,
    Deadline,
    Budget,
    ContributionKind,
    ContributionValue,
    ContributionDescription,
    SuccessCriterion,
    EvidenceUrl,
}

impl Field {
    /// The field's name in the input JSON (the last part of a field path).
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Description => "description",
            Field::IndicatorId => "indicator_id",
            Field::CurrentLevel => "current_level",
            Field::TargetLevel => "target_level",
            Field::Owner => "owner",
            Field::Start => "start",
            Field::Deadline => "deadline",
            Field::Budget => "budget_cents",
            Field::ContributionKind => "kind",
            Field::ContributionValue => "value_cents",
            Field::ContributionDescription => "description",
            Field::SuccessCriterion => "success_criterion",
            Field::EvidenceUrl => "evidence_url",
        }
    }

    /// How an English message names the field.
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Description => "description",
            Field::IndicatorId => "indicator",
            Field::CurrentLevel => "current level",
            Field::TargetLevel => "target level",
            Field::Owner => "owner",
            Field::Start => "start date",
            Field::Deadline => "deadline",
            Field::Budget => "budget",
            Field::ContributionKind => "kind of company contribution",
            Field::ContributionValue => "value of the company contribution",
            Field::ContributionDescription => "description of the company contribution",
            Field::SuccessCriterion => "success criterion",
            Field::EvidenceUrl => "evidence link",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What is wrong with one field of a goal or action. Serialized with a
/// `code` tag so the frontend can show a translated message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum PlanError {
    #[error("the {field} is required")]
    Required { field: Field },
    #[error("the {field} is {chars} characters long; at most {max} are allowed")]
    TooLong { field: Field, chars: usize, max: usize },
    #[error("the {field} contains a line break or another control character")]
    ControlCharacter { field: Field },
    #[error("'{value}' is not a web address: the evidence link must start with http:// or https:// and contain no spaces")]
    NotHttpUrl { value: String },
    #[error("'{indicator_id}' is not an indicator of the rubric")]
    UnknownIndicator { indicator_id: String },
    #[error(
        "indicator {indicator_id} is targeted twice in this goal; keep one target per indicator"
    )]
    DuplicateIndicator { indicator_id: String },
    #[error("the {field} {value} is out of range: a level is 1, 2, 3 or 4")]
    LevelOutOfRange { field: Field, value: i64 },
    #[error("the target level {target} of indicator {indicator_id} must be higher than the current level {current}")]
    TargetNotAboveCurrent { indicator_id: String, current: Level, target: Level },
    #[error("the {field} '{value}' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-31")]
    NotADate { field: Field, value: String },
    #[error("the {field} {value} does not exist in the calendar")]
    NoSuchDay { field: Field, value: String },
    #[error("the deadline {deadline} is before the start date {start}")]
    DeadlineBeforeStart { start: Date, deadline: Date },
    #[error("the {field} cannot be negative ({} given)", format_euro_en(*.cents))]
    NegativeAmount { field: Field, cents: i64 },
    #[error("the {field} {} is above the maximum of {}", format_euro_en(*.cents), format_euro_en(MAX_AMOUNT_CENTS))]
    AmountTooLarge { field: Field, cents: i64 },
    #[error("the company contribution is valued at {} but has no kind; choose money or in kind, or set the value to €0.00", format_euro_en(*.cents))]
    ValueWithoutKind { cents: i64 },
    #[error("a company contribution {kind} needs a value above €0.00")]
    KindWithoutValue { kind: ContributionKind },
    #[error("the company contribution {} is larger than the action's budget {}; the budget is the action's total cost, company contributions included", format_euro_en(*.contribution_cents), format_euro_en(*.budget_cents))]
    ContributionAboveBudget { contribution_cents: i64, budget_cents: i64 },
}

/// A problem at one field. `field` is the path of the field in the input
/// JSON, e.g. `title`, `indicator_targets[1].target_level` or
/// `company_contribution.value_cents`, so the form can show it in place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("{error}")]
pub struct FieldError {
    pub field: String,
    pub error: PlanError,
}

impl FieldError {
    /// A problem at `field`.
    pub fn new(field: impl Into<String>, error: PlanError) -> FieldError {
        FieldError { field: field.into(), error }
    }

    /// The English message.
    pub fn message(&self) -> String {
        self.error.to_string()
    }
}

/// Collects field errors while a validator walks the input.
struct Errors(Vec<FieldError>);

impl Errors {
    fn push(&mut self, path: impl Into<String>, error: PlanError) {
        self.0.push(FieldError::new(path, error));
    }

    /// Run a field check, keeping its value or recording its error.
    fn take<T>(&mut self, path: impl Into<String>, result: Result<T, PlanError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.push(path, e);
                None
            }
        }
    }
}

/// Trim, check length, forbid control characters (line breaks and tabs are
/// allowed when `multiline`; `\r\n` becomes `\n`).
fn text(
    raw: &str,
    field: Field,
    max: usize,
    required: bool,
    multiline: bool,
) -> Result<String, PlanError> {
    let value = raw.trim().replace("\r\n", "\n");
    if value.is_empty() {
        return if required { Err(PlanError::Required { field }) } else { Ok(value) };
    }
    let chars = value.chars().count();
    if chars > max {
        return Err(PlanError::TooLong { field, chars, max });
    }
    let allowed = |c: char| multiline && (c == '\n' || c == '\t');
    if value.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(PlanError::ControlCharacter { field });
    }
    Ok(value)
}

fn parse_level(value: i64, field: Field) -> Result<Level, PlanError> {
    u8::try_from(value)
        .ok()
        .and_then(|n| Level::new(n).ok())
        .ok_or(PlanError::LevelOutOfRange { field, value })
}

fn parse_date(raw: Option<&str>, field: Field) -> Result<Option<Date>, PlanError> {
    let value = raw.map(str::trim).unwrap_or_default();
    if value.is_empty() {
        return Ok(None);
    }
    value.parse::<Date>().map(Some).map_err(|e| match e {
        DateError::Format(_) => PlanError::NotADate { field, value: value.to_string() },
        DateError::NoSuchDay(_) => PlanError::NoSuchDay { field, value: value.to_string() },
    })
}

fn amount(cents: i64, field: Field) -> Result<i64, PlanError> {
    if cents < 0 {
        Err(PlanError::NegativeAmount { field, cents })
    } else if cents > MAX_AMOUNT_CENTS {
        Err(PlanError::AmountTooLarge { field, cents })
    } else {
        Ok(cents)
    }
}

/// An http(s) link with a host and no whitespace; `None` when empty.
fn evidence_url(raw: &str) -> Result<Option<String>, PlanError> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let chars = value.chars().count();
    if chars > MAX_EVIDENCE_URL_CHARS {
        return Err(PlanError::TooLong {
            field: Field::EvidenceUrl,
            chars,
            max: MAX_EVIDENCE_URL_CHARS,
        });
    }
    let bad = || PlanError::NotHttpUrl { value: value.to_string() };
    let lower = value.to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &value["https://".len()..]
    } else if lower.starts_with("http://") {
        &value["http://".len()..]
    } else {
        return Err(bad());
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    Ok(Some(value.to_string()))
}

/// Validate a goal against the rubric. Returns the cleaned goal fields, or
/// every problem found, each at its field.
///
/// A goal may have no indicator targets (it is then flagged by the checks,
/// not rejected). Each target needs a known indicator, listed once, a target
/// level 1 to 4 and, when the current level is known, a target above it.
pub fn validate_goal_input(
    input: &GoalInput,
    rubric: &Rubric,
) -> Result<GoalFields, Vec<FieldError>> {
    let mut errors = Errors(Vec::new());
    let title =
        errors.take("title", text(&input.title, Field::Title, MAX_TITLE_CHARS, true, false));
    let description = errors.take(
        "description",
        text(&input.description, Field::Description, MAX_DESCRIPTION_CHARS, false, true),
    );
    let mut targets = Vec::with_capacity(input.indicator_targets.len());
    let mut seen = HashSet::new();
    for (i, t) in input.indicator_targets.iter().enumerate() {
        let path = |f: Field| format!("indicator_targets[{i}].{}", f.key());
        let id = t.indicator_id.trim();
        let indicator_ok = if id.is_empty() {
            errors
                .push(path(Field::IndicatorId), PlanError::Required { field: Field::IndicatorId });
            false
        } else if rubric.indicator(id).is_none() {
            errors.push(
                path(Field::IndicatorId),
                PlanError::UnknownIndicator { indicator_id: id.to_string() },
            );
            false
        } else if !seen.insert(id) {
            errors.push(
                path(Field::IndicatorId),
                PlanError::DuplicateIndicator { indicator_id: id.to_string() },
            );
            false
        } else {
            true
        };
        let current = match t.current_level {
            None => Some(None),
            Some(n) => errors
                .take(path(Field::CurrentLevel), parse_level(n, Field::CurrentLevel))
                .map(Some),
        };
        let target = match t.target_level {
            None => {
                errors.push(
                    path(Field::TargetLevel),
                    PlanError::Required { field: Field::TargetLevel },
                );
                None
            }
            Some(n) => errors.take(path(Field::TargetLevel), parse_level(n, Field::TargetLevel)),
        };
        if let (Some(current), Some(target)) = (current, target) {
            if let Some(c) = current.filter(|&c| target <= c) {
                errors.push(
                    path(Field::TargetLevel),
                    PlanError::TargetNotAboveCurrent {
                        indicator_id: id.to_string(),
                        current: c,
                        target,
                    },
                );
            } else if indicator_ok {
                targets.push(IndicatorTarget {
                    indicator_id: id.to_string(),
                    current_level: current,
                    target_level: target,
                });
            }
        }
    }
    match (title, description, errors.0.is_empty()) {
        (Some(title), Some(description), true) => {
            Ok(GoalFields { title, description, indicator_targets: targets })
        }
        _ => Err(errors.0),
    }
}

/// Validate an action. Returns the cleaned action fields, or every problem
/// found, each at its field.
///
/// The description (what will be done) is required; owner, dates and money
/// may stay empty in a draft. Dates must exist and the deadline may not be
/// before the start. Amounts are 0 to [`MAX_AMOUNT_CENTS`]; the budget is
/// the action's total cost, so a company contribution cannot exceed it. A
/// money or in-kind contribution needs a value, an in-kind one also a
/// description; with kind `None` the value must be 0 and any description is
/// dropped.
pub fn validate_action_input(input: &ActionInput) -> Result<ActionFields, Vec<FieldError>> {
    let mut errors = Errors(Vec::new());
    let description = errors.take(
        "description",
        text(&input.description, Field::Description, MAX_DESCRIPTION_CHARS, true, true),
    );
    let owner =
        errors.take("owner", text(&input.owner, Field::Owner, MAX_OWNER_CHARS, false, false));
    let start = errors.take("start", parse_date(input.start.as_deref(), Field::Start));
    let deadline = errors.take("deadline", parse_date(input.deadline.as_deref(), Field::Deadline));
    if let (Some(Some(start)), Some(Some(deadline))) = (start, deadline) {
        if deadline < start {
            errors.push("deadline", PlanError::DeadlineBeforeStart { start, deadline });
        }
    }
    let budget = errors.take("budget_cents", amount(input.budget_cents, Field::Budget));
    let criterion = errors.take(
        "success_criterion",
        text(&input.success_criterion, Field::SuccessCriterion, MAX_DESCRIPTION_CHARS, false, true),
    );
    let evidence = errors.take("evidence_url", evidence_url(&input.evidence_url));
    let contribution = contribution(&input.company_contribution, budget, &mut errors);
    match (description, owner, start, deadline, budget, criterion, evidence, contribution) {
        (
            Some(description),
            Some(owner),
            Some(start),
            Some(deadline),
            Some(budget_cents),
            Some(success_criterion),
            Some(evidence_url),
            Some(company_contribution),
        ) if errors.0.is_empty() => Ok(ActionFields {
            description,
            owner,
            start,
            deadline,
            budget_cents,
            company_contribution,
            success_criterion,
            status: input.status,
            evidence_url,
        }),
        _ => Err(errors.0),
    }
}

fn contribution(
    input: &ContributionInput,
    budget: Option<i64>,
    errors: &mut Errors,
) -> Option<Contribution> {
    const VALUE: &str = "company_contribution.value_cents";
    const DESCRIPTION: &str = "company_contribution.description";
    let value = errors.take(VALUE, amount(input.value_cents, Field::ContributionValue))?;
    match input.kind {
        ContributionKind::None if value != 0 => {
            errors.push(VALUE, PlanError::ValueWithoutKind { cents: value });
            None
        }
        ContributionKind::None => Some(Contribution::default()),
        kind => {
            let description = errors.take(
                DESCRIPTION,
                text(
                    &input.description,
                    Field::ContributionDescription,
                    MAX_DESCRIPTION_CHARS,
                    kind == ContributionKind::InKind,
                    true,
                ),
            );
            if value == 0 {
                errors.push(VALUE, PlanError::KindWithoutValue { kind });
                return None;
            }
            if let Some(budget) = budget.filter(|&b| value > b) {
                errors.push(
                    VALUE,
                    PlanError::ContributionAboveBudget {
                        contribution_cents: value,
                        budget_cents: budget,
                    },
                );
                return None;
            }
            Some(Contribution { kind, value_cents: value, description: description? })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    fn goal_input() -> GoalInput {
        GoalInput {
            title: "  Learning lines  ".into(),
            description: "Across\r\ngrades".into(),
            indicator_targets: vec![IndicatorTargetInput {
                indicator_id: "curriculum.i0".into(),
                current_level: Some(1),
                target_level: Some(3),
            }],
        }
    }

    fn action_input() -> ActionInput {
        ActionInput {
            description: "Design a grade 3 project".into(),
            owner: "An Peeters".into(),
            start: Some("2025-01-06".into()),
            deadline: Some("2025-03-31".into()),
            budget_cents: 150_000,
            company_contribution: ContributionInput {
                kind: ContributionKind::InKind,
                value_cents: 50_000,
                description: "Two engineers, one day".into(),
            },
            success_criterion: "Taught to all grade 3 classes".into(),
            status: ActionStatus::Planned,
            evidence_url: " https://school.example/plan ".into(),
        }
    }

    /// The only error of a failing validation, as (field path, error).
    fn only<T: fmt::Debug>(result: Result<T, Vec<FieldError>>) -> (String, PlanError) {
        let errors = result.unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        (errors[0].field.clone(), errors[0].error.clone())
    }

    #[test]
    fn valid_goal_is_cleaned() {
        let fields = validate_goal_input(&goal_input(), &rubric()).unwrap();
        assert_eq!(fields.title, "Learning lines");
        assert_eq!(fields.description, "Across\ngrades");
        assert_eq!(fields.indicator_targets, vec![target("curriculum.i0", Some(1), 3)]);
        let goal = fields.into_goal(7, 2);
        assert_eq!((goal.id, goal.position), (7, 2));
        let again = validate_goal_input(&GoalInput::from(&goal), &rubric()).unwrap();
        assert_eq!(again.into_goal(7, 2), goal);
    }

    #[test]
    fn goal_without_targets_is_allowed() {
        let mut input = goal_input();
        input.indicator_targets.clear();
        assert!(validate_goal_input(&input, &rubric()).is_ok());
    }

    #[test]
    fn goal_title_errors() {
        let r = rubric();
        let mut input = goal_input();
        input.title = "   ".into();
        assert_eq!(
            only(validate_goal_input(&input, &r)),
            ("title".into(), PlanError::Required { field: Field::Title })
        );
        input.title = "é".repeat(201);
        assert_eq!(
            only(validate_goal_input(&input, &r)),
            ("title".into(), PlanError::TooLong { field: Field::Title, chars: 201, max: 200 })
        );
        input.title = "é".repeat(200);
        assert!(validate_goal_input(&input, &r).is_ok());
        input.title = "two\nlines".into();
        assert_eq!(
            only(validate_goal_input(&input, &r)),
            ("title".into(), PlanError::ControlCharacter { field: Field::Title })
        );
    }

    #[test]
    fn goal_description_too_long() {
        let mut input = goal_input();
        input.description = "x".repeat(2001);
        assert_eq!(
            only(validate_goal_input(&input, &rubric())),
            (
                "description".into(),
                PlanError::TooLong { field: Field::Description, chars: 2001, max: 2000 }
            )
        );
    }

    #[test]
    fn goal_target_errors() {
        let r = rubric();
        let check = |t: IndicatorTargetInput| {
            let mut input = goal_input();
            input.indicator_targets.push(t);
            only(validate_goal_input(&input, &r))
        };
        let t = |id: &str, current: Option<i64>, target: Option<i64>| IndicatorTargetInput {
            indicator_id: id.into(),
            current_level: current,
            target_level: target,
        };
        assert_eq!(
            check(t("curriculum.nope", None, Some(3))),
            (
                "indicator_targets[1].indicator_id".into(),
                PlanError::UnknownIndicator { indicator_id: "curriculum.nope".into() }
            )
        );
        assert_eq!(
            check(t(" ", None, Some(3))),
            (
                "indicator_targets[1].indicator_id".into(),
                PlanError::Required { field: Field::IndicatorId }
            )
        );
        assert_eq!(
            check(t("curriculum.i0", None, Some(4))),
            (
                "indicator_targets[1].indicator_id".into(),
                PlanError::DuplicateIndicator { indicator_id: "curriculum.i0".into() }
            )
        );
        assert_eq!(
            check(t("pedagogy.i1", Some(2), Some(5))),
            (
                "indicator_targets[1].target_level".into(),
                PlanError::LevelOutOfRange { field: Field::TargetLevel, value: 5 }
            )
        );
        assert_eq!(
            check(t("pedagogy.i1", Some(2), Some(0))),
            (
                "indicator_targets[1].target_level".into(),
                PlanError::LevelOutOfRange { field: Field::TargetLevel, value: 0 }
            )
        );
        assert_eq!(
            check(t("pedagogy.i1", Some(-1), Some(3))),
            (
                "indicator_targets[1].current_level".into(),
                PlanError::LevelOutOfRange { field: Field::CurrentLevel, value: -1 }
            )
        );
        assert_eq!(
            check(t("pedagogy.i1", Some(2), None)),
            (
                "indicator_targets[1].target_level".into(),
                PlanError::Required { field: Field::TargetLevel }
            )
        );
        for (current, target) in [(3, 3), (3, 2)] {
            assert_eq!(
                check(t("pedagogy.i1", Some(current), Some(target))),
                (
                    "indicator_targets[1].target_level".into(),
                    PlanError::TargetNotAboveCurrent {
                        indicator_id: "pedagogy.i1".into(),
                        current: level(current as u8),
                        target: level(target as u8),
                    }
                )
            );
        }
        // An unknown current level (N/A) allows any target.
        let mut input = goal_input();
        input.indicator_targets.push(t("pedagogy.i1", None, Some(1)));
        assert!(validate_goal_input(&input, &r).is_ok());
    }

    #[test]
    fn goal_reports_every_error() {
        let input = GoalInput {
            title: String::new(),
            description: String::new(),
            indicator_targets: vec![IndicatorTargetInput {
                indicator_id: "x".into(),
                current_level: None,
                target_level: Some(9),
            }],
        };
        let fields: Vec<String> = validate_goal_input(&input, &rubric())
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec!["title", "indicator_targets[0].indicator_id", "indicator_targets[0].target_level"]
        );
    }

    #[test]
    fn valid_action_is_cleaned() {
        let fields = validate_action_input(&action_input()).unwrap();
        assert_eq!(fields.start, Some(date("2025-01-06")));
        assert_eq!(fields.evidence_url.as_deref(), Some("https://school.example/plan"));
        assert_eq!(fields.company_contribution.value_cents, 50_000);
        let action = fields.into_action(5, 1, 0);
        let again = validate_action_input(&ActionInput::from(&action)).unwrap();
        assert_eq!(again.into_action(5, 1, 0), action);

        let minimal = ActionInput { description: "Visit".into(), ..ActionInput::default() };
        let fields = validate_action_input(&minimal).unwrap();
        assert_eq!((fields.start, fields.deadline, fields.evidence_url), (None, None, None));
        let blank_dates =
            ActionInput { start: Some(" ".into()), deadline: Some(String::new()), ..minimal };
        assert!(validate_action_input(&blank_dates).is_ok());
    }

    #[test]
    fn action_text_errors() {
        let mut input = action_input();
        input.description = " ".into();
        assert_eq!(
            only(validate_action_input(&input)),
            ("description".into(), PlanError::Required { field: Field::Description })
        );
        let mut input = action_input();
        input.owner = "x".repeat(121);
        assert_eq!(
            only(validate_action_input(&input)),
            ("owner".into(), PlanError::TooLong { field: Field::Owner, chars: 121, max: 120 })
        );
        let mut input = action_input();
        input.success_criterion = "x".repeat(2001);
        assert_eq!(
            only(validate_action_input(&input)),
            (
                "success_criterion".into(),
                PlanError::TooLong { field: Field::SuccessCriterion, chars: 2001, max: 2000 }
            )
        );
        let mut input = action_input();
        input.description = "bell\u{7}".into();
        assert_eq!(
            only(validate_action_input(&input)),
            ("description".into(), PlanError::ControlCharacter { field: Field::Description })
        );
    }

    #[test]
    fn action_evidence_url_errors() {
        for bad in [
            "ftp://x.example",
            "javascript:alert(1)",
            "https://",
            "https:///path",
            "http://a b.example",
            "school.example",
        ] {
            let mut input = action_input();
            input.evidence_url = bad.into();
            assert_eq!(
                only(validate_action_input(&input)),
                ("evidence_url".into(), PlanError::NotHttpUrl { value: bad.into() }),
                "{bad}"
            );
        }
        let mut input = action_input();
        input.evidence_url = format!("https://x.example/{}", "a".repeat(490));
        assert_eq!(
            only(validate_action_input(&input)),
            (
                "evidence_url".into(),
                PlanError::TooLong { field: Field::EvidenceUrl, chars: 508, max: 500 }
            )
        );
        input.evidence_url = "HTTP://X.example?q=1".into();
        assert!(validate_action_input(&input).is_ok());
    }

    #[test]
    fn action_date_errors() {
        let mut input = action_input();
        input.start = Some("31/03/2025".into());
        assert_eq!(
            only(validate_action_input(&input)),
            (
                "start".into(),
                PlanError::NotADate { field: Field::Start, value: "31/03/2025".into() }
            )
        );
        let mut input = action_input();
        input.deadline = Some("2025-02-30".into());
        assert_eq!(
            only(validate_action_input(&input)),
            (
                "deadline".into(),
                PlanError::NoSuchDay { field: Field::Deadline, value: "2025-02-30".into() }
            )
        );
        let mut input = action_input();
        input.start = Some("2025-04-01".into());
        assert_eq!(
            only(validate_action_input(&input)),
            (
                "deadline".into(),
                PlanError::DeadlineBeforeStart {
                    start: date("2025-04-01"),
                    deadline: date("2025-03-31")
                }
            )
        );
        input.start = Some("2025-03-31".into());
        assert!(validate_action_input(&input).is_ok(), "same day is fine");
    }

    #[test]
    fn action_amount_errors() {
        let mut input = action_input();
        input.budget_cents = -1;
        let (field, error) = only(validate_action_input(&input));
        assert_eq!(field, "budget_cents");
        assert_eq!(error, PlanError::NegativeAmount { field: Field::Budget, cents: -1 });
        assert_eq!(error.to_string(), "the budget cannot be negative (-€0.01 given)");

        let mut input = action_input();
        input.budget_cents = MAX_AMOUNT_CENTS + 1;
        assert_eq!(
            only(validate_action_input(&input)),
            (
                "budget_cents".into(),
                PlanError::AmountTooLarge { field: Field::Budget, cents: MAX_AMOUNT_CENTS + 1 }
            )
        );
        input.budget_cents = MAX_AMOUNT_CENTS;
        assert!(validate_action_input(&input).is_ok());

        let mut input = action_input();
        input.company_contribution.value_cents = -5;
        assert_eq!(
            only(validate_action_input(&input)),
            (
                "company_contribution.value_cents".into(),
                PlanError::NegativeAmount { field: Field::ContributionValue, cents: -5 }
            )
        );
        input.company_contribution.value_cents = i64::MAX;
        assert_eq!(
            only(validate_action_input(&input)),
            (
                "company_contribution.value_cents".into(),
                PlanError::AmountTooLarge { field: Field::ContributionValue, cents: i64::MAX }
            )
        );
    }

    #[test]
    fn action_contribution_errors() {
        let mut input = action_input();
        input.company_contribution.kind = ContributionKind::None;
        let (field, error) = only(validate_action_input(&input));
        assert_eq!(field, "company_contribution.value_cents");
        assert_eq!(error, PlanError::ValueWithoutKind { cents: 50_000 });
        input.company_contribution.value_cents = 0;
        let fields = validate_action_input(&input).unwrap();
        assert_eq!(fields.company_contribution, Contribution::default(), "description dropped");

        let mut input = action_input();
        input.company_contribution.kind = ContributionKind::Money;
        input.company_contribution.value_cents = 0;
        assert_eq!(
            only(validate_action_input(&input)),
            (
                "company_contribution.value_cents".into(),
                PlanError::KindWithoutValue { kind: ContributionKind::Money }
            )
        );

        let mut input = action_input();
        input.company_contribution.description = String::new();
        assert_eq!(
            only(validate_action_input(&input)),
            (
                "company_contribution.description".into(),
                PlanError::Required { field: Field::ContributionDescription }
            )
        );
        input.company_contribution.kind = ContributionKind::Money;
        assert!(validate_action_input(&input).is_ok(), "money needs no description");

        let mut input = action_input();
        input.company_contribution.value_cents = 150_001;
        let (field, error) = only(validate_action_input(&input));
        assert_eq!(field, "company_contribution.value_cents");
        assert_eq!(
            error,
            PlanError::ContributionAboveBudget {
                contribution_cents: 150_001,
                budget_cents: 150_000
            }
        );
        assert!(error.to_string().starts_with(
            "the company contribution €1,500.01 is larger than the action's budget €1,500.00"
        ));
        input.company_contribution.value_cents = 150_000;
        assert!(validate_action_input(&input).is_ok());
    }

    #[test]
    fn field_errors_serialize_with_a_code() {
        let e = FieldError::new(
            "budget_cents",
            PlanError::NegativeAmount { field: Field::Budget, cents: -1 },
        );
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"field": "budget_cents", "error": {"code": "negative-amount", "field": "budget", "cents": -1}})
        );
        assert_eq!(serde_json::from_value::<FieldError>(json).unwrap(), e);
        let e = FieldError::new(
            "deadline",
            PlanError::DeadlineBeforeStart {
                start: date("2025-04-01"),
                deadline: date("2025-03-31"),
            },
        );
        assert_eq!(e.message(), "the deadline 2025-03-31 is before the start date 2025-04-01");
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<FieldError>(&json).unwrap(), e);
    }

    #[test]
    fn messages_name_field_and_value() {
        let msg = |e: PlanError| e.to_string();
        assert_eq!(msg(PlanError::Required { field: Field::Title }), "the title is required");
        assert_eq!(
            msg(PlanError::LevelOutOfRange { field: Field::TargetLevel, value: 7 }),
            "the target level 7 is out of range: a level is 1, 2, 3 or 4"
        );
        assert_eq!(
            msg(PlanError::TargetNotAboveCurrent {
                indicator_id: "pedagogy.i1".into(),
                current: level(3),
                target: level(2)
            }),
            "the target level 2 of indicator pedagogy.i1 must be higher than the current level 3"
        );
        assert_eq!(
            msg(PlanError::AmountTooLarge { field: Field::Budget, cents: 1_200_000_000 }),
            "the budget €12,000,000.00 is above the maximum of €10,000,000.00"
        );
        assert_eq!(
            msg(PlanError::KindWithoutValue { kind: ContributionKind::InKind }),
            "a company contribution in kind needs a value above €0.00"
        );
    }
}
