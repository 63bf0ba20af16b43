//! The parts of the regional plan editor (issue 17): the live cofinancing
//! panel, the goal form (with the learning route) and the action form
//! (owner, budget, the companies' contributions).

pub mod action_form;
pub mod cofinancing_panel;
pub mod goal_form;
