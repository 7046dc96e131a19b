//! Kinds of finding and their severities: the vocabulary that configuration, suppressions and
//! reports share (a leaf: it imports nothing of `check`).

use serde::Serialize;

/// How serious a finding is. Ordered: `Note < Warning < Error`.
///
/// ```
/// use bigcommerce_scopes::check::Severity;
/// assert!(Severity::Error > Severity::Warning && Severity::Warning > Severity::Note);
/// assert_eq!(Severity::parse("warning"), Some(Severity::Warning));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; not a problem by itself.
    Note,
    /// More privilege than the code needs.
    Warning,
    /// The code cannot work with the declared scopes.
    Error,
}

impl Severity {
    /// `error`, `warning` or `note`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parse `error`, `warning` or `note`.
    pub fn parse(s: &str) -> Option<Severity> {
        [Severity::Note, Severity::Warning, Severity::Error].into_iter().find(|v| v.as_str() == s)
    }
}

/// What a finding is about.
///
/// ```
/// use bigcommerce_scopes::check::{FindingKind, Severity};
/// assert_eq!(FindingKind::parse("unknown-route"), Some(FindingKind::UnknownRoute));
/// assert_eq!(FindingKind::Missing.severity(), Severity::Error);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// A call needs a scope that is not granted (error).
    Missing,
    /// A granted scope no call needs (warning).
    Excess,
    /// A granted modify scope where its read-only twin would do (warning).
    Downgrade,
    /// A granted scope used only as a broader alternative to a call's least-privileged scope
    /// (warning).
    Alternative,
    /// The kind of API account cannot hold a scope or make a call, or a call uses a legacy
    /// store-domain URL (warning).
    Conflict,
    /// A call to a BigCommerce path that matches no documented route, or that cannot be read
    /// safely (note).
    UnknownRoute,
    /// A GraphQL request, whose scopes depend on each query (note).
    PerQuery,
    /// A call needs a scope that is not declared when a documented condition of the request
    /// holds (a metafield another API account created, a script on checkout pages) (warning).
    Conditional,
    /// A call whose HTTP method no wrapper, property, SDK or argument states: it is counted with
    /// the strongest requirement among its route's documented methods (note).
    MethodUnknown,
    /// A BigCommerce URL in the code whose use the checker cannot follow to a request (passed to
    /// code it does not read): kept out of the needed scopes (note).
    Unfollowed,
    /// A `bc-scopes: ignore` comment that names an unknown kind of finding, or that suppresses
    /// nothing (warning).
    Suppression,
}

impl FindingKind {
    /// Every kind.
    pub const ALL: [FindingKind; 11] = [
        FindingKind::Missing,
        FindingKind::Excess,
        FindingKind::Downgrade,
        FindingKind::Alternative,
        FindingKind::Conflict,
        FindingKind::UnknownRoute,
        FindingKind::PerQuery,
        FindingKind::Conditional,
        FindingKind::MethodUnknown,
        FindingKind::Unfollowed,
        FindingKind::Suppression,
    ];

    /// The name used in reports, suppressions and SARIF rule ids.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Missing => "missing",
            FindingKind::Excess => "excess",
            FindingKind::Downgrade => "downgrade",
            FindingKind::Alternative => "alternative",
            FindingKind::Conflict => "conflict",
            FindingKind::UnknownRoute => "unknown-route",
            FindingKind::PerQuery => "per-query",
            FindingKind::Conditional => "conditional",
            FindingKind::MethodUnknown => "method-unknown",
            FindingKind::Unfollowed => "unfollowed",
            FindingKind::Suppression => "suppression",
        }
    }

    /// Parse a name.
    pub fn parse(s: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The severity of this kind of finding.
    pub fn severity(self) -> Severity {
        match self {
            FindingKind::Missing => Severity::Error,
            FindingKind::Excess
            | FindingKind::Downgrade
            | FindingKind::Alternative
            | FindingKind::Conflict
            | FindingKind::Conditional
            | FindingKind::Suppression => Severity::Warning,
            FindingKind::UnknownRoute
            | FindingKind::PerQuery
            | FindingKind::MethodUnknown
            | FindingKind::Unfollowed => Severity::Note,
        }
    }

    /// Whether findings of this kind compare calls with declared scopes (none are reported
    /// when no scopes are declared).
    ///
    /// ```
    /// use bigcommerce_scopes::check::FindingKind;
    /// assert!(FindingKind::Excess.needs_granted() && !FindingKind::UnknownRoute.needs_granted());
    /// ```
    pub fn needs_granted(self) -> bool {
        matches!(
            self,
            FindingKind::Missing
                | FindingKind::Excess
                | FindingKind::Downgrade
                | FindingKind::Alternative
                | FindingKind::Conflict
                | FindingKind::Conditional
        )
    }

    /// A one-line description (SARIF rule descriptions, help).
    pub fn description(self) -> &'static str {
        match self {
            FindingKind::Missing => "A call needs an OAuth scope that the project does not declare.",
            FindingKind::Excess => "A declared OAuth scope that no call in the code needs.",
            FindingKind::Downgrade => "A declared modify scope where its read-only twin would do for every call.",
            FindingKind::Alternative => {
                "A declared scope used only as a broader alternative to the calls' least-privileged scope."
            }
            FindingKind::Conflict => "The kind of API account cannot hold a declared scope or make a call.",
            FindingKind::UnknownRoute => "A BigCommerce API path that matches no documented route.",
            FindingKind::PerQuery => "A GraphQL request, whose scopes depend on each query.",
            FindingKind::Conditional => {
                "A call needs an undeclared scope when a documented condition of the request holds."
            }
            FindingKind::MethodUnknown => {
                "A call whose HTTP method the code does not state: counted with its route's strongest documented method."
            }
            FindingKind::Unfollowed => {
                "A BigCommerce URL whose use the checker cannot follow to a request: not counted in the needed scopes."
            }
            FindingKind::Suppression => {
                "A `bc-scopes: ignore` comment that names an unknown kind of finding, or that suppresses nothing."
            }
        }
    }
}
