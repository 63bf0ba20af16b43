//! The consistency check of a document: ids unique per table, every
//! reference pointing at a row in the file, the database's own rules
//! (one measurement per school and kind, scope by role, …) and the value
//! ranges (row versions, amounts, text lengths: a crafted file must not
//! store what the API would refuse to), each problem named with its place,
//! e.g. `schools[2].company_id: there is no company 7`.

use super::ExchangeDocument;
use std::collections::HashSet;
use std::hash::Hash;

/// Collects problems; stops adding after a sensible number.
struct Problems(Vec<String>);

const MAX_PROBLEMS: usize = 10;

/// The largest row version an import accepts: far above any real number of
/// edits, far below where the next edit's `version + 1` would overflow.
pub const MAX_ROW_VERSION: i64 = 1_000_000_000;

/// The longest text an import accepts anywhere in the file. The API's own
/// limits per field are lower; this keeps a crafted file from storing
/// megabytes in a name.
pub const MAX_TEXT_CHARS: usize = 10_000;

impl Problems {
    fn add(&mut self, p: String) {
        if self.0.len() < MAX_PROBLEMS {
            self.0.push(p);
        }
    }
}

/// The ids of one table, checking they are unique and positive.
fn ids<T>(p: &mut Problems, table: &str, rows: &[T], id: impl Fn(&T) -> i64) -> HashSet<i64> {
    let mut set = HashSet::new();
    for (i, row) in rows.iter().enumerate() {
        let v = id(row);
        if v <= 0 {
            p.add(format!("{table}[{i}].id: {v} is not a positive number"));
        } else if !set.insert(v) {
            p.add(format!("{table}[{i}].id: {v} is used twice"));
        }
    }
    set
}

/// Check a reference.
fn refers(p: &mut Problems, at: impl FnOnce() -> String, target: &HashSet<i64>, noun: &str, id: i64) {
    if !target.contains(&id) {
        p.add(format!("{}: there is no {noun} {id}", at()));
    }
}

fn refers_opt(p: &mut Problems, at: impl FnOnce() -> String, target: &HashSet<i64>, noun: &str, id: Option<i64>) {
    if let Some(id) = id {
        refers(p, at, target, noun, id);
    }
}

/// Check that a key is unique within a table.
fn unique<T, K: Eq + Hash>(p: &mut Problems, table: &str, rows: &[T], what: &str, key: impl Fn(&T) -> K) {
    let mut seen = HashSet::new();
    for (i, row) in rows.iter().enumerate() {
        if !seen.insert(key(row)) {
            p.add(format!("{table}[{i}]: a second row for the same {what}"));
        }
    }
}

/// Check a row version.
fn version(p: &mut Problems, at: impl FnOnce() -> String, v: i64) {
    if !(1..=MAX_ROW_VERSION).contains(&v) {
        p.add(format!("{}: {v} is not a version between 1 and {MAX_ROW_VERSION}", at()));
    }
}

/// A link the app renders as a link: empty or http(s), never `javascript:`
/// or `data:` (the API refuses those; a file must not bring them in).
fn link(p: &mut Problems, at: impl FnOnce() -> String, url: &str) {
    let lower = url.trim().to_ascii_lowercase();
    if !(lower.is_empty() || lower.starts_with("http://") || lower.starts_with("https://")) {
        let shown: String = url.chars().take(40).collect();
        p.add(format!("{}: {shown:?} is not an http(s) link", at()));
    }
}

/// Every text in the document (plan snapshots included) within [`MAX_TEXT_CHARS`].
fn texts(p: &mut Problems, at: &str, v: &serde_json::Value) {
    match v {
        serde_json::Value::String(s) if s.chars().count() > MAX_TEXT_CHARS => {
            p.add(format!("{at}: a text of {} characters; at most {MAX_TEXT_CHARS}", s.chars().count()));
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                texts(p, &format!("{at}[{i}]"), item);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                let at = if at.is_empty() { k.clone() } else { format!("{at}.{k}") };
                texts(p, &at, item);
            }
        }
        _ => {}
    }
}

