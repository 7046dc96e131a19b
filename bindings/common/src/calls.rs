//! Calls as the bindings take them: `"METHOD TARGET"` strings or `{method, target}` pairs, read
//! as the CLI reads its arguments.

use crate::BindingError;
use bigcommerce_scopes::plan::{CallList, Location};

/// One call given to `plan` or `audit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallInput {
    /// `"METHOD TARGET"`.
    Text(String),
    /// A method and a target.
    Pair {
        /// The HTTP method (any case).
        method: String,
        /// The request target.
        target: String,
    },
}

/// A call as it was read (re-exported for the bindings' documentation).
pub use bigcommerce_scopes::plan::Call;

/// The calls as a list, each located at its position (`argument N`, from 1); a call that cannot
/// be read is kept as unresolved, as the CLI keeps a bad argument. No call at all is an error.
pub(crate) fn call_list(calls: &[CallInput]) -> Result<CallList, BindingError> {
    if calls.is_empty() {
        return Err(BindingError::input("no calls given: pass \"METHOD TARGET\" strings or {method, target} objects"));
    }
    let mut list = CallList::new();
    for (i, c) in calls.iter().enumerate() {
        let mut one = match c {
            CallInput::Text(t) => CallList::parse_args(&[t.as_str()]),
            // Read as the line `METHOD TARGET`, so that a bad method is reported as the CLI
            // reports that argument.
            CallInput::Pair { method, target } => {
                CallList::parse_args(&[format!("{} {}", method.trim(), target.trim())])
            }
        };
        for call in &mut one.calls {
            call.location = Location::Argument(i + 1);
        }
        for e in &mut one.errors {
            e.location = Location::Argument(i + 1);
        }
        list.extend(one);
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_call_is_located_at_its_position() {
        let list = call_list(&[
            CallInput::Text("GET /v2/orders".into()),
            CallInput::Pair { method: "post".into(), target: "/v3/catalog/products".into() },
            CallInput::Text("FETCH /v2/orders".into()),
        ])
        .unwrap();
        assert_eq!(list.calls[1].location, Location::Argument(2));
        assert_eq!(list.errors[0].location, Location::Argument(3));
        assert!(call_list(&[]).is_err());
    }
}
