//! The portrait's rules: every row's own error, all-or-nothing saving, the
//! re-import's difference, the projection and the sums; proptest: any text
//! gives rows or a file error, never a panic.

use super::*;
use proptest::prelude::*;

fn schools() -> Vec<(i64, String)> {
    vec![(1, "Vechtdal College".into()), (2, "Techniek Campus".into()), (3, "ROC Twente".into())]
}

fn parse(text: &str) -> Vec<PupilRow> {
    parse_pupil_csv(text, &schools()).expect("readable")
}

#[test]
fn good_rows_give_counts() {
    let rows = parse("school;profiel;schooljaar;leerlingen\nVechtdal College;BWI;2023-2024;120\n techniek  campus ;PIE;2024;85\n");
    assert!(rows.iter().all(PupilRow::is_valid), "{rows:?}");
    assert_eq!(rows[0].count, Some(PupilCount { school_id: 1, track: "BWI".into(), year: 2023, pupils: 120 }));
    assert_eq!(rows[1].count, Some(PupilCount { school_id: 2, track: "PIE".into(), year: 2024, pupils: 85 }));
    assert_eq!(rows[1].line, 3);
}

#[test]
fn every_bad_row_says_why() {
    let rows = parse(
        "school,track,year,pupils\nNowhere,BWI,2023,10\nROC Twente,BWI,23,10\nROC Twente,BWI,2023,-4\nROC Twente,BWI,2023,tien\nROC Twente,,2023,5\nROC Twente,M&T,2023,5\nROC Twente,m&t,2023,7\n,BWI,2023-2025,5\n",
    );
    assert_eq!(rows[0].errors, vec![PupilRowError::UnknownSchool { name: "Nowhere".into() }]);
    assert_eq!(rows[1].errors, vec![PupilRowError::BadYear { value: "23".into(), first: FIRST_YEAR, last: LAST_YEAR }]);
    assert_eq!(rows[2].errors, vec![PupilRowError::NegativeCount { value: "-4".into() }]);
    assert_eq!(rows[3].errors, vec![PupilRowError::BadCount { value: "tien".into() }]);
    assert_eq!(rows[4].errors, vec![PupilRowError::TrackRequired]);
    assert!(rows[5].is_valid());
    assert_eq!(rows[6].errors, vec![PupilRowError::Duplicate { first_line: 7 }]);
    assert_eq!(rows[7].errors.len(), 2, "{:?}", rows[7].errors);
    let import = PupilImport { file_error: None, rows, diff: PortraitDiff::default(), saved: 0 };
    assert!(!import.can_save());
    assert_eq!(import.refused(), 7);
    assert_eq!(import.counts().len(), 1);
}

#[test]
fn the_file_must_name_its_columns() {
    assert_eq!(
        parse_pupil_csv("school;profiel;leerlingen\nROC Twente;BWI;4\n", &schools()),
        Err(CsvFileError::MissingColumn { column: "year".into(), example: EXAMPLE_HEADER.into() })
    );
    assert_eq!(parse_pupil_csv("", &schools()), Err(CsvFileError::Empty));
    assert_eq!(parse_pupil_csv("school;profiel;jaar;aantal\n", &schools()), Err(CsvFileError::NoRows));
}

#[test]
fn years_and_counts() {
    assert_eq!(parse_year("2024"), Some(2024));
    assert_eq!(parse_year("2024-2025"), Some(2024));
    assert_eq!(parse_year("2024/25"), Some(2024));
    assert_eq!(parse_year("2024-2026"), None);
    assert_eq!(parse_year("1800"), None);
    assert_eq!(parse_year("twintig"), None);
    assert_eq!(parse_pupils(" 12 "), Ok(12));
    assert_eq!(parse_pupils("-0"), Ok(0));
    assert_eq!(parse_pupils("1.5"), Err(PupilRowError::BadCount { value: "1.5".into() }));
    assert_eq!(parse_pupils("100001"), Err(PupilRowError::TooManyPupils { value: "100001".into(), max: MAX_PUPILS }));
}

#[test]
fn a_reimport_reports_what_it_replaces() {
    let c = |school_id, track: &str, year, pupils| PupilCount { school_id, track: track.into(), year, pupils };
    let before = vec![c(1, "BWI", 2023, 10), c(1, "PIE", 2023, 5), c(2, "BWI", 2023, 7)];
    let after = vec![c(1, "bwi", 2023, 10), c(1, "PIE", 2023, 6), c(3, "BWI", 2023, 1)];
    assert_eq!(diff(&before, &after), PortraitDiff { added: 1, changed: 1, unchanged: 1, removed: 1 });
}

#[test]
fn the_projection_follows_the_trend_of_the_last_years() {
    // A falling line: 100, 90, 80, 70 continues 60, 50, 40.
    assert_eq!(project(&[(2020, 100), (2021, 90), (2022, 80), (2023, 70)], 3), vec![(2024, 60), (2025, 50), (2026, 40)]);
    // Only the last four years count: the jump in 2018 does not.
    assert_eq!(project(&[(2018, 1000), (2020, 10), (2021, 10), (2022, 10), (2023, 10)], 2), vec![(2024, 10), (2025, 10)]);
    // Never below zero; one year is flat; none is nothing.
    assert_eq!(project(&[(2022, 20), (2023, 5)], 2), vec![(2024, 0), (2025, 0)]);
    assert_eq!(project(&[(2023, 42)], 2), vec![(2024, 42), (2025, 42)]);
    assert_eq!(project(&[], 2), vec![]);
}

