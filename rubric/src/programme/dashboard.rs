//! The coordinator's dashboard: per school the status of each step of the
//! programme (nulmeting respondents and completion, consensus, action plan
//! submitted, open company comments), the filters on that list, and the
//! edition's timeline with what is overdue.

use super::edition::Edition;
use super::network::NetworkKind;
use super::organisation::School;
use super::Track;
use crate::date::Date;
use serde::{Deserialize, Serialize};

/// How far a school is with one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepStatus {
    NotStarted,
    InProgress,
    Done,
}

/// One school's progress, counted from the shared tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchoolProgress {
    pub school_id: i64,
    pub name: String,
    pub town: String,
    pub region: String,
    pub tracks: Vec<Track>,
    pub company_id: Option<i64>,
    pub company_name: Option<String>,
    /// School team members with an account.
    pub team_members: u32,
    /// Respondents who started the nulmeting (baseline).
    pub respondents: u32,
    /// Of them, those who submitted their answers.
    pub submitted: u32,
    /// Answers given (a level or not applicable), all respondents together.
    pub answered: u32,
    /// Indicators of the rubric the nulmeting uses.
    pub indicators: u32,
    /// Indicators with a consensus recorded.
    pub consensus: u32,
    /// Goals in the action plan.
    pub plan_goals: u32,
    /// Submitted versions of the plan.
    pub plan_versions: u32,
    /// When the latest version was submitted (Unix seconds).
    pub last_submitted_at: Option<i64>,
    /// Unresolved comment threads in which the sponsor company wrote.
    pub open_comments: u32,
    /// The day the school was added to the edition: a school added on or
    /// after the nulmeting deadline has a deadline of its own.
    #[serde(default)]
    pub added_on: Option<Date>,
    /// Where the school's award dossier stands (`crate::dossier`).
    #[serde(default)]
    pub dossier: crate::dossier::DossierStatus,
}

impl SchoolProgress {
    /// An empty progress row for a school (nothing done yet).
    pub fn new(school: &School, company_name: Option<String>, indicators: u32) -> SchoolProgress {
        SchoolProgress {
            school_id: school.id,
            name: school.name.clone(),
            town: school.town.clone(),
            region: school.region.clone(),
            tracks: school.tracks.clone(),
            company_id: school.company_id,
            company_name,
            team_members: 0,
            respondents: 0,
            submitted: 0,
            answered: 0,
            indicators,
            consensus: 0,
            plan_goals: 0,
            plan_versions: 0,
            last_submitted_at: None,
            open_comments: 0,
            added_on: None,
            dossier: crate::dossier::DossierStatus::NotStarted,
        }
    }

    /// Share of the nulmeting answered, 0 to 1: answers given over
    /// respondents times indicators; `None` before anyone started.
    pub fn completion(&self) -> Option<f64> {
        let expected = u64::from(self.respondents) * u64::from(self.indicators);
        (expected > 0).then(|| (f64::from(self.answered) / expected as f64).min(1.0))
    }

    /// The nulmeting is done when everyone who started has submitted.
    pub fn nulmeting(&self) -> StepStatus {
        match (self.respondents, self.submitted) {
            (0, _) => StepStatus::NotStarted,
            (r, s) if s >= r => StepStatus::Done,
            _ => StepStatus::InProgress,
        }
    }

    /// The consensus is done when every indicator has one.
    pub fn consensus_status(&self) -> StepStatus {
        match self.consensus {
            0 => StepStatus::NotStarted,
            n if self.indicators > 0 && n >= self.indicators => StepStatus::Done,
            _ => StepStatus::InProgress,
        }
    }

    /// The plan is done once a version was submitted; in progress while it
    /// has goals.
    pub fn plan(&self) -> StepStatus {
        if self.plan_versions > 0 {
            StepStatus::Done
        } else if self.plan_goals > 0 {
            StepStatus::InProgress
        } else {
            StepStatus::NotStarted
        }
    }

    /// The school's own nulmeting deadline: the edition's, or for a school
    /// added on or after it, four weeks from the day it was added
    /// ([`super::school_nulmeting_deadline`]).
    pub fn nulmeting_deadline(&self, edition: &Edition) -> Option<Date> {
        super::school_nulmeting_deadline(edition.nulmeting_deadline, self.added_on)
    }

