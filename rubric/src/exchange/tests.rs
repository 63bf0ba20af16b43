//! Tests of the exchange format: generated documents survive writing and
//! reading unchanged, older versions migrate, and every kind of bad file is
//! refused with a message naming what is wrong.

use super::generate::document;
use super::*;
use proptest::prelude::*;
use serde_json::json;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_documents_are_consistent_and_round_trip(seed in any::<u64>()) {
        let doc = document(seed);
        prop_assert_eq!(check_document(&doc), Ok(()));
        let json = doc.to_json();
        let back = parse_document(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &doc);
        prop_assert_eq!(back.to_json(), json);
    }
}

#[test]
fn the_generator_is_deterministic_and_varied() {
    assert_eq!(document(7), document(7));
    let full = (0..200).map(document).find(|d| {
        !d.answers.is_empty() && !d.threads.is_empty() && !d.scores.is_empty() && !d.attendance.is_empty()
    });
    assert!(full.is_some(), "some seed fills every part");
}

fn sample() -> Value {
    let mut doc = document(3);
    doc.schools = vec![SchoolRecord {
        id: 1,
        name: "Campus De Horizon".into(),
        town: "Lokeren".into(),
        region: "Oost-Vlaanderen".into(),
        tracks: vec![Track::Dual],
        contact_name: String::new(),
        contact_email: String::new(),
        company_id: None,
        archived_at: None,
        version: 1,
        created_at: 0,
    }];
    let mut empty = ExchangeDocument::new(doc.edition.clone(), 0, "t");
    empty.schools = doc.schools;
    serde_json::to_value(&empty).unwrap()
}

#[test]
fn a_newer_version_is_refused_with_the_versions_named() {
    let mut v = sample();
    v["format_version"] = json!(FORMAT_VERSION + 1);
    let e = parse_document(&v.to_string()).unwrap_err();
    assert_eq!(e, ExchangeError::TooNew { found: u64::from(FORMAT_VERSION) + 1, supported: FORMAT_VERSION });
    assert!(e.to_string().contains("newer than this STEMpact reads"), "{e}");
}