/// Every problem found (at most ten), or `Ok`.
pub fn check_document(d: &ExchangeDocument) -> Result<(), Vec<String>> {
    use crate::people::Role;
    let mut p = Problems(Vec::new());
    let p = &mut p;
    if d.edition.name.trim().is_empty() {
        p.add("edition.name: the edition has no name".into());
    }
    if d.edition.cofinancing_threshold_pct > 100 {
        p.add(format!("edition.cofinancing_threshold_pct: {} is above 100", d.edition.cofinancing_threshold_pct));
    }
    let schools = ids(p, "schools", &d.schools, |r| r.id);
    let companies = ids(p, "companies", &d.companies, |r| r.id);
    let people = ids(p, "people", &d.people, |r| r.id);
    let networks = ids(p, "networks", &d.networks, |r| r.id);
    let sessions = ids(p, "network_sessions", &d.network_sessions, |r| r.id);
    let measurements = ids(p, "measurements", &d.measurements, |r| r.id);
    let responses = ids(p, "responses", &d.responses, |r| r.id);
    let plans = ids(p, "plans", &d.plans, |r| r.id);
    let goals = ids(p, "goals", &d.goals, |r| r.id);
    let actions = ids(p, "actions", &d.actions, |r| r.id);
    let versions = ids(p, "plan_versions", &d.plan_versions, |r| r.id);
    let threads = ids(p, "threads", &d.threads, |r| r.id);
    ids(p, "comments", &d.comments, |r| r.id);
    let categories = ids(p, "award_categories", &d.award_categories, |r| r.id);
    let criteria = ids(p, "criteria", &d.criteria, |r| r.id);
    let finalists = ids(p, "finalists", &d.finalists, |r| r.id);
    ids(p, "conflicts", &d.conflicts, |r| r.id);
    let sheets = ids(p, "score_sheets", &d.score_sheets, |r| r.id);

    if let Ok(whole) = serde_json::to_value(d) {
        texts(p, "", &whole);
    }
    version(p, || "edition.version".into(), d.edition.version);
    for (i, r) in d.schools.iter().enumerate() {
        version(p, || format!("schools[{i}].version"), r.version);
    }
    for (i, r) in d.companies.iter().enumerate() {
        version(p, || format!("companies[{i}].version"), r.version);
    }
    for (i, r) in d.network_sessions.iter().enumerate() {
        version(p, || format!("network_sessions[{i}].version"), r.version);
    }
    for (i, r) in d.answers.iter().enumerate() {
        version(p, || format!("answers[{i}].version"), r.version);
        link(p, || format!("answers[{i}].evidence_url"), &r.evidence_url);
    }
    for (i, r) in d.consensus.iter().enumerate() {
        version(p, || format!("consensus[{i}].version"), r.version);
    }
    for (i, r) in d.plans.iter().enumerate() {
        version(p, || format!("plans[{i}].version"), r.version);
    }
    for (i, r) in d.goals.iter().enumerate() {
        version(p, || format!("goals[{i}].version"), r.version);
    }
    for (i, r) in d.actions.iter().enumerate() {
        version(p, || format!("actions[{i}].version"), r.version);
        link(p, || format!("actions[{i}].evidence_url"), &r.evidence_url);
        let max = crate::plan::MAX_AMOUNT_CENTS;
        if r.budget_cents > max || r.contribution_cents > max {
            p.add(format!("actions[{i}]: an amount above {max} cents"));
        }
    }
    for (i, r) in d.plan_versions.iter().enumerate() {
        version(p, || format!("plan_versions[{i}].number"), r.number);
        let actions = r.snapshot.get("actions").and_then(|a| a.as_array()).map(Vec::as_slice).unwrap_or_default();
        for (j, a) in actions.iter().enumerate() {
            if let Some(url) = a.get("evidence_url").and_then(|u| u.as_str()) {
                link(p, || format!("plan_versions[{i}].snapshot.actions[{j}].evidence_url"), url);
            }
        }
    }
    if let Some(j) = &d.jury_settings {
        version(p, || "jury_settings.version".into(), j.version);
    }
    for (i, r) in d.score_sheets.iter().enumerate() {
        version(p, || format!("score_sheets[{i}].version"), r.version);
    }

    for (i, s) in d.schools.iter().enumerate() {
        refers_opt(p, || format!("schools[{i}].company_id"), &companies, "company", s.company_id);
        if s.name.trim().is_empty() {
            p.add(format!("schools[{i}].name: the school has no name"));
        }
    }
    for (i, c) in d.companies.iter().enumerate() {
        if c.name.trim().is_empty() {
            p.add(format!("companies[{i}].name: the company has no name"));
        }
    }
    for (i, x) in d.people.iter().enumerate() {
        refers_opt(p, || format!("people[{i}].school_id"), &schools, "school", x.school_id);
        refers_opt(p, || format!("people[{i}].company_id"), &companies, "company", x.company_id);
        match x.role {
            Role::SchoolMember if x.school_id.is_none() => p.add(format!("people[{i}]: a school member without a school")),
            Role::CompanyMember if x.company_id.is_none() => {
                p.add(format!("people[{i}]: a company member without a company"))
            }
            _ => {}
        }
    }
    unique(p, "networks", &d.networks, "network kind", |r| r.kind);
    for (i, s) in d.network_sessions.iter().enumerate() {
        refers(p, || format!("network_sessions[{i}].network_id"), &networks, "network", s.network_id);
    }
    for (i, a) in d.attendance.iter().enumerate() {
        refers(p, || format!("attendance[{i}].session_id"), &sessions, "session", a.session_id);
        refers_opt(p, || format!("attendance[{i}].school_id"), &schools, "school", a.school_id);
        refers_opt(p, || format!("attendance[{i}].company_id"), &companies, "company", a.company_id);
        if a.school_id.is_some() == a.company_id.is_some() {
            p.add(format!("attendance[{i}]: name either a school or a company"));
        }
    }
    unique(p, "attendance", &d.attendance, "session and school or company", |a| (a.session_id, a.school_id, a.company_id));
    let known_version = |v: i64| u32::try_from(v).ok().and_then(crate::rubric_versions::rubric_of).is_some();
    if !known_version(i64::from(d.edition.rubric_version)) {
        p.add(format!("edition.rubric_version: there is no rubric version {}", d.edition.rubric_version));
    }
    for (i, m) in d.measurements.iter().enumerate() {
        refers(p, || format!("measurements[{i}].school_id"), &schools, "school", m.school_id);
        if !known_version(m.rubric_version) {
            p.add(format!("measurements[{i}].rubric_version: there is no rubric version {}", m.rubric_version));
        }
    }
    unique(p, "measurements", &d.measurements, "school and kind", |m| (m.school_id, m.kind));
    for (i, r) in d.responses.iter().enumerate() {
        refers(p, || format!("responses[{i}].measurement_id"), &measurements, "measurement", r.measurement_id);
        refers(p, || format!("responses[{i}].person_id"), &people, "person", r.person_id);
    }
    unique(p, "responses", &d.responses, "measurement and person", |r| (r.measurement_id, r.person_id));
    for (i, a) in d.answers.iter().enumerate() {
        refers(p, || format!("answers[{i}].response_id"), &responses, "response", a.response_id);
        if a.level.is_some() && a.not_applicable {
            p.add(format!("answers[{i}]: both a level and 'not applicable'"));
        }
        if a.dont_know && (a.level.is_some() || a.not_applicable) {
            p.add(format!("answers[{i}]: 'don't know' together with a level or 'not applicable'"));
        }
    }
    unique(p, "answers", &d.answers, "response and indicator", |a| (a.response_id, a.indicator_id.clone()));
    for (i, c) in d.consensus.iter().enumerate() {
        refers(p, || format!("consensus[{i}].measurement_id"), &measurements, "measurement", c.measurement_id);
        refers_opt(p, || format!("consensus[{i}].decided_by"), &people, "person", c.decided_by);
    }
    unique(p, "consensus", &d.consensus, "measurement and indicator", |c| (c.measurement_id, c.indicator_id.clone()));
    for (i, x) in d.plans.iter().enumerate() {
        refers(p, || format!("plans[{i}].school_id"), &schools, "school", x.school_id);
    }
    unique(p, "plans", &d.plans, "school", |x| x.school_id);
    for (i, g) in d.goals.iter().enumerate() {
        refers(p, || format!("goals[{i}].plan_id"), &plans, "plan", g.plan_id);
    }
    for (i, t) in d.goal_targets.iter().enumerate() {
        refers(p, || format!("goal_targets[{i}].goal_id"), &goals, "goal", t.goal_id);
    }
    unique(p, "goal_targets", &d.goal_targets, "goal and indicator", |t| (t.goal_id, t.indicator_id.clone()));
    for (i, a) in d.actions.iter().enumerate() {
        refers(p, || format!("actions[{i}].goal_id"), &goals, "goal", a.goal_id);
        if a.budget_cents < 0 || a.contribution_cents < 0 {
            p.add(format!("actions[{i}]: a negative amount"));
        }
    }
    for (i, v) in d.plan_versions.iter().enumerate() {
        refers(p, || format!("plan_versions[{i}].plan_id"), &plans, "plan", v.plan_id);
        refers_opt(p, || format!("plan_versions[{i}].submitted_by"), &people, "person", v.submitted_by);
        if !v.snapshot.is_object() {
            p.add(format!("plan_versions[{i}].snapshot: not a plan (a JSON object)"));
        }
    }
    for (i, v) in d.plan_versions.iter().enumerate() {
        let mut snapshot = v.snapshot.clone();
        let (mut bad_goal, mut bad_action) = (None, None);
        super::map_snapshot_ids(
            &mut snapshot,
            |g| {
                if g > 0 && !goals.contains(&g) {
                    bad_goal.get_or_insert(format!("goal {g}"));
                }
                g
            },
            |a| {
                if a > 0 && !actions.contains(&a) {
                    bad_action.get_or_insert(format!("action {a}"));
                }
                a
            },
        );
        if let Some(first) = bad_goal.or(bad_action) {
            p.add(format!("plan_versions[{i}].snapshot: there is no {first} (give goals and actions deleted since a negative id)"));
        }
    }
    unique(p, "plan_versions", &d.plan_versions, "plan and number", |v| (v.plan_id, v.number));
    for (i, t) in d.threads.iter().enumerate() {
        refers(p, || format!("threads[{i}].plan_id"), &plans, "plan", t.plan_id);
        refers_opt(p, || format!("threads[{i}].resolved_by"), &people, "person", t.resolved_by);
        let (target, noun) = match t.target_kind {
            super::ThreadTarget::Goal => (&goals, "goal"),
            super::ThreadTarget::Action => (&actions, "action"),
        };
        refers(p, || format!("threads[{i}].target_id"), target, noun, t.target_id);
    }
    for (i, c) in d.comments.iter().enumerate() {
        refers(p, || format!("comments[{i}].thread_id"), &threads, "thread", c.thread_id);
        refers(p, || format!("comments[{i}].author_id"), &people, "person", c.author_id);
    }
    for (i, r) in d.plan_reads.iter().enumerate() {
        refers(p, || format!("plan_reads[{i}].person_id"), &people, "person", r.person_id);
        refers(p, || format!("plan_reads[{i}].plan_id"), &plans, "plan", r.plan_id);
    }
    unique(p, "plan_reads", &d.plan_reads, "person and plan", |r| (r.person_id, r.plan_id));
    if let Some(j) = &d.jury_settings {
        refers_opt(p, || "jury_settings.chair_id".to_string(), &people, "person", j.chair_id);
    }
    if let Some(j) = &d.jury_settings {
        let (mut tie_break, mut bad) = (j.tie_break.clone(), Vec::new());
        super::map_tie_break_criteria(&mut tie_break, |c| {
            if !criteria.contains(&c) {
                bad.push(c);
            }
            None
        });
        if let Some(c) = bad.first() {
            p.add(format!("jury_settings.tie_break: there is no criterion {c}"));
        }
        if let Some(order) = &j.chair_order {
            let (mut order, mut bad) = (order.clone(), Vec::new());
            super::map_chair_order(&mut order, |f| {
                if !finalists.contains(&f) {
                    bad.push(f);
                }
                None
            });
            if let Some(f) = bad.first() {
                p.add(format!("jury_settings.chair_order: there is no finalist {f}"));
            }
        }
    }
    for (i, c) in d.criteria.iter().enumerate() {
        if c.weight > 100 {
            p.add(format!("criteria[{i}].weight: {} is above 100", c.weight));
        }
    }
    for (i, f) in d.finalists.iter().enumerate() {
        refers(p, || format!("finalists[{i}].category_id"), &categories, "award category", f.category_id);
        refers(p, || format!("finalists[{i}].school_id"), &schools, "school", f.school_id);
        refers_opt(p, || format!("finalists[{i}].plan_version_id"), &versions, "plan version", f.plan_version_id);
    }
    unique(p, "finalists", &d.finalists, "category and school", |f| (f.category_id, f.school_id));
    for (i, j) in d.jurors.iter().enumerate() {
        refers(p, || format!("jurors[{i}].person_id"), &people, "person", j.person_id);
        refers_opt(p, || format!("jurors[{i}].company_id"), &companies, "company", j.company_id);
    }
    unique(p, "jurors", &d.jurors, "person", |j| j.person_id);
    for (i, c) in d.conflicts.iter().enumerate() {
        refers(p, || format!("conflicts[{i}].person_id"), &people, "person", c.person_id);
        refers(p, || format!("conflicts[{i}].finalist_id"), &finalists, "finalist", c.finalist_id);
        refers_opt(p, || format!("conflicts[{i}].dismissed_by"), &people, "person", c.dismissed_by);
    }
    unique(p, "conflicts", &d.conflicts, "person, finalist and kind", |c| (c.person_id, c.finalist_id, c.kind));
    for (i, s) in d.score_sheets.iter().enumerate() {
        refers(p, || format!("score_sheets[{i}].person_id"), &people, "person", s.person_id);
        refers(p, || format!("score_sheets[{i}].finalist_id"), &finalists, "finalist", s.finalist_id);
    }
    unique(p, "score_sheets", &d.score_sheets, "person and finalist", |s| (s.person_id, s.finalist_id));
    for (i, s) in d.scores.iter().enumerate() {
        refers(p, || format!("scores[{i}].sheet_id"), &sheets, "score sheet", s.sheet_id);
        refers(p, || format!("scores[{i}].criterion_id"), &criteria, "criterion", s.criterion_id);
    }
    unique(p, "scores", &d.scores, "sheet and criterion", |s| (s.sheet_id, s.criterion_id));
    ids(p, "response_reopenings", &d.response_reopenings, |r| r.id);
    ids(p, "sheet_reopenings", &d.sheet_reopenings, |r| r.id);
    let who = |p: &mut Problems, table: &str, i: usize, f: &super::ReopeningFields| {
        refers(p, || format!("{table}[{i}].requested_by"), &people, "person", f.requested_by);
        refers_opt(p, || format!("{table}[{i}].decided_by"), &people, "person", f.decided_by);
    };
    for (i, r) in d.response_reopenings.iter().enumerate() {
        refers(p, || format!("response_reopenings[{i}].response_id"), &responses, "response", r.response_id);
        who(p, "response_reopenings", i, &r.fields);
    }
    for (i, r) in d.sheet_reopenings.iter().enumerate() {
        refers(p, || format!("sheet_reopenings[{i}].sheet_id"), &sheets, "score sheet", r.sheet_id);
        who(p, "sheet_reopenings", i, &r.fields);
        let mut fields = r.fields.clone();
        if let Err(id) = super::map_reopening_criteria(&mut fields, |c| criteria.contains(&c).then_some(c)) {
            p.add(format!("sheet_reopenings[{i}]: there is no criterion {id}"));
        }
    }
    ids(p, "evidence_files", &d.evidence_files, |r| r.id);
    for (i, f) in d.evidence_files.iter().enumerate() {
        refers(p, || format!("evidence_files[{i}].school_id"), &schools, "school", f.school_id);
        refers_opt(p, || format!("evidence_files[{i}].measurement_id"), &measurements, "measurement", f.measurement_id);
        refers_opt(p, || format!("evidence_files[{i}].person_id"), &people, "person", f.person_id);
        refers_opt(p, || format!("evidence_files[{i}].action_id"), &actions, "action", f.action_id);
        refers_opt(p, || format!("evidence_files[{i}].uploaded_by"), &people, "person", f.uploaded_by);
        let complete = match f.item_kind.as_str() {
            "answer" => f.measurement_id.is_some() && f.indicator_id.is_some() && f.person_id.is_some(),
            "consensus" => f.measurement_id.is_some() && f.indicator_id.is_some(),
            "action" => f.action_id.is_some(),
            _ => false,
        };
        if !complete {
            p.add(format!("evidence_files[{i}]: item_kind \"{}\" without the ids it needs", f.item_kind));
        }
        if f.size == 0 || !crate::exchange::archive::is_sha256(&f.sha256) {
            p.add(format!("evidence_files[{i}]: an empty file or a sha256 that is not 64 hex digits"));
        }
    }
    // At most one open (requested or reopened) reopening per sheet.
    let open = |f: &super::ReopeningFields| f.state.is_open();
    let open_responses: Vec<_> = d.response_reopenings.iter().filter(|r| open(&r.fields)).collect();
    unique(p, "response_reopenings", &open_responses, "response while open", |r| r.response_id);
    let open_sheets: Vec<_> = d.sheet_reopenings.iter().filter(|r| open(&r.fields)).collect();
    unique(p, "sheet_reopenings", &open_sheets, "score sheet while open", |r| r.sheet_id);
    // Award dossiers: one per school, signed by people in the file, within
    // the API's limits.
    for (i, r) in d.dossiers.iter().enumerate() {
        refers(p, || format!("dossiers[{i}].school_id"), &schools, "school", r.school_id);
        for s in [&r.dossier.school_signoff, &r.dossier.company_signoff].into_iter().flatten() {
            refers(p, || format!("dossiers[{i}]: a sign-off"), &people, "person", s.person_id);
        }
        let part = &r.dossier.school;
        let texts = [(&part.text, crate::dossier::MAX_TEXT_CHARS), (&r.dossier.company.text, crate::dossier::MAX_TEXT_CHARS), (&part.summary, crate::dossier::MAX_SUMMARY_CHARS)];
        if texts.iter().any(|(t, max)| t.chars().count() > *max) {
            p.add(format!("dossiers[{i}]: a text longer than the dossier allows"));
        }
        let evidence_ids: HashSet<i64> = d.evidence_files.iter().filter(|f| f.school_id == r.school_id).map(|f| f.id).collect();
        for &f in &part.evidence {
            refers(p, || format!("dossiers[{i}].evidence"), &evidence_ids, "evidence file of this school", f);
        }
        if part.evidence.len() > crate::dossier::MAX_EVIDENCE {
            p.add(format!("dossiers[{i}].evidence: more than {} files", crate::dossier::MAX_EVIDENCE));
        }
    }
    unique(p, "dossiers", &d.dossiers, "school", |r| r.school_id);
    for problem in super::regions::check(&d.regions, &d.regional_goals, &d.regional_actions, &schools, &companies, &goals, &actions) {
        p.add(problem);
    }
    if p.0.is_empty() {
        Ok(())
    } else {
        Err(std::mem::take(&mut p.0))
    }
}
