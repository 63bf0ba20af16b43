//! The dossier's rules: validation with its limits, the sign-off state
//! machine, and a proptest over random edit and sign sequences.

use super::*;
use proptest::prelude::*;

fn actor(id: i64) -> Actor {
    Actor { person_id: id, name: format!("person {id}"), at: 1_700_000_000 + id }
}

fn complete() -> Dossier {
    let mut d = Dossier::default();
    let school = SchoolPart { plan_version: Some(1), text: "Onze school".into(), summary: "Kort".into(), evidence: vec![] };
    d.set_school_part(school, &actor(1)).unwrap();
    d.set_company_part(CompanyPart { text: "Wij dragen bij".into() }, &actor(2)).unwrap();
    d
}

#[test]
fn a_new_dossier_is_not_started_and_a_change_starts_it() {
    let mut d = Dossier::default();
    assert_eq!(d.status(), DossierStatus::NotStarted);
    let outcome = d.set_company_part(CompanyPart { text: "x".into() }, &actor(2)).unwrap();
    assert!(outcome.changed);
    assert!(outcome.withdrawn.is_empty());
    assert_eq!(d.status(), DossierStatus::InProgress);
    assert_eq!((d.revision, d.company_version, d.school_version), (1, 1, 0));
}

#[test]
fn an_unchanged_save_changes_nothing_and_withdraws_nothing() {
    let mut d = complete();
    d.sign(Side::School, d.revision, &actor(1)).unwrap();
    let revision = d.revision;
    let outcome = d.set_company_part(d.company.clone(), &actor(2)).unwrap();
    assert_eq!(outcome, ChangeOutcome::default());
    assert_eq!(d.revision, revision);
    assert_eq!(d.status(), DossierStatus::SignedBySchool);
}

#[test]
fn both_sign_offs_submit_and_freeze() {
    let mut d = complete();
    assert!(!d.sign(Side::Company, d.revision, &actor(2)).unwrap());
    assert_eq!(d.status(), DossierStatus::SignedByCompany);
    assert_eq!(d.sign(Side::Company, d.revision, &actor(3)), Err(DossierError::AlreadySigned));
    assert!(d.sign(Side::School, d.revision, &actor(1)).unwrap());
    assert_eq!(d.status(), DossierStatus::Submitted);
    assert_eq!(d.set_company_part(CompanyPart { text: "other".into() }, &actor(2)), Err(DossierError::Frozen));
    assert_eq!(d.sign(Side::School, d.revision, &actor(1)), Err(DossierError::Frozen));
}

#[test]
fn a_change_after_a_sign_off_withdraws_both_and_says_who() {
    let mut d = complete();
    d.sign(Side::School, d.revision, &actor(1)).unwrap();
    let outcome = d.set_company_part(CompanyPart { text: "changed".into() }, &actor(2)).unwrap();
    assert_eq!(outcome.withdrawn, vec![Side::School]);
    assert_eq!(d.status(), DossierStatus::InProgress);
    let notice = d.withdrawal.clone().unwrap();
    assert_eq!((notice.by, notice.name.as_str()), (Side::Company, "person 2"));
    // Signing again clears the notice.
    d.sign(Side::School, d.revision, &actor(1)).unwrap();
    assert_eq!(d.withdrawal, None);
}

#[test]
fn a_sign_off_on_an_old_revision_is_stale() {
    let mut d = complete();
    let seen = d.revision;
    d.set_company_part(CompanyPart { text: "newer".into() }, &actor(2)).unwrap();
    assert_eq!(d.sign(Side::School, seen, &actor(1)), Err(DossierError::StaleRevision));
}

#[test]
fn an_incomplete_dossier_cannot_be_signed_and_says_what_is_missing() {
    let mut d = Dossier::default();
    d.set_school_part(SchoolPart { text: "x".into(), ..SchoolPart::default() }, &actor(1)).unwrap();
    let err = d.sign(Side::School, d.revision, &actor(1)).unwrap_err();
    assert_eq!(err, DossierError::Incomplete { missing: vec![Missing::PlanVersion, Missing::CompanyText, Missing::Summary] });
    assert!(err.to_string().contains("choose a submitted plan version"), "{err}");
    assert_eq!(err.code(), "dossier_incomplete");
}

#[test]
fn reopening_unfreezes_without_sign_offs() {
    let mut d = complete();
    assert_eq!(d.reopen(), Err(DossierError::NotSubmitted));
    d.sign(Side::School, d.revision, &actor(1)).unwrap();
    d.sign(Side::Company, d.revision, &actor(2)).unwrap();
    d.reopen().unwrap();
    assert_eq!(d.status(), DossierStatus::InProgress);
    assert!(d.school_signoff.is_none() && d.company_signoff.is_none());
    assert!(d.set_company_part(CompanyPart { text: "again".into() }, &actor(2)).is_ok());
}