#[test]
fn files_that_are_not_exports_are_refused() {
    assert!(matches!(parse_document("{ nope"), Err(ExchangeError::NotJson { .. })));
    assert!(matches!(parse_document("[1, 2]"), Err(ExchangeError::NotAnExport { .. })));
    let e = parse_document(r#"{"name": "x"}"#).unwrap_err();
    assert!(e.to_string().contains("no format_version"), "{e}");
    let mut v = sample();
    v["format"] = json!("spreadsheet");
    assert!(parse_document(&v.to_string()).unwrap_err().to_string().contains("\"spreadsheet\""));
    v["format"] = json!(FORMAT_NAME);
    v["format_version"] = json!("two");
    assert!(parse_document(&v.to_string()).unwrap_err().to_string().contains("not a whole number"));
    v["format_version"] = json!(0);
    assert_eq!(parse_document(&v.to_string()), Err(ExchangeError::UnknownVersion { found: 0 }));
}

#[test]
fn malformed_content_names_its_place() {
    let mut v = sample();
    v["schools"][0]["tracks"] = json!(["aso"]);
    let e = parse_document(&v.to_string()).unwrap_err();
    assert!(matches!(&e, ExchangeError::Malformed { at, .. } if at == "schools[0]"), "{e}");
    assert!(e.to_string().contains("unknown variant `aso`"), "{e}");
    let mut v = sample();
    v.as_object_mut().unwrap().remove("companies");
    assert_eq!(
        parse_document(&v.to_string()),
        Err(ExchangeError::Malformed { at: "companies".into(), message: "this section is missing".into() })
    );
    let mut v = sample();
    v["surprise"] = json!([]);
    assert!(parse_document(&v.to_string()).unwrap_err().to_string().starts_with("surprise: unknown section"));
}

#[test]
fn dangling_references_are_named() {
    let mut v = sample();
    v["schools"][0]["company_id"] = json!(7);
    let e = parse_document(&v.to_string()).unwrap_err();
    assert_eq!(e, ExchangeError::Inconsistent { problems: vec!["schools[0].company_id: there is no company 7".into()] });
    let mut doc = document(11);
    doc.people.push(PersonRecord {
        id: 999,
        name: "X".into(),
        email: String::new(),
        role: Role::SchoolMember,
        school_id: None,
        company_id: None,
        school_function: None,
        archived_at: None,
        created_at: 0,
    });
    doc.people.push(doc.people[doc.people.len() - 1].clone());
    let problems = check_document(&doc).unwrap_err();
    assert!(problems.contains(&format!("people[{}].id: 999 is used twice", doc.people.len() - 1)), "{problems:?}");
    assert!(problems.iter().any(|p| p.ends_with("a school member without a school")), "{problems:?}");
}

#[test]
fn values_the_api_would_refuse_are_refused() {
    let mut doc = (0..200).map(document).find(|d| !d.schools.is_empty() && !d.actions.is_empty()).expect("a seed with actions");
    doc.schools[0].version = i64::MAX;
    doc.schools[0].name = "x".repeat(check::MAX_TEXT_CHARS + 1);
    doc.actions[0].budget_cents = i64::MAX;
    doc.edition.version = 0;
    doc.actions[0].evidence_url = " JavaScript:alert(1)".into();
    let problems = check_document(&doc).unwrap_err();
    for expected in [
        "schools[0].version: 9223372036854775807 is not a version",
        "schools[0].name: a text of 10001 characters",
        "actions[0]: an amount above",
        "edition.version: 0 is not a version",
        "actions[0].evidence_url: \" JavaScript:alert(1)\" is not an http(s) link",
    ] {
        assert!(problems.iter().any(|p| p.starts_with(expected)), "{expected} in {problems:?}");
    }
}

#[test]
fn snapshot_and_jury_references_are_checked_and_mapped() {
    let mut snapshot = json!({"goals": [{"id": 2, "title": "t"}, {"id": -5}], "actions": [{"id": 3, "goal_id": 2}]});
    map_snapshot_ids(&mut snapshot, |g| if g > 0 { g * 10 } else { g }, |a| a + 100);
    assert_eq!(snapshot, json!({"goals": [{"id": 20, "title": "t"}, {"id": -5}], "actions": [{"id": 103, "goal_id": 20}]}));
    let mut tie = json!([{"higher-criterion": "4"}, {"higher-criterion": "impact"}, "chair-decision"]);
    map_tie_break_criteria(&mut tie, |c| Some(c + 1));
    assert_eq!(tie, json!([{"higher-criterion": "5"}, {"higher-criterion": "impact"}, "chair-decision"]));
    let mut order = json!([3, "4", "x"]);
    map_chair_order(&mut order, |f| (f == 3).then_some(30));
    assert_eq!(order, json!([30, "4", "x"]));

    let mut v = sample();
    v["jury_settings"] = json!({
        "status": "setup", "tie_break": [{"higher-criterion": "8"}], "chair_id": null,
        "chair_order": null, "locked_at": null, "published_at": null, "version": 1
    });
    let e = parse_document(&v.to_string()).unwrap_err();
    assert!(e.to_string().contains("jury_settings.tie_break: there is no criterion 8"), "{e}");
}

#[test]
fn version_1_files_are_migrated() {
    let v1 = json!({
        "format_version": 1,
        "exported_at": 1_700_000_000,
        "edition": {
            "name": "STEMpact 2023-2024", "school_year": "2023-2024", "nulmeting_deadline": "2023-12-15",
            "plan_deadline": null, "final_date": "2024-05-30", "final_place": "Sint-Niklaas",
            "cofinancing_threshold": 10, "active": true, "created_at": 1_690_000_000
        },
        "schools": [{
            "id": 1, "name": "Campus De Horizon", "town": "Lokeren", "region": "Oost-Vlaanderen",
            "tracks": "transition-oriented, dual", "contact_name": "", "contact_email": "",
            "sponsor_id": 1, "archived_at": null, "created_at": 1_690_000_100
        }],
        "companies": [{
            "id": 1, "name": "Polymeer Waasland", "town": "Beveren", "sector": "chemie",
            "contact_name": "", "contact_email": "", "archived_at": null, "created_at": 1_690_000_050
        }],
        "people": [],
        "networks": [{"id": 1, "kind": "team-stem-project", "name": "Team"}],
        "network_sessions": [{"id": 1, "network_id": 1, "date": "2024-01-25", "place": "Gent", "topic": "", "created_at": 1}],
        "attendance": [{"session_id": 1, "school_id": 1, "company_id": null}]
    });
    let doc = parse_document(&v1.to_string()).unwrap();
    assert_eq!(doc.format_version, FORMAT_VERSION);
    assert_eq!(doc.format, FORMAT_NAME);
    assert_eq!(doc.edition.cofinancing_threshold_pct, 10);
    assert_eq!(doc.schools[0].tracks, vec![Track::TransitionOriented, Track::Dual]);
    assert_eq!(doc.schools[0].company_id, Some(1));
    assert_eq!(doc.network_sessions[0].version, 1);
    assert!(doc.measurements.is_empty() && doc.jury_settings.is_none());
    // A version 1 file with a broken layout says where the migration stopped.
    let mut bad = v1.clone();
    bad["schools"][0]["tracks"] = json!(3);
    let e = parse_document(&bad.to_string()).unwrap_err();
    assert!(matches!(e, ExchangeError::Migration { from: 1, to: 2, .. }), "{e}");
    assert!(e.to_string().contains("schools[0].tracks"), "{e}");
}

#[test]
fn reopening_criteria_are_rewritten_and_the_sections_are_optional() {
    let mut fields = ReopeningFields {
        state: crate::submission::ReopenState::Resubmitted,
        reason: "Typfout".into(),
        requested_by: 1,
        requested_at: 10,
        decided_by: Some(2),
        decided_at: Some(11),
        note: String::new(),
        snapshot: Some(json!({"scores": {"3": 5, "4": 6}, "remarks": {"4": "ok"}, "remark": ""})),
        changes: Some(json!([{"key": 3, "before": 5, "after": 6}])),
        resubmitted_at: Some(12),
    };
    map_reopening_criteria(&mut fields, |c| Some(c * 10)).unwrap();
    assert_eq!(fields.snapshot, Some(json!({"scores": {"30": 5, "40": 6}, "remarks": {"40": "ok"}, "remark": ""})));
    assert_eq!(fields.changes, Some(json!([{"key": 30, "before": 5, "after": 6}])));
    assert_eq!(map_reopening_criteria(&mut fields, |c| (c == 30).then_some(3)), Err(40));
    // A file without the reopening sections (written before they existed) has none.
    let mut doc = serde_json::to_value(document(3)).unwrap();
    let map = doc.as_object_mut().unwrap();
    map.remove("response_reopenings");
    map.remove("sheet_reopenings");
    let back = parse_document(&doc.to_string()).unwrap();
    assert!(back.response_reopenings.is_empty() && back.sheet_reopenings.is_empty());
}

#[test]
fn dossiers_travel_and_are_checked() {
    let doc = (0..40).map(document).find(|d| d.dossiers.iter().any(|x| x.dossier.school_signoff.is_some())).expect("a generated dossier");
    let back = parse_document(&doc.to_json()).unwrap();
    assert_eq!(back.dossiers, doc.dossiers);
    // A dossier of a school not in the file, or signed by a stranger, is refused.
    let mut bad = serde_json::to_value(&doc).unwrap();
    let first = bad["dossiers"].as_array_mut().unwrap().iter_mut().find(|x| !x["school_signoff"].is_null()).unwrap();
    first["school_signoff"]["person_id"] = json!(9999);
    let e = parse_document(&bad.to_string()).unwrap_err().to_string();
    assert!(e.contains("a sign-off: there is no person 9999"), "{e}");
    bad["dossiers"][0]["school_id"] = json!(777);
    let e = parse_document(&bad.to_string()).unwrap_err().to_string();
    assert!(e.contains("dossiers[0].school_id: there is no school 777"), "{e}");
    // A file without the section has no dossiers.
    let mut old = serde_json::to_value(&doc).unwrap();
    old.as_object_mut().unwrap().remove("dossiers");
    assert!(parse_document(&old.to_string()).unwrap().dossiers.is_empty());
}

#[test]
fn files_without_a_rubric_version_or_dont_know_read_as_v1_and_na_only() {
    let mut doc = document(11);
    doc.answers.iter_mut().for_each(|a| a.dont_know = false);
    let mut v = serde_json::to_value(&doc).unwrap();
    v["edition"].as_object_mut().unwrap().remove("rubric_version");
    for a in v["answers"].as_array_mut().unwrap() {
        a.as_object_mut().unwrap().remove("dont_know");
    }
    let back = parse_document(&v.to_string()).unwrap();
    assert_eq!(back.edition.rubric_version, 1);
    assert!(back.answers.iter().all(|a| !a.dont_know));
    assert_eq!(back, doc);
}

#[test]
fn the_rubric_version_and_dont_know_travel_and_are_checked() {
    let doc = (0..200).map(document).find(|d| d.answers.iter().any(|a| a.dont_know)).expect("some seed has a don't know");
    let back = parse_document(&doc.to_json()).unwrap();
    assert_eq!(back.edition.rubric_version, doc.edition.rubric_version);
    assert!(back.answers.iter().any(|a| a.dont_know));
    // An unknown version and a "don't know" with a level are refused, named.
    let mut bad = doc.clone();
    bad.edition.rubric_version = 99;
    if let Some(m) = bad.measurements.first_mut() {
        m.rubric_version = 98;
    }
    if let Some(a) = bad.answers.iter_mut().find(|a| a.dont_know) {
        a.level = Level::new(2).ok();
    }
    let problems = check_document(&bad).unwrap_err().join("\n");
    assert!(problems.contains("edition.rubric_version: there is no rubric version 99"), "{problems}");
    assert!(problems.contains("rubric_version: there is no rubric version 98"), "{problems}");
    assert!(problems.contains("'don't know' together with a level"), "{problems}");
}
