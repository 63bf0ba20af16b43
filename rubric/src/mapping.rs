//! The declared mapping from rubric v1 to v2 (`data/mapping-v1-v2.json`):
//! per v1 indicator its counterpart(s) in v2 and the kind of correspondence,
//! with a short reason in both languages, plus the v2 indicators that have no
//! v1 counterpart. [`comparability`] says whether growth from a v1 answer to
//! a v2 answer means something; the tests prove the mapping is complete both
//! ways and free of contradictions.

use crate::content::{rubric, LocalizedText, RubricVersion};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const MAPPING_V1_V2_JSON: &str = include_str!("../data/mapping-v1-v2.json");

/// How a v1 indicator corresponds to v2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// The same construct and ladder; only the wording changed slightly.
    Same,
    /// The same construct, reworded or rescoped (e.g. "the grades the school
    /// offers"); levels still correspond.
    Reworded,
    /// The v1 construct is spread over several v2 indicators.
    Split,
    /// The v1 indicator is one of several merged into one v2 indicator.
    Merged,
    /// No v2 indicator measures this construct any more.
    NoCounterpart,
}

impl LinkKind {
    /// Dutch and English name, for the mapping table on the public page.
    pub fn name(self) -> LocalizedText {
        let (nl, en) = match self {
            LinkKind::Same => ("zelfde indicator", "same indicator"),
            LinkKind::Reworded => ("herschreven", "reworded"),
            LinkKind::Split => ("opgesplitst", "split"),
            LinkKind::Merged => ("samengevoegd", "merged"),
            LinkKind::NoCounterpart => ("geen tegenhanger", "no counterpart"),
        };
        LocalizedText::new(nl, en)
    }
}

/// Whether growth from a v1 indicator to a v2 indicator is meaningful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Comparability {
    /// Same construct: show growth as within one version.
    Comparable,
    /// Related but a different construct (split or merged): show both
    /// levels, mark the difference as indicative only.
    Indicative,
    /// Not the same thing: show no growth.
    NotComparable,
}

/// One v1 indicator and where it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub from: String,
    /// Counterparts in v2: one for same/reworded/merged, two or more for
    /// split, none for no-counterpart.
    pub to: Vec<String>,
    pub kind: LinkKind,
    pub reason: LocalizedText,
}

/// A v2 indicator with no v1 counterpart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewIndicator {
    pub id: String,
    pub reason: LocalizedText,
}

/// The whole declared mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub from: RubricVersion,
    pub to: RubricVersion,
    pub links: Vec<Link>,
    pub new: Vec<NewIndicator>,
}

impl Mapping {
    /// Where a v1 indicator went.
    pub fn link(&self, from: &str) -> Option<&Link> {
        self.links.iter().find(|l| l.from == from)
    }

    /// The v1 indicators linked to a v2 indicator, with their kind.
    pub fn sources<'a>(&'a self, to: &'a str) -> impl Iterator<Item = &'a Link> + 'a {
        self.links.iter().filter(move |l| l.to.iter().any(|t| t == to))
    }

    /// Whether growth from `from` (v1) to `to` (v2) is meaningful.
    pub fn comparability(&self, from: &str, to: &str) -> Comparability {
        match self.link(from) {
            Some(l) if l.to.iter().any(|t| t == to) => match l.kind {
                LinkKind::Same | LinkKind::Reworded => Comparability::Comparable,
                LinkKind::Split | LinkKind::Merged => Comparability::Indicative,
                LinkKind::NoCounterpart => Comparability::NotComparable,
            },
            _ => Comparability::NotComparable,
        }
    }

    /// The one v1 indicator whose growth into `to` is comparable, if any:
    /// what a report compares a v2 final against.
    pub fn comparable_source<'a>(&'a self, to: &'a str) -> Option<&'a str> {
        self.sources(to)
            .find(|l| matches!(l.kind, LinkKind::Same | LinkKind::Reworded))
            .map(|l| l.from.as_str())
    }
}

/// The declared v1 -> v2 mapping, parsed once (checked by the tests).
pub fn v1_to_v2() -> &'static Mapping {
    static MAPPING: OnceLock<Mapping> = OnceLock::new();
    MAPPING.get_or_init(|| {
        serde_json::from_str(MAPPING_V1_V2_JSON)
            .unwrap_or_else(|e| panic!("embedded mapping-v1-v2.json is invalid: {e}"))
    })
}

/// The mapping file as text, to serve it unparsed.
pub fn v1_to_v2_json() -> &'static str {
    MAPPING_V1_V2_JSON
}

/// Whether growth from indicator `from` of version `from_version` to
/// indicator `to` of `to_version` is meaningful. Within one version only the
/// same indicator compares; v1 -> v2 goes through the declared mapping;
/// backwards (v2 -> v1) nothing compares.
pub fn comparability(from_version: RubricVersion, from: &str, to_version: RubricVersion, to: &str) -> Comparability {
    match (from_version, to_version) {
        (a, b) if a == b => {
            if from == to && rubric(a).indicator(from).is_some() {
                Comparability::Comparable
            } else {
                Comparability::NotComparable
            }
        }
        (RubricVersion::V1, RubricVersion::V2) => v1_to_v2().comparability(from, to),
        _ => Comparability::NotComparable,
    }
}

