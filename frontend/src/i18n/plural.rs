//! Counted texts: "1 doel" / "3 doelen", "1 goal" / "3 goals". Each key
//! has a singular and a plural form in both languages (`{n}` is the
//! count), so "1 doelen" cannot happen; [`plural`] picks the form. Dutch
//! and English both use the singular for exactly one and the plural for
//! everything else, zero included.

use super::Lang;

/// A text with a count in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Goals,
    Actions,
    OpenComments,
    ResolvedComments,
    UnreadComments,
    Schools,
    SchoolsNotThrough,
    DaysAgo,
    InDays,
    DaysOverdue,
    IndicatorsRecorded,
    IndicatorsToAnswer,
    SchoolsChanged,
    RowsImported,
}

impl Count {
    /// `((dutch one, dutch other), (english one, english other))`.
    fn forms(self) -> ((&'static str, &'static str), (&'static str, &'static str)) {
        match self {
            Count::Goals => (("{n} doel", "{n} doelen"), ("{n} goal", "{n} goals")),
            Count::Actions => (("{n} actie", "{n} acties"), ("{n} action", "{n} actions")),
            Count::OpenComments => (("{n} open opmerking", "{n} open opmerkingen"), ("{n} open comment", "{n} open comments")),
            Count::ResolvedComments => (
                ("{n} afgehandelde opmerking", "{n} afgehandelde opmerkingen"),
                ("{n} resolved comment", "{n} resolved comments"),
            ),
            Count::UnreadComments => (
                ("{n} ongelezen opmerking", "{n} ongelezen opmerkingen"),
                ("{n} unread comment", "{n} unread comments"),
            ),
            Count::Schools => (("{n} school", "{n} scholen"), ("{n} school", "{n} schools")),
            Count::SchoolsNotThrough => (
                ("{n} school nog niet klaar", "{n} scholen nog niet klaar"),
                ("{n} school not through yet", "{n} schools not through yet"),
            ),
            Count::DaysAgo => (("{n} dag geleden", "{n} dagen geleden"), ("{n} day ago", "{n} days ago")),
            Count::InDays => (("over {n} dag", "over {n} dagen"), ("in {n} day", "in {n} days")),
            Count::DaysOverdue => (
                ("{n} dag over de deadline", "{n} dagen over de deadline"),
                ("{n} day past the deadline", "{n} days past the deadline"),
            ),
            Count::IndicatorsRecorded => (
                ("{n} indicator vastgelegd.", "{n} indicatoren vastgelegd."),
                ("{n} indicator recorded.", "{n} indicators recorded."),
            ),
            Count::IndicatorsToAnswer => (
                (
                    "Nog {n} indicator te beantwoorden (kies een niveau of 'niet van toepassing').",
                    "Nog {n} indicatoren te beantwoorden (kies een niveau of 'niet van toepassing').",
                ),
                (
                    "{n} indicator still to answer (choose a level or 'not applicable').",
                    "{n} indicators still to answer (choose a level or 'not applicable').",
                ),
            ),
            Count::SchoolsChanged => (("{n} school aangepast.", "{n} scholen aangepast."), ("{n} school changed.", "{n} schools changed.")),
            Count::RowsImported => (("{n} rij geïmporteerd.", "{n} rijen geïmporteerd."), ("{n} row imported.", "{n} rows imported.")),
        }
    }
}

/// The text of `key` for `n`, in `lang`.
pub fn plural(lang: Lang, n: usize, key: Count) -> String {
    let ((nl_one, nl_other), (en_one, en_other)) = key.forms();
    let form = match (lang, n == 1) {
        (Lang::Nl, true) => nl_one,
        (Lang::Nl, false) => nl_other,
        (Lang::En, true) => en_one,
        (Lang::En, false) => en_other,
    };
    form.replace("{n}", &n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Count; 14] = [
        Count::Goals,
        Count::Actions,
        Count::OpenComments,
        Count::ResolvedComments,
        Count::UnreadComments,
        Count::Schools,
        Count::SchoolsNotThrough,
        Count::DaysAgo,
        Count::InDays,
        Count::DaysOverdue,
        Count::IndicatorsRecorded,
        Count::IndicatorsToAnswer,
        Count::SchoolsChanged,
        Count::RowsImported,
    ];

    #[test]
    fn one_is_singular_and_other_counts_are_plural() {
        assert_eq!(plural(Lang::Nl, 1, Count::Goals), "1 doel");
        assert_eq!(plural(Lang::Nl, 3, Count::Goals), "3 doelen");
        assert_eq!(plural(Lang::Nl, 0, Count::Goals), "0 doelen");
        assert_eq!(plural(Lang::En, 1, Count::Goals), "1 goal");
        assert_eq!(plural(Lang::En, 2, Count::Goals), "2 goals");
        assert_eq!(plural(Lang::Nl, 1, Count::OpenComments), "1 open opmerking");
        assert_eq!(plural(Lang::Nl, 1, Count::ResolvedComments), "1 afgehandelde opmerking");
        assert_eq!(plural(Lang::Nl, 2, Count::ResolvedComments), "2 afgehandelde opmerkingen");
        assert_eq!(plural(Lang::En, 1, Count::DaysAgo), "1 day ago");
        assert_eq!(plural(Lang::Nl, 1, Count::InDays), "over 1 dag");
    }

    #[test]
    fn every_form_carries_its_count() {
        for key in ALL {
            for lang in [Lang::Nl, Lang::En] {
                for n in [0, 1, 2, 17] {
                    let text = plural(lang, n, key);
                    assert!(text.contains(&n.to_string()) && !text.contains("{n}"), "{key:?} {lang:?} {n}: {text}");
                }
            }
        }
    }
}
