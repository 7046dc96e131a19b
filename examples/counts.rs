//! Prints how much the knowledge base holds (the figures quoted in README.md and closing notes).

use bigcommerce_scopes::{AccountType, Api, AuthScheme, Confidence, Operation, Origin, Route, Scope};

fn main() {
    let ops = Operation::all();
    let inferred = ops.iter().filter(|o| o.confidence == Confidence::Inferred).count();
    let spec_only = Scope::all().iter().filter(|s| s.origin == Origin::Spec).count();
    println!("scopes: {} ({} known only from a spec)", Scope::all().len(), spec_only);
    println!("account types: {}", AccountType::all().len());
    println!("apis: {}", Api::all().len());
    println!("auth schemes: {}", AuthScheme::all().len());
    println!("routes: {}", Route::all().len());
    println!(
        "operations: {} ({} inferred, {} deprecated)",
        ops.len(),
        inferred,
        ops.iter().filter(|o| o.deprecated).count()
    );
}
