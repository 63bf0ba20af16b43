//! Generated editions for property tests: [`document`] builds a random but
//! consistent document from a seed (every table, empty or full, with
//! awkward text), so "export, import, export" can be checked on many
//! shapes. Deterministic: the same seed gives the same document.

use super::*;
use crate::plan::{Action, ActionPlan, Contribution, Goal, IndicatorTarget};

/// SplitMix64: small, fast, good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as u64) as i64
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len() as u64) as usize)
    }
}

const WORDS: &[&str] = &[
    "Campus", "De Horizon", "Atheneum", "Scheldeland", "Sint-Ursula", "\"Quoted\" naam", "Kempen", "Lab; semicolon",
    "comma, inside", "Ünïcødé – é", "Polymeer", "Nieuwe\nregel", "  spaced  ", "Ø", "tab\there", "emoji 🚀",
];

fn text(rng: &mut Rng, words: usize) -> String {
    (0..words.max(1)).map(|_| *rng.pick(WORDS).unwrap_or(&"x")).collect::<Vec<_>>().join(" ")
}

fn maybe_text(rng: &mut Rng) -> String {
    if rng.chance(30) {
        String::new()
    } else {
        text(rng, 2)
    }
}

/// A day in 2024-2027 (always in the supported range).
fn date(rng: &mut Rng) -> Option<Date> {
    Date::from_days(rng.range(19_800, 21_100))
}

fn ts(rng: &mut Rng) -> i64 {
    rng.range(1_700_000_000, 1_800_000_000)
}

fn maybe_ts(rng: &mut Rng) -> Option<i64> {
    rng.chance(50).then(|| ts(rng))
}

fn level(rng: &mut Rng) -> Level {
    Level::new(rng.range(1, 4) as u8).unwrap_or(Level::MIN)
}

