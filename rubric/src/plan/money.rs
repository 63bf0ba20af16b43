//! Euro amounts as the plan shows and reads them: integer cents formatted the
//! Dutch/Belgian way (`€ 1.234,50`) or the English way (`€1,234.50`), and
//! parsed back from what a person types.

use crate::content::Lang;

/// Format cents as Dutch/Belgian euro: `€ 1.234,50`, `€ 0,01`, `€ -5,00`.
pub fn format_euro_nl(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("€ {sign}{}", digits(cents, '.', ','))
}

/// Format cents as English euro: `€1,234.50`, `€0.01`, `-€5.00`.
pub fn format_euro_en(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}€{}", digits(cents, ',', '.'))
}

/// Format cents as euro in the interface language.
pub fn format_euro(cents: i64, lang: Lang) -> String {
    match lang {
        Lang::Nl => format_euro_nl(cents),
        Lang::En => format_euro_en(cents),
    }
}

/// The absolute amount with grouped thousands and two decimals.
fn digits(cents: i64, group: char, decimal: char) -> String {
    let abs = cents.unsigned_abs();
    let euros = (abs / 100).to_string();
    let mut out = String::with_capacity(euros.len() + euros.len() / 3 + 3);
    for (i, c) in euros.chars().enumerate() {
        if i > 0 && (euros.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    out.push(decimal);
    out.push_str(&format!("{:02}", abs % 100));
    out
}

/// Why typed text is not a euro amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("no amount was given")]
    Empty,
    #[error(
        "'{text}' is not an amount in euro; write digits with at most two decimals, e.g. 1234.50"
    )]
    NotAnAmount { text: String },
    #[error("'{text}' has more than two decimals; euro amounts go down to the cent")]
    TooManyDecimals { text: String },
    #[error("'{text}' is too large to be an amount in euro")]
    TooLarge { text: String },
}

