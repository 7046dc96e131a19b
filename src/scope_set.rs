//! Sets of scopes (a bitset: copying and comparing them never allocates) and scope-list parsing.

use crate::error::{Error, ErrorKind};
use crate::scope::ParsedScope;
use crate::tables::Scope;
use serde::{Serialize, Serializer};
use strum::{EnumCount, VariantArray};

/// At most this many unknown names are listed (with suggestions) in one error.
const MAX_REPORTED: usize = 20;

const _: () = assert!(Scope::COUNT <= 128, "ScopeSet holds at most 128 scopes");

/// A set of scopes.
///
/// ```
/// use bigcommerce_scopes::{Scope, ScopeSet};
/// let mut set = ScopeSet::new();
/// set.insert(Scope::StoreCart);
/// assert!(set.contains(Scope::StoreCart) && set.len() == 1);
/// assert!(set.satisfies(Scope::StoreCartReadOnly));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ScopeSet(u128);

impl ScopeSet {
    /// The empty set.
    ///
    /// ```
    /// use bigcommerce_scopes::{Scope, ScopeSet};
    /// assert!(ScopeSet::new().is_empty());
    /// ```
    pub const fn new() -> ScopeSet {
        ScopeSet(0)
    }

    /// Add a scope; returns whether it was new.
    ///
    /// ```
    /// use bigcommerce_scopes::{Scope, ScopeSet};
    /// let mut s = ScopeSet::new();
    /// assert!(s.insert(Scope::StoreCart));
    /// assert!(!s.insert(Scope::StoreCart));
    /// ```
    pub fn insert(&mut self, s: Scope) -> bool {
        let had = self.contains(s);
        self.0 |= 1 << (s as u32);
        !had
    }

    /// Remove a scope; returns whether it was there.
    ///
    /// ```
    /// use bigcommerce_scopes::{Scope, ScopeSet};
    /// let mut s: ScopeSet = [Scope::StoreCart].into_iter().collect();
    /// assert!(s.remove(Scope::StoreCart) && s.is_empty());
    /// ```
    pub fn remove(&mut self, s: Scope) -> bool {
        let had = self.contains(s);
        self.0 &= !(1 << (s as u32));
        had
    }

    /// Whether the set holds this exact scope.
    ///
    /// ```
    /// use bigcommerce_scopes::{Scope, ScopeSet};
    /// let s: ScopeSet = [Scope::StoreCart].into_iter().collect();
    /// assert!(s.contains(Scope::StoreCart) && !s.contains(Scope::StoreCartReadOnly));
    /// ```
    pub fn contains(&self, s: Scope) -> bool {
        self.0 & (1 << (s as u32)) != 0
    }

    /// Whether some scope of the set satisfies a requirement for `needed`.
    ///
    /// ```
    /// use bigcommerce_scopes::{Scope, ScopeSet};
    /// let s: ScopeSet = [Scope::StoreCart].into_iter().collect();
    /// assert!(s.satisfies(Scope::StoreCartReadOnly));
    /// ```
    pub fn satisfies(&self, needed: Scope) -> bool {
        self.iter().any(|s| s.satisfies(needed))
    }

