//! The rubric's indicators indexed once: id to dense position, each
//! position's aspect, and each aspect's range of positions, so aggregation
//! works on plain arrays instead of looking strings up per answer.

use crate::content::{AspectId, Rubric};
use std::cmp::Ordering;
use std::ops::Range;

/// The indicators of one rubric in rubric order, indexed by id.
///
/// Build it once per rubric (e.g. once per cohort) and reuse it; every
/// aggregation function has a variant on the index. The rubric is expected
/// to pass [`Rubric::check`] (unique ids, aspects in order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorIndex {
    rubric_version: u32,
    /// Id and aspect per position, in rubric order.
    indicators: Vec<(String, AspectId)>,
    /// `(id, position)` sorted by id, for binary search and merge joins.
    by_id: Vec<(String, usize)>,
    /// Each aspect with its contiguous range of positions, in rubric order.
    aspects: Vec<(AspectId, Range<usize>)>,
}

impl IndicatorIndex {
    /// Index the indicators of `rubric`.
    pub fn new(rubric: &Rubric) -> IndicatorIndex {
        let mut indicators = Vec::with_capacity(rubric.indicator_count());
        let mut aspects = Vec::with_capacity(rubric.aspects.len());
        for aspect in &rubric.aspects {
            let start = indicators.len();
            indicators.extend(aspect.indicators.iter().map(|i| (i.id.clone(), aspect.id)));
            aspects.push((aspect.id, start..indicators.len()));
        }
        let mut by_id: Vec<(String, usize)> = indicators
            .iter()
            .enumerate()
            .map(|(pos, (id, _))| (id.clone(), pos))
            .collect();
        by_id.sort_unstable();
        IndicatorIndex {
            rubric_version: rubric.version,
            indicators,
            by_id,
            aspects,
        }
    }

    /// The version of the rubric this index was built from.
    pub fn rubric_version(&self) -> u32 {
        self.rubric_version
    }

    /// Number of indicators.
    pub fn len(&self) -> usize {
        self.indicators.len()
    }

    /// True for a rubric without indicators.
    pub fn is_empty(&self) -> bool {
        self.indicators.is_empty()
    }

    /// The rubric-order position of an indicator id.
    pub fn position(&self, indicator_id: &str) -> Option<usize> {
        self.by_id
            .binary_search_by(|(id, _)| id.as_str().cmp(indicator_id))
            .ok()
            .and_then(|i| self.by_id.get(i))
            .map(|&(_, pos)| pos)
    }

    /// The id at a position.
    pub fn id(&self, position: usize) -> Option<&str> {
        self.indicators.get(position).map(|(id, _)| id.as_str())
    }

    /// The aspect of the indicator at a position.
    pub fn aspect(&self, position: usize) -> Option<AspectId> {
        self.indicators.get(position).map(|&(_, aspect)| aspect)
    }

    /// `(id, aspect)` per indicator, in rubric order.
    pub fn indicators(&self) -> impl Iterator<Item = (&str, AspectId)> {
        self.indicators
            .iter()
            .map(|(id, aspect)| (id.as_str(), *aspect))
    }

    /// Each aspect with its range of positions, in rubric order.
    pub fn aspects(&self) -> impl Iterator<Item = (AspectId, Range<usize>)> + '_ {
        self.aspects
            .iter()
            .map(|(aspect, range)| (*aspect, range.clone()))
    }

    /// Visit the `(position, value)` of every entry of a map sorted by id
    /// (such as a `BTreeMap<String, _>`) whose id is in the rubric. A merge
    /// join over the two sorted sequences: no hashing, no allocation.
    pub(crate) fn for_each_known<'a, T: 'a>(
        &self,
        sorted: impl IntoIterator<Item = (&'a String, &'a T)>,
        mut f: impl FnMut(usize, &'a T),
    ) {
        let mut known = self.by_id.iter().peekable();
        'ids: for (id, value) in sorted {
            // One comparison per step: equal ids are the common case.
            while let Some((k, pos)) = known.peek() {
                match k.as_str().cmp(id.as_str()) {
                    Ordering::Less => {
                        known.next();
                    }
                    Ordering::Equal => {
                        f(*pos, value);
                        known.next();
                        continue 'ids;
                    }
                    Ordering::Greater => continue 'ids,
                }
            }
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::testutil::test_rubric;
    use std::collections::BTreeMap;

    #[test]
    fn positions_follow_rubric_order() {
        let r = test_rubric(3);
        let index = IndicatorIndex::new(&r);
        assert_eq!(index.len(), 21);
        for (pos, (_, ind)) in r.indicators().enumerate() {
            assert_eq!(index.position(&ind.id), Some(pos));
            assert_eq!(index.id(pos), Some(ind.id.as_str()));
        }
        assert_eq!(index.position("nope"), None);
        assert_eq!(index.aspect(3), Some(AspectId::Pedagogy));
        let ranges: Vec<_> = index.aspects().map(|(_, r)| r).collect();
        assert_eq!(ranges.first(), Some(&(0..3)));
        assert_eq!(ranges.last(), Some(&(18..21)));
    }

    #[test]
    fn merge_join_finds_known_ids_only() {
        let index = IndicatorIndex::new(&test_rubric(3));
        let map: BTreeMap<String, u8> = [
            ("aaa", 1),
            ("curriculum.i1", 2),
            ("curriculum.i1x", 3),
            ("infrastructure.i2", 4),
            ("zzz", 5),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let mut seen = Vec::new();
        index.for_each_known(&map, |pos, v| seen.push((pos, *v)));
        assert_eq!(seen, vec![(1, 2), (20, 4)]);
    }
}
