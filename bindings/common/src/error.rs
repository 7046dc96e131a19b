//! The error every binding raises: the CLI's JSON error (`kind`, `message`, `suggestions`).

use bigcommerce_scopes::Error;

/// An error of a binding call: what the library refused, or input the binding itself cannot use.
///
/// ```
/// let e = bigcommerce_scopes_bindings::api("rest-nope").unwrap_err();
/// assert_eq!(e.kind, "unknown_api");
/// assert!(e.to_string().starts_with("unknown API"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BindingError {
    /// The library's [`bigcommerce_scopes::ErrorKind`] as snake_case, or `invalid_input` /
    /// `invalid_arguments` for what the binding refuses itself.
    pub kind: &'static str,
    /// What was wrong, without the suggestions.
    pub message: String,
    /// What may have been meant, best first.
    pub suggestions: Vec<String>,
    /// The message with the suggestions, as the CLI prints it after `error: `.
    #[serde(skip)]
    pub display: String,
}

impl From<Error> for BindingError {
    fn from(e: Error) -> BindingError {
        BindingError {
            kind: e.kind().into(),
            message: e.message().to_owned(),
            suggestions: e.suggestions().to_vec(),
            display: e.to_string(),
        }
    }
}

impl BindingError {
    /// Input the binding cannot use (`invalid_input`, as the CLI's).
    pub fn input(message: impl Into<String>) -> BindingError {
        let message = message.into();
        BindingError { kind: "invalid_input", display: message.clone(), message, suggestions: Vec::new() }
    }

    /// An argument of the wrong type or shape (`invalid_arguments`, as the CLI's usage errors).
    pub fn arguments(message: impl Into<String>) -> BindingError {
        let message = message.into();
        BindingError { kind: "invalid_arguments", display: message.clone(), message, suggestions: Vec::new() }
    }

    /// With suggestions (shown after the message, as the library shows its own).
    pub fn with_suggestions<S: Into<String>>(mut self, s: impl IntoIterator<Item = S>) -> BindingError {
        self.suggestions = s.into_iter().map(Into::into).collect();
        let quoted: Vec<String> = self.suggestions.iter().map(|s| format!("`{s}`")).collect();
        if !quoted.is_empty() {
            self.display = format!("{} (did you mean {}?)", self.message, quoted.join(" or "));
        }
        self
    }
}

impl std::fmt::Display for BindingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.display)
    }
}

impl std::error::Error for BindingError {}
