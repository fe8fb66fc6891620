use serde::Serialize;

use super::{ObjectMeta, Pairs};
use crate::spec::AppSpec;

/// `v1 ConfigMap` holding the app's plain environment variables.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigMap {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    /// Values are strings; the YAML emitter quotes any that YAML would read as a number or boolean.
    pub data: Pairs,
}

impl ConfigMap {
    /// The object's `kind`.
    pub const KIND: &str = "ConfigMap";

    /// `<name>-env` with one key per env entry (plus the derived ones, see
    /// [`AppSpec::config_map_entries`]), or `None` when there are none.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        let entries = spec.config_map_entries();
        if entries.is_empty() {
            return None;
        }
        Some(ConfigMap {
            api_version: "v1",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, spec.config_map_name()),
            data: Pairs(entries.into_iter().map(|e| (e.name, e.value)).collect()),
        })
    }
}
