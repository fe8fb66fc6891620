use serde::Serialize;

use super::{ObjectMeta, Pairs};
use crate::spec::AppSpec;

/// `v1 Namespace`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Namespace {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
}

impl Namespace {
    /// The object's `kind`.
    pub const KIND: &str = "Namespace";

    /// The app's namespace as an object, or `None` when the spec names no namespace.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        let name = spec.namespace()?.to_string();
        Some(Namespace {
            api_version: "v1",
            kind: Self::KIND,
            metadata: ObjectMeta {
                name,
                namespace: None,
                labels: Pairs::default(),
                annotations: Pairs::default(),
            },
        })
    }
}
