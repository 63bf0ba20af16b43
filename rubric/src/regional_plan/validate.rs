//! Validation of regional goal and action input as the API receives it: the
//! server checks every write with these functions against the region's
//! [`RegionDirectory`], and the frontend calls them for instant feedback.
//! Every problem is reported at its field (a JSON path), all at once.

use super::{CompanyContribution, LearningRoute, Organisation, RegionDirectory, RegionalAction, RegionalGoal};
use crate::plan::money::format_euro_en;
use crate::plan::{MAX_AMOUNT_CENTS, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// Most links from one goal or action to the schools' plans.
pub const MAX_LINKS: usize = 50;
/// Most companies contributing to one action.
pub const MAX_CONTRIBUTIONS: usize = 50;

/// A learning route as typed: both schools may still be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteInput {
    pub sending_school_id: Option<i64>,
    pub receiving_school_id: Option<i64>,
}

/// A regional goal as the create and update endpoints receive it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RegionalGoalInput {
    pub title: String,
    pub description: String,
    /// Present when the goal is a learning route.
    pub route: Option<RouteInput>,
    pub linked_school_goal_ids: Vec<i64>,
}

impl From<&RegionalGoal> for RegionalGoalInput {
    fn from(g: &RegionalGoal) -> RegionalGoalInput {
        RegionalGoalInput {
            title: g.title.clone(),
            description: g.description.clone(),
            route: g.route.map(|r| RouteInput { sending_school_id: Some(r.sending_school_id), receiving_school_id: Some(r.receiving_school_id) }),
            linked_school_goal_ids: g.linked_school_goal_ids.clone(),
        }
    }
}

/// One company's contribution as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContributionInput {
    pub company_id: Option<i64>,
    pub money_cents: i64,
    pub in_kind_cents: i64,
    pub in_kind_description: String,
}

/// A regional action as the endpoints receive it (its goal comes from the URL).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RegionalActionInput {
    pub description: String,
    pub owner: Option<Organisation>,
    pub budget_cents: i64,
    pub contributions: Vec<ContributionInput>,
    pub linked_school_action_ids: Vec<i64>,
}

impl From<&RegionalAction> for RegionalActionInput {
    fn from(a: &RegionalAction) -> RegionalActionInput {
        RegionalActionInput {
            description: a.description.clone(),
            owner: Some(a.owner),
            budget_cents: a.budget_cents,
            contributions: a
                .contributions
                .iter()
                .map(|c| ContributionInput {
                    company_id: Some(c.company_id),
                    money_cents: c.money_cents,
                    in_kind_cents: c.in_kind_cents,
                    in_kind_description: c.in_kind_description.clone(),
                })
                .collect(),
            linked_school_action_ids: a.linked_school_action_ids.clone(),
        }
    }
}

/// A validated goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionalGoalFields {
    pub title: String,
    pub description: String,
    pub route: Option<LearningRoute>,
    pub linked_school_goal_ids: Vec<i64>,
}

/// A validated action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionalActionFields {
    pub description: String,
    pub owner: Organisation,
    pub budget_cents: i64,
    pub contributions: Vec<CompanyContribution>,
    pub linked_school_action_ids: Vec<i64>,
}

/// The fields of the input, to name them in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegionalField {
    Title,
    Description,
    SendingSchool,
    ReceivingSchool,
    Owner,
    Budget,
    Company,
    Money,
    InKind,
    InKindDescription,
    Links,
}

impl RegionalField {
    /// How an English message names the field.
    pub fn label(self) -> &'static str {
        match self {
            RegionalField::Title => "title",
            RegionalField::Description => "description",
            RegionalField::SendingSchool => "sending school",
            RegionalField::ReceivingSchool => "receiving school",
            RegionalField::Owner => "owner",
            RegionalField::Budget => "budget",
            RegionalField::Company => "company",
            RegionalField::Money => "contribution in money",
            RegionalField::InKind => "contribution in kind",
            RegionalField::InKindDescription => "description of the contribution in kind",
            RegionalField::Links => "links to school plans",
        }
    }
}

