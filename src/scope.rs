//! OAuth scopes: metadata, parsing, what methods a scope allows and what it implies.

use crate::datafile::vocab::{AccountType, Method, Origin, Permission, ScopeGroup};
use crate::error::{Error, ErrorKind};
use crate::suggest::nearest_distinct;
use crate::tables::{self, Scope};
use serde::Serialize;

/// Everything the knowledge base holds about one scope.
///
/// ```
/// use bigcommerce_scopes::{AccountType, Scope};
/// let info = Scope::StoreV2Orders.info();
/// assert_eq!(info.twin, Some(Scope::StoreV2OrdersReadOnly));
/// assert_eq!(info.account_types, [AccountType::Store, AccountType::App]);
/// ```
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct ScopeInfo {
    /// The scope.
    #[serde(skip)]
    pub scope: Scope,
    /// The parameter BigCommerce sends, e.g. `store_v2_products`.
    pub name: &'static str,
    /// Name in the control panel, e.g. `Products`; empty when no document gives one.
    pub ui_name: &'static str,
    /// Permission as documented (`modify`, `read-only`, `manage` …).
    pub permission: Permission,
    /// Which table of the API-accounts page it is in.
    pub group: ScopeGroup,
    /// Whether the docs list it, only an OpenAPI spec names it, or it is only seen in token responses.
    pub origin: Origin,
    /// Description as documented.
    pub description: &'static str,
    /// Resources it grants.
    pub resources: &'static [Resource],
    /// Its modify / read-only twin.
    pub twin: Option<Scope>,
    /// Scopes it includes (a modify scope includes its read-only twin).
    pub implies: &'static [Scope],
    /// Scopes that include it.
    pub implied_by: &'static [Scope],
    /// Other spellings seen in OpenAPI specs.
    pub variants: &'static [&'static str],
    /// How OAuth token responses spell it, where that differs from `name` (`store_v2_default` for
    /// `default`).
    pub token_names: &'static [&'static str],
    /// Account types that can hold it.
    pub account_types: &'static [AccountType],
    /// Where each fact comes from.
    pub sources: &'static [&'static str],
    /// Remarks and conflicts between documents.
    pub notes: &'static [&'static str],
    /// What older documents said.
    pub history: &'static [&'static str],
}

/// A resource a scope grants, as documented.
///
/// ```
/// let r = bigcommerce_scopes::Scope::StoreV2Products.info().resources[0];
/// assert_eq!((r.name, r.path), ("Catalog V3", Some("/v3/catalog")));
/// ```
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct Resource {
    /// Name, e.g. `Catalog V3`.
    pub name: &'static str,
    /// Path, e.g. `/v3/catalog`, where a document gives one.
    pub path: Option<&'static str>,
}

/// A scope parsed from user input, with how it was spelled.
///
/// ```
/// use bigcommerce_scopes::Scope;
/// let p = Scope::parse_lenient("store_checkouts_read_only").unwrap();
/// assert_eq!((p.scope, p.variant), (Scope::StoreCheckoutReadOnly, Some("store_checkouts_read_only")));
/// let p = Scope::parse_lenient("store_v2_default").unwrap();
/// assert_eq!((p.scope, p.token_name, p.warning()), (Scope::Default, Some("store_v2_default"), None));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ParsedScope {
    /// The canonical scope.
    pub scope: Scope,
    /// `Some(spelling)` when the input used a spec's variant spelling instead of the canonical name.
    pub variant: Option<&'static str>,
    /// `Some(spelling)` when the input used the spelling OAuth token responses use instead of the
    /// canonical name (`store_v2_default`): BigCommerce's own spelling, so no warning.
    pub token_name: Option<&'static str>,
}

