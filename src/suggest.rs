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

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn finds_typos_case_and_missing_parts() {
        let names = ["store_cart", "store_cart_read_only", "store_v2_products", "store_v2_products_read_only"];
        assert_eq!(nearest("store_crat", names.iter().copied(), 1), ["store_cart"]);
        assert_eq!(nearest("STORE_CART", names.iter().copied(), 1), ["store_cart"]);
        assert_eq!(nearest("store_products", names.iter().copied(), 1), ["store_v2_products"]);
        assert!(nearest("completely_unrelated_words", names.iter().copied(), 1).is_empty());
    }
}