    /// The nulmeting step (consensus) is late: past the school's own
    /// deadline, not done.
    pub fn nulmeting_overdue(&self, edition: &Edition, today: Date) -> bool {
        self.nulmeting_deadline(edition).is_some_and(|d| d < today) && self.consensus_status() != StepStatus::Done
    }

    /// The plan is late: past its deadline, not submitted.
    pub fn plan_overdue(&self, edition: &Edition, today: Date) -> bool {
        edition.plan_deadline.is_some_and(|d| d < today) && self.plan() != StepStatus::Done
    }
}

/// What `GET /api/editions/{id}/dashboard` returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub edition: Edition,
    /// The server's today, against which "overdue" is judged.
    pub today: Date,
    /// The active (not archived) schools, by name.
    pub schools: Vec<SchoolProgress>,
    pub timeline: Vec<Milestone>,
    /// Active companies in the edition.
    pub companies: u32,
}

/// Which schools the dashboard lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SchoolFilter {
    #[default]
    All,
    /// Nulmeting not yet submitted by everyone (or not started).
    NulmetingOpen,
    /// Consensus not complete.
    ConsensusOpen,
    /// No plan version submitted.
    PlanNotSubmitted,
    /// Company comments waiting for an answer.
    OpenComments,
    /// No sponsor company yet.
    NoSponsor,
}

impl SchoolFilter {
    pub const ALL: [SchoolFilter; 6] = [
        SchoolFilter::All,
        SchoolFilter::NulmetingOpen,
        SchoolFilter::ConsensusOpen,
        SchoolFilter::PlanNotSubmitted,
        SchoolFilter::OpenComments,
        SchoolFilter::NoSponsor,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SchoolFilter::All => "all",
            SchoolFilter::NulmetingOpen => "nulmeting-open",
            SchoolFilter::ConsensusOpen => "consensus-open",
            SchoolFilter::PlanNotSubmitted => "plan-not-submitted",
            SchoolFilter::OpenComments => "open-comments",
            SchoolFilter::NoSponsor => "no-sponsor",
        }
    }

    pub fn from_key(key: &str) -> Option<SchoolFilter> {
        SchoolFilter::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Whether a school passes this filter.
    pub fn matches(self, p: &SchoolProgress) -> bool {
        match self {
            SchoolFilter::All => true,
            SchoolFilter::NulmetingOpen => p.nulmeting() != StepStatus::Done,
            SchoolFilter::ConsensusOpen => p.consensus_status() != StepStatus::Done,
            SchoolFilter::PlanNotSubmitted => p.plan() != StepStatus::Done,
            SchoolFilter::OpenComments => p.open_comments > 0,
            SchoolFilter::NoSponsor => p.company_id.is_none(),
        }
    }
}

/// The schools that pass the step filter, the region (empty: any), the
/// track (any when `None`) and a name/town/company search (case-insensitive).
pub fn filter_schools<'a>(
    rows: &'a [SchoolProgress],
    filter: SchoolFilter,
    region: &str,
    track: Option<Track>,
    query: &str,
) -> Vec<&'a SchoolProgress> {
    let query = crate::people::fold_case(query.trim());
    rows.iter()
        .filter(|p| filter.matches(p))
        .filter(|p| region.is_empty() || p.region == region)
        .filter(|p| track.is_none_or(|t| p.tracks.contains(&t)))
        .filter(|p| {
            query.is_empty()
                || crate::people::fold_case(&p.name).contains(&query)
                || crate::people::fold_case(&p.town).contains(&query)
                || p.company_name.as_deref().is_some_and(|c| crate::people::fold_case(c).contains(&query))
        })
        .collect()
}

/// What a point on the timeline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "network")]
pub enum MilestoneKind {
    NulmetingDeadline,
    PlanDeadline,
    NetworkSession(NetworkKind),
    FinalEvent,
}

/// Where a milestone stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MilestoneState {
    /// Held, or every school is through this step.
    Done,
    /// Still ahead.
    Upcoming,
    /// The date has passed and some schools are not through.
    Overdue,
}

/// A point on the edition's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub kind: MilestoneKind,
    pub date: Date,
    /// Place (and topic for a session).
    pub detail: String,
    pub state: MilestoneState,
    /// Days from today (negative: in the past).
    pub days_from_today: i64,
    /// For deadlines: schools not through the step.
    pub schools_behind: u32,
}

