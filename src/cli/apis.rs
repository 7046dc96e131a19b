//! `bc-scopes apis`: every API, its auth scheme and the account types that support it.

use super::output;
use super::{Ctx, Success};
use bigcommerce_scopes::render::api::{table, ApiView};
use bigcommerce_scopes::Api;

pub(crate) fn run(ctx: &Ctx) -> Success {
    if ctx.json {
        let items: Vec<ApiView> = Api::all().iter().map(ApiView::new).collect();
        return Success::new(output::json(&items));
    }
    Success::new(table())
}
