//! What one respondent says about one indicator: a level, "not applicable"
//! or "don't know", with a comment and an evidence link, and the rules that
//! check each write.

use crate::content::{Level, Rubric};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// Longest accepted comment on an answer, in characters.
pub const MAX_COMMENT_CHARS: usize = 2000;
/// Longest accepted evidence link, in characters.
pub const MAX_EVIDENCE_URL_CHARS: usize = 500;

/// Which of the two measurements of an edition: the zero measurement at the
/// start (nulmeting) or the final one at the end (eindmeting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeasurementKind {
    Baseline,
    Final,
}

impl MeasurementKind {
    /// Both kinds, in chronological order.
    pub const ALL: [MeasurementKind; 2] = [MeasurementKind::Baseline, MeasurementKind::Final];

    /// The identifier used in JSON and URLs.
    pub fn key(self) -> &'static str {
        match self {
            MeasurementKind::Baseline => "baseline",
            MeasurementKind::Final => "final",
        }
    }

    /// The kind with this key.
    pub fn from_key(key: &str) -> Option<MeasurementKind> {
        MeasurementKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A respondent's answer on one indicator.
///
/// JSON shape: a level is the bare number `1`, `2`, `3` or `4`; "not
/// applicable" is the string `"na"` and "don't know" the string `"dk"`. An
/// unanswered indicator is `null` wherever an `Option<Answer>` is used (see
/// [`AnswerRecord`]). The text form ([`fmt::Display`] / [`FromStr`]) is the
/// same: `"3"`, `"na"`, `"dk"`.
///
/// The two are different facts: "n.v.t." says the indicator does not apply
/// to this school (a middle school has no third grade); "weet ik niet" says
/// the respondent cannot judge it, which in a baseline is itself
/// information (nobody in the team knows how pupils choose their studies).
/// Answers written before the split (rubric v1) are all `NotApplicable`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// One of the four rubric levels.
    Level(Level),
    /// The indicator does not apply to this school ("n.v.t.").
    NotApplicable,
    /// The respondent cannot judge this indicator ("weet ik niet").
    DontKnow,
}

impl Answer {
    /// The JSON and text form of [`Answer::NotApplicable`].
    pub const NOT_APPLICABLE_KEY: &'static str = "na";
    /// The JSON and text form of [`Answer::DontKnow`].
    pub const DONT_KNOW_KEY: &'static str = "dk";

    /// The answer written as `key` (`"na"` or `"dk"`), if it is one of the
    /// two answers without a level.
    pub fn from_key(key: &str) -> Option<Answer> {
        match key {
            Answer::NOT_APPLICABLE_KEY => Some(Answer::NotApplicable),
            Answer::DONT_KNOW_KEY => Some(Answer::DontKnow),
            _ => None,
        }
    }

    /// The level, if the answer is one.
    pub fn level(self) -> Option<Level> {
        match self {
            Answer::Level(level) => Some(level),
            Answer::NotApplicable | Answer::DontKnow => None,
        }
    }

    /// A level answer from a raw number, if it is 1 to 4.
    pub fn from_number(n: i64) -> Result<Answer, AnswerError> {
        u8::try_from(n)
            .ok()
            .and_then(|n| Level::new(n).ok())
            .map(Answer::Level)
            .ok_or(AnswerError::LevelOutOfRange(n))
    }
}

impl From<Level> for Answer {
    fn from(level: Level) -> Answer {
        Answer::Level(level)
    }
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Level(level) => write!(f, "{level}"),
            Answer::NotApplicable => f.write_str(Answer::NOT_APPLICABLE_KEY),
            Answer::DontKnow => f.write_str(Answer::DONT_KNOW_KEY),
        }
    }
}

impl FromStr for Answer {
    type Err = AnswerError;

