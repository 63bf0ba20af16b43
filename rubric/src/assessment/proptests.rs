//! Property tests of the aggregation: medians within range, order
//! invariance, bounded aspect scores, disagreement rule, benchmark threshold.

use crate::assessment::testutil::{answer, test_rubric};
use crate::assessment::Answer;
use crate::assessment::{
    aggregate, benchmark, Consensus, IndicatorStats, RespondentAnswers, SchoolProfile,
    BENCHMARK_MIN_SCHOOLS, DISAGREEMENT_SPREAD,
};
use crate::content::{AspectId, Level};
use proptest::prelude::*;

/// A team: per respondent one answer code per indicator of `test_rubric(3)`
/// (0 unanswered, 1-4 level, 5 not applicable).
fn team() -> impl Strategy<Value = Vec<Vec<u8>>> {
    prop::collection::vec(prop::collection::vec(0u8..=6, 21), 0..12)
}

fn respondents(codes: &[Vec<u8>]) -> Vec<RespondentAnswers> {
    let ids: Vec<String> = test_rubric(3)
        .indicators()
        .map(|(_, i)| i.id.clone())
        .collect();
    codes
        .iter()
        .enumerate()
        .map(|(n, row)| {
            let mut r = RespondentAnswers::new(format!("r{n}"));
            for (id, &code) in ids.iter().zip(row) {
                if let Some(a) = answer(code) {
                    r.answers.insert(id.clone(), a);
                }
            }
            r
        })
        .collect()
}

fn profile(levels: &[Option<u8>]) -> SchoolProfile {
    let rubric = test_rubric(3);
    let consensus: Vec<Consensus> = rubric
        .indicators()
        .zip(levels)
        .filter_map(|((_, i), &l)| {
            l.map(|l| Consensus {
                indicator_id: i.id.clone(),
                level: Level::new(l).ok(),
                rationale: String::new(),
            })
        })
        .collect();
    SchoolProfile::from_consensus(&rubric, &consensus)
}

proptest! {
    #[test]
    fn median_lies_within_min_and_max(dist in prop::array::uniform4(0u32..50), na in 0u32..5) {
        let s = IndicatorStats::from_counts("x", AspectId::Curriculum, dist, na, 0);
        match (s.median, s.mean, s.min, s.max) {
            (Some(median), Some(mean), Some(min), Some(max)) => {
                let (lo, hi) = (f64::from(min.get()), f64::from(max.get()));
                prop_assert!(lo <= median && median <= hi);
                prop_assert!(lo <= mean && mean <= hi);
                prop_assert_eq!((median * 2.0).fract(), 0.0);
            }
            (None, None, None, None) => prop_assert_eq!(s.count, 0),
            other => prop_assert!(false, "inconsistent {:?}", other),
        }
        prop_assert_eq!(s.count, dist.iter().sum::<u32>());
    }

    #[test]
    fn not_applicable_and_dont_know_are_tallied_apart(codes in team()) {
        let agg = aggregate(&test_rubric(3), &respondents(&codes));
        for (pos, s) in agg.indicators.iter().enumerate() {
            let with = |code: u8| codes.iter().filter(|row| row[pos] == code).count() as u32;
            prop_assert_eq!(s.na_count, with(5));
            prop_assert_eq!(s.dont_know_count, with(6));
            // Neither gives a level: the median is over the levels only.
            prop_assert_eq!(s.median.is_some(), s.count > 0);
            // A proposal of "n.v.t." only when nobody said "weet ik niet".
            if s.proposed_outcome() == Some(Answer::NotApplicable) {
                prop_assert_eq!((s.count, s.dont_know_count), (0, 0));
            }
            prop_assert!(s.proposed_outcome() != Some(Answer::DontKnow));
        }
    }

    #[test]
    fn disagreement_iff_spread_at_least_two(codes in team()) {
        let agg = aggregate(&test_rubric(3), &respondents(&codes));
        for (pos, s) in agg.indicators.iter().enumerate() {
            let levels: Vec<u8> = codes.iter().map(|row| row[pos]).filter(|c| (1..=4).contains(c)).collect();
            let spread = match (levels.iter().min(), levels.iter().max()) {
                (Some(lo), Some(hi)) => hi - lo,
                _ => 0,
            };
            prop_assert_eq!(s.spread, spread);
            prop_assert_eq!(s.disagreement, spread >= DISAGREEMENT_SPREAD);
            prop_assert_eq!(s.disagreement, s.spread >= 2);
            prop_assert_eq!(s.count + s.na_count + s.dont_know_count + s.unanswered, codes.len() as u32);
            prop_assert_eq!(s.answered(), s.count + s.na_count + s.dont_know_count);
        }
    }

    #[test]
    fn aggregate_is_invariant_to_respondent_order(codes in team(), seed in any::<u64>()) {
        let rubric = test_rubric(3);
        let forward = respondents(&codes);
        let mut shuffled = forward.clone();
        // Deterministic Fisher-Yates from the seed.
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let a = aggregate(&rubric, &forward);
        let b = aggregate(&rubric, &shuffled);
        prop_assert_eq!(&a.indicators, &b.indicators);
        prop_assert_eq!(&a.aspects, &b.aspects);
        prop_assert_eq!(a.discussion_points(), b.discussion_points());
        let mut ca = a.completion.clone();
        let mut cb = b.completion.clone();
        ca.sort_by(|x, y| x.respondent.cmp(&y.respondent));
        cb.sort_by(|x, y| x.respondent.cmp(&y.respondent));
        prop_assert_eq!(ca, cb);
    }

    #[test]
    fn aspect_scores_stay_within_one_to_four(codes in team(), levels in prop::collection::vec(prop::option::of(1u8..=4), 21)) {
        let agg = aggregate(&test_rubric(3), &respondents(&codes));
        for a in &agg.aspects {
            if let Some(score) = a.score {
                prop_assert!((1.0..=4.0).contains(&score), "{}", score);
            }
            prop_assert_eq!(a.score.is_some(), a.scored_indicators > 0);
        }
        let p = profile(&levels);
        for a in &p.aspects {
            if let Some(score) = a.score {
                prop_assert!((1.0..=4.0).contains(&score), "{}", score);
            }
        }
        if let Some(overall) = p.overall {
            prop_assert!((1.0..=4.0).contains(&overall));
        }
    }

    #[test]
    fn benchmark_never_shown_below_five_schools(
        schools in prop::collection::vec(prop::collection::vec(prop::option::of(1u8..=4), 21), 0..12)
    ) {
        let profiles: Vec<SchoolProfile> = schools.iter().map(|l| profile(l)).collect();
        let b = benchmark(&profiles);
        prop_assert_eq!(b.schools, profiles.len());
        for a in &b.aspects {
            let contributing = profiles.iter().filter(|p| p.aspect_score(a.aspect()).is_some()).count();
            prop_assert_eq!(a.schools(), contributing);
            prop_assert_eq!(a.median().is_some(), contributing >= BENCHMARK_MIN_SCHOOLS);
            if let Some(m) = a.median() {
                prop_assert!((1.0..=4.0).contains(&m));
            }
        }
    }
}
