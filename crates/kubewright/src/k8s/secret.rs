use base64::Engine;
use serde::Serialize;

use super::{ObjectMeta, Pairs};
use crate::spec::AppSpec;

/// `v1 Secret` of type Opaque holding the app's secret environment variables.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Secret {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    #[serde(rename = "type")]
    pub type_: &'static str,
    /// Standard base64 (with padding) of each value's UTF-8 bytes, as `kubectl create secret` writes.
    #[serde(skip_serializing_if = "Pairs::is_empty")]
    pub data: Pairs,
    /// The values as plain text, when the user chose `stringData` (the API server encodes them).
    #[serde(skip_serializing_if = "Pairs::is_empty")]
    pub string_data: Pairs,
}

impl Secret {
    /// `<name>-env-secret` with one key per secret entry, or `None` when there are no secrets.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        if spec.secrets.is_empty() {
            return None;
        }
        let plain = spec.secret_options.string_data;
        let encode =
            |value: &str| base64::engine::general_purpose::STANDARD.encode(value.as_bytes());
        Some(Secret {
            api_version: "v1",
            kind: "Secret",
            metadata: ObjectMeta::namespaced(spec, spec.secret_name()),
            type_: "Opaque",
            data: Pairs(
                spec.secrets
                    .iter()
                    .filter(|_| !plain)
                    .map(|e| (e.name.clone(), encode(&e.value)))
                    .collect(),
            ),
            string_data: Pairs(
                spec.secrets
                    .iter()
                    .filter(|_| plain)
                    .map(|e| (e.name.clone(), e.value.clone()))
                    .collect(),
            ),
        })
    }
}