/// A random consistent edition document.
pub fn document(seed: u64) -> ExchangeDocument {
    let mut rng = Rng::new(seed);
    let r = &mut rng;
    let indicators: Vec<String> = crate::current_rubric().indicators().map(|(_, i)| i.id.clone()).collect();
    let edition = EditionRecord {
        name: text(r, 3),
        school_year: "2026-2027".into(),
        nulmeting_deadline: r.chance(70).then(|| date(r)).flatten(),
        plan_deadline: r.chance(70).then(|| date(r)).flatten(),
        final_date: r.chance(70).then(|| date(r)).flatten(),
        final_place: maybe_text(r),
        cofinancing_threshold_pct: r.range(0, 100) as u8,
        active: r.chance(50),
        version: r.range(1, 5),
        created_at: ts(r),
        rubric_version: crate::rubric_versions::FIRST,
    };
    let mut d = ExchangeDocument::new(edition, 1_750_000_000, env!("CARGO_PKG_VERSION"));
    let n_companies = r.range(0, 4);
    for id in 1..=n_companies {
        d.companies.push(CompanyRecord {
            id,
            name: text(r, 2),
            town: maybe_text(r),
            sector: maybe_text(r),
            contact_name: maybe_text(r),
            contact_email: if r.chance(50) { format!("c{id}@example.org") } else { String::new() },
            archived_at: r.chance(20).then(|| ts(r)),
            version: r.range(1, 3),
            created_at: ts(r),
        });
    }
    let n_schools = r.range(0, 6);
    for id in 1..=n_schools {
        let mut tracks: Vec<Track> = Track::ALL.into_iter().filter(|_| r.chance(50)).collect();
        if tracks.is_empty() {
            tracks.push(Track::Dual);
        }
        d.schools.push(SchoolRecord {
            id,
            name: text(r, 2),
            town: maybe_text(r),
            region: r.pick(&crate::programme::REGIONS).map(|s| s.to_string()).unwrap_or_default(),
            tracks,
            contact_name: maybe_text(r),
            contact_email: String::new(),
            company_id: (n_companies > 0 && r.chance(70)).then(|| r.range(1, n_companies)),
            archived_at: r.chance(15).then(|| ts(r)),
            version: r.range(1, 3),
            created_at: ts(r),
        });
    }
    // People: members of schools and companies, jurors, a coordinator.
    let person = |d: &mut ExchangeDocument, r: &mut Rng, role: Role, school: Option<i64>, company: Option<i64>| {
        let id = d.people.len() as i64 + 1;
        d.people.push(PersonRecord {
            id,
            name: text(r, 2),
            email: if r.chance(50) { format!("p{id}@example.org") } else { String::new() },
            role,
            school_id: school,
            company_id: company,
            school_function: school.map(|_| *r.pick(&SchoolFunction::ALL).unwrap_or(&SchoolFunction::Teacher)),
            archived_at: r.chance(10).then(|| ts(r)),
            created_at: ts(r),
        });
        id
    };
    // Coordinators and jurors are part of an edition only through what
    // they did in it: here the jury (as chair and jurors).
    let with_jury = r.chance(70);
    let coordinator = (with_jury && r.chance(60)).then(|| person(&mut d, r, Role::Coordinator, None, None));
    for s in 1..=n_schools {
        for _ in 0..r.range(0, 3) {
            person(&mut d, r, Role::SchoolMember, Some(s), None);
        }
    }
    for c in 1..=n_companies {
        for _ in 0..r.range(0, 2) {
            person(&mut d, r, Role::CompanyMember, None, Some(c));
        }
    }
    for _ in 0..if with_jury { r.range(0, 3) } else { 0 } {
        person(&mut d, r, Role::Juror, None, None);
    }
    let n_people = d.people.len() as i64;
    let some_person = |r: &mut Rng| (n_people > 0).then(|| r.range(1, n_people));

    // Learning networks.
    for kind in NetworkKind::ALL {
        if r.chance(80) {
            let id = d.networks.len() as i64 + 1;
            d.networks.push(NetworkRecord { id, kind, name: maybe_text(r) });
            for _ in 0..r.range(0, 2) {
                let Some(day) = date(r) else { continue };
                let sid = d.network_sessions.len() as i64 + 1;
                d.network_sessions.push(SessionRecord {
                    id: sid,
                    network_id: id,
                    date: day,
                    place: maybe_text(r),
                    topic: maybe_text(r),
                    version: r.range(1, 3),
                    created_at: ts(r),
                });
                for s in 1..=n_schools {
                    if r.chance(50) {
                        d.attendance.push(AttendanceRecord { session_id: sid, school_id: Some(s), company_id: None });
                    }
                }
                for c in 1..=n_companies {
                    if r.chance(50) {
                        d.attendance.push(AttendanceRecord { session_id: sid, school_id: None, company_id: Some(c) });
                    }
                }
            }
        }
    }

    // Nulmeting.
    for s in 1..=n_schools {
        for kind in MeasurementKind::ALL {
            if !r.chance(60) {
                continue;
            }
            let mid = d.measurements.len() as i64 + 1;
            let closed = r.chance(30);
            d.measurements.push(MeasurementRecord {
                id: mid,
                school_id: s,
                kind,
                rubric_version: 1,
                status: if closed { MeasurementStatus::Closed } else { MeasurementStatus::Open },
                opened_at: ts(r),
                closed_at: closed.then(|| ts(r)),
            });
            let members: Vec<i64> = d.people.iter().filter(|p| p.school_id == Some(s)).map(|p| p.id).collect();
            for pid in members {
                if !r.chance(80) {
                    continue;
                }
                let rid = d.responses.len() as i64 + 1;
                d.responses.push(ResponseRecord {
                    id: rid,
                    measurement_id: mid,
                    person_id: pid,
                    submitted_at: maybe_ts(r),
                    created_at: ts(r),
                });
                for ind in &indicators {
                    if r.chance(25) {
                        let na = r.chance(10);
                        let dont_know = !na && r.chance(5);
                        d.answers.push(AnswerRecord {
                            response_id: rid,
                            indicator_id: ind.clone(),
                            level: (!na && !dont_know && r.chance(90)).then(|| level(r)),
                            not_applicable: na,
                            dont_know,
                            comment: if r.chance(20) { text(r, 3) } else { String::new() },
                            evidence_url: if r.chance(10) { "https://example.org/x?a=1&b=2".into() } else { String::new() },
                            version: r.range(1, 4),
                            updated_at: ts(r),
                        });
                    }
                }
            }
            for ind in &indicators {
                if r.chance(20) {
                    d.consensus.push(ConsensusRecord {
                        measurement_id: mid,
                        indicator_id: ind.clone(),
                        level: r.chance(90).then(|| level(r)),
                        rationale: maybe_text(r),
                        decided_by: some_person(r),
                        decided_at: ts(r),
                        version: r.range(1, 3),
                    });
                }
            }
        }
    }

    // Plans, goals, actions, versions, threads.
    for s in 1..=n_schools {
        if !r.chance(70) {
            continue;
        }
        let plan_id = d.plans.len() as i64 + 1;
        d.plans.push(PlanRecord { id: plan_id, school_id: s, version: r.range(1, 9), created_at: ts(r), updated_at: ts(r) });
        let mut plan_goals = vec![];
        for pos in 0..r.range(0, 3) {
            let gid = d.goals.len() as i64 + 1;
            d.goals.push(GoalRecord {
                id: gid,
                plan_id,
                title: text(r, 3),
                description: maybe_text(r),
                position: pos,
                version: r.range(1, 3),
                created_at: ts(r),
                updated_at: ts(r),
                deleted_at: r.chance(10).then(|| ts(r)),
            });
            plan_goals.push(gid);
            let mut used = std::collections::HashSet::new();
            for _ in 0..r.range(0, 2) {
                let Some(ind) = r.pick(&indicators).cloned() else { break };
                if used.insert(ind.clone()) {
                    d.goal_targets.push(GoalTargetRecord {
                        goal_id: gid,
                        indicator_id: ind,
                        current_level: r.chance(70).then_some(Level::MIN),
                        target_level: Level::MAX,
                    });
                }
            }
            for apos in 0..r.range(0, 3) {
                let aid = d.actions.len() as i64 + 1;
                let kind = *r.pick(&ContributionKind::ALL).unwrap_or(&ContributionKind::None);
                d.actions.push(ActionRecord {
                    id: aid,
                    goal_id: gid,
                    description: text(r, 4),
                    owner: maybe_text(r),
                    start_date: r.chance(60).then(|| date(r)).flatten(),
                    deadline: r.chance(60).then(|| date(r)).flatten(),
                    budget_cents: r.range(0, 1_000_000),
                    contribution_kind: kind,
                    contribution_cents: if kind == ContributionKind::None { 0 } else { r.range(1, 50_000) },
                    contribution_description: maybe_text(r),
                    success_criterion: maybe_text(r),
                    status: *r.pick(&ActionStatus::ALL).unwrap_or(&ActionStatus::Planned),
                    evidence_url: String::new(),
                    position: apos,
                    version: r.range(1, 3),
                    created_at: ts(r),
                    updated_at: ts(r),
                });
            }
        }
        for number in 1..=r.range(0, 2) {
            let vid = d.plan_versions.len() as i64 + 1;
            let snapshot = snapshot(r, &d, &plan_goals);
            d.plan_versions.push(PlanVersionRecord {
                id: vid,
                plan_id,
                number,
                submitted_at: ts(r),
                submitted_by: some_person(r),
                snapshot,
            });
        }
        if n_people > 0 {
            let targets: Vec<(ThreadTarget, i64)> = plan_goals
                .iter()
                .map(|g| (ThreadTarget::Goal, *g))
                .chain(d.actions.iter().filter(|a| plan_goals.contains(&a.goal_id)).map(|a| (ThreadTarget::Action, a.id)))
                .collect();
            for (target_kind, target_id) in targets {
                if !r.chance(40) {
                    continue;
                }
                let tid = d.threads.len() as i64 + 1;
                let resolved = r.chance(40);
                d.threads.push(ThreadRecord {
                    id: tid,
                    plan_id,
                    target_kind,
                    target_id,
                    resolved_at: resolved.then(|| ts(r)),
                    resolved_by: if resolved { some_person(r) } else { None },
                    created_at: ts(r),
                });
                for _ in 0..r.range(1, 3) {
                    let cid = d.comments.len() as i64 + 1;
                    d.comments.push(CommentRecord {
                        id: cid,
                        thread_id: tid,
                        author_id: r.range(1, n_people),
                        body: text(r, 5),
                        created_at: ts(r),
                    });
                }
            }
            if r.chance(50) {
                d.plan_reads.push(PlanReadRecord { person_id: r.range(1, n_people), plan_id, last_read_at: ts(r) });
            }
        }
    }

    // Jury.
    if with_jury {
        for id in 1..=r.range(0, 2) {
            d.award_categories.push(AwardCategoryRecord { id, name: text(r, 2), position: id - 1 });
        }
        let n_criteria = r.range(0, 5);
        for id in 1..=n_criteria {
            d.criteria.push(CriterionRecord {
                id,
                name_nl: text(r, 2),
                name_en: text(r, 2),
                description_nl: maybe_text(r),
                description_en: maybe_text(r),
                weight: r.range(0, 100) as u8,
                anchors: serde_json::json!([{ "nl": text(r, 2), "en": "band" }]),
                position: id - 1,
            });
        }
        for c in 1..=d.award_categories.len() as i64 {
            for s in 1..=n_schools {
                if r.chance(40) {
                    let fid = d.finalists.len() as i64 + 1;
                    let versions: Vec<i64> = d
                        .plan_versions
                        .iter()
                        .filter(|v| d.plans.iter().any(|p| p.id == v.plan_id && p.school_id == s))
                        .map(|v| v.id)
                        .collect();
                    d.finalists.push(FinalistRecord {
                        id: fid,
                        category_id: c,
                        school_id: s,
                        plan_version_id: r.pick(&versions).copied(),
                    });
                }
            }
        }
        let jurors: Vec<i64> = d.people.iter().filter(|p| p.role == Role::Juror).map(|p| p.id).collect();
        for &pid in &jurors {
            d.jurors.push(JurorRecord {
                person_id: pid,
                company_id: (n_companies > 0 && r.chance(30)).then(|| r.range(1, n_companies)),
            });
            for f in 1..=d.finalists.len() as i64 {
                if r.chance(20) {
                    let id = d.conflicts.len() as i64 + 1;
                    let dismissed = r.chance(30);
                    d.conflicts.push(ConflictRecord {
                        id,
                        person_id: pid,
                        finalist_id: f,
                        kind: if r.chance(50) { ConflictKind::Declared } else { ConflictKind::Automatic },
                        reason: maybe_text(r),
                        dismissed_at: dismissed.then(|| ts(r)),
                        dismissed_by: if dismissed { some_person(r) } else { None },
                        dismiss_reason: String::new(),
                        created_at: ts(r),
                    });
                }
                if r.chance(60) {
                    let sid = d.score_sheets.len() as i64 + 1;
                    d.score_sheets.push(ScoreSheetRecord {
                        id: sid,
                        person_id: pid,
                        finalist_id: f,
                        remark: maybe_text(r),
                        submitted_at: maybe_ts(r),
                        version: r.range(1, 3),
                        updated_at: ts(r),
                    });
                    for c in 1..=n_criteria {
                        if r.chance(80) {
                            d.scores.push(ScoreRecord {
                                sheet_id: sid,
                                criterion_id: c,
                                score: Score::new(r.range(1, 10) as u8).unwrap_or(Score::MIN),
                                remark: maybe_text(r),
                            });
                        }
                    }
                }
            }
        }
        let mut tie_break = vec![];
        if n_criteria > 0 {
            tie_break.push(serde_json::json!({ "higher-criterion": r.range(1, n_criteria).to_string() }));
        }
        tie_break.push(serde_json::json!("more-first-places"));
        tie_break.push(serde_json::json!("chair-decision"));
        let finalists = d.finalists.len() as i64;
        d.jury_settings = Some(JurySettingsRecord {
            status: *r.pick(&[JuryStatus::Setup, JuryStatus::Open, JuryStatus::Closed]).unwrap_or(&JuryStatus::Setup),
            tie_break: Value::Array(tie_break),
            chair_id: coordinator.or_else(|| some_person(r)),
            chair_order: (finalists > 0 && r.chance(50)).then(|| serde_json::json!((1..=finalists).rev().collect::<Vec<_>>())),
            locked_at: maybe_ts(r),
            published_at: maybe_ts(r),
            version: r.range(1, 3),
        });
    }
    // Award dossiers for some schools, signed by people of the file.
    let n_people = d.people.len() as i64;
    for school_id in 1..=n_schools {
        if !r.chance(40) {
            continue;
        }
        let mut dossier = crate::dossier::Dossier {
            school: crate::dossier::SchoolPart { plan_version: r.chance(60).then(|| r.range(1, 3) as u32), text: maybe_text(r), summary: maybe_text(r), evidence: vec![] },
            company: crate::dossier::CompanyPart { text: maybe_text(r) },
            school_version: r.range(0, 5),
            company_version: r.range(0, 5),
            revision: r.range(0, 9) as u32,
            ..Default::default()
        };
        if n_people > 0 && r.chance(50) {
            let revision = dossier.revision;
            dossier.school_signoff = Some(crate::dossier::SignOff { person_id: r.range(1, n_people), name: text(r, 2), at: ts(r), revision });
            if r.chance(50) {
                dossier.company_signoff = Some(crate::dossier::SignOff { person_id: r.range(1, n_people), name: text(r, 2), at: ts(r), revision });
                dossier.submitted_at = Some(ts(r));
            }
        }
        d.dossiers.push(DossierRecord { school_id, dossier });
    }
    d.sort_canonical();
    d
}

