//! "Did you mean …" suggestions for names a user mistyped.

/// Inputs longer than this get no suggestions.
pub(crate) const MAX_SUGGESTABLE: usize = 80;

/// The candidates closest to `input`, best first: case-insensitive equality first, then by
/// Levenshtein distance within a bound that grows with the input's length.
pub(crate) fn nearest<'a>(input: &str, candidates: impl Iterator<Item = &'a str>, max: usize) -> Vec<&'a str> {
    // No name is this long: an input that is cannot be a typo of one, and comparing it would cost
    // time proportional to its length (hostile input).
    if input.len() > MAX_SUGGESTABLE {
        return Vec::new();
    }
    let lower = input.to_lowercase();
    let bound = (lower.chars().count() / 3).clamp(2, 8);
    let mut scored: Vec<(usize, &'a str)> = candidates
        .filter_map(|c| {
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

#[cfg(test)]
mod tests {
    use super::{nearest, nearest_distinct};

    #[test]
    fn one_suggestion_per_thing() {
        let spellings = [("store_checkout", 1), ("store_checkouts", 1), ("store_checkout_read_only", 2)];
        assert_eq!(
            nearest_distinct("store_checkout_read", spellings.iter().copied(), 3),
            ["store_checkout_read_only", "store_checkout"]
        );
        assert_eq!(nearest_distinct("store_checkout_read", spellings.iter().copied(), 1), ["store_checkout_read_only"]);
    }

    #[test]
    fn finds_typos_case_and_missing_parts() {
        let names = ["store_cart", "store_cart_read_only", "store_v2_products", "store_v2_products_read_only"];
        assert_eq!(nearest("store_crat", names.iter().copied(), 1), ["store_cart"]);
        assert_eq!(nearest("STORE_CART", names.iter().copied(), 1), ["store_cart"]);
        assert_eq!(nearest("store_products", names.iter().copied(), 1), ["store_v2_products"]);
        assert!(nearest("completely_unrelated_words", names.iter().copied(), 1).is_empty());
    }
}
