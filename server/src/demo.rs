//! The demo edition: a realistic, invented edition with 20 schools across
//! the five Flemish provinces, their sponsor companies, the three learning
//! networks with sessions and attendance, nulmeting answers with some
//! disagreement, consensus, action plans with comment threads, submitted
//! plan versions and a jury half-way through scoring. Every name is
//! invented. Built as an exchange document (imported like a backup) from a
//! fixed seed: the same `today` always gives the same edition, and only the
//! dates move with `today` so the timeline always looks current.

use rubric::assessment::MeasurementKind;
use rubric::exchange::generate::Rng;
use rubric::exchange::*;
use rubric::jury::Score;
use rubric::people::{Role, SchoolFunction};
use rubric::plan::{Action, ActionPlan, ActionStatus, Contribution, ContributionKind, Goal, IndicatorTarget};
use rubric::programme::{NetworkKind, SchoolYear, Track};
use rubric::{Date, Level};
use serde_json::json;

/// Schools: name, town, province, tracks (T transition, D dual, A labour market).
const SCHOOLS: [(&str, &str, &str, &str); 20] = [
    ("Campus De Horizon", "Mechelen", "Antwerpen", "TD"),
    ("Kempenlab Secundair", "Geel", "Antwerpen", "DA"),
    ("Scholengroep Zilverberk", "Turnhout", "Antwerpen", "TDA"),
    ("Atheneum Rupelpoort", "Boom", "Antwerpen", "T"),
    ("Campus Kolenspoor", "Genk", "Limburg", "DA"),
    ("Maaslandcollege Nieuwe Wegen", "Maasmechelen", "Limburg", "TD"),
    ("Technicum Haspengouw-Zuid", "Sint-Truiden", "Limburg", "A"),
    ("Mijnstreeklyceum Beringen-Oost", "Beringen", "Limburg", "TDA"),
    ("Atheneum Scheldeland", "Temse", "Oost-Vlaanderen", "TD"),
    ("Campus Leiebocht", "Deinze", "Oost-Vlaanderen", "DA"),
    ("Vakschool Meetjesland-Noord", "Eeklo", "Oost-Vlaanderen", "A"),
    ("Instituut De Vlasbloem", "Zottegem", "Oost-Vlaanderen", "T"),
    ("Campus Dijlevallei", "Leuven", "Vlaams-Brabant", "TD"),
    ("Hageland Technicum", "Diest", "Vlaams-Brabant", "DA"),
    ("Atheneum Zennepoort", "Vilvoorde", "Vlaams-Brabant", "TDA"),
    ("Scholen aan de Demerbocht", "Aarschot", "Vlaams-Brabant", "D"),
    ("Campus Zeewind", "Oostende", "West-Vlaanderen", "TD"),
    ("Westhoekschool De IJzerlaan", "Ieper", "West-Vlaanderen", "DA"),
    ("Leiestad Technicum", "Kortrijk", "West-Vlaanderen", "A"),
    ("Campus Polderlicht", "Brugge", "West-Vlaanderen", "T"),
];

/// Companies: name, town, sector.
const COMPANIES: [(&str, &str, &str); 16] = [
    ("Brabo Bouwtechniek", "Mechelen", "bouw"),
    ("Laserwerk Kempen", "Geel", "metaalbewerking"),
    ("Rupel Ceramics", "Boom", "keramiek"),
    ("Kolenspoor Mechatronics", "Genk", "mechatronica"),
    ("Maasland Staalbouw", "Maasmechelen", "staalbouw"),
    ("Haspengouw Agrotech", "Sint-Truiden", "agrotechnologie"),
    ("Polymeer Waasland", "Beveren", "chemie"),
    ("Leie Voedingstechnologie", "Deinze", "voeding"),
    ("Meetjesland Machinebouw", "Eeklo", "machinebouw"),
    ("Dijle Robotics", "Leuven", "automatisering"),
    ("Zennevallei Logistics", "Vilvoorde", "logistiek"),
    ("Demer Data", "Aarschot", "ICT"),
    ("Noorderwind Energie", "Oostende", "energie"),
    ("Westkust Composieten", "Ieper", "composieten"),
    ("Brugse Medtech", "Brugge", "medische technologie"),
    ("Kortrijk Textieltech", "Kortrijk", "textieltechnologie"),
];

/// The sponsor of each school (index into COMPANIES); two schools are not
/// matched yet, and some companies sponsor two schools.
const SPONSORS: [Option<usize>; 20] = [
    Some(0), Some(1), Some(1), Some(2), Some(3), Some(4), Some(5), None,
    Some(6), Some(7), Some(8), Some(6), Some(9), Some(11), Some(10), None,
    Some(12), Some(13), Some(15), Some(14),
];

const FIRST: [&str; 30] = [
    "An", "Bart", "Caroline", "Dirk", "Els", "Filip", "Griet", "Hans", "Ilse", "Jan", "Katrien", "Lieven", "Marijke",
    "Nico", "Orla", "Pieter", "Roel", "Sofie", "Tom", "Ute", "Veerle", "Wim", "Xander", "Yasmine", "Ziggy", "Nadia",
    "Koen", "Hilde", "Mehmet", "Lotte",
];
const LAST: [&str; 30] = [
    "Peeters", "Janssens", "Maes", "Claes", "Wouters", "De Smet", "Mertens", "Willems", "Goossens", "Jacobs",
    "Vermeulen", "Hermans", "Aerts", "Verstraete", "Dubois", "Lambrechts", "Van Damme", "De Clercq", "Michiels",
    "Coppens", "Vandenberghe", "Desmet", "Verhoeven", "El Amrani", "Smets", "Cools", "Pauwels", "Martens",
    "Van Dyck", "Yilmaz",
];