    /// `"1"` to `"4"`, `"na"` or `"dk"` (surrounding spaces ignored).
    fn from_str(s: &str) -> Result<Answer, AnswerError> {
        let s = s.trim();
        if let Some(answer) = Answer::from_key(s) {
            return Ok(answer);
        }
        match s.parse::<i64>() {
            Ok(n) => Answer::from_number(n),
            Err(_) => Err(AnswerError::NotAnAnswer(s.to_string())),
        }
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Level(level) => serializer.serialize_u8(level.get()),
            Answer::NotApplicable => serializer.serialize_str(Answer::NOT_APPLICABLE_KEY),
            Answer::DontKnow => serializer.serialize_str(Answer::DONT_KNOW_KEY),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Answer, D::Error> {
        struct AnswerVisitor;

        impl Visitor<'_> for AnswerVisitor {
            type Value = Answer;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a level 1, 2, 3 or 4, \"na\" for not applicable or \"dk\" for don't know")
            }

            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Answer, E> {
                Answer::from_number(n).map_err(E::custom)
            }

            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Answer, E> {
                Answer::from_number(i64::try_from(n).unwrap_or(i64::MAX)).map_err(E::custom)
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<Answer, E> {
                Answer::from_key(s).ok_or_else(|| E::custom(AnswerError::NotAnAnswer(s.to_string())))
            }
        }

        deserializer.deserialize_any(AnswerVisitor)
    }
}

/// One respondent's record for one indicator, as the answer form saves it.
///
/// JSON: `{"indicator_id": "curriculum.learning-lines", "answer": 3,
/// "comment": "", "evidence_url": ""}`, where `answer` is `1`-`4`, `"na"` or
/// `null` (not yet answered); `comment` and `evidence_url` may be omitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRecord {
    pub indicator_id: String,
    /// `None`: not yet answered (a draft may hold only a comment).
    pub answer: Option<Answer>,
    /// Free text, at most [`MAX_COMMENT_CHARS`] characters; may be empty.
    #[serde(default)]
    pub comment: String,
    /// Empty, or an `http://` / `https://` link of at most
    /// [`MAX_EVIDENCE_URL_CHARS`] characters.
    #[serde(default)]
    pub evidence_url: String,
}

/// All answers of one respondent in one measurement: indicator id to answer.
/// Unanswered indicators are simply absent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RespondentAnswers {
    /// Who answered: an opaque key the caller chooses (person id or name).
    /// Only reported back in [`crate::assessment::RespondentCompletion`].
    pub respondent: String,
    pub answers: BTreeMap<String, Answer>,
}

impl RespondentAnswers {
    /// A respondent who has not answered anything yet.
    pub fn new(respondent: impl Into<String>) -> RespondentAnswers {
        RespondentAnswers {
            respondent: respondent.into(),
            answers: BTreeMap::new(),
        }
    }

    /// The answered records of one respondent (records with `answer: None`
    /// are skipped; a later record for the same indicator wins).
    pub fn from_records(
        respondent: impl Into<String>,
        records: &[AnswerRecord],
    ) -> RespondentAnswers {
        let answers = records
            .iter()
            .filter_map(|r| r.answer.map(|a| (r.indicator_id.clone(), a)))
            .collect();
        RespondentAnswers {
            respondent: respondent.into(),
            answers,
        }
    }

    /// Add or replace one answer (builder style).
    pub fn with(mut self, indicator_id: impl Into<String>, answer: Answer) -> RespondentAnswers {
        self.answers.insert(indicator_id.into(), answer);
        self
    }
}

/// What is wrong with an evidence link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UrlProblem {
    #[error("it must start with http:// or https://")]
    NotHttp,
    #[error("it has no address after http:// or https://")]
    NoAddress,
    #[error("it contains a space or a control character")]
    Whitespace,
    #[error("it is {0} characters long; at most {MAX_EVIDENCE_URL_CHARS} are allowed")]
    TooLong(usize),
}