    /// Number of scopes.
    ///
    /// ```
    /// use bigcommerce_scopes::{Scope, ScopeSet};
    /// let s: ScopeSet = [Scope::StoreCart, Scope::StoreCart].into_iter().collect();
    /// assert_eq!(s.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether the set is empty.
    ///
    /// ```
    /// use bigcommerce_scopes::{Scope, ScopeSet};
    /// assert!(!ScopeSet::from_iter([Scope::Default]).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The scopes, in the order of `data/scopes.toml`.
    ///
    /// ```
    /// use bigcommerce_scopes::{Scope, ScopeSet};
    /// let s: ScopeSet = [Scope::StoreCartReadOnly, Scope::StoreCart].into_iter().collect();
    /// assert_eq!(s.iter().collect::<Vec<_>>(), [Scope::StoreCart, Scope::StoreCartReadOnly]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = Scope> + '_ {
        Scope::VARIANTS.iter().copied().filter(|s| self.contains(*s))
    }

    /// Parse a scope list as it appears in an OAuth token response's `scope` field or a config:
    /// names separated by spaces and/or commas. The spelling token responses use
    /// (`store_v2_default`) is accepted as is, variant spellings with a warning; every unknown name
    /// is reported at once, with the nearest known scopes.
    ///
    /// ```
    /// use bigcommerce_scopes::{Scope, ScopeSet};
    /// let parsed = ScopeSet::parse_list("store_v2_orders_read_only, store_cart store_checkouts").unwrap();
    /// assert!(parsed.scopes.contains(Scope::StoreCheckout));
    /// assert_eq!(parsed.warnings.len(), 1);
    /// let err = ScopeSet::parse_list("store_cart store_crat").unwrap_err();
    /// assert_eq!(err.to_string(), "unknown scope `store_crat` (did you mean `store_cart`?)");
    /// ```
    pub fn parse_list(list: &str) -> Result<ParsedScopeList, Error> {
        let (out, unknown_more) = ScopeSet::parse(list);
        if out.unknown.is_empty() {
            return Ok(out);
        }
        // The error's display appends its suggestions: one unknown name gets its nearest names (as
        // `Scope::parse_lenient` gives them), several get the nearest of each, in their order.
        let names: Vec<String> = out.unknown.iter().map(|u| format!("`{}`", u.name.escape_debug())).collect();
        let suggestions: Vec<String> = match out.unknown.as_slice() {
            [one] => one.suggestions.clone(),
            many => {
                let mut firsts: Vec<String> = Vec::new();
                for s in many.iter().filter_map(|u| u.suggestions.first()) {
                    if !firsts.contains(s) {
                        firsts.push(s.clone());
                    }
                }
                firsts
            }
        };
        let noun = if names.len() == 1 { "scope" } else { "scopes" };
        let more = if unknown_more > 0 { format!(" and {unknown_more} more") } else { String::new() };
        Err(Error::new(ErrorKind::UnknownScope, format!("unknown {noun} {}{more}", names.join(", ")))
            .with_suggestions(suggestions))
    }

    /// Parse a scope list as BigCommerce wrote it (an OAuth token response's `scope` field) without
    /// stopping at a name that is no known scope: such a name grants nothing, and is kept in
    /// [`ParsedScopeList::unknown`] with its nearest known scopes, for a report to list. BigCommerce
    /// adds scopes from time to time; a token that holds one this knowledge base does not know yet
    /// can still be audited for the rest. For names a person typed, use [`ScopeSet::parse_list`],
    /// which refuses them.
    ///
    /// ```
    /// use bigcommerce_scopes::{Scope, ScopeSet};
    /// let parsed = ScopeSet::parse_list_lenient("store_v2_default store_cart store_new_thing");
    /// assert_eq!(parsed.scopes.iter().collect::<Vec<_>>(), [Scope::Default, Scope::StoreCart]);
    /// assert_eq!(parsed.unknown[0].name, "store_new_thing");
    /// ```
    pub fn parse_list_lenient(list: &str) -> ParsedScopeList {
        let (mut out, unknown_more) = ScopeSet::parse(list);
        if unknown_more > 0 {
            out.warnings.push(format!("{unknown_more} more unknown scope names are not listed"));
        }
        out
    }

    /// Every known name of `list` in the set, the first unknown names (with suggestions), and how
    /// many more unknown names there were.
    fn parse(list: &str) -> (ParsedScopeList, usize) {
        let mut out = ParsedScopeList { scopes: ScopeSet::new(), warnings: Vec::new(), unknown: Vec::new() };
        let mut unknown_more = 0usize;
        for token in list.split(|c: char| c.is_whitespace() || c == ',').filter(|t| !t.is_empty()) {
            match crate::scope::lookup(token) {
                Some(p @ ParsedScope { scope, .. }) => {
                    if let Some(w) = p.warning() {
                        out.warnings.push(w);
                    }
                    out.scopes.insert(scope);
                }
                None => {
                    // Its first 80 characters, borrowed: past the listed names, a name is only
                    // counted, and suggestions are computed for the listed ones alone.
                    let name = token.char_indices().nth(80).map_or(token, |(i, _)| &token[..i]);
                    if out.unknown.iter().any(|u| u.name == name) {
                        continue;
                    }
                    if out.unknown.len() >= MAX_REPORTED {
                        unknown_more += 1;
                        continue;
                    }
                    let e = crate::scope::unknown_scope(token);
                    out.unknown.push(UnknownScope { name: name.to_string(), suggestions: e.suggestions().to_vec() });
                }
            }
        }
        (out, unknown_more)
    }
}

