//! Which rubric an edition measures with: the versions on offer, the one a
//! new edition gets, the rubric (and its JSON) of a version, and the rules
//! for choosing and changing an edition's version. The content itself lives
//! in [`crate::content`]; this module only picks from it.

use crate::content::Rubric;

/// The version of editions created before the choice existed (and of
/// exchange files that do not say).
pub const FIRST: u32 = 1;

/// Every rubric version the programme offers, oldest first.
pub fn available() -> Vec<u32> {
    vec![crate::current_rubric().version]
}

/// The version a new edition gets unless the coordinator picks another:
/// the newest.
pub fn default_for_new_edition() -> u32 {
    available().into_iter().max().unwrap_or(FIRST)
}

/// The rubric of `version`, if the programme has it.
pub fn rubric_of(version: u32) -> Option<&'static Rubric> {
    let current = crate::current_rubric();
    (current.version == version).then_some(current)
}

/// The rubric file of `version` as text, to serve it unparsed.
pub fn rubric_json_of(version: u32) -> Option<&'static str> {
    rubric_of(version).map(|_| crate::content::current_json())
}

/// Why an edition cannot measure with the chosen rubric version.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RubricVersionError {
    #[error("there is no rubric version {version}; choose one of {known}")]
    Unknown { version: u32, known: String },
    #[error("the rubric version cannot change to {wanted}: {answers} answers were already given on version {current} in a measurement that is still open; close that measurement first")]
    AnswersGiven { current: u32, wanted: u32, answers: i64 },
}

/// `version` if the programme offers it.
pub fn check_choice(version: u32) -> Result<u32, RubricVersionError> {
    if rubric_of(version).is_some() {
        return Ok(version);
    }
    let known = available().iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    Err(RubricVersionError::Unknown { version, known })
}

/// Whether an edition on `current` may move to `wanted` when its open
/// measurements hold `open_answers` answers. Measurements keep the version
/// they were opened on (a closed nulmeting on v1 stays v1); the edition's
/// version is what its measurements open with from now on, so a change is
/// refused only while someone is answering on the old version.
pub fn check_change(current: u32, wanted: u32, open_answers: i64) -> Result<u32, RubricVersionError> {
    let wanted = check_choice(wanted)?;
    if wanted != current && open_answers > 0 {
        return Err(RubricVersionError::AnswersGiven { current, wanted, answers: open_answers });
    }
    Ok(wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_available_version_has_its_rubric_and_json() {
        for v in available() {
            let rubric = rubric_of(v).expect("offered version has a rubric");
            assert_eq!(rubric.version, v);
            let json = rubric_json_of(v).expect("offered version has its file");
            assert_eq!(Rubric::from_json(json).map(|r| r.version).ok(), Some(v));
        }
        assert!(available().contains(&FIRST));
        assert!(available().contains(&default_for_new_edition()));
        assert_eq!(rubric_of(99), None);
    }

    #[test]
    fn an_unknown_version_is_refused_with_the_known_ones() {
        let err = check_choice(99).unwrap_err();
        assert!(err.to_string().contains("no rubric version 99"), "{err}");
        assert!(err.to_string().contains(&FIRST.to_string()), "{err}");
    }

    #[test]
    fn a_change_is_refused_only_while_answers_are_open() {
        let v = default_for_new_edition();
        assert_eq!(check_change(FIRST, v, 0), Ok(v));
        // Keeping the version is always fine.
        assert_eq!(check_change(v, v, 12), Ok(v));
        if v != FIRST {
            assert!(matches!(check_change(FIRST, v, 3), Err(RubricVersionError::AnswersGiven { answers: 3, .. })));
        }
        assert!(matches!(check_change(FIRST, 99, 0), Err(RubricVersionError::Unknown { .. })));
    }
}