/// A frozen plan of some of the plan's goals and actions; now and then a
/// goal that was deleted since (negative id).
fn snapshot(r: &mut Rng, d: &ExchangeDocument, goals: &[i64]) -> Value {
    let mut plan = ActionPlan::default();
    for (pos, &g) in goals.iter().enumerate() {
        if !r.chance(80) {
            continue;
        }
        let title = d.goals.iter().find(|x| x.id == g).map(|x| x.title.clone()).unwrap_or_default();
        plan.goals.push(Goal {
            id: g,
            title,
            description: String::new(),
            indicator_targets: vec![IndicatorTarget {
                indicator_id: "curriculum.learning-lines".into(),
                current_level: None,
                target_level: Level::MAX,
            }],
            position: pos as u32,
        });
        for a in d.actions.iter().filter(|a| a.goal_id == g) {
            plan.actions.push(Action {
                id: a.id,
                goal_id: g,
                description: a.description.clone(),
                owner: a.owner.clone(),
                start: a.start_date,
                deadline: a.deadline,
                budget_cents: a.budget_cents,
                company_contribution: Contribution::default(),
                success_criterion: String::new(),
                status: a.status,
                evidence_url: None,
                position: 0,
            });
        }
    }
    if r.chance(30) {
        let gone = -(r.range(1, 1000));
        plan.goals.push(Goal { id: gone, title: "deleted since".into(), description: String::new(), indicator_targets: vec![], position: 9 });
        plan.actions.push(Action {
            id: -(r.range(1, 1000)),
            goal_id: gone,
            description: "gone".into(),
            owner: String::new(),
            start: None,
            deadline: None,
            budget_cents: 0,
            company_contribution: Contribution::default(),
            success_criterion: String::new(),
            status: ActionStatus::Dropped,
            evidence_url: None,
            position: 0,
        });
    }
    serde_json::to_value(&plan).unwrap_or(Value::Null)
}
