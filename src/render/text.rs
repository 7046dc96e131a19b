//! Text helpers every renderer shares: one pluralizer, one yes/no, one list.

/// `1 call`, `2 calls`: a count and its noun, plural with `s`.
///
/// ```
/// use bigcommerce_scopes::render::text::count;
/// assert_eq!(count(1, "call"), "1 call");
/// assert_eq!(count(0, "file"), "0 files");
/// ```
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {}", plural(n, noun, &format!("{noun}s")))
}

/// `one` for 1, else `many` (`plural(n, "needs", "need")`).
///
/// ```
/// use bigcommerce_scopes::render::text::plural;
/// assert_eq!(plural(1, "scope", "scopes"), "scope");
/// assert_eq!(plural(2, "has", "have"), "have");
/// ```
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// `yes` or `no`.
///
/// ```
/// assert_eq!(bigcommerce_scopes::render::text::yes_no(true), "yes");
/// ```
pub fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// Items joined with `, `, or `none`.
///
/// ```
/// use bigcommerce_scopes::render::text::list;
/// assert_eq!(list(["a", "b"]), "a, b");
/// assert_eq!(list(Vec::<String>::new()), "none");
/// ```
pub fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let v: Vec<String> = items.into_iter().map(|s| s.as_ref().to_owned()).collect();
    if v.is_empty() {
        "none".to_owned()
    } else {
        v.join(", ")
    }
}
