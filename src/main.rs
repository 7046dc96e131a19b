//! `bc-scopes`: the command-line front end of bigcommerce-scopes.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