/// Goal templates per aspect: title, description, actions (what, owner,
/// budget in euro, company contribution kind and value in euro, what the
/// company gives, success criterion).
type ActionTemplate = (&'static str, &'static str, i64, ContributionKind, i64, &'static str, &'static str);

fn goal_template(aspect: &str) -> (&'static str, &'static str, [ActionTemplate; 2]) {
    use ContributionKind::{InKind, Money, None as NoContribution};
    match aspect {
        "curriculum" => (
            "Een doorlopende STEM-leerlijn over de graden heen",
            "Vakgroepen stemmen doelen en projecten af zodat leerlingen van het eerste tot het zesde jaar voortbouwen.",
            [
                ("Leerlijnenoverleg wiskunde, wetenschappen en techniek per graad", "STEM-coördinator", 600, NoContribution, 0, "", "Leerlijn goedgekeurd door de pedagogische raad"),
                ("Eén geïntegreerd STEM-project per graad uitwerken met het peterbedrijf", "Vakgroep techniek", 2400, InKind, 900, "Ingenieurs denken mee over de projectopdracht", "Drie projecten in de jaarplanning"),
            ],
        ),
        "pedagogy" => (
            "Meer onderzoekend en ontwerpend leren",
            "Leerlingen werken aan echte vragen uit bedrijven en ontwerpen zelf oplossingen.",
            [
                ("Vorming onderzoekend leren voor het STEM-team", "Directie", 1500, Money, 500, "Bijdrage aan de vormingskosten", "80 % van het STEM-team gevolgd"),
                ("Bedrijfscases als startpunt voor ontwerpopdrachten", "Leerkrachten 2de graad", 800, InKind, 1200, "Twee bedrijfscases met begeleiding", "Twee cases gebruikt in de klas"),
            ],
        ),
        "professionalisation" => (
            "Een STEM-professionaliseringsplan voor het team",
            "Leerkrachten leren samen en van bedrijven, met een plan dat jaar na jaar terugkomt.",
            [
                ("Leerkrachtenstage van drie dagen in het peterbedrijf", "STEM-coördinator", 900, InKind, 1800, "Stageplaatsen en begeleiding", "Vier leerkrachten liepen stage"),
                ("Intervisie na elk lerend netwerk", "STEM-coördinator", 300, NoContribution, 0, "", "Verslag gedeeld met het hele team"),
            ],
        ),
        "evaluation" => (
            "STEM-competenties zichtbaar evalueren",
            "Proces én product beoordelen met rubrics en een portfolio.",
            [
                ("Gemeenschappelijke rubric voor onderzoeksvaardigheden", "Vakgroep wetenschappen", 400, NoContribution, 0, "", "Rubric gebruikt in alle STEM-projecten"),
                ("Digitaal portfolio voor STEM-projecten", "ICT-coördinator", 1800, Money, 600, "Bijdrage aan de licentie", "Elke leerling van de 2de graad heeft een portfolio"),
            ],
        ),
        "company-cooperation" => (
            "Van losse bezoeken naar een structureel partnerschap",
            "Een samenwerkingsovereenkomst met vaste momenten doorheen het schooljaar.",
            [
                ("Samenwerkingsovereenkomst met jaarkalender opstellen", "Directie", 200, InKind, 400, "Tijd van de HR-verantwoordelijke", "Ondertekende overeenkomst"),
                ("Gastlessen en bedrijfsbezoek voor elke klas van de 3de graad", "STEM-coördinator", 1200, InKind, 1500, "Gastsprekers en rondleidingen", "Elke klas had minstens één contact"),
            ],
        ),
        "leadership" => (
            "STEM verankeren in het schoolbeleid",
            "Een gedeelde visie, een coördinator met mandaat en opvolging op de personeelsvergadering.",
            [
                ("STEM-visie opnemen in het schoolwerkplan", "Directie", 0, NoContribution, 0, "", "Visie goedgekeurd door de schoolraad"),
                ("Uren voor de STEM-coördinator vrijmaken", "Directie", 3000, NoContribution, 0, "", "Vier lestijden per week toegekend"),
            ],
        ),
        _ => (
            "Een makerspace voor projectwerk",
            "Een lokaal met gereedschap en digitale toestellen, en roosterruimte om het te gebruiken.",
            [
                ("Lokaal inrichten als makerspace", "Technisch adviseur", 8500, Money, 2500, "Bijdrage aan 3D-printers en werkbanken", "Makerspace in gebruik vanaf het tweede trimester"),
                ("Blokuren voor projectwerk in het lessenrooster", "Directie", 0, InKind, 300, "Advies over planning van projecten", "Twee blokuren per week in de 2de graad"),
            ],
        ),
    }
}

struct Builder {
    rng: Rng,
    doc: ExchangeDocument,
    /// Midnight of `today`, in Unix seconds.
    base: i64,
    today: Date,
}

impl Builder {
    fn day(&self, offset: i64) -> Date {
        Date::from_days(self.today.to_days() + offset).unwrap_or(self.today)
    }

    /// A moment `days` before today, at a fixed hour plus a little jitter.
    fn at(&mut self, days: i64) -> i64 {
        self.base - days * 86_400 + 9 * 3_600 + self.rng.range(0, 8 * 3_600)
    }

