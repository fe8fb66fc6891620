use base64::Engine;
use serde::Serialize;

use super::{ObjectMeta, Pairs};
use crate::spec::{AppSpec, DatabaseKind};

/// `v1 Secret`: the app's secret environment variables (Opaque), or the database password.
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
    /// The object's `kind`.
    pub const KIND: &str = "Secret";

    /// `<name>-env-secret` with one key per secret entry (plus the derived database URL, see
    /// [`AppSpec::secret_entries`]), or `None` when there are none.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        let entries = spec.secret_entries();
        if entries.is_empty() {
            return None;
        }
        Some(Secret::new(
            spec,
            spec.secret_name(),
            "Opaque",
            entries.into_iter().map(|e| (e.name, e.value)).collect(),
        ))
    }

    /// The database password in the shape its reader expects, or `None` without a database.
    /// Bitnami's chart (`auth.existingSecret`) reads the keys `password` (the user's) and
    /// `postgres-password` (the superuser's); CloudNativePG's `initdb.secret` is a
    /// `kubernetes.io/basic-auth` Secret with `username` and `password`.
    pub fn database(spec: &AppSpec) -> Option<Self> {
        let (type_, entries) = Self::database_entries(spec)?;
        Some(Secret::new(
            spec,
            spec.database.secret_name(),
            type_,
            entries,
        ))
    }

    /// The database Secret's type and entries (shared with its sealed form), or `None` without a
    /// database.
    pub fn database_entries(spec: &AppSpec) -> Option<(&'static str, Vec<(String, String)>)> {
        let db = &spec.database;
        match db.kind {
            DatabaseKind::None => None,
            DatabaseKind::Helm => Some((
                "Opaque",
                vec![
                    ("password".to_string(), db.password.clone()),
                    ("postgres-password".to_string(), db.admin_password.clone()),
                ],
            )),
            DatabaseKind::CloudNativePg => Some((
                "kubernetes.io/basic-auth",
                vec![
                    ("username".to_string(), db.user.clone()),
                    ("password".to_string(), db.password.clone()),
                ],
            )),
        }
    }

    // `data` (base64), or `stringData` when the user chose plain text for the Secret.
    pub(super) fn new(
        spec: &AppSpec,
        name: String,
        type_: &'static str,
        entries: Vec<(String, String)>,
    ) -> Self {
        let plain = spec.secret_options.string_data;
        let encode =
            |value: &str| base64::engine::general_purpose::STANDARD.encode(value.as_bytes());
        let (data, string_data) = if plain {
            (Pairs::default(), Pairs(entries))
        } else {
            (
                Pairs(entries.into_iter().map(|(k, v)| (k, encode(&v))).collect()),
                Pairs::default(),
            )
        };
        Secret {
            api_version: "v1",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, name),
            type_,
            data,
            string_data,
        }
    }
}