impl fmt::Display for RegionalField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What is wrong with one field. Sent whole with a refusal (the field
/// problem's `detail`) so the frontend words it in its own language; JSON
/// externally tagged (`"same-school"`, `{"too-long": {..}}`), whose
/// deserializer is several times smaller in the web apps than an
/// internally tagged one's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegionalPlanError {
    #[error("the {field} is required")]
    Required { field: RegionalField },
    #[error("the {field} is {chars} characters long; at most {max} are allowed")]
    TooLong { field: RegionalField, chars: usize, max: usize },
    #[error("the {field} contains a line break or another control character")]
    ControlCharacter { field: RegionalField },
    #[error("the {field} is not a school of this region")]
    SchoolNotInRegion { field: RegionalField },
    #[error("a learning route goes from one school to another: the sending and the receiving school are the same")]
    SameSchool,
    #[error("the owner is not a school, company or partner of this region")]
    OwnerNotInRegion,
    #[error("the company is not a company of this region")]
    CompanyNotInRegion,
    #[error("this company is listed twice on this action; give it one line with money and in kind together")]
    DuplicateCompany,
    #[error("the contribution has no value: give an amount in money or in kind above €0.00, or remove the company")]
    EmptyContribution,
    #[error("the {field} cannot be negative ({} given)", format_euro_en(*.cents))]
    NegativeAmount { field: RegionalField, cents: i64 },
    #[error("the {field} {} is above the maximum of {}", format_euro_en(*.cents), format_euro_en(MAX_AMOUNT_CENTS))]
    AmountTooLarge { field: RegionalField, cents: i64 },
    #[error("the companies contribute {} but the action's budget is {}; the budget is the action's total cost, company contributions included", format_euro_en(*.contribution_cents), format_euro_en(*.budget_cents))]
    ContributionsAboveBudget { contribution_cents: i64, budget_cents: i64 },
    #[error("{count} items are more than the {max} allowed")]
    TooMany { count: usize, max: usize },
    #[error("a linked school plan item ({id}) is not of a school of this region")]
    LinkNotInRegion { id: i64 },
    #[error("the school plan item {id} is linked twice")]
    DuplicateLink { id: i64 },
}

impl RegionalPlanError {
    /// The code a refusal names this problem by, for one only the server
    /// can see: something no longer of the region (the page's list of the
    /// region's schools, companies, partners and school plan items was
    /// older). The form checks the others before it sends, with these
    /// same rules.
    pub fn field_code(&self) -> Option<crate::errors::FieldCode> {
        match self {
            RegionalPlanError::SchoolNotInRegion { .. }
            | RegionalPlanError::OwnerNotInRegion
            | RegionalPlanError::CompanyNotInRegion
            | RegionalPlanError::LinkNotInRegion { .. } => Some(crate::errors::FieldCode::NotInRegion),
            _ => None,
        }
    }
}

/// A problem at one field, by its JSON path (`title`,
/// `route.receiving_school_id`, `contributions[1].money_cents`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("{error}")]
pub struct RegionalFieldError {
    pub field: String,
    pub error: RegionalPlanError,
}

struct Errors(Vec<RegionalFieldError>);

impl Errors {
    fn push(&mut self, field: impl Into<String>, error: RegionalPlanError) {
        self.0.push(RegionalFieldError { field: field.into(), error });
    }

    fn take<T>(&mut self, field: impl Into<String>, r: Result<T, RegionalPlanError>) -> Option<T> {
        r.map_err(|e| self.push(field, e)).ok()
    }

    fn finish<T>(self, value: Option<T>) -> Result<T, Vec<RegionalFieldError>> {
        match value {
            Some(v) if self.0.is_empty() => Ok(v),
            _ => Err(self.0),
        }
    }
}

/// Trim and check a text; line breaks only where `multiline`.
fn text(raw: &str, field: RegionalField, max: usize, required: bool, multiline: bool) -> Result<String, RegionalPlanError> {
    let value = raw.trim().replace("\r\n", "\n");
    if value.is_empty() && required {
        return Err(RegionalPlanError::Required { field });
    }
    let chars = value.chars().count();
    if chars > max {
        return Err(RegionalPlanError::TooLong { field, chars, max });
    }
    if value.chars().any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t'))) {
        return Err(RegionalPlanError::ControlCharacter { field });
    }
    Ok(value)
}

