//! The Dutch-English glossary of Flemish school terms the rubric uses
//! (`data/glossary.json`): per term the Dutch and English word, a short
//! definition in both languages, the word forms that count as using the term
//! and the translations we rejected ("sponsor company", "finality", ...).
//! The tests prove that rubric v2 uses every term in both languages and none
//! of the rejected ones.

use crate::content::LocalizedText;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const GLOSSARY_JSON: &str = include_str!("../data/glossary.json");

/// One school term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// The Dutch term as the glossary lists it ("peterbedrijf").
    pub nl: String,
    /// The English term we use for it ("partner company").
    pub en: String,
    pub definition: LocalizedText,
    /// Dutch word forms that count as using the term (lower case, whole words).
    #[serde(default)]
    pub forms_nl: Vec<String>,
    /// English word forms that count as using the term.
    #[serde(default)]
    pub forms_en: Vec<String>,
    /// Dutch wordings we do not use for this notion.
    #[serde(default)]
    pub rejected_nl: Vec<String>,
    /// English translations we do not use ("sponsor company").
    #[serde(default)]
    pub rejected_en: Vec<String>,
}

impl Term {
    /// The forms in one language: the term itself and its listed forms.
    pub fn forms(&self, lang: crate::content::Lang) -> impl Iterator<Item = &str> {
        let (term, forms) = match lang {
            crate::content::Lang::Nl => (&self.nl, &self.forms_nl),
            crate::content::Lang::En => (&self.en, &self.forms_en),
        };
        std::iter::once(term.as_str()).chain(forms.iter().map(String::as_str))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct GlossaryFile {
    terms: Vec<Term>,
}

/// The glossary, in its file's order, parsed once. The embedded file is
/// checked by the tests, so a failure here is a build defect.
pub fn glossary() -> &'static [Term] {
    static TERMS: OnceLock<Vec<Term>> = OnceLock::new();
    TERMS.get_or_init(|| {
        serde_json::from_str::<GlossaryFile>(GLOSSARY_JSON)
            .unwrap_or_else(|e| panic!("embedded glossary.json is invalid: {e}"))
            .terms
    })
}

/// The glossary file as text, to serve it unparsed.
pub fn glossary_json() -> &'static str {
    GLOSSARY_JSON
}

