//! `bc-scopes apis`: every API, its auth scheme and the account types that support it.

use super::api::ApiJson;
use super::output::{self, Table};
use super::{Ctx, Success};
use bigcommerce_scopes::Api;

pub(crate) fn run(ctx: &Ctx) -> Success {
    if ctx.json {
        let items: Vec<ApiJson> = Api::all().iter().map(ApiJson::new).collect();
        return Success::new(output::json(&items));
    }
    let mut table = Table::new(&["API", "KIND", "AUTH SCHEME", "ACCOUNT TYPES", "NAME"]);
    for a in Api::all() {
        table.row([
            a.id,
            a.kind.as_str(),
            a.auth_scheme.info().id,
            &output::list(a.account_types.iter().map(|t| t.as_str())),
            a.name,
        ]);
    }
    let mut out = table.render();
    out.push_str(&format!("\n{} APIs. Details: bc-scopes api NAME\n", Api::all().len()));
    Success::new(out)
}