fn amount(cents: i64, field: RegionalField) -> Result<i64, RegionalPlanError> {
    if cents < 0 {
        Err(RegionalPlanError::NegativeAmount { field, cents })
    } else if cents > MAX_AMOUNT_CENTS {
        Err(RegionalPlanError::AmountTooLarge { field, cents })
    } else {
        Ok(cents)
    }
}

/// Links: at most [`MAX_LINKS`], each once, each in `allowed`.
fn links(errors: &mut Errors, field: &str, ids: &[i64], allowed: &BTreeSet<i64>) -> Option<Vec<i64>> {
    if ids.len() > MAX_LINKS {
        errors.push(field, RegionalPlanError::TooMany { count: ids.len(), max: MAX_LINKS });
        return None;
    }
    let mut seen = BTreeSet::new();
    let mut ok = true;
    for (i, &id) in ids.iter().enumerate() {
        if !allowed.contains(&id) {
            errors.push(format!("{field}[{i}]"), RegionalPlanError::LinkNotInRegion { id });
            ok = false;
        } else if !seen.insert(id) {
            errors.push(format!("{field}[{i}]"), RegionalPlanError::DuplicateLink { id });
            ok = false;
        }
    }
    ok.then(|| ids.to_vec())
}

fn route_school(id: Option<i64>, field: RegionalField, region: &RegionDirectory) -> Result<i64, RegionalPlanError> {
    match id {
        None => Err(RegionalPlanError::Required { field }),
        Some(id) if region.has(Organisation::School(id)) => Ok(id),
        Some(_) => Err(RegionalPlanError::SchoolNotInRegion { field }),
    }
}

/// Check a goal against the region.
pub fn validate_regional_goal(input: &RegionalGoalInput, region: &RegionDirectory) -> Result<RegionalGoalFields, Vec<RegionalFieldError>> {
    let mut e = Errors(Vec::new());
    let title = e.take("title", text(&input.title, RegionalField::Title, MAX_TITLE_CHARS, true, false));
    let description = e.take("description", text(&input.description, RegionalField::Description, MAX_DESCRIPTION_CHARS, false, true));
    let route = match input.route {
        None => Some(None),
        Some(r) => {
            let sending = e.take("route.sending_school_id", route_school(r.sending_school_id, RegionalField::SendingSchool, region));
            let receiving = e.take("route.receiving_school_id", route_school(r.receiving_school_id, RegionalField::ReceivingSchool, region));
            match (sending, receiving) {
                (Some(s), Some(r)) if s == r => {
                    e.push("route.receiving_school_id", RegionalPlanError::SameSchool);
                    None
                }
                (Some(sending_school_id), Some(receiving_school_id)) => Some(Some(LearningRoute { sending_school_id, receiving_school_id })),
                _ => None,
            }
        }
    };
    let linked = links(&mut e, "linked_school_goal_ids", &input.linked_school_goal_ids, &region.school_goal_ids);
    let fields = (|| {
        Some(RegionalGoalFields { title: title?, description: description?, route: route?, linked_school_goal_ids: linked? })
    })();
    e.finish(fields)
}

