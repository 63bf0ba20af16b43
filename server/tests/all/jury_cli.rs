//! `stempact jury-stats FILE.csv`: the JSON of the jury statistics for a
//! good file, and every bad row reported with its line number (exit code 1).

use std::process::Command;

fn jury_stats(csv: &str) -> (bool, serde_json::Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scores.csv");
    std::fs::write(&path, csv).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_stempact")).arg("jury-stats").arg(&path).output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.success(), json, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Shrout & Fleiss (1979), Table 2: six targets rated by four judges.
/// ICC(2,1) = 0.29 and ICC(2,k) = 0.62 in their Table 4.
const SHROUT_FLEISS: [[u8; 4]; 6] = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]];

#[test]
fn a_score_file_gives_the_published_statistics_as_json() {
    let mut csv = String::from("juror,finalist,criterion,score\n");
    for (t, row) in SHROUT_FLEISS.iter().enumerate() {
        for (j, score) in row.iter().enumerate() {
            csv.push_str(&format!("judge {},target {},overall,{score}\n", j + 1, t + 1));
        }
    }
    let (ok, json, stderr) = jury_stats(&csv);
    assert!(ok, "{stderr}");
    let c = &json["categories"][0];
    assert_eq!(c["jurors"].as_array().map(Vec::len), Some(4));
    assert_eq!(c["ranking"].as_array().map(Vec::len), Some(6));
    assert_eq!(c["agreement"][0], serde_json::json!({"statistic": "ICC(2,1)", "value": "0.29", "reading": "poor", "not_computable": null}));
    assert_eq!(c["agreement"][1]["value"], "0.62");
    assert_eq!(c["agreement"][1]["reading"], "moderate");
    assert_eq!(c["agreement"][2]["statistic"], "Kendall's W");
    // Target 5 has the highest mean (7.5) of the six.
    assert_eq!(c["ranking"][0]["finalist"], "target 5");
    assert_eq!(c["ranking"][0]["score"], "7.50");
    assert_eq!(c["winner"], "target 5");
}

#[test]
fn bad_rows_are_reported_with_their_line_numbers() {
    let csv = "juror,finalist,criterion,score\n\
               an,school a,impact,7\n\
               an,school b,impact,eleven\n\
               bert,school a,impact,11\n\
               bert,,impact,5\n";
    let (ok, json, stderr) = jury_stats(csv);
    assert!(!ok, "expected a failure");
    assert_eq!(json, serde_json::Value::Null, "nothing on stdout");
    assert!(stderr.contains("line 3: score \"eleven\" is not a number"), "{stderr}");
    assert!(stderr.contains("line 4: score 11 is outside 1 to 10"), "{stderr}");
    assert!(stderr.contains("line 5: the finalist field is missing or empty"), "{stderr}");
    assert!(!stderr.contains("line 2"), "{stderr}");
}

#[test]
fn a_missing_file_or_header_is_explained() {
    let out = Command::new(env!("CARGO_BIN_EXE_stempact")).args(["jury-stats", "/nonexistent/scores.csv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/scores.csv"));
    let (ok, _, stderr) = jury_stats("name,score\nan,5\n");
    assert!(!ok);
    assert!(stderr.contains("line 1: the header must name the columns juror, finalist, criterion and score"), "{stderr}");
}

#[test]
fn too_little_data_says_why_agreement_is_not_computable() {
    let (ok, json, stderr) = jury_stats("juror,finalist,criterion,score\nan,school a,impact,7\nan,school b,impact,5\n");
    assert!(ok, "{stderr}");
    let c = &json["categories"][0];
    assert_eq!(c["agreement"][0]["value"], serde_json::Value::Null);
    assert_eq!(c["agreement"][0]["not_computable"], "fewer than 2 jurors scored the same finalists");
    assert_eq!(c["winner"], "school a");
}

#[test]
fn a_negative_estimate_reads_below_zero_as_in_the_app() {
    // The jurors' means differ (6.33, 5.67, 6.33) but the ICC(2,k)
    // denominator is negative: below zero, never "-4.19 poor".
    let rows = [[6, 5, 9], [7, 6, 4], [6, 6, 6]];
    let mut csv = String::from("juror,finalist,criterion,score\n");
    for (f, row) in rows.iter().enumerate() {
        for (j, s) in row.iter().enumerate() {
            csv.push_str(&format!("j{j},f{f},overall,{s}\n"));
        }
    }
    let (ok, json, stderr) = jury_stats(&csv);
    assert!(ok, "{stderr}");
    let agreement = &json["categories"][0]["agreement"];
    for k in [0, 1] {
        assert_eq!(agreement[k]["value"], "< 0", "{agreement}");
        assert_eq!(agreement[k]["reading"], "below-zero");
        assert_eq!(agreement[k]["not_computable"], serde_json::Value::Null);
    }
}