/// Why an answer cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("there is no indicator \"{0}\" in the rubric")]
    UnknownIndicator(String),
    #[error("level {0} is out of range: answer 1, 2, 3, 4, \"na\" (not applicable) or \"dk\" (don't know)")]
    LevelOutOfRange(i64),
    #[error("\"{0}\" is not an answer: answer 1, 2, 3, 4, \"na\" (not applicable) or \"dk\" (don't know)")]
    NotAnAnswer(String),
    #[error("the comment is {0} characters long; at most {MAX_COMMENT_CHARS} are allowed")]
    CommentTooLong(usize),
    #[error("the evidence link \"{}\" is not valid: {problem}", shorten(.url))]
    EvidenceUrlInvalid { url: String, problem: UrlProblem },
}

/// The start of a long value, so an error message stays readable.
fn shorten(s: &str) -> String {
    const SHOWN: usize = 80;
    match s.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// Check one answer as a form or API sends it: the indicator must be in
/// `rubric`, and `raw_level` must be 1 to 4; `None` means "not applicable".
pub fn validate_answer(
    rubric: &Rubric,
    indicator_id: &str,
    raw_level: Option<i64>,
) -> Result<Answer, AnswerError> {
    check_indicator(rubric, indicator_id)?;
    match raw_level {
        Some(n) => Answer::from_number(n),
        None => Ok(Answer::NotApplicable),
    }
}

fn check_indicator(rubric: &Rubric, indicator_id: &str) -> Result<(), AnswerError> {
    match rubric.indicator(indicator_id) {
        Some(_) => Ok(()),
        None => Err(AnswerError::UnknownIndicator(indicator_id.to_string())),
    }
}

/// The trimmed comment, if it is at most [`MAX_COMMENT_CHARS`] characters.
pub fn validate_comment(raw: &str) -> Result<String, AnswerError> {
    let comment = raw.trim();
    let len = comment.chars().count();
    if len > MAX_COMMENT_CHARS {
        return Err(AnswerError::CommentTooLong(len));
    }
    Ok(comment.to_string())
}

/// The trimmed evidence link. Empty is allowed; otherwise it must start with
/// `http://` or `https://` (any case), have an address after that, contain no
/// whitespace or control characters and be at most
/// [`MAX_EVIDENCE_URL_CHARS`] characters.
pub fn validate_evidence_url(raw: &str) -> Result<String, AnswerError> {
    let url = raw.trim();
    if url.is_empty() {
        return Ok(String::new());
    }
    let invalid = |problem| AnswerError::EvidenceUrlInvalid {
        url: url.to_string(),
        problem,
    };
    let len = url.chars().count();
    if len > MAX_EVIDENCE_URL_CHARS {
        return Err(invalid(UrlProblem::TooLong(len)));
    }
    let has_prefix = |p: &str| {
        url.get(..p.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(p))
    };
    let rest = if has_prefix("https://") {
        url.get(8..).unwrap_or_default()
    } else if has_prefix("http://") {
        url.get(7..).unwrap_or_default()
    } else {
        return Err(invalid(UrlProblem::NotHttp));
    };
    if rest.is_empty() || rest.starts_with('/') {
        return Err(invalid(UrlProblem::NoAddress));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid(UrlProblem::Whitespace));
    }
    Ok(url.to_string())
}