#[test]
fn the_school_part_is_trimmed_and_checked() {
    let input = SchoolPart { plan_version: Some(2), text: "  tekst \n".into(), summary: " kort ".into(), evidence: vec![7, 8] };
    let part = validate_school_part(&input, &[1, 2], &[7, 8, 9]).unwrap();
    assert_eq!((part.text.as_str(), part.summary.as_str()), ("tekst", "kort"));

    let long = SchoolPart {
        plan_version: Some(3),
        text: "a".repeat(MAX_TEXT_CHARS + 1),
        summary: "é".repeat(MAX_SUMMARY_CHARS + 1),
        evidence: vec![7, 7],
    };
    let errors = validate_school_part(&long, &[1, 2], &[7]).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, vec!["text", "summary", "plan_version", "evidence"]);
    assert_eq!(errors[1].problem, FieldProblem::TooLong { chars: MAX_SUMMARY_CHARS + 1, max: MAX_SUMMARY_CHARS });
    assert_eq!(errors[1].problem.to_string(), format!("this text is {} characters long; at most {} are allowed", MAX_SUMMARY_CHARS + 1, MAX_SUMMARY_CHARS));
    assert_eq!(errors[3].problem, FieldProblem::DuplicateFile { id: 7 });

    let foreign = SchoolPart { evidence: vec![99], ..SchoolPart::default() };
    assert_eq!(validate_school_part(&foreign, &[], &[7]).unwrap_err()[0].problem, FieldProblem::UnknownFile { id: 99 });
    let many = SchoolPart { evidence: (0..=MAX_EVIDENCE as i64).collect(), ..SchoolPart::default() };
    let files: Vec<i64> = (0..20).collect();
    assert_eq!(
        validate_school_part(&many, &[], &files).unwrap_err()[0].problem,
        FieldProblem::TooManyFiles { count: MAX_EVIDENCE + 1, max: MAX_EVIDENCE }
    );
}

#[test]
fn the_company_part_is_checked() {
    assert_eq!(validate_company_part(&CompanyPart { text: " ok ".into() }).unwrap().text, "ok");
    let errors = validate_company_part(&CompanyPart { text: "x".repeat(MAX_TEXT_CHARS + 1) }).unwrap_err();
    assert_eq!(errors[0].field, "text");
}

#[test]
fn dossier_types_round_trip_as_json() {
    let mut d = complete();
    d.sign(Side::School, d.revision, &actor(1)).unwrap();
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<Dossier>(&json).unwrap(), d);
    let write = SchoolPartWrite { version: 3, part: d.school.clone() };
    let json = serde_json::to_string(&write).unwrap();
    assert!(json.contains("\"version\":3") && json.contains("\"plan_version\":1"), "{json}");
    assert_eq!(serde_json::from_str::<SchoolPartWrite>(&json).unwrap(), write);
    for side in Side::ALL {
        assert_eq!(Side::from_key(side.key()), Some(side));
    }
}

#[derive(Debug, Clone)]
enum Step {
    School(String),
    Company(String),
    Sign(Side, bool),
    Reopen,
}

fn step() -> impl Strategy<Value = Step> {
    let text = prop_oneof![Just(String::new()), Just("a".to_string()), Just("b".to_string())];
    prop_oneof![
        text.clone().prop_map(Step::School),
        text.prop_map(Step::Company),
        (prop_oneof![Just(Side::School), Just(Side::Company)], any::<bool>()).prop_map(|(s, fresh)| Step::Sign(s, fresh)),
        Just(Step::Reopen),
    ]
}

proptest! {
    /// Whatever happens: a submitted dossier has both sign-offs on its
    /// current revision; a change always clears both sign-offs; a frozen
    /// dossier does not change; a sign-off on an old revision never lands.
    #[test]
    fn sign_offs_follow_the_rules(steps in proptest::collection::vec(step(), 0..40)) {
        let mut d = Dossier::default();
        for s in steps {
            let before = d.clone();
            match s {
                Step::School(text) => {
                    let part = SchoolPart { plan_version: Some(1), text: text.clone(), summary: text, evidence: vec![] };
                    match d.set_school_part(part, &actor(1)) {
                        Ok(o) if o.changed => {
                            prop_assert!(d.school_signoff.is_none() && d.company_signoff.is_none());
                            prop_assert_eq!(d.revision, before.revision + 1);
                            prop_assert_eq!(o.withdrawn.is_empty(), before.school_signoff.is_none() && before.company_signoff.is_none());
                        }
                        Ok(_) => prop_assert_eq!(&d, &before),
                        Err(e) => {
                            prop_assert_eq!(e, DossierError::Frozen);
                            prop_assert_eq!(&d, &before);
                        }
                    }
                }
                Step::Company(text) => match d.set_company_part(CompanyPart { text }, &actor(2)) {
                    Ok(o) if o.changed => prop_assert!(d.school_signoff.is_none() && d.company_signoff.is_none()),
                    Ok(_) => prop_assert_eq!(&d, &before),
                    Err(_) => prop_assert_eq!(&d, &before),
                },
                Step::Sign(side, fresh) => {
                    let revision = if fresh { d.revision } else { d.revision.wrapping_sub(1) };
                    let result = d.sign(side, revision, &actor(3));
                    if !fresh {
                        prop_assert!(result.is_err());
                    }
                    if result.is_err() {
                        prop_assert_eq!(&d, &before);
                    }
                }
                Step::Reopen => {
                    let was = before.submitted_at.is_some();
                    prop_assert_eq!(d.reopen().is_ok(), was);
                }
            }
            if d.status() == DossierStatus::Submitted {
                let s = d.school_signoff.as_ref().map(|s| s.revision);
                let c = d.company_signoff.as_ref().map(|s| s.revision);
                prop_assert_eq!(s, Some(d.revision));
                prop_assert_eq!(c, Some(d.revision));
                prop_assert!(d.missing().is_empty());
            }
            for side in Side::ALL {
                if let Some(so) = d.signoff(side) {
                    prop_assert_eq!(so.revision, d.revision);
                }
            }
        }
    }
}
