//! `bc-scopes`: the command-line front end of bigcommerce-scopes.

fn main() {
    std::process::exit(bigcommerce_scopes_cli::run());
}