/// Check an action against the region.
pub fn validate_regional_action(input: &RegionalActionInput, region: &RegionDirectory) -> Result<RegionalActionFields, Vec<RegionalFieldError>> {
    let mut e = Errors(Vec::new());
    let description = e.take("description", text(&input.description, RegionalField::Description, MAX_DESCRIPTION_CHARS, true, true));
    let owner = e.take(
        "owner",
        match input.owner {
            None => Err(RegionalPlanError::Required { field: RegionalField::Owner }),
            Some(o) if region.has(o) => Ok(o),
            Some(_) => Err(RegionalPlanError::OwnerNotInRegion),
        },
    );
    let budget = e.take("budget_cents", amount(input.budget_cents, RegionalField::Budget));
    let mut contributions = Some(Vec::new());
    if input.contributions.len() > MAX_CONTRIBUTIONS {
        e.push("contributions", RegionalPlanError::TooMany { count: input.contributions.len(), max: MAX_CONTRIBUTIONS });
        contributions = None;
    } else {
        let mut seen = BTreeSet::new();
        for (i, c) in input.contributions.iter().enumerate() {
            let at = |f: &str| format!("contributions[{i}].{f}");
            let company = e.take(
                at("company_id"),
                match c.company_id {
                    None => Err(RegionalPlanError::Required { field: RegionalField::Company }),
                    Some(id) if !region.has(Organisation::Company(id)) => Err(RegionalPlanError::CompanyNotInRegion),
                    Some(id) if !seen.insert(id) => Err(RegionalPlanError::DuplicateCompany),
                    Some(id) => Ok(id),
                },
            );
            let money = e.take(at("money_cents"), amount(c.money_cents, RegionalField::Money));
            let in_kind = e.take(at("in_kind_cents"), amount(c.in_kind_cents, RegionalField::InKind));
            let in_kind_description = e.take(
                at("in_kind_description"),
                text(&c.in_kind_description, RegionalField::InKindDescription, MAX_DESCRIPTION_CHARS, c.in_kind_cents > 0, true),
            );
            let entry = match (company, money, in_kind, in_kind_description) {
                (Some(_), Some(0), Some(0), Some(_)) => {
                    e.push(at("money_cents"), RegionalPlanError::EmptyContribution);
                    None
                }
                (Some(company_id), Some(money_cents), Some(in_kind_cents), Some(in_kind_description)) => {
                    Some(CompanyContribution { company_id, money_cents, in_kind_cents, in_kind_description })
                }
                _ => None,
            };
            match (entry, contributions.as_mut()) {
                (Some(entry), Some(list)) => list.push(entry),
                _ => contributions = None,
            }
        }
    }
    if let (Some(budget_cents), Some(list)) = (budget, contributions.as_ref()) {
        let contribution_cents = list.iter().map(CompanyContribution::total_cents).fold(0i64, i64::saturating_add);
        if contribution_cents > budget_cents {
            e.push("budget_cents", RegionalPlanError::ContributionsAboveBudget { contribution_cents, budget_cents });
        }
    }
    let linked = links(&mut e, "linked_school_action_ids", &input.linked_school_action_ids, &region.school_action_ids);
    let fields = (|| {
        Some(RegionalActionFields { description: description?, owner: owner?, budget_cents: budget?, contributions: contributions?, linked_school_action_ids: linked? })
    })();
    e.finish(fields)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::directory;
    use super::*;
    use proptest::prelude::*;

    fn errors_of<T: fmt::Debug>(r: Result<T, Vec<RegionalFieldError>>) -> Vec<(String, RegionalPlanError)> {
        r.unwrap_err().into_iter().map(|e| (e.field, e.error)).collect()
    }

    fn route_goal(sending: Option<i64>, receiving: Option<i64>) -> RegionalGoalInput {
        RegionalGoalInput {
            title: "Doorlopende leerroute metaal".into(),
            route: Some(RouteInput { sending_school_id: sending, receiving_school_id: receiving }),
            ..Default::default()
        }
    }

    #[test]
    fn a_learning_route_names_two_schools_of_the_region() {
        let d = directory();
        let ok = validate_regional_goal(&route_goal(Some(1), Some(2)), &d).unwrap();
        assert_eq!(ok.route, Some(LearningRoute { sending_school_id: 1, receiving_school_id: 2 }));
        assert_eq!(
            errors_of(validate_regional_goal(&route_goal(Some(1), Some(1)), &d)),
            vec![("route.receiving_school_id".to_string(), RegionalPlanError::SameSchool)]
        );
        assert_eq!(
            errors_of(validate_regional_goal(&route_goal(None, Some(7)), &d)),
            vec![
                ("route.sending_school_id".to_string(), RegionalPlanError::Required { field: RegionalField::SendingSchool }),
                ("route.receiving_school_id".to_string(), RegionalPlanError::SchoolNotInRegion { field: RegionalField::ReceivingSchool }),
            ]
        );
        // A company is not a school, even with a school's id number.
        assert!(validate_regional_goal(&route_goal(Some(10), Some(2)), &d).is_err());
    }

    #[test]
    fn goal_text_and_links_are_checked() {
        let d = directory();
        let input = RegionalGoalInput { title: "  ".into(), description: "x".repeat(2001), route: None, linked_school_goal_ids: vec![100, 100, 555] };
        let errs = errors_of(validate_regional_goal(&input, &d));
        assert_eq!(errs[0], ("title".into(), RegionalPlanError::Required { field: RegionalField::Title }));
        assert!(matches!(errs[1].1, RegionalPlanError::TooLong { max: 2000, .. }));
        assert_eq!(errs[2], ("linked_school_goal_ids[1]".into(), RegionalPlanError::DuplicateLink { id: 100 }));
        assert_eq!(errs[3], ("linked_school_goal_ids[2]".into(), RegionalPlanError::LinkNotInRegion { id: 555 }));
        let ok = validate_regional_goal(&RegionalGoalInput { title: " Techniek in het po ".into(), linked_school_goal_ids: vec![101], ..Default::default() }, &d).unwrap();
        assert_eq!((ok.title.as_str(), ok.route, ok.linked_school_goal_ids), ("Techniek in het po", None, vec![101]));
    }

    fn contribution(company: i64, money: i64, in_kind: i64, what: &str) -> ContributionInput {
        ContributionInput { company_id: Some(company), money_cents: money, in_kind_cents: in_kind, in_kind_description: what.into() }
    }

    #[test]
    fn an_action_with_two_companies_is_valid() {
        let d = directory();
        let input = RegionalActionInput {
            description: "Gezamenlijk practicumlokaal".into(),
            owner: Some(Organisation::Partner(20)),
            budget_cents: 1_000_000,
            contributions: vec![contribution(10, 50_000, 0, ""), contribution(11, 0, 60_000, "Lasapparatuur")],
            linked_school_action_ids: vec![200],
        };
        let ok = validate_regional_action(&input, &d).unwrap();
        assert_eq!(ok.owner, Organisation::Partner(20));
        assert_eq!(ok.contributions.len(), 2);
        assert_eq!(ok.contributions[1].in_kind_description, "Lasapparatuur");
    }

    #[test]
    fn action_problems_are_named_at_their_fields() {
        let d = directory();
        let input = RegionalActionInput {
            description: String::new(),
            owner: Some(Organisation::School(99)),
            budget_cents: 10_000,
            contributions: vec![
                contribution(10, 8_000, 0, ""),
                contribution(10, 1, 0, ""),
                contribution(12, 1, 0, ""),
                contribution(11, 0, 5_000, ""),
                contribution(11, -1, 0, ""),
            ],
            linked_school_action_ids: vec![],
        };
        let errs = errors_of(validate_regional_action(&input, &d));
        let at = |f: &str| errs.iter().find(|(p, _)| p == f).map(|(_, e)| e.clone());
        assert_eq!(at("description"), Some(RegionalPlanError::Required { field: RegionalField::Description }));
        assert_eq!(at("owner"), Some(RegionalPlanError::OwnerNotInRegion));
        assert_eq!(at("contributions[1].company_id"), Some(RegionalPlanError::DuplicateCompany));
        assert_eq!(at("contributions[2].company_id"), Some(RegionalPlanError::CompanyNotInRegion));
        assert_eq!(at("contributions[3].in_kind_description"), Some(RegionalPlanError::Required { field: RegionalField::InKindDescription }));
        assert_eq!(at("contributions[4].money_cents"), Some(RegionalPlanError::NegativeAmount { field: RegionalField::Money, cents: -1 }));
        let msg = RegionalPlanError::NegativeAmount { field: RegionalField::Money, cents: -1 }.to_string();
        assert_eq!(msg, "the contribution in money cannot be negative (-€0.01 given)");
    }

    #[test]
    fn contributions_above_the_budget_and_empty_ones_are_refused() {
        let d = directory();
        let mut input = RegionalActionInput {
            description: "Stage".into(),
            owner: Some(Organisation::Company(10)),
            budget_cents: 10_000,
            contributions: vec![contribution(10, 6_000, 0, ""), contribution(11, 0, 4_001, "Begeleiding")],
            linked_school_action_ids: vec![],
        };
        assert_eq!(
            errors_of(validate_regional_action(&input, &d)),
            vec![("budget_cents".to_string(), RegionalPlanError::ContributionsAboveBudget { contribution_cents: 10_001, budget_cents: 10_000 })]
        );
        input.contributions[1].in_kind_cents = 4_000;
        assert!(validate_regional_action(&input, &d).is_ok());
        input.contributions.push(contribution(11, 0, 0, ""));
        input.contributions.remove(1);
        assert_eq!(
            errors_of(validate_regional_action(&input, &d)),
            vec![("contributions[1].money_cents".to_string(), RegionalPlanError::EmptyContribution)]
        );
        input.owner = None;
        input.budget_cents = MAX_AMOUNT_CENTS + 1;
        let errs = errors_of(validate_regional_action(&input, &d));
        assert_eq!(errs[0].1, RegionalPlanError::Required { field: RegionalField::Owner });
        assert!(matches!(errs[1].1, RegionalPlanError::AmountTooLarge { .. }));
    }

    #[test]
    fn what_only_the_server_sees_is_named_by_a_code() {
        use crate::errors::FieldCode;
        let field = RegionalField::ReceivingSchool;
        assert_eq!(RegionalPlanError::SchoolNotInRegion { field }.field_code(), Some(FieldCode::NotInRegion));
        assert_eq!(RegionalPlanError::OwnerNotInRegion.field_code(), Some(FieldCode::NotInRegion));
        assert_eq!(RegionalPlanError::CompanyNotInRegion.field_code(), Some(FieldCode::NotInRegion));
        assert_eq!(RegionalPlanError::LinkNotInRegion { id: 5 }.field_code(), Some(FieldCode::NotInRegion));
        assert_eq!(RegionalPlanError::SameSchool.field_code(), None);
        assert_eq!(RegionalPlanError::Required { field }.field_code(), None);
    }

    #[test]
    fn errors_travel_by_their_name_and_read_back() {
        let e = RegionalFieldError { field: "route.receiving_school_id".into(), error: RegionalPlanError::SameSchool };
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["error"], "same-school");
        let long = RegionalPlanError::TooLong { field: RegionalField::Title, chars: 300, max: 200 };
        let json = serde_json::to_string(&long).unwrap();
        assert_eq!(json, r#"{"too-long":{"field":"title","chars":300,"max":200}}"#);
        assert_eq!(serde_json::from_str::<RegionalPlanError>(&json).unwrap(), long);
    }

    proptest! {
        /// A route validates exactly when both schools are set, of the
        /// region, and different; and then it keeps them in order.
        #[test]
        fn route_validation_is_exact(sending in proptest::option::of(0i64..4), receiving in proptest::option::of(0i64..4)) {
            let d = directory();
            let in_region = |id: Option<i64>| id.is_some_and(|id| d.schools.contains_key(&id));
            let expect_ok = in_region(sending) && in_region(receiving) && sending != receiving;
            let result = validate_regional_goal(&route_goal(sending, receiving), &d);
            prop_assert_eq!(result.is_ok(), expect_ok);
            if let Ok(fields) = result {
                let route = fields.route.unwrap();
                prop_assert_eq!(Some(route.sending_school_id), sending);
                prop_assert_eq!(Some(route.receiving_school_id), receiving);
            } else if let Err(errors) = result {
                prop_assert!(errors.iter().all(|e| e.field.starts_with("route.")));
            }
        }

        /// Valid contributions never add up to more than the budget.
        #[test]
        fn validated_contributions_fit_the_budget(budget in 0i64..100_000, amounts in prop::collection::vec((0i64..60_000, 0i64..60_000), 0..2)) {
            let d = directory();
            let input = RegionalActionInput {
                description: "A".into(),
                owner: Some(Organisation::School(1)),
                budget_cents: budget,
                contributions: amounts.iter().enumerate().map(|(i, &(m, k))| contribution(10 + i as i64, m, k, "x")).collect(),
                linked_school_action_ids: vec![],
            };
            if let Ok(fields) = validate_regional_action(&input, &d) {
                let total: i64 = fields.contributions.iter().map(|c| c.total_cents()).sum();
                prop_assert!(total <= fields.budget_cents);
                prop_assert!(fields.contributions.iter().all(|c| c.total_cents() > 0));
            }
        }
    }
}
