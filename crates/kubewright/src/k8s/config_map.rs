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
    /// `<name>-env` with one key per env entry, or `None` when there are no env entries.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        if spec.env.is_empty() {
            return None;
        }
        Some(ConfigMap {
            api_version: "v1",
            kind: "ConfigMap",
            metadata: ObjectMeta::namespaced(spec, spec.config_map_name()),
            data: Pairs(
                spec.env
                    .iter()
                    .map(|e| (e.name.clone(), e.value.clone()))
                    .collect(),
            ),
        })
    }
}
