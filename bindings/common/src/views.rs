//! The JSON views the bindings return: the library's presentation layer
//! ([`bigcommerce_scopes::render`]), which the CLI prints with `--json`, holding owned data so that
//! a binding can return it, with the warnings the presentation layer words for the CLI too.

use bigcommerce_scopes::graphql::Analysis;
use bigcommerce_scopes::plan::{Audit, FailOn, Plan};
use bigcommerce_scopes::render;
use bigcommerce_scopes::ScopeInfo;
use serde::{Serialize, Serializer};

pub use render::account_types::AccountTypesView as AccountTypes;
pub use render::api::ApiView;
pub use render::endpoint::Answer as EndpointAnswer;

/// `scope NAME --json`: the scope's metadata and the warnings about the input.
#[derive(Debug)]
pub struct ScopeDetail {
    /// The scope.
    pub info: &'static ScopeInfo,
    /// Warnings about the input (a variant spelling).
    pub warnings: Vec<String>,
}

impl Serialize for ScopeDetail {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        render::scope::ScopeView { info: self.info, warnings: &self.warnings }.serialize(s)
    }
}

/// `plan --json`: the plan and the warnings.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct PlanView {
    pub plan: Plan,
    pub warnings: Vec<String>,
}

impl Serialize for PlanView {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        render::plan::PlanView { plan: &self.plan, warnings: &self.warnings }.serialize(s)
    }
}

impl PlanView {
    /// The plan, with the warning the CLI gives for unresolved calls.
    pub fn new(plan: Plan) -> PlanView {
        let warnings = render::plan::warnings(&plan);
        PlanView { plan, warnings }
    }
}

/// `audit --json`: the audit, the warnings and the verdict.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct AuditView {
    pub audit: Audit,
    pub fail_on: FailOn,
    pub fails: bool,
    pub warnings: Vec<String>,
}

impl Serialize for AuditView {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (audit, fail_on, fails, warnings) = (&self.audit, self.fail_on, self.fails, &self.warnings[..]);
        render::audit::AuditView { audit, fail_on, fails, warnings }.serialize(s)
    }
}

impl AuditView {
    /// The audit with its verdict; `warnings` are those of reading the granted scopes.
    pub fn new(audit: Audit, fail_on: FailOn, mut warnings: Vec<String>) -> AuditView {
        let fails = audit.fails(fail_on);
        warnings.extend(render::audit::warnings(&audit));
        AuditView { audit, fail_on, fails, warnings }
    }
}

/// `graphql --json`: the analysis, the document's name and the warnings.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct GraphqlView<'a> {
    pub document: &'a str,
    pub analysis: Analysis,
    pub warnings: Vec<String>,
}

impl Serialize for GraphqlView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (document, analysis, warnings) = (self.document, &self.analysis, &self.warnings[..]);
        render::graphql::GraphqlView { document, analysis, warnings }.serialize(s)
    }
}

impl<'a> GraphqlView<'a> {
    /// The analysis, with the warning the CLI gives for fields the docs tie to no scope.
    pub fn new(document: &'a str, analysis: Analysis) -> GraphqlView<'a> {
        let warnings = render::graphql::warnings(&analysis);
        GraphqlView { document, analysis, warnings }
    }
}