/// The edition's timeline in date order: the two deadlines (overdue when
/// past and some schools are behind), the network sessions and the final.
/// `sessions` are (network, date, place, topic).
pub fn timeline(
    edition: &Edition,
    sessions: &[(NetworkKind, Date, String, String)],
    progress: &[SchoolProgress],
    today: Date,
) -> Vec<Milestone> {
    let mut out = Vec::new();
    let deadline = |kind, date: Date, behind: usize| {
        let behind = u32::try_from(behind).unwrap_or(u32::MAX);
        let state = if behind == 0 {
            MilestoneState::Done
        } else if date < today {
            MilestoneState::Overdue
        } else {
            MilestoneState::Upcoming
        };
        Milestone { kind, date, detail: String::new(), state, days_from_today: today.days_until(date), schools_behind: behind }
    };
    let event = |kind, date: Date, detail: String| Milestone {
        kind,
        date,
        detail,
        state: if date < today { MilestoneState::Done } else { MilestoneState::Upcoming },
        days_from_today: today.days_until(date),
        schools_behind: 0,
    };
    if let Some(d) = edition.nulmeting_deadline {
        // A school added after this deadline has its own and is not behind this one.
        let behind = progress
            .iter()
            .filter(|p| p.consensus_status() != StepStatus::Done && p.nulmeting_deadline(edition) == Some(d))
            .count();
        out.push(deadline(MilestoneKind::NulmetingDeadline, d, behind));
    }
    if let Some(d) = edition.plan_deadline {
        let behind = progress.iter().filter(|p| p.plan() != StepStatus::Done).count();
        out.push(deadline(MilestoneKind::PlanDeadline, d, behind));
    }
    for (kind, date, place, topic) in sessions {
        let detail = [topic.as_str(), place.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" · ");
        out.push(event(MilestoneKind::NetworkSession(*kind), *date, detail));
    }
    if let Some(d) = edition.final_date {
        out.push(event(MilestoneKind::FinalEvent, d, edition.final_place.clone()));
    }
    out.sort_by_key(|m| m.date);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn edition() -> Edition {
        Edition {
            id: 1,
            name: "E".into(),
            school_year: "2026-2027".into(),
            nulmeting_deadline: Some(d("2026-12-18")),
            plan_deadline: Some(d("2027-03-26")),
            final_date: Some(d("2027-05-28")),
            final_place: "Sint-Niklaas".into(),
            cofinancing_threshold_pct: 10,
            active: true,
            version: 1,
            created_at: 0,
            rubric_version: 1,
        }
    }

    fn school(id: i64, name: &str, region: &str, tracks: Vec<Track>) -> SchoolProgress {
        let s = School {
            id,
            edition_id: 1,
            name: name.into(),
            town: "Gent".into(),
            region: region.into(),
            tracks,
            contact_name: String::new(),
            contact_email: String::new(),
            company_id: None,
            archived: false,
            version: 1,
        };
        SchoolProgress::new(&s, None, 20)
    }

    #[test]
    fn step_statuses_follow_the_counts() {
        let mut p = school(1, "A", "Limburg", vec![Track::Dual]);
        assert_eq!((p.nulmeting(), p.consensus_status(), p.plan()), (StepStatus::NotStarted, StepStatus::NotStarted, StepStatus::NotStarted));
        assert_eq!(p.completion(), None);
        p.respondents = 4;
        p.submitted = 3;
        p.answered = 70;
        p.consensus = 19;
        p.plan_goals = 2;
        assert_eq!((p.nulmeting(), p.consensus_status(), p.plan()), (StepStatus::InProgress, StepStatus::InProgress, StepStatus::InProgress));
        assert_eq!(p.completion(), Some(70.0 / 80.0));
        p.submitted = 4;
        p.consensus = 20;
        p.plan_versions = 1;
        assert_eq!((p.nulmeting(), p.consensus_status(), p.plan()), (StepStatus::Done, StepStatus::Done, StepStatus::Done));
    }

    #[test]
    fn filters_combine() {
        let mut a = school(1, "Campus De Horizon", "Oost-Vlaanderen", vec![Track::Dual]);
        let mut b = school(2, "Atheneum Scheldeland", "Antwerpen", vec![Track::TransitionOriented]);
        let c = school(3, "Technisch Instituut Kempenland", "Antwerpen", vec![Track::LabourMarketOriented, Track::Dual]);
        a.plan_versions = 1;
        a.open_comments = 2;
        b.company_id = Some(9);
        b.company_name = Some("Polymeer Waasland".into());
        let rows = vec![a, b, c];
        let ids = |v: Vec<&SchoolProgress>| v.iter().map(|p| p.school_id).collect::<Vec<_>>();
        assert_eq!(ids(filter_schools(&rows, SchoolFilter::All, "", None, "")), vec![1, 2, 3]);
        assert_eq!(ids(filter_schools(&rows, SchoolFilter::PlanNotSubmitted, "", None, "")), vec![2, 3]);
        assert_eq!(ids(filter_schools(&rows, SchoolFilter::OpenComments, "", None, "")), vec![1]);
        assert_eq!(ids(filter_schools(&rows, SchoolFilter::NoSponsor, "Antwerpen", None, "")), vec![3]);
        assert_eq!(ids(filter_schools(&rows, SchoolFilter::All, "", Some(Track::Dual), "")), vec![1, 3]);
        assert_eq!(ids(filter_schools(&rows, SchoolFilter::All, "", None, "polymeer")), vec![2]);
        assert_eq!(ids(filter_schools(&rows, SchoolFilter::All, "", None, " KEMPEN")), vec![3]);
        for f in SchoolFilter::ALL {
            assert_eq!(SchoolFilter::from_key(f.key()), Some(f));
        }
    }

    #[test]
    fn the_timeline_marks_what_is_overdue() {
        let mut done = school(1, "A", "", vec![Track::Dual]);
        done.consensus = 20;
        let late = school(2, "B", "", vec![Track::Dual]);
        let progress = vec![done.clone(), late.clone()];
        let sessions = vec![(NetworkKind::TeamStemProject, d("2027-01-28"), "Genk".to_string(), "Projectwerk".to_string())];
        let t = timeline(&edition(), &sessions, &progress, d("2027-02-01"));
        let kinds: Vec<MilestoneKind> = t.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            vec![
                MilestoneKind::NulmetingDeadline,
                MilestoneKind::NetworkSession(NetworkKind::TeamStemProject),
                MilestoneKind::PlanDeadline,
                MilestoneKind::FinalEvent
            ]
        );
        assert_eq!((t[0].state, t[0].schools_behind), (MilestoneState::Overdue, 1));
        assert_eq!(t[1].state, MilestoneState::Done);
        assert_eq!(t[1].detail, "Projectwerk · Genk");
        assert_eq!((t[2].state, t[2].schools_behind), (MilestoneState::Upcoming, 2));
        assert_eq!(t[3].days_from_today, 116);
        assert!(late.nulmeting_overdue(&edition(), d("2027-02-01")));
        assert!(!done.nulmeting_overdue(&edition(), d("2027-02-01")));
        assert!(!late.plan_overdue(&edition(), d("2027-02-01")));
        // Before the deadline nothing is overdue; with everyone through, it is done.
        let t = timeline(&edition(), &[], &[done], d("2026-10-01"));
        assert_eq!(t[0].state, MilestoneState::Done);
        assert_eq!(t[1].state, MilestoneState::Upcoming);
    }

    #[test]
    fn a_school_added_after_the_deadline_is_late_only_after_its_own() {
        let e = edition();
        let deadline = e.nulmeting_deadline.expect("the test edition has a nulmeting deadline");
        let mut late_comer = school(3, "Laatkomer", "Limburg", vec![]);
        late_comer.added_on = Date::from_days(deadline.to_days() + 10);
        let own = late_comer.nulmeting_deadline(&e).expect("own deadline");
        assert_eq!(own.to_days(), deadline.to_days() + 10 + super::super::LATE_SCHOOL_NULMETING_DAYS);
        let after_edition_deadline = Date::from_days(deadline.to_days() + 12).expect("date");
        assert!(!late_comer.nulmeting_overdue(&e, after_edition_deadline));
        let t = timeline(&e, &[], &[late_comer.clone()], after_edition_deadline);
        assert_eq!((t[0].state, t[0].schools_behind), (MilestoneState::Done, 0), "not behind the edition's deadline");
        let after_own = Date::from_days(own.to_days() + 1).expect("date");
        assert!(late_comer.nulmeting_overdue(&e, after_own));
        // A school that was there before the deadline is late the day after it.
        let early = school(4, "Vroeg", "Limburg", vec![]);
        assert!(early.nulmeting_overdue(&e, after_edition_deadline));
    }
}
