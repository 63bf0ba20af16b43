//! The rubric's names without the rest of its text: aspect names, indicator
//! titles and level names of every rubric version, as static tables written
//! at build time from the same data files as [`crate::content`]. Pages that
//! only name indicators (a juror's profile summary, a company's plan view,
//! the coordinator's overviews) use these, so their app carries neither the
//! descriptors nor the rubric's parser.
//!
//! Indicator ids are unique across versions (a test in `mapping` proves it),
//! so [`indicator`] names an id of any version; aspect names can differ per
//! version, so [`aspect_name`] is v1's and [`aspect_name_in`] takes one.

use crate::content::{AspectId, Lang, Level, RubricVersion};

mod tables {
    include!(concat!(env!("OUT_DIR"), "/names.rs"));
}

type Aspects = &'static [(&'static str, &'static str, &'static str)];
type Indicators = &'static [(&'static str, &'static str, &'static str, &'static str)];

fn version_tables(version: RubricVersion) -> (Aspects, Indicators, &'static [(&'static str, &'static str)]) {
    match version {
        RubricVersion::V1 => (tables::v1::ASPECTS, tables::v1::INDICATORS, tables::v1::LEVELS),
        RubricVersion::V2 => (tables::v2::ASPECTS, tables::v2::INDICATORS, tables::v2::LEVELS),
    }
}

fn pick(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// The name of an aspect in v1 ("Leerplan").
pub fn aspect_name(aspect: AspectId, lang: Lang) -> &'static str {
    aspect_name_in(RubricVersion::V1, aspect, lang)
}

/// The name of an aspect in a given rubric version.
pub fn aspect_name_in(version: RubricVersion, aspect: AspectId, lang: Lang) -> &'static str {
    version_tables(version).0.iter().find(|(key, _, _)| *key == aspect.key()).map_or("", |(_, nl, en)| pick(lang, nl, en))
}

/// An indicator's aspect and title in one version, if the id is one of its.
pub fn indicator_in(version: RubricVersion, id: &str, lang: Lang) -> Option<(AspectId, &'static str)> {
    let (_, aspect, nl, en) = version_tables(version).1.iter().find(|(key, ..)| *key == id)?;
    Some((AspectId::from_key(aspect)?, pick(lang, nl, en)))
}

/// The version an indicator id belongs to (ids are unique across versions).
pub fn version_of(id: &str) -> Option<RubricVersion> {
    RubricVersion::ALL.into_iter().find(|&v| version_tables(v).1.iter().any(|(key, ..)| *key == id))
}

/// An indicator's aspect and title, if the id is one of any rubric version's.
pub fn indicator(id: &str, lang: Lang) -> Option<(AspectId, &'static str)> {
    indicator_in(version_of(id)?, id, lang)
}

/// The name of a level ("In ontwikkeling"), the same in every version.
pub fn level_name(level: Level, lang: Lang) -> &'static str {
    tables::v1::LEVELS.get(usize::from(level.get()).saturating_sub(1)).map_or("", |(nl, en)| pick(lang, nl, en))
}

/// "Leerplan · Leerlijnen" for an indicator id of any version (the id itself
/// if unknown), with the aspect name of the indicator's own version.
pub fn indicator_label(id: &str, lang: Lang) -> String {
    match version_of(id).and_then(|v| Some((v, indicator_in(v, id, lang)?))) {
        Some((version, (aspect, title))) => format!("{} · {title}", aspect_name_in(version, aspect, lang)),
        None => id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_name_everything_as_the_rubric_does() {
        for version in RubricVersion::ALL {
            let rubric = crate::content::rubric(version);
            let (_, indicators, levels) = version_tables(version);
            for lang in [Lang::Nl, Lang::En] {
                for a in AspectId::ALL {
                    assert_eq!(aspect_name_in(version, a, lang), rubric.aspect(a).expect("aspect").name.get(lang));
                }
                for (aspect, ind) in rubric.indicators() {
                    assert_eq!(indicator_in(version, &ind.id, lang), Some((aspect, ind.title.get(lang))));
                    assert_eq!(indicator(&ind.id, lang), Some((aspect, ind.title.get(lang))), "{}", ind.id);
                    assert_eq!(version_of(&ind.id), Some(version));
                }
                for n in 1..=4 {
                    let level = Level::new(n).expect("level");
                    assert_eq!(level_name(level, lang), rubric.level_name(level).get(lang));
                    assert_eq!(levels[usize::from(n) - 1], (rubric.level_name(level).nl.as_str(), rubric.level_name(level).en.as_str()));
                }
            }
            assert_eq!(indicators.len(), rubric.indicator_count());
        }
        assert_eq!(aspect_name(AspectId::Curriculum, Lang::Nl), aspect_name_in(RubricVersion::V1, AspectId::Curriculum, Lang::Nl));
        assert_eq!(indicator("no-such-indicator", Lang::Nl), None);
        assert_eq!(indicator_label("no-such-indicator", Lang::Nl), "no-such-indicator");
    }
}
