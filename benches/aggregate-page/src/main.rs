//! Runs the cohort aggregation in the browser's wasm engine and writes the
//! timings into the page, where `cargo xtask bench` reads them. Kept apart
//! from the app so the benchmark adds nothing to the app's bundle.

use rubric::assessment::{aggregate_cohort, generate_cohort};

const SCHOOLS: usize = 1_000;
const RESPONDENTS: usize = 10;
const ROUNDS: usize = 7;

fn main() {
    let Some(window) = web_sys::window() else { return };
    let Some(perf) = window.performance() else { return };
    let Some(doc) = window.document() else { return };
    let t_parse = perf.now();
    let rubric = rubric::current_rubric();
    let parse_ms = perf.now() - t_parse;
    let cohort = generate_cohort(rubric, SCHOOLS, RESPONDENTS, 2026);
    let mut times = Vec::with_capacity(ROUNDS);
    let mut check = 0usize;
    for _ in 0..ROUNDS {
        let t0 = perf.now();
        let summary = aggregate_cohort(rubric, &cohort);
        times.push(perf.now() - t0);
        check = check.wrapping_add(summary.schools);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let median = times[ROUNDS / 2];
    let best = times[0];
    if let (Some(body), Ok(el)) = (doc.body(), doc.create_element("pre")) {
        el.set_id("aggregate-result");
        el.set_text_content(Some(&format!(
            "{{\"schools\":{SCHOOLS},\"respondents\":{RESPONDENTS},\"median_ms\":{median:.3},\"best_ms\":{best:.3},\"check\":{check},\"rubric_parse_ms\":{parse_ms:.3}}}"
        )));
        let _ = body.append_child(&el);
    }
}
