//! Errors of the query API. Every error says what was wrong and, where it can, what was meant.

use serde::Serialize;

/// What kind of error, as a stable snake_case string (`kind` in the CLI's JSON errors).
///
/// ```
/// use bigcommerce_scopes::{resolve, ErrorKind, Method};
/// let e = resolve(Method::Get, "/v3/nothing/here").unwrap_err();
/// assert_eq!(e.kind(), ErrorKind::UnknownEndpoint);
/// assert_eq!(e.kind().to_string(), "unknown_endpoint");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema, strum::IntoStaticStr, strum::Display)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ErrorKind {
    /// A scope name that is not a BigCommerce OAuth scope.
    UnknownScope,
    /// An API name that is not known.
    UnknownApi,
    /// An account type that is not known.
    UnknownAccountType,
    /// An HTTP method that is not supported.
    UnknownMethod,
    /// A request target that cannot be interpreted safely.
    InvalidTarget,
    /// A well-formed target that matches no documented route.
    UnknownEndpoint,
    /// A documented route that does not document this method.
    MethodNotDocumented,
    /// Bad input (a file, an argument).
    InvalidInput,
    /// A GraphQL document that does not parse (the message gives line and column).
    InvalidGraphql,
}

/// An error from the query API.
///
/// ```
/// use bigcommerce_scopes::{ErrorKind, Scope};
/// let err = "store_crat".parse::<Scope>().unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnknownScope);
/// assert_eq!(err.suggestions(), ["store_cart"]);
/// assert!(err.to_string().contains("did you mean `store_cart`"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    suggestions: Vec<String>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into(), suggestions: Vec::new() }
    }

    pub(crate) fn with_suggestions<S: Into<String>>(mut self, s: impl IntoIterator<Item = S>) -> Error {
        self.suggestions = s.into_iter().map(Into::into).collect();
        self
    }

    /// The kind of error.
    ///
    /// ```
    /// let e = bigcommerce_scopes::Api::parse("graphql-nope").unwrap_err();
    /// assert_eq!(e.kind(), bigcommerce_scopes::ErrorKind::UnknownApi);
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// What was wrong, without the suggestions.
    ///
    /// ```
    /// let e = "store_crat".parse::<bigcommerce_scopes::Scope>().unwrap_err();
    /// assert_eq!(e.message(), "unknown scope `store_crat`");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// What the user may have meant, best first.
    ///
    /// ```
    /// let e = "store_crat".parse::<bigcommerce_scopes::Scope>().unwrap_err();
    /// assert_eq!(e.suggestions(), ["store_cart"]);
    /// ```
    pub fn suggestions(&self) -> &[String] {
        &self.suggestions
    }
}

/// `a, b or c`: the valid values for a message that lists them (suggestions are the nearest
/// values, given apart, so that no message names a value twice).
pub(crate) fn one_of<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    let values: Vec<&str> = values.into_iter().collect();
    match values.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        match self.suggestions.as_slice() {
            [] => Ok(()),
            [one] => write!(f, " (did you mean `{one}`?)"),
            many => {
                f.write_str(" (did you mean ")?;
                for (i, s) in many.iter().enumerate() {
                    let sep = if i == 0 {
                        ""
                    } else if i + 1 == many.len() {
                        " or "
                    } else {
                        ", "
                    };
                    write!(f, "{sep}`{s}`")?;
                }
                f.write_str("?)")
            }
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_are_named_once() {
        let e = Error::new(ErrorKind::UnknownApi, "unknown API `x`");
        assert_eq!(e.to_string(), "unknown API `x`");
        assert_eq!(e.clone().with_suggestions(["a"]).to_string(), "unknown API `x` (did you mean `a`?)");
        assert_eq!(e.with_suggestions(["a", "b", "c"]).to_string(), "unknown API `x` (did you mean `a`, `b` or `c`?)");
    }

    #[test]
    fn lists_of_values() {
        assert_eq!(one_of([]), "");
        assert_eq!(one_of(["store"]), "store");
        assert_eq!(one_of(["store", "app"]), "store or app");
        assert_eq!(one_of(["store", "app", "account", "legacy"]), "store, app, account or legacy");
    }
}