impl FromIterator<Scope> for ScopeSet {
    fn from_iter<I: IntoIterator<Item = Scope>>(iter: I) -> ScopeSet {
        let mut s = ScopeSet::new();
        for x in iter {
            s.insert(x);
        }
        s
    }
}

impl Serialize for ScopeSet {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.iter())
    }
}

/// The result of parsing a scope list.
///
/// ```
/// let p = bigcommerce_scopes::ScopeSet::parse_list("store_cart,store_checkouts").unwrap();
/// assert_eq!((p.scopes.len(), p.warnings.len()), (2, 1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedScopeList {
    /// The scopes named (canonical).
    pub scopes: ScopeSet,
    /// Warnings, e.g. for variant spellings.
    pub warnings: Vec<String>,
    /// Names that are no known scope, in the order given, at most 20 (only
    /// [`ScopeSet::parse_list_lenient`] returns any): each grants nothing.
    pub unknown: Vec<UnknownScope>,
}

/// A name in a scope list that is no scope this knowledge base knows: it grants nothing.
///
/// ```
/// let p = bigcommerce_scopes::ScopeSet::parse_list_lenient("store_crat");
/// assert_eq!((p.unknown[0].name.as_str(), p.unknown[0].suggestions[0].as_str()), ("store_crat", "store_cart"));
/// assert!(p.scopes.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct UnknownScope {
    /// The name as given (its first 80 characters).
    pub name: String,
    /// The nearest known scope names, nearest first (may be empty).
    pub suggestions: Vec<String>,
}

impl UnknownScope {
    /// `` `store_crat` (did you mean `store_cart`?) ``, for messages.
    ///
    /// ```
    /// let p = bigcommerce_scopes::ScopeSet::parse_list_lenient("store_crat");
    /// assert_eq!(p.unknown[0].describe(), "`store_crat` (did you mean `store_cart`?)");
    /// ```
    pub fn describe(&self) -> String {
        let hint = self.suggestions.first().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default();
        format!("`{}`{hint}", self.name.escape_debug())
    }
}

#[cfg(test)]
mod tests {
    use super::{ScopeSet, MAX_REPORTED};
    use crate::suggest::work;

    /// `n` distinct names that are no scope, each close enough to one to have a suggestion.
    fn unknown_names(n: usize) -> String {
        (0..n).map(|i| format!("store_crat{i}")).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn suggestions_are_computed_for_the_listed_names_only() {
        let (listed, calls_20, distances_20) = work::during(|| ScopeSet::parse_list(&unknown_names(MAX_REPORTED)));
        let (all, calls, distances) = work::during(|| ScopeSet::parse_list(&unknown_names(10_000)));
        assert_eq!((calls, calls_20), (MAX_REPORTED, MAX_REPORTED));
        assert_eq!(distances, distances_20, "names past the listed ones cost no edit distance");
        let (listed, all) = (listed.unwrap_err().to_string(), all.unwrap_err().to_string());
        assert!(all.starts_with(listed.split(" (did you mean").next().unwrap()), "{all}");
        assert!(all.contains(" and 9980 more (did you mean `store_cart`?)"), "{all}");

        let (lenient, calls, lenient_distances) = work::during(|| ScopeSet::parse_list_lenient(&unknown_names(10_000)));
        assert_eq!((calls, lenient_distances), (MAX_REPORTED, distances_20));
        assert_eq!(lenient.unknown.len(), MAX_REPORTED);
        assert_eq!(lenient.unknown[0].suggestions.first().map(String::as_str), Some("store_cart"));
        assert_eq!(lenient.warnings, ["9980 more unknown scope names are not listed"]);
    }

    #[test]
    fn names_too_long_for_a_typo_cost_no_edit_distance() {
        let list: Vec<String> = (0..10_000).map(|i| format!("{}{i}", "x".repeat(60))).collect();
        let (parsed, calls, distances) = work::during(|| ScopeSet::parse_list_lenient(&list.join(",")));
        assert_eq!((calls, distances), (MAX_REPORTED, 0));
        assert!(parsed.unknown.iter().all(|u| u.suggestions.is_empty()));
        // A name is listed by its first 80 characters.
        let long = "y".repeat(200);
        let parsed = ScopeSet::parse_list_lenient(&format!("{long} {long}é"));
        assert_eq!(parsed.unknown.len(), 1);
        assert_eq!(parsed.unknown[0].name, "y".repeat(80));
    }
}
