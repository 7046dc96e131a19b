//! The CLI's view of the presentation layer ([`bigcommerce_scopes::render::text`]): its helpers,
//! and the styled `error:` / `warning:` lines of the streams. The streams (`anstream`, with the
//! `--color` choice) strip the styles when colour is off.

#[allow(unused_imports)] // each command uses a part
pub(crate) use bigcommerce_scopes::render::text::{json, list, paint, yes_no, Fields, Table, ERROR, LABEL, WARNING};

/// `error: {message}` with the prefix styled, ending in a newline.
pub(crate) fn error_line(message: &str) -> String {
    format!("{} {message}\n", paint(ERROR, "error:"))
}

/// `warning: {message}` with the prefix styled, ending in a newline.
pub(crate) fn warning_line(message: &str) -> String {
    format!("{} {message}\n", paint(WARNING, "warning:"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_styled_and_strip_to_plain_text() {
        assert_eq!(anstream::adapter::strip_str(&error_line("bad")).to_string(), "error: bad\n");
        assert_eq!(anstream::adapter::strip_str(&warning_line("odd")).to_string(), "warning: odd\n");
        assert!(error_line("bad").starts_with("\x1b[1m\x1b[31merror:"), "{:?}", error_line("bad"));
        assert!(warning_line("odd").contains("\x1b[33m"), "{:?}", warning_line("odd"));
    }
}
