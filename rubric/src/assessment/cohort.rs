//! A whole cohort through the assessment pipeline (aggregate, propose
//! consensus, profile, benchmark), with a deterministic generator of
//! realistic answers, for the benchmark harness and the performance test.

#[cfg(doc)]
use crate::assessment::SchoolProfile;
use crate::assessment::{benchmark, Answer, Benchmark, IndicatorIndex, TeamMatrix};
use crate::content::{Level, Rubric};
use serde::{Deserialize, Serialize};

/// Generated answers: per school, its team in dense form (convert a team
/// with [`TeamMatrix::to_respondents`] for the map-shaped input).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cohort {
    pub schools: Vec<TeamMatrix>,
}

/// What a cohort run produced, small enough to print and compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortSummary {
    pub schools: usize,
    /// Respondents over all schools.
    pub respondents: usize,
    /// Answers given (level or "not applicable") over all schools.
    pub answers: u64,
    /// Indicators with a disagreement, over all schools.
    pub discussion_points: u64,
    /// Indicators decided by an accepted proposal, over all schools.
    pub proposed: u64,
    pub benchmark: Benchmark,
}

/// A tiny xorshift64 generator: deterministic on every platform, no crate.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> XorShift {
        // One splitmix64 step spreads small seeds and avoids the zero state.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        XorShift(if z == 0 { 1 } else { z })
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// Uniform-enough in `0..n` for test data (`n > 0`).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// A level from a number, clamped into 1..=4.
fn clamped_level(n: i64) -> Level {
    let i = usize::try_from(n.clamp(1, 4) - 1).unwrap_or(0);
    Level::ALL.get(i).copied().unwrap_or(Level::MIN)
}

/// Generate `schools` teams of `respondents` each on `rubric`, from `seed`.
/// Each school has a true level per indicator; each respondent mostly gives
/// it (71%), sometimes one level off (18%), rarely two off (2%), or answers
/// "not applicable" (5%) or nothing (4%). The same seed always gives the
/// same cohort.
pub fn generate_cohort(rubric: &Rubric, schools: usize, respondents: usize, seed: u64) -> Cohort {
    let index = IndicatorIndex::new(rubric);
    let mut rng = XorShift::new(seed);
    let mut truth = vec![0i64; index.len()];
    let schools = (0..schools)
        .map(|_| {
            let maturity = 1 + rng.below(4) as i64;
            for t in truth.iter_mut() {
                *t = maturity + rng.below(3) as i64 - 1;
            }
            let mut team = TeamMatrix::with_capacity(&index, respondents);
            for r in 0..respondents {
                let row = team.add_respondent(format!("r{r}"));
                for (pos, &t) in truth.iter().enumerate() {
                    let answer = match rng.below(100) {
                        0..=3 => None,
                        4..=8 => Some(Answer::NotApplicable),
                        9..=79 => Some(Answer::Level(clamped_level(t))),
                        80..=89 => Some(Answer::Level(clamped_level(t - 1))),
                        90..=97 => Some(Answer::Level(clamped_level(t + 1))),
                        98 => Some(Answer::Level(clamped_level(t - 2))),
                        _ => Some(Answer::Level(clamped_level(t + 2))),
                    };
                    team.set(row, pos, answer);
                }
            }
            team
        })
        .collect();
    Cohort { schools }
}

/// Run a cohort through the pipeline: per school aggregate and the profile
/// from the accepted proposals (as [`SchoolProfile::from_proposals`]); then
/// the benchmark. The indicator index is built once.
pub fn aggregate_cohort(rubric: &Rubric, cohort: &Cohort) -> CohortSummary {
    let index = IndicatorIndex::new(rubric);
    let mut profiles = Vec::with_capacity(cohort.schools.len());
    let (mut respondents, mut answers, mut discussion_points, mut proposed) = (0, 0, 0, 0);
    for team in &cohort.schools {
        let aggregate = index.aggregate_matrix(team);
        respondents += team.respondent_count();
        answers += aggregate
            .indicators
            .iter()
            .map(|s| u64::from(s.answered()))
            .sum::<u64>();
        discussion_points += aggregate
            .indicators
            .iter()
            .filter(|s| s.disagreement)
            .count() as u64;
        let profile = index.profile_from_proposals(&aggregate);
        proposed += profile
            .indicators
            .iter()
            .filter(|i| i.outcome.is_some())
            .count() as u64;
        profiles.push(profile);
    }
    CohortSummary {
        schools: cohort.schools.len(),
        respondents,
        answers,
        discussion_points,
        proposed,
        benchmark: benchmark(&profiles),
    }
}

