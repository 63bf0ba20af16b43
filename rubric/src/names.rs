//! The rubric's names without the rest of its text: aspect names, indicator
//! titles and level names, as static tables written at build time from the
//! same data file as [`crate::content`]. Pages that only name indicators (a
//! juror's profile summary, a company's plan view, the coordinator's
//! overviews) use these, so their app carries neither the descriptors nor
//! the rubric's parser.

use crate::content::{AspectId, Lang, Level};

mod tables {
    include!(concat!(env!("OUT_DIR"), "/names.rs"));
}

fn pick(lang: Lang, nl: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// The name of an aspect ("Leerplan").
pub fn aspect_name(aspect: AspectId, lang: Lang) -> &'static str {
    tables::ASPECTS.iter().find(|(key, _, _)| *key == aspect.key()).map_or("", |(_, nl, en)| pick(lang, nl, en))
}

/// An indicator's aspect and title, if the id is one of the rubric's.
pub fn indicator(id: &str, lang: Lang) -> Option<(AspectId, &'static str)> {
    let (_, aspect, nl, en) = tables::INDICATORS.iter().find(|(key, ..)| *key == id)?;
    Some((AspectId::from_key(aspect)?, pick(lang, nl, en)))
}

/// The name of a level ("In ontwikkeling").
pub fn level_name(level: Level, lang: Lang) -> &'static str {
    tables::LEVELS.get(usize::from(level.get()).saturating_sub(1)).map_or("", |(nl, en)| pick(lang, nl, en))
}

/// "Leerplan · Leerlijnen" for an indicator id (the id itself if unknown).
pub fn indicator_label(id: &str, lang: Lang) -> String {
    match indicator(id, lang) {
        Some((aspect, title)) => format!("{} · {title}", aspect_name(aspect, lang)),
        None => id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_name_everything_as_the_rubric_does() {
        let rubric = crate::current_rubric();
        for lang in [Lang::Nl, Lang::En] {
            for a in AspectId::ALL {
                assert_eq!(aspect_name(a, lang), rubric.aspect(a).expect("aspect").name.get(lang));
            }
            for (aspect, ind) in rubric.indicators() {
                assert_eq!(indicator(&ind.id, lang), Some((aspect, ind.title.get(lang))));
            }
            for n in 1..=4 {
                let level = Level::new(n).expect("level");
                assert_eq!(level_name(level, lang), rubric.level_name(level).get(lang));
            }
        }
        assert_eq!(tables::INDICATORS.len(), rubric.indicator_count());
        assert_eq!(indicator("no-such-indicator", Lang::Nl), None);
        assert_eq!(indicator_label("no-such-indicator", Lang::Nl), "no-such-indicator");
    }
}
