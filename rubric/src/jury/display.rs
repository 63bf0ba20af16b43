//! How jury numbers are written, the same on screen, on paper, in the CSV
//! exports and in `stempact jury-stats`: two decimals, rounded half away
//! from zero after the binary noise of floating point is removed, with the
//! decimal separator of the reader (comma in Dutch, dot in English and in
//! the plain CSV).
//!
//! The rule: a value is first rounded to 9 decimals (a score is a mean of
//! weighted means of whole scores, so nothing meaningful lives below that),
//! then to 2 decimals, half away from zero. So 6.125 gives 6.13, and 2.675
//! (stored in binary as 2.67499999999999982...) gives 2.68, as a person
//! computing by hand expects; 6.124999 gives 6.12.

use super::stats::{Agreement, Reading};

/// A number rounded to hundredths by the rule of this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hundredths(i64);

impl Hundredths {
    /// Round `value`; `None` for NaN, infinities and values too large to
    /// write (beyond ±10^9).
    pub fn round(value: f64) -> Option<Hundredths> {
        if !value.is_finite() || value.abs() > 1e9 {
            return None;
        }
        // Step 1: to 9 decimals (f64::round is half away from zero).
        let nanos = (value * 1e9).round() as i128;
        // Step 2: to 2 decimals, half away from zero, in integers.
        let unit: i128 = 10_000_000;
        let magnitude = (nanos.abs() + unit / 2) / unit;
        let signed = if nanos < 0 { -magnitude } else { magnitude };
        i64::try_from(signed).ok().map(Hundredths)
    }

    /// The rounded value as a number (for comparisons and JSON).
    pub fn value(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// Written with two decimals and `separator` ('.' or ',').
    pub fn write(self, separator: char) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}{separator}{:02}", abs / 100, abs % 100)
    }
}

/// `value` with two decimals and `separator`; "–" when it cannot be written.
pub fn two_decimals(value: f64, separator: char) -> String {
    Hundredths::round(value).map_or_else(|| "–".to_string(), |h| h.write(separator))
}

/// An optional value with two decimals, or "–".
pub fn two_decimals_opt(value: Option<f64>, separator: char) -> String {
    value.map_or_else(|| "–".to_string(), |v| two_decimals(v, separator))
}

/// The value of an agreement statistic as it is shown: two decimals,
/// "< 0" for an estimate below zero (a negative estimate has no meaning
/// beyond "no agreement", so its size is not shown), or `None` when it
/// cannot be computed.
pub fn agreement_value(a: &Agreement, separator: char) -> Option<String> {
    match (a.reading, a.value) {
        (Some(Reading::BelowZero), _) => Some("< 0".to_string()),
        (Some(_), Some(v)) => Some(two_decimals(v, separator)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_round_away_from_zero_after_binary_noise_is_removed() {
        assert_eq!(two_decimals(6.125, '.'), "6.13");
        assert_eq!(two_decimals(6.125, ','), "6,13");
        // 2.675 is 2.67499999999999982236431605997495353221893310546875 in
        // binary; naive rounding gives 2.67.
        assert_eq!(format!("{:.2}", 2.675), "2.67");
        assert_eq!(two_decimals(2.675, '.'), "2.68");
        assert_eq!(two_decimals(1.005, '.'), "1.01");
        assert_eq!(two_decimals(6.124_999, '.'), "6.12");
        assert_eq!(two_decimals(-6.125, '.'), "-6.13");
        assert_eq!(two_decimals(-0.004, '.'), "0.00");
        assert_eq!(two_decimals(7.0, ','), "7,00");
        assert_eq!(two_decimals(10.0, '.'), "10.00");
        // A mean computed in floating point: (6.1 + 6.15) / 2 = 6.125.
        assert_eq!(two_decimals((6.1 + 6.15) / 2.0, '.'), "6.13");
        // The weighted means of the jury: 7.51666... and 7.41333...
        assert_eq!(two_decimals(22.55 / 3.0, '.'), "7.52");
        assert_eq!(two_decimals(f64::NAN, '.'), "–");
        assert_eq!(two_decimals_opt(None, '.'), "–");
    }

    #[test]
    fn rounded_values_compare_as_written() {
        let a = Hundredths::round(7.414).unwrap();
        let b = Hundredths::round(7.411).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.value(), 7.41);
        assert!(Hundredths::round(7.416).unwrap() > a);
    }
}
