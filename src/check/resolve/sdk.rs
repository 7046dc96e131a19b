//! SDK resource calls: `Bigcommerce::Product.all`, `api.Products.all()`, `$api->catalog()->products()->getAll()`,
//! matched against the SDK models of `data/sdks/`.

use super::{Extractor, RawCall};

impl<'l, 's> Extractor<'l, 's> {
    /// The SDK calls of this file.
    pub(super) fn sdk_calls(&self) -> Vec<RawCall> {
        Vec::new()
    }
}