/// Parse an amount typed in `lang` into cents.
///
/// Accepts an optional `€` and minus sign, spaces, thousands separators in
/// the right places (`.` in Dutch, `,` in English) and up to two decimals
/// after the language's decimal separator. A lone other separator followed
/// by one or two digits is read as the decimal separator too, since it
/// cannot be a thousands separator (`12.50` in Dutch is € 12,50).
pub fn parse_euro(text: &str, lang: Lang) -> Result<i64, MoneyError> {
    let (group, decimal) = match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    let original = text.trim();
    let not_amount = || MoneyError::NotAnAmount { text: original.to_string() };
    let mut s: String = original.chars().filter(|c| !c.is_whitespace()).collect();
    let mut negative = false;
    for _ in 0..2 {
        if let Some(rest) = s.strip_prefix('-') {
            if negative {
                return Err(not_amount());
            }
            negative = true;
            s = rest.to_string();
        }
        if let Some(rest) = s.strip_prefix('€') {
            s = rest.to_string();
        }
    }
    if let Some(rest) = s.strip_suffix('€') {
        s = rest.to_string();
    }
    if s.is_empty() {
        return if original.is_empty() { Err(MoneyError::Empty) } else { Err(not_amount()) };
    }
    let decimal = if !s.contains(decimal) && s.matches(group).count() == 1 {
        match s.rsplit_once(group) {
            Some((_, after)) if (1..=2).contains(&after.len()) => group,
            _ => decimal,
        }
    } else {
        decimal
    };
    let (int_part, frac_part) = match s.split_once(decimal) {
        Some((i, f)) => (i, f),
        None => (s.as_str(), ""),
    };
    if frac_part.contains(decimal) || (int_part.is_empty() && frac_part.is_empty()) {
        return Err(not_amount());
    }
    if !frac_part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(not_amount());
    }
    if frac_part.len() > 2 {
        return Err(MoneyError::TooManyDecimals { text: original.to_string() });
    }
    let groups: Vec<&str> = if decimal != group && int_part.contains(group) {
        let parts: Vec<&str> = int_part.split(group).collect();
        let first_ok = parts.first().is_some_and(|p| (1..=3).contains(&p.len()));
        if !first_ok || parts.iter().skip(1).any(|p| p.len() != 3) {
            return Err(not_amount());
        }
        parts
    } else {
        vec![int_part]
    };
    let too_large = || MoneyError::TooLarge { text: original.to_string() };
    let mut euros: i64 = 0;
    for b in groups.iter().flat_map(|g| g.bytes()) {
        if !b.is_ascii_digit() {
            return Err(not_amount());
        }
        euros = euros
            .checked_mul(10)
            .and_then(|e| e.checked_add(i64::from(b - b'0')))
            .ok_or_else(too_large)?;
    }
    let mut frac: i64 = 0;
    for (i, b) in frac_part.bytes().enumerate() {
        frac += i64::from(b - b'0') * if i == 0 { 10 } else { 1 };
    }
    let cents = euros.checked_mul(100).and_then(|c| c.checked_add(frac)).ok_or_else(too_large)?;
    Ok(if negative { -cents } else { cents })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formats_dutch_euro() {
        assert_eq!(format_euro_nl(0), "€ 0,00");
        assert_eq!(format_euro_nl(1), "€ 0,01");
        assert_eq!(format_euro_nl(123_450), "€ 1.234,50");
        assert_eq!(format_euro_nl(99_999), "€ 999,99");
        assert_eq!(format_euro_nl(100_000_000_000), "€ 1.000.000.000,00");
        assert_eq!(format_euro_nl(-500), "€ -5,00");
    }

    #[test]
    fn formats_english_euro() {
        assert_eq!(format_euro_en(0), "€0.00");
        assert_eq!(format_euro_en(1), "€0.01");
        assert_eq!(format_euro_en(123_450), "€1,234.50");
        assert_eq!(format_euro_en(1_000_000_000), "€10,000,000.00");
        assert_eq!(format_euro_en(-500), "-€5.00");
        assert_eq!(format_euro(123_450, Lang::Nl), "€ 1.234,50");
        assert_eq!(format_euro(123_450, Lang::En), "€1,234.50");
        assert_eq!(format_euro_en(i64::MIN), "-€92,233,720,368,547,758.08");
    }

    #[test]
    fn parses_typed_amounts() {
        assert_eq!(parse_euro("€ 1.234,50", Lang::Nl), Ok(123_450));
        assert_eq!(parse_euro("1234,5", Lang::Nl), Ok(123_450));
        assert_eq!(parse_euro("12.50", Lang::Nl), Ok(1_250));
        assert_eq!(parse_euro("1.234", Lang::Nl), Ok(123_400));
        assert_eq!(parse_euro("1 234", Lang::Nl), Ok(123_400));
        assert_eq!(parse_euro("€1,234.50", Lang::En), Ok(123_450));
        assert_eq!(parse_euro("1,234", Lang::En), Ok(123_400));
        assert_eq!(parse_euro("12,5", Lang::En), Ok(1_250));
        assert_eq!(parse_euro(",50", Lang::Nl), Ok(50));
        assert_eq!(parse_euro("-€5.00", Lang::En), Ok(-500));
        assert_eq!(parse_euro("  ", Lang::Nl), Err(MoneyError::Empty));
        assert!(matches!(parse_euro("€", Lang::Nl), Err(MoneyError::NotAnAmount { .. })));
        assert!(matches!(parse_euro("12,345", Lang::Nl), Err(MoneyError::TooManyDecimals { .. })));
        assert!(matches!(parse_euro("1.23.4", Lang::Nl), Err(MoneyError::NotAnAmount { .. })));
        assert!(matches!(parse_euro("1,2,3", Lang::Nl), Err(MoneyError::NotAnAmount { .. })));
        assert!(matches!(parse_euro("abc", Lang::En), Err(MoneyError::NotAnAmount { .. })));
        assert!(matches!(parse_euro("--5", Lang::En), Err(MoneyError::NotAnAmount { .. })));
        assert!(matches!(
            parse_euro("99999999999999999999", Lang::En),
            Err(MoneyError::TooLarge { .. })
        ));
    }

    proptest! {
        #[test]
        fn formatted_amounts_parse_back(cents in -1_000_000_000_000i64..1_000_000_000_000) {
            prop_assert_eq!(parse_euro(&format_euro_nl(cents), Lang::Nl), Ok(cents));
            prop_assert_eq!(parse_euro(&format_euro_en(cents), Lang::En), Ok(cents));
        }
    }
}
