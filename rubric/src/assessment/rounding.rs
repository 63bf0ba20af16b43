//! The one rounding rule for level scores (issue 14): aspect scores,
//! overall scores, medians and growth are shown with one decimal, rounded
//! half away from zero, so 2.25 is 2.3 on the report, the plan and the
//! matching profile alike (formatting with `{:.1}` gave 2.2: it rounds the
//! binary value half to even).

/// `score` in tenths, rounded half away from zero: 2.25 → 23, -0.25 → -3.
/// A tiny tolerance absorbs binary noise (1.15 is stored as 1.1499999…, yet
/// means 1.15 → 12). `None` for NaN and infinities.
pub fn score_tenths(score: f64) -> Option<i64> {
    if !score.is_finite() {
        return None;
    }
    let scaled = score * 10.0;
    let nudged = scaled + scaled.signum() * 1e-9;
    // Level scores are small (−4 to 4); the cast cannot saturate for them.
    Some(nudged.round() as i64)
}

#[cfg(test)]
mod tests {
    use super::score_tenths;
    use proptest::prelude::*;

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(score_tenths(2.25), Some(23));
        assert_eq!(score_tenths(2.35), Some(24));
        assert_eq!(score_tenths(1.15), Some(12));
        assert_eq!(score_tenths(2.24), Some(22));
        assert_eq!(score_tenths(-0.25), Some(-3));
        assert_eq!(score_tenths(-0.04), Some(0));
        assert_eq!(score_tenths(3.0), Some(30));
        assert_eq!(score_tenths(f64::NAN), None);
        // The mean of 2, 2, 2 and 3 is the case the issue found.
        assert_eq!(score_tenths((2.0 + 2.0 + 2.0 + 3.0) / 4.0), Some(23));
    }

    proptest! {
        /// Never more than half a tenth (plus the tolerance) away, and
        /// monotone: a higher score never shows lower.
        #[test]
        fn close_and_monotone(a in -4.0f64..4.0, b in -4.0f64..4.0) {
            let ta = score_tenths(a).unwrap();
            prop_assert!((ta as f64 / 10.0 - a).abs() <= 0.05 + 1e-9);
            if a <= b {
                prop_assert!(ta <= score_tenths(b).unwrap());
            }
        }

        /// Symmetric around zero, so a negative growth reads like its positive.
        #[test]
        fn symmetric(a in 0.0f64..4.0) {
            prop_assert_eq!(score_tenths(-a).unwrap(), -score_tenths(a).unwrap());
        }
    }
}