/// Check a whole record before it is stored and return it normalized
/// (comment and link trimmed). The level is already typed; raw numbers are
/// checked by [`validate_answer`] or when the JSON is parsed.
pub fn validate_record(
    rubric: &Rubric,
    record: &AnswerRecord,
) -> Result<AnswerRecord, AnswerError> {
    check_indicator(rubric, &record.indicator_id)?;
    Ok(AnswerRecord {
        indicator_id: record.indicator_id.clone(),
        answer: record.answer,
        comment: validate_comment(&record.comment)?,
        evidence_url: validate_evidence_url(&record.evidence_url)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::testutil::test_rubric;

    fn level(n: u8) -> Answer {
        Answer::Level(Level::new(n).expect("test level"))
    }

    #[test]
    fn answer_json_is_a_number_or_na() {
        assert_eq!(serde_json::to_string(&level(3)).ok(), Some("3".into()));
        assert_eq!(
            serde_json::to_string(&Answer::NotApplicable).ok(),
            Some("\"na\"".into())
        );
        assert_eq!(serde_json::from_str::<Answer>("4").ok(), Some(level(4)));
        assert_eq!(
            serde_json::from_str::<Answer>("\"na\"").ok(),
            Some(Answer::NotApplicable)
        );
        for bad in [
            "0",
            "5",
            "-1",
            "2.5",
            "\"3\"",
            "\"NA\"",
            "null",
            "true",
            "99999999999999999999",
        ] {
            assert!(
                serde_json::from_str::<Answer>(bad).is_err(),
                "{bad} accepted"
            );
        }
        let err = serde_json::from_str::<Answer>("7")
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("level 7 is out of range")));
    }

    #[test]
    fn record_json_round_trips_and_defaults() {
        let json = r#"{"indicator_id":"curriculum.i0","answer":null}"#;
        let record: AnswerRecord = serde_json::from_str(json).expect("parses");
        assert_eq!(record.answer, None);
        assert_eq!(record.comment, "");
        let full = AnswerRecord {
            indicator_id: "pedagogy.i1".into(),
            answer: Some(Answer::NotApplicable),
            comment: "c".into(),
            evidence_url: "https://x.be".into(),
        };
        let text = serde_json::to_string(&full).expect("serializes");
        assert!(text.contains(r#""answer":"na""#), "{text}");
        assert_eq!(serde_json::from_str::<AnswerRecord>(&text).ok(), Some(full));
        assert_eq!(
            serde_json::to_string(&MeasurementKind::Baseline).ok(),
            Some("\"baseline\"".into())
        );
        assert_eq!(
            MeasurementKind::from_key("final"),
            Some(MeasurementKind::Final)
        );
    }

    #[test]
    fn dont_know_is_its_own_answer_in_json() {
        assert_eq!(serde_json::to_string(&Answer::DontKnow).ok(), Some("\"dk\"".into()));
        assert_eq!(serde_json::from_str::<Answer>("\"dk\"").ok(), Some(Answer::DontKnow));
        assert_eq!(serde_json::from_str::<Answer>("\"na\"").ok(), Some(Answer::NotApplicable));
        assert_ne!(Answer::DontKnow, Answer::NotApplicable);
        assert!(serde_json::from_str::<Answer>("\"nk\"").is_err());
    }

    #[test]
    fn text_form_parses() {
        assert_eq!(" 2 ".parse::<Answer>(), Ok(level(2)));
        assert_eq!("na".parse::<Answer>(), Ok(Answer::NotApplicable));
        assert_eq!(" dk".parse::<Answer>(), Ok(Answer::DontKnow));
        assert_eq!(Answer::DontKnow.to_string(), "dk");
        assert_eq!(Answer::DontKnow.level(), None);
        assert_eq!("5".parse::<Answer>(), Err(AnswerError::LevelOutOfRange(5)));
        assert_eq!(
            "x".parse::<Answer>(),
            Err(AnswerError::NotAnAnswer("x".into()))
        );
        assert_eq!(level(1).to_string(), "1");
    }

    #[test]
    fn unknown_indicator_and_bad_levels_are_rejected() {
        let r = test_rubric(3);
        assert_eq!(validate_answer(&r, "curriculum.i0", Some(1)), Ok(level(1)));
        assert_eq!(validate_answer(&r, "curriculum.i2", Some(4)), Ok(level(4)));
        assert_eq!(
            validate_answer(&r, "curriculum.i0", None),
            Ok(Answer::NotApplicable)
        );
        let unknown = validate_answer(&r, "curriculum.nope", Some(2));
        assert_eq!(
            unknown,
            Err(AnswerError::UnknownIndicator("curriculum.nope".into()))
        );
        assert!(unknown
            .err()
            .is_some_and(|e| e.to_string().contains("curriculum.nope")));
        for n in [0, 5, -3, i64::MAX] {
            let e = validate_answer(&r, "curriculum.i0", Some(n));
            assert_eq!(e, Err(AnswerError::LevelOutOfRange(n)));
            assert!(e
                .err()
                .is_some_and(|e| e.to_string().contains(&n.to_string())));
        }
    }

    #[test]
    fn comments_are_bounded() {
        assert_eq!(validate_comment("  ok  "), Ok("ok".into()));
        assert_eq!(
            validate_comment(&"é".repeat(2000)).map(|c| c.chars().count()),
            Ok(2000)
        );
        let e = validate_comment(&"x".repeat(2001));
        assert_eq!(e, Err(AnswerError::CommentTooLong(2001)));
        assert!(e.err().is_some_and(|e| e.to_string().contains("2001")));
    }

    #[test]
    fn evidence_links_are_checked() {
        assert_eq!(validate_evidence_url("  "), Ok(String::new()));
        assert_eq!(
            validate_evidence_url(" https://school.be/plan.pdf "),
            Ok("https://school.be/plan.pdf".into())
        );
        assert!(validate_evidence_url("HTTP://school.be").is_ok());
        let problem = |raw: &str| match validate_evidence_url(raw) {
            Err(AnswerError::EvidenceUrlInvalid { problem, .. }) => Some(problem),
            _ => None,
        };
        assert_eq!(problem("ftp://school.be"), Some(UrlProblem::NotHttp));
        assert_eq!(problem("school.be"), Some(UrlProblem::NotHttp));
        assert_eq!(problem("javascript:alert(1)"), Some(UrlProblem::NotHttp));
        assert_eq!(problem("https://"), Some(UrlProblem::NoAddress));
        assert_eq!(problem("https:///x"), Some(UrlProblem::NoAddress));
        assert_eq!(problem("https://a b"), Some(UrlProblem::Whitespace));
        let long = format!("https://x.be/{}", "a".repeat(500));
        assert_eq!(problem(&long), Some(UrlProblem::TooLong(513)));
        let msg = validate_evidence_url("ftp://x")
            .err()
            .map(|e| e.to_string());
        assert!(msg.is_some_and(|m| m.contains("ftp://x") && m.contains("https://")));
        let msg = validate_evidence_url(&long)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(msg.len() < 250 && msg.contains("513"), "{msg}");
    }

    #[test]
    fn records_are_validated_and_normalized() {
        let r = test_rubric(3);
        let record = AnswerRecord {
            indicator_id: "leadership.i1".into(),
            answer: Some(level(2)),
            comment: " fine ".into(),
            evidence_url: "".into(),
        };
        assert_eq!(
            validate_record(&r, &record).map(|v| v.comment),
            Ok("fine".into())
        );
        let mut bad = record.clone();
        bad.indicator_id = "leadership.i9".into();
        assert!(matches!(
            validate_record(&r, &bad),
            Err(AnswerError::UnknownIndicator(_))
        ));
        let mut bad = record.clone();
        bad.evidence_url = "www.x.be".into();
        assert!(matches!(
            validate_record(&r, &bad),
            Err(AnswerError::EvidenceUrlInvalid { .. })
        ));
        let mut bad = record;
        bad.comment = "x".repeat(3000);
        assert_eq!(
            validate_record(&r, &bad),
            Err(AnswerError::CommentTooLong(3000))
        );
    }

    #[test]
    fn respondent_answers_from_records_skip_unanswered() {
        let records = [
            AnswerRecord {
                indicator_id: "a".into(),
                answer: None,
                comment: "x".into(),
                evidence_url: String::new(),
            },
            AnswerRecord {
                indicator_id: "b".into(),
                answer: Some(level(2)),
                comment: String::new(),
                evidence_url: String::new(),
            },
        ];
        let ra = RespondentAnswers::from_records("p1", &records);
        assert_eq!(ra.answers.len(), 1);
        assert_eq!(ra.answers.get("b"), Some(&level(2)));
    }
}