/// Whether `text` contains `phrase` as whole words, ignoring case: "stage"
/// is in "the first stage," but not in "backstage" or "stages".
pub fn contains_phrase(text: &str, phrase: &str) -> bool {
    let text = text.to_lowercase();
    let phrase = phrase.to_lowercase();
    if phrase.is_empty() {
        return false;
    }
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(&phrase).any(|(at, _)| {
        !is_word(text[..at].chars().next_back()) && !is_word(text[at + phrase.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{rubric, Lang, Rubric, RubricVersion};
    use std::collections::HashSet;

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(contains_phrase("In de eerste graad, ook", "eerste graad"));
        assert!(contains_phrase("Sponsor Company", "sponsor company"));
        assert!(!contains_phrase("backstage", "stage"));
        assert!(!contains_phrase("stages", "stage"));
        assert!(!contains_phrase("anything", ""));
        assert!(contains_phrase("één", "één"));
    }

    proptest::proptest! {
        #[test]
        fn a_phrase_between_spaces_is_found_and_glued_to_a_word_is_not(
            before in "[a-z]{1,8}",
            after in "[a-z]{1,8}",
            phrase in "[a-z]{2,6}( [a-z]{2,6})?",
        ) {
            let spaced = format!("{} {}, {}", before, phrase, after);
            let upper = format!("{} {}", phrase.to_uppercase(), after);
            proptest::prop_assert!(contains_phrase(&spaced, &phrase));
            proptest::prop_assert!(contains_phrase(&upper, &phrase));
            let glued = format!("{}{}{}", before, phrase, after);
            proptest::prop_assert!(!contains_phrase(&glued, &phrase));
        }
    }

    #[test]
    fn every_term_is_complete_and_listed_once() {
        let mut seen = HashSet::new();
        assert!(glossary().len() >= 15, "the glossary covers the school terms the rubric uses");
        for t in glossary() {
            assert!(seen.insert(t.nl.to_lowercase()), "{} is listed twice", t.nl);
            assert!(!t.en.trim().is_empty() && !t.nl.trim().is_empty(), "{}", t.nl);
            assert!(!t.definition.nl.trim().is_empty() && !t.definition.en.trim().is_empty(), "{}", t.nl);
            for r in &t.rejected_en {
                assert!(!t.forms(Lang::En).any(|f| contains_phrase(f, r)), "{}: a rejected word is one of its own forms", t.nl);
            }
        }
    }

    /// Every text of a rubric in one language, with where it is.
    pub(crate) fn texts(rubric: &Rubric, lang: Lang) -> Vec<(String, String)> {
        let mut out = vec![
            ("title".to_string(), rubric.title.get(lang).to_string()),
            ("introduction".to_string(), rubric.introduction.get(lang).to_string()),
            ("not applicable".to_string(), rubric.not_applicable.get(lang).to_string()),
        ];
        for (what, t) in [
            ("not-applicable help", &rubric.not_applicable_help),
            ("don't know", &rubric.dont_know),
            ("don't-know help", &rubric.dont_know_help),
            ("partial-fit rule", &rubric.partial_fit_rule),
        ] {
            if let Some(t) = t {
                out.push((what.to_string(), t.get(lang).to_string()));
            }
        }
        for (i, c) in rubric.changes.iter().enumerate() {
            out.push((format!("change {}", i + 1), c.get(lang).to_string()));
        }
        for a in &rubric.aspects {
            out.push((format!("aspect {}", a.id), a.name.get(lang).to_string()));
            out.push((format!("aspect {} description", a.id), a.description.get(lang).to_string()));
            for i in &a.indicators {
                out.push((format!("{} title", i.id), i.title.get(lang).to_string()));
                out.push((format!("{} question", i.id), i.question.get(lang).to_string()));
                out.push((format!("{} evidence", i.id), i.evidence.get(lang).to_string()));
                for (n, l) in i.levels.iter().enumerate() {
                    out.push((format!("{} level {}", i.id, n + 1), l.get(lang).to_string()));
                }
                for (n, l) in i.level_evidence.iter().enumerate() {
                    out.push((format!("{} evidence cue {}", i.id, n + 1), l.get(lang).to_string()));
                }
                if let Some(p) = &i.pupil_voice {
                    out.push((format!("{} pupil voice", i.id), p.get(lang).to_string()));
                }
            }
        }
        out
    }

    #[test]
    fn rubric_v2_uses_every_term_in_both_languages_and_no_rejected_wording() {
        let v2 = rubric(RubricVersion::V2);
        for lang in Lang::ALL {
            let texts = texts(v2, lang);
            for t in glossary() {
                assert!(
                    t.forms(lang).any(|f| texts.iter().any(|(_, s)| contains_phrase(s, f))),
                    "rubric v2 ({}) never uses the glossary term {} / {}",
                    lang.code(),
                    t.nl,
                    t.en
                );
                let rejected = match lang {
                    Lang::Nl => &t.rejected_nl,
                    Lang::En => &t.rejected_en,
                };
                for r in rejected {
                    for (place, s) in &texts {
                        assert!(!contains_phrase(s, r), "{place} ({}) says {r:?}; the glossary says {:?}", lang.code(), t.forms(lang).next());
                    }
                }
            }
        }
    }

    #[test]
    fn where_the_dutch_uses_a_term_the_english_uses_its_translation() {
        // Text by text, not only somewhere in the rubric: a level that says
        // "lessentabel" says "curriculum grid" in English.
        let v2 = rubric(RubricVersion::V2);
        let nl = texts(v2, Lang::Nl);
        let en = texts(v2, Lang::En);
        assert_eq!(nl.len(), en.len());
        for ((place, n), (_, e)) in nl.iter().zip(&en) {
            for t in glossary() {
                if t.forms(Lang::Nl).any(|f| contains_phrase(n, f)) {
                    assert!(t.forms(Lang::En).any(|f| contains_phrase(e, f)), "{place}: the Dutch says {:?}, the English lacks {:?}", t.nl, t.en);
                }
            }
        }
    }
}
