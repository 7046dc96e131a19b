//! "Did you mean …" suggestions for names a user mistyped.

use std::borrow::Cow;

/// Inputs longer than this get no suggestions.
pub(crate) const MAX_SUGGESTABLE: usize = 80;

/// The candidates closest to `input`, best first: case-insensitive equality first, then by
/// Levenshtein distance within a bound that grows with the input's length.
///
/// The distance is computed only for candidates that two cheap lower bounds of it leave within the
/// bound: the difference in length, and the characters one has and the other lacks. An input far
/// longer or shorter than every name, or made of other characters, costs one pass over the names
/// and no edit distance at all.
pub(crate) fn nearest<'a>(input: &str, candidates: impl Iterator<Item = &'a str>, max: usize) -> Vec<&'a str> {
    #[cfg(test)]
    work::NEAREST.with(|n| n.set(n.get() + 1));
    // No name is this long: an input that is cannot be a typo of one, and comparing it would cost
    // time proportional to its length (hostile input).
    if input.len() > MAX_SUGGESTABLE {
        return Vec::new();
    }
    let lower = input.to_lowercase();
    let chars = lower.chars().count();
    let bound = (chars / 3).clamp(2, 8);
    let counts = histogram(&lower);
    let mut scored: Vec<(usize, &'a str)> = candidates
        .filter_map(|c| {
            let cl = lowercase(c);
            let d = if *cl == *lower {
                0
            } else if lower.len() >= 4 && cl.contains(lower.as_str()) {
                1 + (cl.len() - lower.len()) / 8
            } else if cl.chars().count().abs_diff(chars) > bound || bag_distance(&counts, &cl) > bound {
                return None;
            } else {
                #[cfg(test)]
                work::EDIT_DISTANCES.with(|n| n.set(n.get() + 1));
                strsim::levenshtein(&lower, &cl)
            };
            (d <= bound).then_some((d, c))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(max).map(|(_, c)| c).collect()
}

/// [`nearest`] over candidates that spell one thing in several ways (a scope's name and its other
/// spellings, an API's id and name): the nearest spelling of each thing only, so that a "did you
/// mean" never names one thing twice.
pub(crate) fn nearest_distinct<'a, K: PartialEq + Copy>(
    input: &str,
    candidates: impl Iterator<Item = (&'a str, K)> + Clone,
    max: usize,
) -> Vec<&'a str> {
    let mut out: Vec<(&'a str, K)> = Vec::new();
    for name in nearest(input, candidates.clone().map(|(n, _)| n), usize::MAX) {
        if out.len() == max {
            break;
        }
        if let Some((_, key)) = candidates.clone().find(|(n, _)| *n == name) {
            if !out.iter().any(|(_, k)| *k == key) {
                out.push((name, key));
            }
        }
    }
    out.into_iter().map(|(n, _)| n).collect()
}

/// Characters counted by bucket (the code point modulo 128: every ASCII character its own).
type Histogram = [i32; 128];

fn histogram(s: &str) -> Histogram {
    let mut h = [0; 128];
    for c in s.chars() {
        h[c as usize % 128] += 1;
    }
    h
}

/// A lower bound of the Levenshtein distance between the string `input` counts and `other`,
/// found in one pass: an edit changes at most one character of each string, so the distance is
/// at least the number of `input`'s characters `other` lacks, and the number `other` has beyond
/// `input`'s (counted by bucket, which can only lower the count).
fn bag_distance(input: &Histogram, other: &str) -> usize {
    let mut h = *input;
    for c in other.chars() {
        h[c as usize % 128] -= 1;
    }
    let (missing, extra) = h.iter().fold((0, 0), |(m, e), &n| if n > 0 { (m + n, e) } else { (m, e - n) });
    missing.max(extra) as usize
}

/// `name` in lower case, borrowed when it already is (every scope name is).
fn lowercase(name: &str) -> Cow<'_, str> {
    if name.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(name.to_lowercase())
    }
}

/// How much suggestion work this thread has done, for tests that bound it without timing.
#[cfg(test)]
pub(crate) mod work {
    use std::cell::Cell;

    thread_local! {
        /// Calls of [`nearest`](super::nearest).
        pub(crate) static NEAREST: Cell<usize> = const { Cell::new(0) };
        /// Edit distances computed.
        pub(crate) static EDIT_DISTANCES: Cell<usize> = const { Cell::new(0) };
    }

    /// `(calls of nearest, edit distances)` while `f` runs.
    pub(crate) fn during<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
        let (n0, e0) = (NEAREST.with(Cell::get), EDIT_DISTANCES.with(Cell::get));
        let out = f();
        (out, NEAREST.with(Cell::get) - n0, EDIT_DISTANCES.with(Cell::get) - e0)
    }
}

#[cfg(test)]
mod tests {
    use super::{bag_distance, histogram, nearest, nearest_distinct, work, MAX_SUGGESTABLE};
    use proptest::prelude::*;