    fn person(&mut self, role: Role, school: Option<i64>, company: Option<i64>, function: Option<SchoolFunction>) -> i64 {
        let id = self.doc.people.len() as i64 + 1;
        let n = id as usize * 7;
        let first = FIRST[n % FIRST.len()];
        let last = LAST[(n / FIRST.len() + id as usize * 3) % LAST.len()];
        let domain = match (school, company) {
            (Some(s), _) => format!("school{s}.demo.stempact.be"),
            (_, Some(c)) => format!("bedrijf{c}.demo.stempact.be"),
            _ => "demo.stempact.be".to_string(),
        };
        let email = format!("{}.{}@{domain}", first.to_lowercase(), last.to_lowercase().replace(' ', ""));
        let created_at = self.at(150);
        self.doc.people.push(PersonRecord {
            id,
            name: format!("{first} {last}"),
            email,
            role,
            school_id: school,
            company_id: company,
            school_function: function,
            archived_at: None,
            created_at,
        });
        id
    }
}

fn tracks(code: &str) -> Vec<Track> {
    code.chars()
        .filter_map(|c| match c {
            'T' => Some(Track::TransitionOriented),
            'D' => Some(Track::Dual),
            'A' => Some(Track::LabourMarketOriented),
            _ => None,
        })
        .collect()
}

fn level(n: i64) -> Level {
    Level::new(n.clamp(1, 4) as u8).unwrap_or(Level::MIN)
}

