//! A stable sort for the short lists the pages order (a plan's goals and
//! actions, a profile's indicators): insertion sort, a few dozen bytes of
//! code. Each `sort_by_key` closure of the standard library links its own
//! copy of the general sort (3-4 kB of WebAssembly each, five of them in
//! the plan app; issue 13). Quadratic, so only for lists of at most a few
//! hundred items.

use std::cmp::Ordering;

/// Sort `items` by `cmp`, keeping equal items in their given order (the
/// same result as `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && cmp(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v;
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn keeps_equal_items_in_order() {
        let mut v = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }
}