#[test]
fn the_summary_adds_up_per_year_track_and_school() {
    let c = |school_id, track: &str, year, pupils| PupilCount { school_id, track: track.into(), year, pupils };
    let counts = vec![c(1, "BWI", 2022, 10), c(1, "BWI", 2023, 12), c(2, "bwi", 2023, 3), c(2, "PIE", 2023, 4), c(9, "PIE", 2023, 99)];
    let s = summarize(&counts, &schools());
    assert_eq!(s.years, vec![2022, 2023]);
    assert_eq!(s.total.as_ref().map(|t| t.counts.clone()), Some(vec![Some(10), Some(19)]));
    assert_eq!(
        s.tracks.iter().map(|t| (t.label.as_str(), t.counts.clone())).collect::<Vec<_>>(),
        vec![("BWI", vec![Some(10), Some(15)]), ("PIE", vec![None, Some(4)])]
    );
    assert_eq!(s.schools.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), vec!["Techniek Campus", "Vechtdal College"]);
    assert_eq!(s.tracks[0].projection, vec![(2024, 20), (2025, 25), (2026, 30)]);
    assert_eq!(summarize(&[], &schools()), PortraitSummary::default());
}

#[test]
fn progression_figures_are_checked() {
    let input = |year: &str, leavers: &str, continued: &str| ProgressionInput {
        kind: ProgressionKind::VmboToMbo,
        year: year.into(),
        leavers: leavers.into(),
        continued: continued.into(),
    };
    assert_eq!(validate_progression(&input("2023-2024", "200", "150")), Ok((ProgressionKind::VmboToMbo, 2023, 200, 150)));
    assert_eq!(validate_progression(&input("2023", "100", "150")), Err(ProgressionError::MoreContinuedThanLeavers { continued: 150, leavers: 100 }));
    assert_eq!(validate_progression(&input("x", "1", "1")), Err(ProgressionError::BadYear { value: "x".into() }));
    assert_eq!(Progression { id: 1, kind: ProgressionKind::VmboToMbo, year: 2023, leavers: 3, continued: 2 }.percent(), Some(67));
    assert_eq!(Progression { id: 1, kind: ProgressionKind::VmboToMbo, year: 2023, leavers: 0, continued: 0 }.percent(), None);
}

proptest! {
    /// Any text: rows with their errors or a file error, never a panic; a
    /// valid row's count names a school of the region and a year in range.
    #[test]
    fn any_text_gives_rows_or_a_file_error(text in "(?s).{0,400}") {
        if let Ok(rows) = parse_pupil_csv(&text, &schools()) {
            for row in rows {
                if let (true, Some(c)) = (row.errors.is_empty(), &row.count) {
                    prop_assert!(schools().iter().any(|(id, _)| *id == c.school_id));
                    prop_assert!((FIRST_YEAR..=LAST_YEAR).contains(&c.year));
                }
            }
        }
    }

    /// Rows built from pieces that may be wrong: a row is valid exactly
    /// when every piece is, and a bad piece is named.
    #[test]
    fn a_row_is_valid_exactly_when_its_values_are(
        school in prop::sample::select(vec!["ROC Twente", "Nowhere", ""]),
        year in prop::sample::select(vec!["2023", "2023-2024", "23", "x", ""]),
        pupils in prop::sample::select(vec!["0", "17", "-3", "drie", "", "1e3"]),
    ) {
        let text = format!("school;profiel;jaar;leerlingen\n{school};BWI;{year};{pupils}\n");
        let rows = parse_pupil_csv(&text, &schools()).expect("readable");
        let good = school == "ROC Twente" && parse_year(year).is_some() && parse_pupils(pupils).is_ok();
        prop_assert_eq!(rows[0].is_valid(), good);
        prop_assert_eq!(rows[0].errors.is_empty(), good);
    }

    /// The projection never goes below zero and follows a constant series.
    #[test]
    fn projections_are_sane(values in prop::collection::vec(0u32..5000, 0..8), constant in 0u32..5000) {
        let series: Vec<(u16, u32)> = values.iter().enumerate().map(|(i, v)| (2015 + i as u16, *v)).collect();
        let p = project(&series, 3);
        prop_assert_eq!(p.len(), if series.is_empty() { 0 } else { 3 });
        let flat: Vec<(u16, u32)> = (2015..2020).map(|y| (y, constant)).collect();
        prop_assert!(project(&flat, 3).iter().all(|&(_, v)| v == constant));
    }

    /// The diff of a set with itself changes nothing.
    #[test]
    fn a_reimport_of_the_same_numbers_changes_nothing(n in 0usize..20) {
        let counts: Vec<PupilCount> = (0..n).map(|i| PupilCount { school_id: 1, track: format!("T{i}"), year: 2020, pupils: i as u32 }).collect();
        prop_assert_eq!(diff(&counts, &counts), PortraitDiff { added: 0, changed: 0, unchanged: n, removed: 0 });
    }
}
