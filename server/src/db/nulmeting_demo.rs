//! Complete nulmetingen for a demo edition: for every school, a closed
//! baseline with three or four respondents (invented names where the school
//! has fewer members), answers that are plausible for that school, a few
//! disagreements, and the team's consensus on every indicator. Deterministic,
//! so the demo looks the same every time.

use super::now;
use crate::db::nulmeting as nm;
use rubric::assessment::{aggregate, round_half_up, Answer, MeasurementKind, RespondentAnswers};
use rubric::people::SchoolFunction;
use rubric::Level;
use super::Writer;

/// What the seeding did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DemoSummary {
    pub schools: u32,
    pub respondents: u32,
    pub answers: u32,
    pub consensus: u32,
}

/// A tiny deterministic generator (xorshift64*).
struct Dice(u64);

impl Dice {
    fn new(seed: i64) -> Dice {
        Dice((seed as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// In `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const FIRST_NAMES: [&str; 16] = [
    "Annelies", "Bram", "Charlotte", "Dries", "Els", "Frederik", "Griet", "Hannes", "Ilse", "Jeroen", "Katrien",
    "Lieven", "Marijke", "Nico", "Sofie", "Wouter",
];
const LAST_NAMES: [&str; 16] = [
    "Claes", "De Smet", "Desmet", "Goossens", "Jacobs", "Janssens", "Maes", "Mertens", "Peeters", "Pauwels",
    "Vermeulen", "Willems", "Wouters", "Van den Broeck", "Verstraete", "Hermans",
];

const RATIONALES: [&str; 4] = [
    "Besproken op het teamoverleg: de voorbeelden uit de derde graad gaven de doorslag.",
    "We kozen het lagere niveau: het gebeurt nog niet in alle klassen.",
    "Na het gesprek eens: het beleid staat op papier, de uitvoering volgt nog.",
    "De bewijsstukken van de vakgroep wetenschappen overtuigden het team.",
];

fn function_for(position: usize) -> SchoolFunction {
    match position {
        0 => SchoolFunction::StemCoordinator,
        1 => SchoolFunction::Direction,
        _ => SchoolFunction::Teacher,
    }
}

/// Seed complete nulmetingen for every school of an edition that has no
/// baseline consensus yet. One transaction per school.
pub async fn seed(writer: &Writer, edition_id: i64) -> sqlx::Result<DemoSummary> {
    let db = writer.pool();
    let rubric = rubric::current_rubric();
    let mut summary = DemoSummary::default();
    for (school_id, _, _, _) in nm::schools_in(db, edition_id).await? {
        let decided: i64 = sqlx::query_scalar(
            "select count(*) from consensus c join measurements m on m.id = c.measurement_id \
             where m.edition_id = ? and m.school_id = ? and m.kind = 'baseline'",
        )
        .bind(edition_id)
        .bind(school_id)
        .fetch_one(db)
        .await?;
        if decided > 0 {
            continue;
        }
        let mut dice = Dice::new(school_id * 7919 + edition_id);
        let mut tx = writer.begin().await?;
        let (measurement_id, _) = nm::ensure_measurement(&mut tx, edition_id, school_id, MeasurementKind::Baseline).await?;
        let mut people: Vec<i64> = sqlx::query_scalar(
            "select id from people where school_id = ? and role = 'school-member' and archived_at is null order by id limit 4",
        )
        .bind(school_id)
        .fetch_all(&mut *tx)
        .await?;
        let wanted = 3 + usize::from(dice.below(2) == 1);
        while people.len() < wanted {
            let first = FIRST_NAMES[dice.below(FIRST_NAMES.len() as u64) as usize];
            let last = LAST_NAMES[dice.below(LAST_NAMES.len() as u64) as usize];
            let id: i64 = sqlx::query_scalar(
                "insert into people (name, role, school_id, school_function, created_at) values (?, 'school-member', ?, ?, ?) returning id",
            )
            .bind(format!("{first} {last}"))
            .bind(school_id)
            .bind(function_for(people.len()).key())
            .bind(now())
            .fetch_one(&mut *tx)
            .await?;
            people.push(id);
        }
        // The school's own level per aspect, between 1.5 and 3.5.
        let aspect_base: Vec<f64> = rubric.aspects.iter().map(|_| 1.5 + dice.below(5) as f64 * 0.5).collect();
        let mut team: Vec<RespondentAnswers> = Vec::new();
        for &person in &people {
            let response_id: i64 = sqlx::query_scalar(
                "insert into responses (measurement_id, person_id, submitted_at, created_at) values (?, ?, ?, ?) \
                 on conflict (measurement_id, person_id) do update set submitted_at = excluded.submitted_at returning id",
            )
            .bind(measurement_id)
            .bind(person)
            .bind(now())
            .bind(now())
            .fetch_one(&mut *tx)
            .await?;
            let mut mine = RespondentAnswers::new(person.to_string());
            for (aspect, base) in rubric.aspects.iter().zip(&aspect_base) {
                for indicator in &aspect.indicators {
                    let roll = dice.below(100);
                    let answer = if roll < 3 {
                        Answer::NotApplicable
                    } else {
                        // Mostly around the school's level; now and then far off.
                        let shift = match roll {
                            3..=9 => 2.0,
                            10..=29 => -1.0,
                            30..=49 => 1.0,
                            _ => 0.0,
                        };
                        let level = (base + shift - 0.25).round().clamp(1.0, 4.0) as u8;
                        Level::new(level).map(Answer::Level).unwrap_or(Answer::NotApplicable)
                    };
                    let (level, na, dont_know) = super::nulmeting::columns_of(Some(answer));
                    sqlx::query(
                        "insert into answers (response_id, indicator_id, level, not_applicable, dont_know, updated_at) values (?, ?, ?, ?, ?, ?) \
                         on conflict (response_id, indicator_id) do nothing",
                    )
                    .bind(response_id)
                    .bind(&indicator.id)
                    .bind(level)
                    .bind(na)
                    .bind(dont_know)
                    .bind(now())
                    .execute(&mut *tx)
                    .await?;
                    mine.answers.insert(indicator.id.clone(), answer);
                    summary.answers += 1;
                }
            }
            team.push(mine);
            summary.respondents += 1;
        }
        // The consensus: the median where the team agrees, after discussion
        // the rounded median (with a rationale) where it did not.
        let lead = people.first().copied();
        for stats in aggregate(rubric, &team).indicators {
            let (level, rationale) = match stats.proposed_outcome() {
                Some(outcome) => (outcome.level(), String::new()),
                None => (
                    stats.median.and_then(round_half_up),
                    RATIONALES[dice.below(RATIONALES.len() as u64) as usize].to_string(),
                ),
            };
            sqlx::query(
                "insert into consensus (measurement_id, indicator_id, level, rationale, decided_by, decided_at) values (?, ?, ?, ?, ?, ?) \
                 on conflict (measurement_id, indicator_id) do nothing",
            )
            .bind(measurement_id)
            .bind(&stats.indicator_id)
            .bind(level.map(|l| i64::from(l.get())))
            .bind(rationale)
            .bind(lead)
            .bind(now())
            .execute(&mut *tx)
            .await?;
            summary.consensus += 1;
        }
        nm::set_status(&mut tx, measurement_id, rubric::assessment::api::MeasurementStatus::Closed).await?;
        tx.commit().await?;
        summary.schools += 1;
    }
    Ok(summary)
}
