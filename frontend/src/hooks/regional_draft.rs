//! The regional plan's action form as typed (amounts as text in the
//! interface language) and its conversion to the API input, with the
//! amount errors at their fields; plus the live preview of the cofinancing
//! with the action being typed. Pure: native unit tests.

use crate::i18n::regional_plan::{error_message, RP};
use crate::i18n::{Lang, Text};
use rubric::plan::money::{format_euro, parse_euro};
use rubric::regional_plan::{
    validate_regional_action, validate_regional_goal, CompanyContribution, ContributionInput, Organisation, RegionDirectory,
    RegionalAction, RegionalActionInput, RegionalCofinancing, RegionalFieldError, RegionalGoalInput, RegionalPlan,
};

/// Field errors by path, as `components::form` shows them.
pub type Errors = Vec<(String, String)>;

/// One company's line as typed.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct ContributionDraft {
    pub company_id: Option<i64>,
    pub money: String,
    pub in_kind: String,
    pub in_kind_description: String,
}

/// The action form as typed (kept on the device until saved or cancelled).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct ActionDraft {
    pub description: String,
    pub owner: Option<Organisation>,
    pub budget: String,
    pub contributions: Vec<ContributionDraft>,
    pub linked_school_action_ids: Vec<i64>,
}

/// An amount field: empty is zero.
fn amount(text: &str, lang: Lang) -> Result<i64, ()> {
    if text.trim().is_empty() {
        Ok(0)
    } else {
        parse_euro(text, lang).map_err(|_| ())
    }
}

/// An amount as the form shows it: empty for zero, else without the sign
/// (`1.234,50`).
fn shown(cents: i64, lang: Lang) -> String {
    if cents == 0 {
        String::new()
    } else {
        format_euro(cents, lang).trim_start_matches('€').trim().to_string()
    }
}

impl ActionDraft {
    /// The form for an existing action.
    pub fn of(action: &RegionalAction, lang: Lang) -> ActionDraft {
        ActionDraft {
            description: action.description.clone(),
            owner: Some(action.owner),
            budget: shown(action.budget_cents, lang),
            contributions: action
                .contributions
                .iter()
                .map(|c| ContributionDraft {
                    company_id: Some(c.company_id),
                    money: shown(c.money_cents, lang),
                    in_kind: shown(c.in_kind_cents, lang),
                    in_kind_description: c.in_kind_description.clone(),
                })
                .collect(),
            linked_school_action_ids: action.linked_school_action_ids.clone(),
        }
    }

    /// The API input, or the fields whose amount is not an amount.
    pub fn input(&self, lang: Lang) -> Result<RegionalActionInput, Errors> {
        let mut errors = Errors::new();
        let mut take = |field: String, text: &str| {
            amount(text, lang).unwrap_or_else(|()| {
                errors.push((field, RP::NotAnAmount.t(lang).to_string()));
                0
            })
        };
        let budget_cents = take("budget_cents".into(), &self.budget);
        let contributions = self
            .contributions
            .iter()
            .enumerate()
            .map(|(i, c)| ContributionInput {
                company_id: c.company_id,
                money_cents: take(format!("contributions[{i}].money_cents"), &c.money),
                in_kind_cents: take(format!("contributions[{i}].in_kind_cents"), &c.in_kind),
                in_kind_description: c.in_kind_description.clone(),
            })
            .collect();
        let input = RegionalActionInput {
            description: self.description.clone(),
            owner: self.owner,
            budget_cents,
            contributions,
            linked_school_action_ids: self.linked_school_action_ids.clone(),
        };
        if errors.is_empty() {
            Ok(input)
        } else {
            Err(errors)
        }
    }
}

/// Rule errors in the interface language.
pub fn worded(errors: Vec<RegionalFieldError>, lang: Lang) -> Errors {
    errors.into_iter().map(|e| (e.field, error_message(&e.error, lang))).collect()
}

/// Check an action form: amounts first, then the region's rules.
pub fn check_action(draft: &ActionDraft, region: &RegionDirectory, lang: Lang) -> Result<RegionalActionInput, Errors> {
    let input = draft.input(lang)?;
    validate_regional_action(&input, region).map_err(|e| worded(e, lang))?;
    Ok(input)
}