/// The demo edition as a document, dated around `today`.
pub fn document(today: Date, _now: i64) -> ExchangeDocument {
    let base = today.to_days() * 86_400;
    let edition = EditionRecord {
        name: format!("STEMpact {} (demo)", SchoolYear::containing(today)),
        school_year: SchoolYear::containing(today).to_string(),
        nulmeting_deadline: Date::from_days(today.to_days() - 60),
        plan_deadline: Date::from_days(today.to_days() - 8),
        final_date: Date::from_days(today.to_days() + 45),
        final_place: "Sint-Niklaas".into(),
        cofinancing_threshold_pct: 10,
        active: true,
        version: 1,
        created_at: base - 200 * 86_400,
        rubric_version: rubric::rubric_versions::FIRST,
    };
    let mut b = Builder { rng: Rng::new(20_240_530), doc: ExchangeDocument::new(edition, base, env!("CARGO_PKG_VERSION")), base, today };
    let indicators: Vec<(String, String)> = rubric::current_rubric()
        .indicators()
        .map(|(aspect, i)| (aspect.key().to_string(), i.id.clone()))
        .collect();

    // Companies and schools.
    for (i, (name, town, sector)) in COMPANIES.iter().enumerate() {
        let created_at = b.at(190);
        b.doc.companies.push(CompanyRecord {
            id: i as i64 + 1,
            name: (*name).into(),
            town: (*town).into(),
            sector: (*sector).into(),
            contact_name: String::new(),
            contact_email: String::new(),
            archived_at: None,
            version: 1,
            created_at,
        });
    }
    for (i, (name, town, region, code)) in SCHOOLS.iter().enumerate() {
        let created_at = b.at(190);
        b.doc.schools.push(SchoolRecord {
            id: i as i64 + 1,
            name: (*name).into(),
            town: (*town).into(),
            region: (*region).into(),
            tracks: tracks(code),
            contact_name: String::new(),
            contact_email: String::new(),
            company_id: SPONSORS[i].map(|c| c as i64 + 1),
            archived_at: None,
            version: 2,
            created_at,
        });
    }

    // People: a team of 3 or 4 per school, one member per company, five jurors.
    let mut teams: Vec<Vec<(i64, SchoolFunction)>> = Vec::new();
    for s in 1..=SCHOOLS.len() as i64 {
        let mut team = vec![];
        let size = if s % 3 == 0 { 4 } else { 3 };
        for f in [SchoolFunction::StemCoordinator, SchoolFunction::Direction, SchoolFunction::Teacher, SchoolFunction::Teacher]
            .into_iter()
            .take(size)
        {
            let id = b.person(Role::SchoolMember, Some(s), None, Some(f));
            team.push((id, f));
        }
        b.doc.schools[s as usize - 1].contact_name = b.doc.people[team[0].0 as usize - 1].name.clone();
        b.doc.schools[s as usize - 1].contact_email = b.doc.people[team[0].0 as usize - 1].email.clone();
        teams.push(team);
    }
    let mut company_people = Vec::new();
    for c in 1..=COMPANIES.len() as i64 {
        let id = b.person(Role::CompanyMember, None, Some(c), None);
        b.doc.companies[c as usize - 1].contact_name = b.doc.people[id as usize - 1].name.clone();
        b.doc.companies[c as usize - 1].contact_email = b.doc.people[id as usize - 1].email.clone();
        company_people.push(id);
    }
    let jurors: Vec<i64> = (0..5).map(|_| b.person(Role::Juror, None, None, None)).collect();

    // Learning networks: sessions in the past are attended, the last is ahead.
    let sessions: [(NetworkKind, i64, &str, &str); 5] = [
        (NetworkKind::TeamStemProject, -70, "Genk", "Samen een STEM-project ontwerpen"),
        (NetworkKind::TeamStemProject, -35, "Gent", "Projecten delen: wat werkte, wat niet"),
        (NetworkKind::Professionalisation, -50, "Leuven", "Wat leerkrachten nodig hebben"),
        (NetworkKind::Professionalisation, -12, "Mechelen", "Leerkrachtenstages in bedrijven"),
        (NetworkKind::LocalEcosystem, 21, "Vorselaar", "Een lokaal STEM-ecosysteem uitbouwen"),
    ];
    for (i, kind) in NetworkKind::ALL.into_iter().enumerate() {
        b.doc.networks.push(NetworkRecord { id: i as i64 + 1, kind, name: kind.default_name().into() });
    }
    for (i, (kind, offset, place, topic)) in sessions.iter().enumerate() {
        let sid = i as i64 + 1;
        let network_id = NetworkKind::ALL.iter().position(|k| k == kind).unwrap_or(0) as i64 + 1;
        let created_at = b.at(170);
        b.doc.network_sessions.push(SessionRecord {
            id: sid,
            network_id,
            date: b.day(*offset),
            place: (*place).into(),
            topic: (*topic).into(),
            version: 1,
            created_at,
        });
        if *offset < 0 {
            for s in 1..=SCHOOLS.len() as i64 {
                if b.rng.chance(85) {
                    b.doc.attendance.push(AttendanceRecord { session_id: sid, school_id: Some(s), company_id: None });
                }
            }
            for c in 1..=COMPANIES.len() as i64 {
                if b.rng.chance(60) {
                    b.doc.attendance.push(AttendanceRecord { session_id: sid, school_id: None, company_id: Some(c) });
                }
            }
        }
    }

    // Nulmeting: schools 8 and 16 have not started; 4 and 11 are still
    // answering; the others submitted. Consensus for all who submitted but
    // school 19 (half-way).
    let mut profiles: Vec<Option<Vec<(String, String, Level)>>> = vec![None; SCHOOLS.len()];
    for s in 1..=SCHOOLS.len() as i64 {
        if s == 8 || s == 16 {
            continue;
        }
        let still_answering = s == 4 || s == 11;
        let mid = b.doc.measurements.len() as i64 + 1;
        let opened_at = b.at(130);
        let closed_at = (!still_answering).then(|| b.at(78));
        b.doc.measurements.push(MeasurementRecord {
            id: mid,
            school_id: s,
            kind: MeasurementKind::Baseline,
            rubric_version: i64::from(rubric::current_rubric().version),
            status: if still_answering { MeasurementStatus::Open } else { MeasurementStatus::Closed },
            opened_at,
            closed_at,
        });
        // The school's true level per indicator: a general strength plus an
        // aspect profile, so schools differ and the plan has clear gaps.
        let strength = b.rng.range(15, 32) as f64 / 10.0;
        let aspect_bias: Vec<f64> = (0..7).map(|_| b.rng.range(-8, 8) as f64 / 10.0).collect();
        let aspect_keys: Vec<&str> = rubric::AspectId::ALL.iter().map(|a| a.key()).collect();
        let truth: Vec<i64> = indicators
            .iter()
            .map(|(aspect, _)| {
                let a = aspect_keys.iter().position(|k| k == aspect).unwrap_or(0);
                (strength + aspect_bias[a] + b.rng.range(-5, 5) as f64 / 10.0).round() as i64
            })
            .map(|l| l.clamp(1, 4))
            .collect();
        let team = teams[s as usize - 1].clone();
        let mut answered: Vec<Vec<Option<Level>>> = vec![vec![]; indicators.len()];
        for (k, (pid, _)) in team.iter().enumerate() {
            let rid = b.doc.responses.len() as i64 + 1;
            let done = !still_answering || k == 0;
            let created_at = b.at(125);
            let submitted_at = done.then(|| b.at(90 - k as i64 * 3));
            b.doc.responses.push(ResponseRecord { id: rid, measurement_id: mid, person_id: *pid, submitted_at, created_at });
            for (n, (_, indicator)) in indicators.iter().enumerate() {
                if !done && n > 10 + k * 4 {
                    break;
                }
                let na = b.rng.chance(3);
                let roll = b.rng.below(100);
                let delta = if roll < 14 { -1 } else if roll < 28 { 1 } else if roll < 31 { 2 } else { 0 };
                let l = (!na).then(|| level(truth[n] + delta));
                answered[n].push(l);
                let comment = if b.rng.chance(6) { "We doen dit al in de 3de graad, nog niet in de 1ste." } else { "" };
                let updated_at = b.at(100);
                b.doc.answers.push(AnswerRecord {
                    response_id: rid,
                    indicator_id: indicator.clone(),
                    level: l,
                    not_applicable: na,
                    dont_know: false,
                    comment: comment.into(),
                    evidence_url: String::new(),
                    version: 1,
                    updated_at,
                });
            }
        }
        if still_answering {
            continue;
        }
        let decided_by = team[0].0;
        let mut profile = vec![];
        for (n, (aspect, indicator)) in indicators.iter().enumerate() {
            if s == 19 && n >= 14 {
                break;
            }
            let mut levels: Vec<u8> = answered[n].iter().flatten().map(|l| l.get()).collect();
            levels.sort_unstable();
            let spread = levels.last().copied().unwrap_or(0).saturating_sub(levels.first().copied().unwrap_or(0));
            let agreed = levels.get(levels.len() / 2).map(|m| level(i64::from(*m)));
            let rationale = if spread >= 2 {
                "Besproken in het team: de eerste graad staat verder dan de tweede; we kiezen het niveau van de meerderheid."
            } else {
                ""
            };
            let decided_at = b.at(80);
            b.doc.consensus.push(ConsensusRecord {
                measurement_id: mid,
                indicator_id: indicator.clone(),
                level: agreed,
                rationale: rationale.into(),
                decided_by: Some(decided_by),
                decided_at,
                version: 1,
            });
            if let Some(l) = agreed {
                profile.push((aspect.clone(), indicator.clone(), l));
            }
        }
        profiles[s as usize - 1] = Some(profile);
    }

    // Action plans for every school with a profile but 19 (consensus not
    // finished); versions submitted by all but schools 6 and 13.
    let mut versions_by_school: Vec<Option<i64>> = vec![None; SCHOOLS.len()];
    for s in 1..=SCHOOLS.len() as i64 {
        let Some(profile) = profiles[s as usize - 1].clone() else { continue };
        if s == 19 {
            continue;
        }
        let plan_id = b.doc.plans.len() as i64 + 1;
        let (created_at, updated_at) = (b.at(70), b.at(10));
        b.doc.plans.push(PlanRecord { id: plan_id, school_id: s, version: 7, created_at, updated_at });
        // Goals on the three weakest indicators, one per aspect.
        let mut weakest = profile.clone();
        weakest.sort_by_key(|(_, id, l)| (l.get(), id.clone()));
        let mut aspects_done: Vec<String> = vec![];
        let mut plan = ActionPlan::default();
        let mut plan_goals = vec![];
        let mut plan_actions = vec![];
        for (aspect, indicator, current) in weakest {
            if aspects_done.contains(&aspect) || aspects_done.len() == 3 || current.get() >= 4 {
                continue;
            }
            aspects_done.push(aspect.clone());
            let (title, description, actions) = goal_template(&aspect);
            let gid = b.doc.goals.len() as i64 + 1;
            let position = plan_goals.len() as i64;
            let (created_at, updated_at) = (b.at(60), b.at(15));
            b.doc.goals.push(GoalRecord {
                id: gid,
                plan_id,
                title: title.into(),
                description: description.into(),
                position,
                version: 2,
                created_at,
                updated_at,
                deleted_at: None,
            });
            let target = level(i64::from(current.get()) + 1);
            b.doc.goal_targets.push(GoalTargetRecord {
                goal_id: gid,
                indicator_id: indicator.clone(),
                current_level: Some(current),
                target_level: target,
            });
            plan.goals.push(Goal {
                id: gid,
                title: title.into(),
                description: description.into(),
                indicator_targets: vec![IndicatorTarget { indicator_id: indicator.clone(), current_level: Some(current), target_level: target }],
                position: position as u32,
            });
            plan_goals.push(gid);
            for (k, (what, owner, budget, kind, contribution, gives, criterion)) in actions.iter().enumerate() {
                let aid = b.doc.actions.len() as i64 + 1;
                let start = b.day(-30 + k as i64 * 20);
                let jitter = b.rng.range(0, 30);
                let deadline = b.day(-5 + k as i64 * 60 + jitter);
                let status = if deadline < today { ActionStatus::Done } else if k == 0 { ActionStatus::InProgress } else { ActionStatus::Planned };
                let (created_at, updated_at) = (b.at(55), b.at(12));
                let record = ActionRecord {
                    id: aid,
                    goal_id: gid,
                    description: (*what).into(),
                    owner: (*owner).into(),
                    start_date: Some(start),
                    deadline: Some(deadline),
                    budget_cents: budget * 100,
                    contribution_kind: *kind,
                    contribution_cents: contribution * 100,
                    contribution_description: (*gives).into(),
                    success_criterion: (*criterion).into(),
                    status,
                    evidence_url: String::new(),
                    position: k as i64,
                    version: 1,
                    created_at,
                    updated_at,
                };
                plan.actions.push(Action {
                    id: aid,
                    goal_id: gid,
                    description: record.description.clone(),
                    owner: record.owner.clone(),
                    start: record.start_date,
                    deadline: record.deadline,
                    budget_cents: record.budget_cents,
                    company_contribution: Contribution {
                        kind: *kind,
                        value_cents: record.contribution_cents,
                        description: record.contribution_description.clone(),
                    },
                    success_criterion: record.success_criterion.clone(),
                    status,
                    evidence_url: None,
                    position: k as u32,
                });
                plan_actions.push(aid);
                b.doc.actions.push(record);
            }
        }
        let stem = teams[s as usize - 1][0].0;
        if s != 6 && s != 13 {
            let vid = b.doc.plan_versions.len() as i64 + 1;
            let submitted_at = b.at(9 + s % 5);
            b.doc.plan_versions.push(PlanVersionRecord {
                id: vid,
                plan_id,
                number: 1,
                submitted_at,
                submitted_by: Some(stem),
                snapshot: serde_json::to_value(&plan).unwrap_or(json!({})),
            });
            versions_by_school[s as usize - 1] = Some(vid);
        }
        // Comments from the sponsor company, answered by the school.
        if let Some(c) = SPONSORS[s as usize - 1] {
            let company_person = company_people[c];
            let comments: [(&str, Option<&str>); 3] = [
                ("Mooi doel. Kunnen jullie concreet maken hoeveel leerlingen hiermee bereikt worden?", Some("Goed punt: alle leerlingen van de tweede graad, ongeveer 140. We vullen het succescriterium aan.")),
                ("Wij kunnen hier ook een ingenieur voor vrijmaken, laat maar weten wanneer.", None),
                ("Is dit budget realistisch? Bij ons kost vergelijkbaar materiaal het dubbele.", Some("We hebben twee offertes opgevraagd; we passen het aan zodra ze binnen zijn.")),
            ];
            for (k, (company_says, school_says)) in comments.iter().enumerate() {
                if k >= plan_goals.len() || (s % 4 == 0 && k > 0) {
                    break;
                }
                let (target_kind, target_id) = match (k, plan_actions.get(1)) {
                    (1, Some(action)) => (ThreadTarget::Action, *action),
                    _ => (ThreadTarget::Goal, plan_goals[k]),
                };
                let tid = b.doc.threads.len() as i64 + 1;
                let resolved = k == 0 && s % 3 != 0;
                let created_at = b.at(30 - k as i64);
                let resolved_at = resolved.then(|| b.at(5));
                b.doc.threads.push(ThreadRecord {
                    id: tid,
                    plan_id,
                    target_kind,
                    target_id,
                    resolved_at,
                    resolved_by: resolved.then_some(stem),
                    created_at,
                });
                let cid = b.doc.comments.len() as i64 + 1;
                b.doc.comments.push(CommentRecord { id: cid, thread_id: tid, author_id: company_person, body: (*company_says).into(), created_at });
                if let Some(reply) = school_says {
                    let cid = b.doc.comments.len() as i64 + 1;
                    let at = b.at(20 - k as i64);
                    b.doc.comments.push(CommentRecord { id: cid, thread_id: tid, author_id: stem, body: (*reply).into(), created_at: at });
                }
            }
            let last_read_at = b.at(4);
            b.doc.plan_reads.push(PlanReadRecord { person_id: company_person, plan_id, last_read_at });
        }
    }

    // Jury: the five default criteria, two award categories by region, three
    // finalists each, five jurors (one works for a sponsor), scoring open.
    let criteria: [(&str, &str, &str, &str, u8); 5] = [
        ("Impact op het STEM-leren van leerlingen", "Impact on pupils' STEM learning", "Hoeveel leerlingen merken er iets van, en hoe diep gaat het?", "How many pupils notice a difference, and how deep does it go?", 30),
        ("Aansluiting bij de nulmeting", "Follows from the baseline gaps", "Pakt het plan de grootste groeikansen uit de nulmeting aan?", "Does the plan tackle the biggest opportunities the baseline showed?", 20),
        ("Haalbaarheid", "Feasibility", "Eigenaars, data en budget zijn duidelijk en realistisch.", "Owners, dates and budget are clear and realistic.", 20),
        ("Diepgang van de samenwerking school-bedrijf", "Depth of the school-company cooperation", "Het peterbedrijf is partner, niet alleen sponsor.", "The sponsor company is a partner, not only a sponsor.", 15),
        ("Verankering in het schoolbeleid", "Anchoring in school policy", "Blijft het bestaan na het programma?", "Will it last beyond the programme?", 15),
    ];
    let bands = |name: &str| {
        json!([
            { "nl": format!("{name}: nauwelijks aanwezig"), "en": "Barely present" },
            { "nl": "Aanzet, nog los en weinig uitgewerkt", "en": "A start, loose and little worked out" },
            { "nl": "Voldoende, met duidelijke lacunes", "en": "Adequate, with clear gaps" },
            { "nl": "Sterk, op enkele punten na", "en": "Strong, bar a few points" },
            { "nl": "Voorbeeldig en inspirerend voor andere scholen", "en": "Exemplary and inspiring for other schools" }
        ])
    };
    for (i, (nl, en, dnl, den, weight)) in criteria.iter().enumerate() {
        b.doc.criteria.push(CriterionRecord {
            id: i as i64 + 1,
            name_nl: (*nl).into(),
            name_en: (*en).into(),
            description_nl: (*dnl).into(),
            description_en: (*den).into(),
            weight: *weight,
            anchors: bands(nl),
            position: i as i64,
        });
    }
    b.doc.award_categories.push(AwardCategoryRecord { id: 1, name: "Award Oost (Antwerpen, Limburg, Vlaams-Brabant)".into(), position: 0 });
    b.doc.award_categories.push(AwardCategoryRecord { id: 2, name: "Award West (Oost- en West-Vlaanderen)".into(), position: 1 });
    let east = ["Antwerpen", "Limburg", "Vlaams-Brabant"];
    for (category, wanted) in [(1, true), (2, false)] {
        let mut picked = 0;
        for (i, (_, _, region, _)) in SCHOOLS.iter().enumerate() {
            if picked == 3 || east.contains(region) != wanted {
                continue;
            }
            if let Some(version) = versions_by_school[i] {
                let fid = b.doc.finalists.len() as i64 + 1;
                b.doc.finalists.push(FinalistRecord { id: fid, category_id: category, school_id: i as i64 + 1, plan_version_id: Some(version) });
                picked += 1;
            }
        }
    }
    // The fifth juror works for the sponsor of the first finalist.
    let first_sponsor = b.doc.finalists.first().and_then(|f| b.doc.schools[f.school_id as usize - 1].company_id);
    for (k, &pid) in jurors.iter().enumerate() {
        b.doc.jurors.push(JurorRecord { person_id: pid, company_id: if k == 4 { first_sponsor } else { None } });
    }
    let finalists: Vec<(i64, i64)> = b.doc.finalists.iter().map(|f| (f.id, f.school_id)).collect();
    if let (Some(company), Some((fid, _))) = (first_sponsor, finalists.first()) {
        let created_at = b.at(6);
        b.doc.conflicts.push(ConflictRecord {
            id: 1,
            person_id: jurors[4],
            finalist_id: *fid,
            kind: ConflictKind::Automatic,
            reason: COMPANIES[company as usize - 1].0.to_string(),
            dismissed_at: None,
            dismissed_by: None,
            dismiss_reason: String::new(),
            created_at,
        });
    }
    let quality: Vec<i64> = finalists.iter().map(|_| b.rng.range(5, 9)).collect();
    // Sheets written out (juror, finalist, scores): in Award Oost the third
    // juror puts the first finalist ahead of the second, so its winner holds
    // on every check. Award West (finalists 3-5): two jurors rank the second
    // finalist first and the first last, the third (generous, with a wide
    // spread) ranks them the other way round, so the first wins on the raw
    // score (7.53 to 7.48) while the normalized score and the mean rank put
    // the second first, and without the third juror the second wins; that
    // juror is flagged for discussion. Juror 3's drafts do not count.
    let fixed: [(usize, usize, [i64; 5]); 13] = [
        (2, 1, [9, 9, 9, 10, 10]),
        (0, 3, [7, 6, 7, 7, 7]),
        (0, 4, [7, 7, 7, 8, 7]),
        (0, 5, [7, 7, 7, 6, 7]),
        (1, 3, [7, 6, 7, 7, 7]),
        (1, 4, [10, 10, 10, 10, 10]),
        (1, 5, [8, 7, 7, 7, 7]),
        (2, 3, [9, 9, 9, 9, 9]),
        (2, 4, [6, 5, 5, 5, 5]),
        (2, 5, [7, 8, 8, 8, 8]),
        (3, 3, [7, 7, 7, 7, 7]),
        (3, 4, [8, 8, 8, 8, 8]),
        (3, 5, [7, 7, 7, 7, 7]),
    ];
    for (k, &pid) in jurors.iter().enumerate() {
        for (n, &(fid, _)) in finalists.iter().enumerate() {
            if k == 4 && n == 0 {
                continue; // conflicted
            }
            // Jurors 0-2 finished; juror 3 has drafts; juror 4 has not started the second category.
            if k == 4 && n >= 3 {
                continue;
            }
            let sid = b.doc.score_sheets.len() as i64 + 1;
            let submitted = k < 3 || (k == 4 && n < 3);
            let updated_at = b.at(3);
            let submitted_at = submitted.then(|| b.at(2));
            b.doc.score_sheets.push(ScoreSheetRecord {
                id: sid,
                person_id: pid,
                finalist_id: fid,
                remark: if n == 0 { "Sterk plan, goed onderbouwd vanuit de nulmeting.".into() } else { String::new() },
                submitted_at,
                version: 1,
                updated_at,
            });
            for c in 1..=criteria.len() as i64 {
                let mut raw = quality[n] + b.rng.range(-1, 1) + if k == 2 { 1 } else { 0 };
                if let Some((_, _, sheet)) = fixed.iter().find(|(j, f, _)| (*j, *f) == (k, n)) {
                    raw = sheet[c as usize - 1];
                }
                b.doc.scores.push(ScoreRecord {
                    sheet_id: sid,
                    criterion_id: c,
                    score: Score::new(raw.clamp(1, 10) as u8).unwrap_or(Score::MIN),
                    remark: String::new(),
                });
            }
        }
    }
    demo_region(&mut b);
    b.doc.jury_settings = Some(JurySettingsRecord {
        status: JuryStatus::Open,
        tie_break: json!([{ "higher-criterion": "1" }, "more-first-places", "chair-decision"]),
        chair_id: Some(jurors[0]),
        chair_order: None,
        locked_at: None,
        published_at: None,
        version: 2,
    });
    b.doc.sort_canonical();
    b.doc
}