impl ParsedScope {
    /// The warning to show for a variant spelling.
    ///
    /// ```
    /// use bigcommerce_scopes::Scope;
    /// let p = Scope::parse_lenient("store_checkouts").unwrap();
    /// assert_eq!(p.scope, Scope::StoreCheckout);
    /// assert!(p.warning().unwrap().contains("`store_checkout`"));
    /// ```
    pub fn warning(&self) -> Option<String> {
        self.variant.map(|v| {
            format!(
                "`{v}` is a spelling used by an OpenAPI spec; the API-accounts documentation calls this scope `{}`",
                self.scope.name()
            )
        })
    }
}

impl Scope {
    /// Every scope's metadata, in the order of `data/scopes.toml`.
    ///
    /// ```
    /// use bigcommerce_scopes::Scope;
    /// assert_eq!(Scope::all().len(), <Scope as strum::EnumCount>::COUNT);
    /// ```
    pub fn all() -> &'static [ScopeInfo] {
        &tables::SCOPES
    }

    /// This scope's metadata.
    ///
    /// ```
    /// use bigcommerce_scopes::{Permission, Scope};
    /// let info = Scope::StoreCartReadOnly.info();
    /// assert_eq!((info.ui_name, info.permission), ("Carts", Permission::ReadOnly));
    /// ```
    pub fn info(self) -> &'static ScopeInfo {
        &tables::SCOPES[self as usize]
    }

    /// The parameter name BigCommerce uses.
    ///
    /// ```
    /// assert_eq!(bigcommerce_scopes::Scope::StoreCart.name(), "store_cart");
    /// ```
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// Look up an exact, canonical scope name (case-sensitive, as BigCommerce sends it).
    ///
    /// ```
    /// use bigcommerce_scopes::Scope;
    /// assert_eq!(Scope::from_name("store_cart"), Some(Scope::StoreCart));
    /// assert_eq!(Scope::from_name("STORE_CART"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Scope> {
        tables::SCOPE_NAMES.get(name).copied()
    }

    /// Parse a scope name, accepting the spellings OAuth token responses use (`store_v2_default`)
    /// and the variant spellings some OpenAPI specs use (with a warning). Unknown names give an
    /// [`ErrorKind::UnknownScope`] error with the nearest known scopes.
    ///
    /// ```
    /// use bigcommerce_scopes::Scope;
    /// assert_eq!(Scope::parse_lenient("store_cart").unwrap().variant, None);
    /// assert_eq!(Scope::parse_lenient("store_checkout_content").unwrap().scope, Scope::StoreContentCheckout);
    /// assert_eq!(Scope::parse_lenient("store_v2_default").unwrap().scope, Scope::Default);
    /// assert!(Scope::parse_lenient("store_nothing").is_err());
    /// ```
    pub fn parse_lenient(name: &str) -> Result<ParsedScope, Error> {
        lookup(name).ok_or_else(|| unknown_scope(name))
    }

    /// Which HTTP methods this scope allows on the resources it grants: a read-only scope allows
    /// GET and HEAD only; every other scope allows every method.
    ///
    /// ```
    /// use bigcommerce_scopes::{Method, Scope};
    /// assert!(Scope::StoreV2OrdersReadOnly.allows(Method::Head));
    /// assert!(!Scope::StoreV2OrdersReadOnly.allows(Method::Put));
    /// assert!(Scope::StoreV2Orders.allows(Method::Delete));
    /// ```
    pub fn allows(self, method: Method) -> bool {
        self.info().permission != Permission::ReadOnly || method.is_read()
    }

    /// The scopes this scope includes: a modify scope includes its read-only twin.
    ///
    /// ```
    /// use bigcommerce_scopes::Scope;
    /// assert_eq!(Scope::StoreThemesManage.implies(), [Scope::StoreThemesReadOnly]);
    /// assert!(Scope::StoreThemesReadOnly.implies().is_empty());
    /// ```
    pub fn implies(self) -> &'static [Scope] {
        self.info().implies
    }

    /// Whether holding this scope satisfies a requirement for `needed` (itself, or a scope it implies).
    ///
    /// ```
    /// use bigcommerce_scopes::Scope;
    /// assert!(Scope::StoreV2Products.satisfies(Scope::StoreV2ProductsReadOnly));
    /// assert!(!Scope::StoreV2ProductsReadOnly.satisfies(Scope::StoreV2Products));
    /// ```
    pub fn satisfies(self, needed: Scope) -> bool {
        self == needed || self.implies().contains(&needed)
    }

    /// Whether an account of this type can hold the scope.
    ///
    /// ```
    /// use bigcommerce_scopes::{AccountType, Scope};
    /// assert!(Scope::AccountUsersRead.holdable_by(AccountType::Account));
    /// assert!(!Scope::AccountUsersRead.holdable_by(AccountType::Store));
    /// assert!(!Scope::StoreAppExtensionsManage.holdable_by(AccountType::Store));
    /// ```
    pub fn holdable_by(self, account_type: AccountType) -> bool {
        self.info().account_types.contains(&account_type)
    }

    /// Whether BigCommerce grants this scope by itself rather than the account choosing it: the
    /// `default` scope every API account has, and the app install's grant of the installing user's
    /// identity (`users_basic_information`). No call needs one to be added and no account can drop
    /// one, so an audit never reports them as missing or excess.
    ///
    /// ```
    /// use bigcommerce_scopes::Scope;
    /// assert!(Scope::Default.is_implicit() && Scope::UsersBasicInformation.is_implicit());
    /// assert!(!Scope::StoreV2Orders.is_implicit());
    /// ```
    pub fn is_implicit(self) -> bool {
        matches!(self.info().group, ScopeGroup::Default | ScopeGroup::UserIdentity)
    }
}