/// Check a goal form against the region's rules.
pub fn check_goal(input: &RegionalGoalInput, region: &RegionDirectory, lang: Lang) -> Result<(), Errors> {
    validate_regional_goal(input, region).map(|_| ()).map_err(|e| worded(e, lang))
}

/// The cofinancing as it would be with the action being typed (`editing`:
/// its id for an edit, `None` for a new one under `goal_id`); `None` while
/// its amounts do not parse.
pub fn preview(plan: &RegionalPlan, threshold: u32, goal_id: i64, editing: Option<i64>, draft: &ActionDraft, lang: Lang) -> Option<RegionalCofinancing> {
    let input = draft.input(lang).ok()?;
    let mut plan = plan.clone();
    let action = RegionalAction {
        id: editing.unwrap_or(-1),
        goal_id,
        description: input.description,
        owner: input.owner.unwrap_or(Organisation::School(0)),
        budget_cents: input.budget_cents.max(0),
        contributions: input
            .contributions
            .into_iter()
            .map(|c| CompanyContribution {
                company_id: c.company_id.unwrap_or(0),
                money_cents: c.money_cents.max(0),
                in_kind_cents: c.in_kind_cents.max(0),
                in_kind_description: c.in_kind_description,
            })
            .collect(),
        linked_school_action_ids: vec![],
        position: u32::MAX,
        version: 0,
    };
    plan.actions.retain(|a| Some(a.id) != editing);
    plan.actions.push(action);
    Some(rubric::regional_plan::regional_cofinancing(&plan, threshold))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn region() -> RegionDirectory {
        RegionDirectory {
            schools: BTreeMap::from([(1, "Vmbo".to_string())]),
            companies: BTreeMap::from([(10, "Metaal BV".to_string())]),
            ..Default::default()
        }
    }

    fn draft(budget: &str, money: &str) -> ActionDraft {
        ActionDraft {
            description: "Lasles".into(),
            owner: Some(Organisation::School(1)),
            budget: budget.into(),
            contributions: vec![ContributionDraft { company_id: Some(10), money: money.into(), ..Default::default() }],
            linked_school_action_ids: vec![],
        }
    }

    #[test]
    fn dutch_amounts_become_cents() {
        let input = draft("10.000", "999,99").input(Lang::Nl).unwrap();
        assert_eq!((input.budget_cents, input.contributions[0].money_cents, input.contributions[0].in_kind_cents), (1_000_000, 99_999, 0));
        let errs = draft("tien", "5,555").input(Lang::Nl).unwrap_err();
        assert_eq!(errs.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(), vec!["budget_cents", "contributions[0].money_cents"]);
    }

    #[test]
    fn rule_errors_are_worded_in_dutch() {
        let errs = check_action(&draft("100", "200"), &region(), Lang::Nl).unwrap_err();
        assert_eq!(errs[0].0, "budget_cents");
        assert!(errs[0].1.starts_with("De bedrijven dragen € 200,00 bij"), "{}", errs[0].1);
        assert!(check_action(&draft("1.000", "100"), &region(), Lang::Nl).is_ok());
    }

    #[test]
    fn an_existing_action_reads_back_the_same() {
        let input = draft("1.234,50", "100").input(Lang::Nl).unwrap();
        let fields = validate_regional_action(&input, &region()).unwrap();
        let action = RegionalAction {
            id: 3, goal_id: 1, description: fields.description, owner: fields.owner, budget_cents: fields.budget_cents,
            contributions: fields.contributions, linked_school_action_ids: vec![], position: 0, version: 1,
        };
        assert_eq!(ActionDraft::of(&action, Lang::Nl).input(Lang::Nl).unwrap(), input);
        assert_eq!(ActionDraft::of(&action, Lang::Nl).budget, "1.234,50");
    }

    #[test]
    fn the_preview_counts_the_action_being_typed() {
        let plan = RegionalPlan { region_id: 1, goals: vec![], actions: vec![] };
        let c = preview(&plan, 10, 1, None, &draft("1.000", "100"), Lang::Nl).unwrap();
        assert_eq!(c.met(), Some(true));
        let c = preview(&plan, 10, 1, None, &draft("1.000", "99,99"), Lang::Nl).unwrap();
        assert_eq!(c.met(), Some(false));
        assert!(preview(&plan, 10, 1, None, &draft("x", "1"), Lang::Nl).is_none());
    }
}