/// Shorthand: growth is meaningful (comparable, not only indicative).
pub fn growth_is_meaningful(from_version: RubricVersion, from: &str, to_version: RubricVersion, to: &str) -> bool {
    comparability(from_version, from, to_version, to) == Comparability::Comparable
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    fn ids(v: RubricVersion) -> Vec<String> {
        rubric(v).indicators().map(|(_, i)| i.id.clone()).collect()
    }

    #[test]
    fn indicator_ids_are_unique_across_versions() {
        // names::indicator names an id of any version without being told it.
        let v1: HashSet<_> = ids(RubricVersion::V1).into_iter().collect();
        for id in ids(RubricVersion::V2) {
            assert!(!v1.contains(&id), "{id} is an id in both v1 and v2");
        }
    }

    #[test]
    fn every_v1_indicator_is_linked_once_and_targets_exist() {
        let m = v1_to_v2();
        assert_eq!((m.from, m.to), (RubricVersion::V1, RubricVersion::V2));
        let v1 = ids(RubricVersion::V1);
        let v2: HashSet<_> = ids(RubricVersion::V2).into_iter().collect();
        let mut seen = HashSet::new();
        for l in &m.links {
            assert!(v1.contains(&l.from), "{} is not a v1 indicator", l.from);
            assert!(seen.insert(l.from.clone()), "{} is linked twice", l.from);
            for t in &l.to {
                assert!(v2.contains(t), "{} -> {t}: not a v2 indicator", l.from);
            }
            assert!(!l.reason.nl.trim().is_empty() && !l.reason.en.trim().is_empty(), "{}", l.from);
        }
        for id in &v1 {
            assert!(seen.contains(id), "v1 indicator {id} has no declared mapping");
        }
    }

    #[test]
    fn every_v2_indicator_has_a_source_or_is_declared_new_never_both() {
        let m = v1_to_v2();
        let new: HashSet<_> = m.new.iter().map(|n| n.id.clone()).collect();
        assert_eq!(new.len(), m.new.len(), "a new indicator is declared twice");
        for id in ids(RubricVersion::V2) {
            let sourced = m.sources(&id).count() > 0;
            assert!(sourced != new.contains(&id), "{id}: must be either a target of a v1 link or declared new, not {}", if sourced { "both" } else { "neither" });
        }
        for n in &m.new {
            assert!(rubric(RubricVersion::V2).indicator(&n.id).is_some(), "{} is declared new but is not in v2", n.id);
            assert!(!n.reason.nl.trim().is_empty() && !n.reason.en.trim().is_empty(), "{}", n.id);
        }
    }

    #[test]
    fn the_kinds_agree_with_their_targets() {
        let m = v1_to_v2();
        let mut incoming: HashMap<&str, Vec<&Link>> = HashMap::new();
        for l in &m.links {
            for t in &l.to {
                incoming.entry(t.as_str()).or_default().push(l);
            }
            let dup: HashSet<_> = l.to.iter().collect();
            assert_eq!(dup.len(), l.to.len(), "{} names a target twice", l.from);
            match l.kind {
                LinkKind::Same | LinkKind::Reworded | LinkKind::Merged => assert_eq!(l.to.len(), 1, "{}: {:?} has one target", l.from, l.kind),
                LinkKind::Split => assert!(l.to.len() >= 2, "{}: split needs two or more targets", l.from),
                LinkKind::NoCounterpart => assert!(l.to.is_empty(), "{}: no counterpart but targets", l.from),
            }
        }
        for (to, links) in &incoming {
            let comparable = links.iter().filter(|l| matches!(l.kind, LinkKind::Same | LinkKind::Reworded)).count();
            assert!(comparable <= 1, "{to} is the same construct as {comparable} v1 indicators: growth would be ambiguous");
            if links.iter().any(|l| l.kind == LinkKind::Merged) {
                assert!(links.len() >= 2, "{to}: merged from only one v1 indicator");
                assert_eq!(comparable, 0, "{to}: merged and at the same time the same construct as one v1 indicator");
            }
        }
    }

    #[test]
    fn comparability_follows_the_declared_kinds() {
        let m = v1_to_v2();
        let v2 = ids(RubricVersion::V2);
        for l in &m.links {
            for t in &v2 {
                let c = comparability(RubricVersion::V1, &l.from, RubricVersion::V2, t);
                let expected = match (l.to.contains(t), l.kind) {
                    (false, _) | (true, LinkKind::NoCounterpart) => Comparability::NotComparable,
                    (true, LinkKind::Same | LinkKind::Reworded) => Comparability::Comparable,
                    (true, _) => Comparability::Indicative,
                };
                assert_eq!(c, expected, "{} -> {t}", l.from);
                assert_eq!(growth_is_meaningful(RubricVersion::V1, &l.from, RubricVersion::V2, t), expected == Comparability::Comparable);
                // Never backwards.
                assert_eq!(comparability(RubricVersion::V2, t, RubricVersion::V1, &l.from), Comparability::NotComparable);
            }
        }
        for v in RubricVersion::ALL {
            for id in ids(v) {
                assert!(growth_is_meaningful(v, &id, v, &id));
            }
        }
        let first = ids(RubricVersion::V1);
        assert!(!growth_is_meaningful(RubricVersion::V1, &first[0], RubricVersion::V1, &first[1]));
        assert_eq!(comparability(RubricVersion::V1, "nope", RubricVersion::V1, "nope"), Comparability::NotComparable);
    }

    #[test]
    fn comparable_source_is_the_same_construct() {
        let m = v1_to_v2();
        for id in ids(RubricVersion::V2) {
            if let Some(src) = m.comparable_source(&id) {
                assert!(growth_is_meaningful(RubricVersion::V1, src, RubricVersion::V2, &id));
            }
        }
    }
}