/// A region of the demo (issue 17): six schools around Antwerp and Leuven
/// (five with a nulmeting: enough for the region's pooled profile) with three
/// of their companies and three partners, five school years of pupil
/// numbers per track, the move on to higher education, two shared
/// facilities, and a regional plan of two goals whose actions cross the
/// cofinancing threshold. Its regional coordinator is invited from the
/// region's page, as in real use (sign-in links are not in the document).
fn demo_region(b: &mut Builder) {
    use rubric::exchange::regions::*;
    use rubric::region::portrait::{FacilityKind, ProgressionKind};
    use rubric::region::{PartnerKind, SchoolLevel};
    use rubric::regional_plan::{CompanyContribution, Organisation};
    let created_at = b.at(120);
    let this_year = SchoolYear::containing(b.today).first_year();
    // Pupils per school and track this year, and the change per year before it.
    let tracks: [(i64, &str, u32, i32); 9] = [
        (1, "Elektromechanische technieken", 58, -2),
        (1, "STEM-wetenschappen", 74, 4),
        (2, "Mechanische vormgevingstechnieken", 41, -3),
        (2, "Elektrotechnieken", 36, -1),
        (3, "Industriële wetenschappen", 63, 2),
        (3, "Bouwtechnieken", 29, -2),
        (4, "STEM-wetenschappen", 52, 3),
        (13, "Industriële wetenschappen", 47, 1),
        (14, "Mechanica-elektriciteit", 39, -1),
    ];
    let mut pupils = Vec::new();
    for (school_id, track, now, step) in tracks {
        for back in 0..5u16 {
            let count = i64::from(now) - i64::from(step) * i64::from(back);
            pupils.push(RegionPupilsRecord { school_id, track: track.into(), year: this_year - back, pupils: u32::try_from(count.max(0)).unwrap_or(0) });
        }
    }
    let progression = (1..=4u16)
        .map(|back| RegionProgressionRecord { kind: ProgressionKind::SecondaryToHigher, year: this_year - back, leavers: 180 + u32::from(back) * 6, continued: 97 + u32::from(back) * 2 })
        .collect();
    let partner = |id: i64, name: &str, kind: PartnerKind, created_at: i64| RegionPartnerRecord { id, name: name.into(), kind, version: 1, created_at };
    b.doc.regions.push(RegionRecord {
        id: 1,
        name: "STEM-regio Antwerpen-Leuven".into(),
        version: 1,
        created_at,
        schools: [1, 2, 3, 4, 13, 14].into_iter().map(|school_id| RegionSchoolRecord { school_id, level: SchoolLevel::Secondary }).collect(),
        companies: vec![1, 2, 3],
        partners: vec![
            partner(1, "RTC Provincie Antwerpen", PartnerKind::Rtc, created_at),
            partner(2, "Stad Geel", PartnerKind::Municipality, created_at),
            partner(3, "Thomas More Hogeschool", PartnerKind::Other, created_at),
        ],
        pupils,
        progression,
        facilities: vec![
            RegionFacilityRecord { kind: FacilityKind::Facility, name: "FabLab Kempenlab".into(), note: "Lasersnijder, 3D-printers en een CNC-frees, open voor de scholen van de regio.".into() },
            RegionFacilityRecord { kind: FacilityKind::Network, name: "Lerend netwerk STEM-Kempen".into(), note: "Vier keer per jaar, bij een school of een bedrijf.".into() },
        ],
    });
    let goal = |id: i64, title: &str, description: &str, position: u32, at: i64| RegionalGoalRecord {
        id,
        region_id: 1,
        title: title.into(),
        description: description.into(),
        sending_school_id: None,
        receiving_school_id: None,
        linked_goal_ids: vec![],
        position,
        version: 1,
        created_at: at,
        updated_at: at,
    };
    let at = b.at(40);
    b.doc.regional_goals.push(goal(1, "Eén FabLab voor de hele regio", "De scholen delen het FabLab van Kempenlab, met vaste uren per school.", 1, at));
    b.doc.regional_goals.push(goal(2, "Meer leerlingen kiezen een STEM-richting in het hoger onderwijs", "Samen met de hogeschool en de bedrijven de overstap zichtbaar maken.", 2, at));
    let action = |id: i64, goal_id: i64, description: &str, owner: Organisation, budget_cents: i64, contributions: Vec<CompanyContribution>, position: u32| RegionalActionRecord {
        id,
        goal_id,
        description: description.into(),
        owner,
        budget_cents,
        contributions,
        linked_action_ids: vec![],
        position,
        version: 1,
        created_at: at,
        updated_at: at,
    };
    let gift = |company_id: i64, money_cents: i64, in_kind_cents: i64, what: &str| CompanyContribution { company_id, money_cents, in_kind_cents, in_kind_description: what.into() };
    b.doc.regional_actions.push(action(1, 1, "Uurrooster en vervoer zodat elke school twee dagdelen per maand in het FabLab werkt", Organisation::School(2), 1_200_000, vec![gift(2, 0, 150_000, "Een technicus van Laserwerk Kempen begeleidt de eerste sessies")], 1));
    b.doc.regional_actions.push(action(2, 1, "Een tweede lasersnijder en materiaal voor twee jaar", Organisation::Partner(1), 1_800_000, vec![gift(2, 200_000, 0, ""), gift(1, 100_000, 0, "")], 2));
    b.doc.regional_actions.push(action(3, 2, "Een STEM-doedag op de hogeschool voor alle leerlingen van het vijfde jaar", Organisation::Partner(3), 600_000, vec![gift(3, 0, 120_000, "Rupel Ceramics toont een productielijn en geeft workshops")], 1));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2027, 3, 1).unwrap()
    }

    #[test]
    fn the_demo_is_consistent_deterministic_and_full() {
        let d = document(today(), 0);
        assert_eq!(check_document(&d), Ok(()));
        assert_eq!(d, document(today(), 0));
        assert_eq!(d.schools.len(), 20);
        let provinces: std::collections::HashSet<&str> = d.schools.iter().map(|s| s.region.as_str()).collect();
        assert_eq!(provinces.len(), 5);
        assert_eq!(d.schools.iter().filter(|s| s.company_id.is_none()).count(), 2);
        assert_eq!(d.measurements.len(), 18);
        assert!(d.answers.len() > 1500, "{} answers", d.answers.len());
        // Some disagreement: an indicator where a team spans two levels or more.
        assert!(d.consensus.iter().any(|c| !c.rationale.is_empty()));
        assert_eq!(d.plans.len(), 15);
        assert_eq!(d.plan_versions.len(), 13);
        assert!(d.threads.iter().any(|t| t.resolved_at.is_none()));
        assert_eq!(d.criteria.iter().map(|c| u32::from(c.weight)).sum::<u32>(), 100);
        assert_eq!(d.finalists.len(), 6);
        // A region with its portrait figures and a regional plan above the threshold.
        assert_eq!(d.regions.len(), 1);
        assert_eq!(d.regions[0].schools.len(), 6);
        let decided = |school: i64| {
            d.measurements.iter().filter(|m| m.school_id == school).any(|m| d.consensus.iter().filter(|c| c.measurement_id == m.id).count() == 28)
        };
        let pooled = d.regions[0].schools.iter().filter(|s| decided(s.school_id)).count();
        assert!(pooled >= rubric::assessment::BENCHMARK_MIN_SCHOOLS, "the region's profile needs {} schools with a nulmeting, has {pooled}", rubric::assessment::BENCHMARK_MIN_SCHOOLS);
        assert!(d.regions[0].pupils.len() >= 30 && !d.regions[0].progression.is_empty() && !d.regions[0].facilities.is_empty());
        assert_eq!((d.regional_goals.len(), d.regional_actions.len()), (2, 3));
        let budget: i64 = d.regional_actions.iter().map(|a| a.budget_cents).sum();
        let given: i64 = d.regional_actions.iter().flat_map(|a| &a.contributions).map(|c| c.money_cents + c.in_kind_cents).sum();
        assert!(given * 100 >= budget * i64::from(d.edition.cofinancing_threshold_pct), "{given} of {budget}");
        assert!(d.score_sheets.iter().any(|s| s.submitted_at.is_some()));
        assert!(d.score_sheets.iter().any(|s| s.submitted_at.is_none()));
        // Snapshots read back as action plans.
        for v in &d.plan_versions {
            let plan: ActionPlan = serde_json::from_value(v.snapshot.clone()).unwrap();
            assert!(!plan.goals.is_empty());
        }
        let json = d.to_json();
        assert_eq!(parse_document(&json).unwrap(), d);
    }

    #[test]
    fn dates_follow_today() {
        let d = document(today(), 0);
        assert_eq!(d.edition.school_year, "2026-2027");
        assert!(d.edition.nulmeting_deadline.unwrap() < today());
        assert!(d.edition.plan_deadline.unwrap() < today());
        assert!(d.edition.final_date.unwrap() > today());
    }
}