    #[test]
    fn one_suggestion_per_thing() {
        let spellings = [("store_checkout", 1), ("store_checkouts", 1), ("store_checkout_read_only", 2)];
        assert_eq!(
            nearest_distinct("store_checkout_read", spellings.iter().copied(), 3),
            ["store_checkout_read_only", "store_checkout"]
        );
        assert_eq!(nearest_distinct("store_checkout_read", spellings.iter().copied(), 1), ["store_checkout_read_only"]);
    }

    /// `nearest` as it was before the lower bounds: every distance computed.
    fn reference<'a>(input: &str, candidates: &[&'a str], max: usize) -> Vec<&'a str> {
        if input.len() > MAX_SUGGESTABLE {
            return Vec::new();
        }
        let lower = input.to_lowercase();
        let bound = (lower.chars().count() / 3).clamp(2, 8);
        let mut scored: Vec<(usize, &'a str)> = candidates
            .iter()
            .filter_map(|&c| {
                let cl = c.to_lowercase();
                let d = if cl == lower {
                    0
                } else if cl.contains(&lower) && lower.len() >= 4 {
                    1 + (cl.len() - lower.len()) / 8
                } else {
                    strsim::levenshtein(&lower, &cl)
                };
                (d <= bound).then_some((d, c))
            })
            .collect();
        scored.sort();
        scored.dedup_by(|a, b| a.1 == b.1);
        scored.into_iter().take(max).map(|(_, c)| c).collect()
    }

    /// The names suggestions are drawn from in practice: scope names and spellings, API ids and
    /// names (some with capitals).
    fn names() -> Vec<&'static str> {
        let scopes = crate::Scope::all().iter().flat_map(|s| {
            std::iter::once(s.name).chain(s.variants.iter().copied()).chain(s.token_names.iter().copied())
        });
        let apis = crate::Api::all().iter().flat_map(|a| [a.id, a.name]);
        scopes.chain(apis).collect()
    }

    #[test]
    fn finds_typos_case_and_missing_parts() {
        let names = ["store_cart", "store_cart_read_only", "store_v2_products", "store_v2_products_read_only"];
        assert_eq!(nearest("store_crat", names.iter().copied(), 1), ["store_cart"]);
        assert_eq!(nearest("STORE_CART", names.iter().copied(), 1), ["store_cart"]);
        assert_eq!(nearest("store_products", names.iter().copied(), 1), ["store_v2_products"]);
        assert!(nearest("completely_unrelated_words", names.iter().copied(), 1).is_empty());
    }

    #[test]
    fn computes_no_edit_distance_for_names_of_another_length() {
        let names = names();
        let longest = names.iter().map(|n| n.chars().count()).max().unwrap();
        // Longer than every name by more than the largest bound (8): no candidate is compared.
        let long = "x".repeat(longest + 9);
        let (found, calls, distances) = work::during(|| nearest(&long, names.iter().copied(), 3));
        assert!(found.is_empty());
        assert_eq!((calls, distances), (1, 0));
        // A typo is compared with the names of about its length only, and still found.
        let (found, _, distances) = work::during(|| nearest("store_crat", names.iter().copied(), 3));
        assert_eq!(found.first(), Some(&"store_cart"));
        assert!(distances > 0 && distances < names.len() / 2, "{distances} of {} names", names.len());
    }

    #[test]
    fn computes_no_edit_distance_for_names_of_other_characters() {
        let names = names();
        let (found, _, distances) = work::during(|| nearest("qqqqqqqqqqqq", names.iter().copied(), 3));
        assert!(found.is_empty());
        assert_eq!(distances, 0);
        assert_eq!(bag_distance(&histogram("store_crat"), "store_cart"), 0);
        assert_eq!(bag_distance(&histogram("store_carts"), "store_cart"), 1);
        assert_eq!(bag_distance(&histogram("abc"), "xyzw"), 4);
    }

    proptest! {
        /// The character count is a lower bound of the edit distance, for any characters.
        #[test]
        fn bag_distance_bounds_the_edit_distance(a in "\\PC{0,20}", b in "[a-c\\PC]{0,20}") {
            prop_assert!(bag_distance(&histogram(&a), &b) <= strsim::levenshtein(&a, &b));
        }


        /// The lower bounds change no answer: the same suggestions, in the same order, as
        /// computing every distance.
        #[test]
        fn the_lower_bounds_change_no_suggestion(
            input in prop_oneof![
                "[a-zA-Z0-9_ -]{0,50}",
                "\\PC{0,30}",
                proptest::sample::select(names()).prop_flat_map(|n| {
                    (Just(n), 0..n.len(), "[a-z_]{0,3}", 0usize..4).prop_map(|(n, at, ins, del)| {
                        let mut s = n.to_string();
                        let at = at.min(s.len());
                        s.replace_range(at..(at + del).min(s.len()), &ins);
                        s
                    })
                }),
            ],
            max in 1usize..4,
        ) {
            let names = names();
            prop_assert_eq!(nearest(&input, names.iter().copied(), max), reference(&input, &names, max));
        }
    }
}
