//! Calendar dates as the programme uses them (deadlines, session dates,
//! action start and end): a plain `YYYY-MM-DD` day with no time zone, parsed
//! and compared without a date library so the wasm bundle stays small.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A calendar day. Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("'{0}' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-31")]
    Format(String),
    #[error("{0} does not exist in the calendar")]
    NoSuchDay(String),
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date from its parts, if that day exists (years 1900 to 2999).
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, DateError> {
        if !(1900..=2999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay(format!("{year:04}-{month:02}-{day:02}")));
        }
        Ok(Date { year, month, day })
    }

    pub fn year(self) -> u16 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if it lies in the supported range.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(u16::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?).ok()
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// Today's date from a Unix timestamp in seconds (UTC).
    pub fn from_unix_seconds(secs: i64) -> Option<Date> {
        Date::from_days(secs.div_euclid(86_400))
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        let t = s.trim();
        let bad = || DateError::Format(t.to_string());
        let b = t.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16, DateError> {
            let part = &t[r];
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(bad());
            }
            part.parse().map_err(|_| bad())
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y, m as u8, d as u8)
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;
    fn try_from(s: String) -> Result<Date, DateError> {
        s.parse()
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!("2024-05-30".parse::<Date>().map(|d| d.to_string()), Ok("2024-05-30".into()));
        assert!(matches!("2024-02-30".parse::<Date>(), Err(DateError::NoSuchDay(_))));
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!(matches!("30/05/2024".parse::<Date>(), Err(DateError::Format(_))));
        assert!("2024-5-30".parse::<Date>().is_err());
        assert!("+024-05-30".parse::<Date>().is_err());
        assert!("".parse::<Date>().is_err());
    }

    #[test]
    fn known_day_numbers() {
        assert_eq!(Date::new(1970, 1, 1).map(Date::to_days), Ok(0));
        assert_eq!(Date::new(2000, 3, 1).map(Date::to_days), Ok(11_017));
        let a = Date::new(2024, 1, 31).unwrap();
        let b = Date::new(2024, 3, 1).unwrap();
        assert_eq!(a.days_until(b), 30);
    }

    proptest! {
        #[test]
        fn day_numbers_round_trip(days in -25_000i64..365_000) {
            if let Some(d) = Date::from_days(days) {
                prop_assert_eq!(d.to_days(), days);
                prop_assert_eq!(d.to_string().parse::<Date>(), Ok(d));
            }
        }

        #[test]
        fn order_matches_day_numbers(a in 0i64..40_000, b in 0i64..40_000) {
            let (da, db) = (Date::from_days(a).unwrap(), Date::from_days(b).unwrap());
            prop_assert_eq!(da.cmp(&db), a.cmp(&b));
        }
    }
}