/// Entry point for the benchmark harness (`cargo xtask bench`, wasm or
/// native): generate a cohort from `seed` and run it through
/// [`aggregate_cohort`]. The caller does the timing (this crate has no
/// clock); to time aggregation alone, call [`generate_cohort`] first and
/// time [`aggregate_cohort`].
pub fn bench_aggregate_cohort(
    rubric: &Rubric,
    schools: usize,
    respondents: usize,
    seed: u64,
) -> CohortSummary {
    aggregate_cohort(rubric, &generate_cohort(rubric, schools, respondents, seed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::testutil::test_rubric;
    use crate::assessment::BENCHMARK_MIN_SCHOOLS;
    use std::time::Instant;

    #[test]
    fn generation_is_deterministic() {
        let r = test_rubric(4);
        let a = generate_cohort(&r, 3, 4, 42);
        assert_eq!(a, generate_cohort(&r, 3, 4, 42));
        assert_ne!(a, generate_cohort(&r, 3, 4, 43));
        assert_eq!(a.schools.len(), 3);
        assert!(a.schools.iter().all(|s| s.respondent_count() == 4));
        assert_eq!(
            bench_aggregate_cohort(&r, 7, 3, 1),
            bench_aggregate_cohort(&r, 7, 3, 1)
        );
    }

    #[test]
    fn small_cohorts_hide_the_benchmark() {
        let r = test_rubric(3);
        let small = bench_aggregate_cohort(&r, BENCHMARK_MIN_SCHOOLS - 1, 5, 9);
        assert!(small.benchmark.aspects.iter().all(|a| a.median().is_none()));
        let enough = bench_aggregate_cohort(&r, 40, 5, 9);
        assert!(enough
            .benchmark
            .aspects
            .iter()
            .all(|a| a.median().is_some()));
    }

    /// 1,000 schools x 10 respondents x 28 indicators. The bound is generous
    /// for unoptimized debug builds; the times are printed for reference.
    #[test]
    fn thousand_schools_of_ten_aggregate_fast() {
        let r = test_rubric(4);
        assert_eq!(r.indicator_count(), 28);
        let start = Instant::now();
        let cohort = generate_cohort(&r, 1000, 10, 2024);
        let generated = start.elapsed();
        let start = Instant::now();
        let summary = aggregate_cohort(&r, &cohort);
        let aggregated = start.elapsed();

        // The same teams in map form (as JSON delivers them), aggregated one by one.
        let index = IndicatorIndex::new(&r);
        let maps: Vec<_> = cohort
            .schools
            .iter()
            .map(|t| t.to_respondents(&index))
            .collect();
        let start = Instant::now();
        let from_maps: Vec<_> = maps.iter().map(|team| index.aggregate(team)).collect();
        let map_time = start.elapsed();
        let from_matrix: Vec<_> = cohort
            .schools
            .iter()
            .map(|team| index.aggregate_matrix(team))
            .collect();
        assert_eq!(from_maps, from_matrix);

        eprintln!(
            "1000 schools x 10 respondents x 28 indicators: generate {generated:?}, \
             pipeline on matrices {aggregated:?}, aggregate from maps {map_time:?}"
        );
        assert_eq!((summary.schools, summary.respondents), (1000, 10_000));
        assert!(
            summary.answers > 250_000 && summary.answers <= 280_000,
            "{}",
            summary.answers
        );
        assert!(summary.discussion_points > 0 && summary.proposed > 0);
        let accepted: usize = from_matrix
            .iter()
            .map(|a| {
                index
                    .profile(&crate::assessment::propose_consensus(a))
                    .indicators
                    .iter()
                    .filter(|i| i.outcome.is_some())
                    .count()
            })
            .sum();
        assert_eq!(summary.proposed, accepted as u64);
        assert!(summary
            .benchmark
            .aspects
            .iter()
            .all(|a| a.schools() > 900 && a.median().is_some()));
        assert!(
            aggregated.as_millis() < 500,
            "aggregation took {aggregated:?}"
        );
        assert!(
            map_time.as_millis() < 500,
            "aggregation from maps took {map_time:?}"
        );
    }
}