/// A canonical name, a token spelling or a variant spelling; `None` for anything else (no
/// suggestions computed).
pub(crate) fn lookup(name: &str) -> Option<ParsedScope> {
    if let Some(s) = Scope::from_name(name) {
        return Some(ParsedScope { scope: s, variant: None, token_name: None });
    }
    if let Some((k, s)) = tables::SCOPE_TOKEN_NAMES.get_entry(name) {
        return Some(ParsedScope { scope: *s, variant: None, token_name: Some(k) });
    }
    tables::SCOPE_VARIANTS.get_entry(name).map(|(k, s)| ParsedScope { scope: *s, variant: Some(k), token_name: None })
}

pub(crate) fn unknown_scope(name: &str) -> Error {
    let candidates = Scope::all()
        .iter()
        .map(|s| (s.name, s.scope))
        .chain(tables::SCOPE_TOKEN_NAMES.entries().map(|(k, s)| (*k, *s)))
        .chain(tables::SCOPE_VARIANTS.entries().map(|(k, s)| (*k, *s)));
    let shown: String = name.chars().take(80).collect();
    Error::new(ErrorKind::UnknownScope, format!("unknown scope `{}`", shown.escape_debug()))
        .with_suggestions(nearest_distinct(name, candidates, 3))
}

impl std::str::FromStr for Scope {
    type Err = Error;

    /// Parse a canonical scope name or the spelling token responses use (`store_v2_default`). A
    /// variant spelling is an error that names the canonical scope; use [`Scope::parse_lenient`] to
    /// accept it with a warning.
    ///
    /// ```
    /// let e = "store_checkouts".parse::<bigcommerce_scopes::Scope>().unwrap_err();
    /// assert_eq!(e.suggestions(), ["store_checkout"]);
    /// assert_eq!(
    ///     e.to_string(),
    ///     "`store_checkouts` is a spelling used by an OpenAPI spec, not the scope's documented name (did you mean `store_checkout`?)"
    /// );
    /// ```
    fn from_str(name: &str) -> Result<Scope, Error> {
        match Scope::parse_lenient(name)? {
            ParsedScope { scope, variant: None, .. } => Ok(scope),
            // The suggestion names the scope; the message does not repeat it.
            ParsedScope { scope, variant: Some(v), .. } => Err(Error::new(
                ErrorKind::UnknownScope,
                format!("`{v}` is a spelling used by an OpenAPI spec, not the scope's documented name"),
            )
            .with_suggestions([scope.name()])),
        }
    }
}
