//! The cohort benchmark: per aspect the median of the schools' aspect
//! scores, shown only when enough schools contributed that no single school
//! can be read from it. It never names or identifies a school.

use crate::assessment::SchoolProfile;
use crate::content::AspectId;
use serde::{Deserialize, Serialize};

/// An aspect's benchmark is shown only when at least this many schools have
/// a score on it.
pub const BENCHMARK_MIN_SCHOOLS: usize = 5;

/// The benchmark of one aspect.
///
/// JSON: `{"shown": {"aspect": "pedagogy", "schools": 7, "median": 2.5}}`
/// or `{"hidden": {"aspect": "pedagogy", "schools": 3}}` (externally
/// tagged: an internally tagged enum's deserializer buffers the object and
/// is several times larger in the web apps).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AspectBenchmark {
    /// At least [`BENCHMARK_MIN_SCHOOLS`] schools contributed.
    Shown {
        aspect: AspectId,
        schools: usize,
        median: f64,
    },
    /// Too few schools contributed; only their number is given.
    Hidden { aspect: AspectId, schools: usize },
}

impl AspectBenchmark {
    /// The aspect.
    pub fn aspect(&self) -> AspectId {
        match self {
            AspectBenchmark::Shown { aspect, .. } | AspectBenchmark::Hidden { aspect, .. } => {
                *aspect
            }
        }
    }

    /// Schools that contributed a score on the aspect.
    pub fn schools(&self) -> usize {
        match self {
            AspectBenchmark::Shown { schools, .. } | AspectBenchmark::Hidden { schools, .. } => {
                *schools
            }
        }
    }

    /// The cohort median, if shown.
    pub fn median(&self) -> Option<f64> {
        match self {
            AspectBenchmark::Shown { median, .. } => Some(*median),
            AspectBenchmark::Hidden { .. } => None,
        }
    }
}

/// The cohort benchmark, one entry per aspect in rubric order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    /// Profiles given (some may have no score on some aspects).
    pub schools: usize,
    pub aspects: Vec<AspectBenchmark>,
}

impl Benchmark {
    /// The benchmark of one aspect.
    pub fn aspect(&self, aspect: AspectId) -> Option<&AspectBenchmark> {
        self.aspects.iter().find(|a| a.aspect() == aspect)
    }
}

/// The benchmark of a cohort from its schools' profiles (which carry no
/// identity). Per aspect, schools without a score on it do not count.
pub fn benchmark(profiles: &[SchoolProfile]) -> Benchmark {
    let mut scores: Vec<f64> = Vec::with_capacity(profiles.len());
    let aspects = AspectId::ALL
        .into_iter()
        .map(|aspect| {
            scores.clear();
            scores.extend(
                profiles
                    .iter()
                    .filter_map(|p| p.aspect_score(aspect))
                    .filter(|s| s.is_finite()),
            );
            let schools = scores.len();
            match median(&mut scores) {
                Some(median) if schools >= BENCHMARK_MIN_SCHOOLS => AspectBenchmark::Shown {
                    aspect,
                    schools,
                    median,
                },
                _ => AspectBenchmark::Hidden { aspect, schools },
            }
        })
        .collect();
    Benchmark {
        schools: profiles.len(),
        aspects,
    }
}

/// The median of finite values (mean of the middle two for an even count).
fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_unstable_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        return None;
    }
    let hi = *values.get(n / 2)?;
    if n % 2 == 1 {
        Some(hi)
    } else {
        Some((*values.get(n / 2 - 1)? + hi) / 2.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::testutil::{level, test_rubric};
    use crate::assessment::Consensus;

    fn school(curriculum: u8, pedagogy: Option<u8>) -> SchoolProfile {
        let mut consensus = vec![Consensus {
            indicator_id: "curriculum.i0".into(),
            level: Some(level(curriculum)),
            rationale: String::new(),
        }];
        if let Some(p) = pedagogy {
            consensus.push(Consensus {
                indicator_id: "pedagogy.i0".into(),
                level: Some(level(p)),
                rationale: String::new(),
            });
        }
        SchoolProfile::from_consensus(&test_rubric(3), &consensus)
    }

    #[test]
    fn hidden_below_five_schools_shown_at_five() {
        let four: Vec<_> = [1, 2, 3, 4]
            .into_iter()
            .map(|l| school(l, Some(2)))
            .collect();
        let b = benchmark(&four);
        assert_eq!(b.schools, 4);
        assert_eq!(
            b.aspect(AspectId::Curriculum),
            Some(&AspectBenchmark::Hidden {
                aspect: AspectId::Curriculum,
                schools: 4
            })
        );

        let mut five = four.clone();
        five.push(school(4, None));
        let b = benchmark(&five);
        assert_eq!(
            b.aspect(AspectId::Curriculum)
                .and_then(AspectBenchmark::median),
            Some(3.0)
        );
        assert_eq!(
            b.aspect(AspectId::Curriculum).map(AspectBenchmark::schools),
            Some(5)
        );
        // Only four schools scored pedagogy.
        assert_eq!(
            b.aspect(AspectId::Pedagogy)
                .and_then(AspectBenchmark::median),
            None
        );
        assert_eq!(
            b.aspect(AspectId::Pedagogy).map(AspectBenchmark::schools),
            Some(4)
        );
        assert_eq!(
            b.aspect(AspectId::Leadership).map(AspectBenchmark::schools),
            Some(0)
        );

        let mut six = five.clone();
        six.push(school(1, None));
        assert_eq!(
            benchmark(&six)
                .aspect(AspectId::Curriculum)
                .and_then(AspectBenchmark::median),
            Some(2.5)
        );
    }

    #[test]
    fn benchmark_json_has_no_median_when_hidden() {
        let b = benchmark(&[school(2, None)]);
        let json = serde_json::to_string(&b).expect("serializes");
        assert!(
            json.contains(r#"{"hidden":{"aspect":"curriculum","schools":1}}"#),
            "{json}"
        );
        assert!(!json.contains("median"));
        let five: Vec<_> = (0..5).map(|_| school(2, None)).collect();
        let json = serde_json::to_string(&benchmark(&five)).expect("serializes");
        assert!(
            json.contains(r#"{"shown":{"aspect":"curriculum","schools":5,"median":2.0}}"#),
            "{json}"
        );
        assert_eq!(
            serde_json::from_str::<Benchmark>(&json).ok(),
            Some(benchmark(&five))
        );
    }

    #[test]
    fn empty_cohort() {
        let b = benchmark(&[]);
        assert_eq!(b.aspects.len(), 7);
        assert!(b
            .aspects
            .iter()
            .all(|a| a.median().is_none() && a.schools() == 0));
    }
}
