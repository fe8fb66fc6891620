use serde::Serialize;

use super::{ObjectMeta, Pairs};
use crate::seal::{self, Seal};
use crate::spec::{AppSpec, SealScope};

/// `bitnami.com/v1alpha1 SealedSecret`: the app's secret variables (or the database's password)
/// encrypted to the cluster's sealed-secrets controller, which turns it into the Secret
/// `<name>-env-secret` (or `<db>-credentials`). Safe to commit.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SealedSecret {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: SealedSecretSpec,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SealedSecretSpec {
    /// Each value sealed (see [`crate::seal`]), under the Secret's key.
    pub encrypted_data: Pairs,
    /// What the controller creates: the Secret's metadata and type.
    pub template: SecretTemplate,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SecretTemplate {
    pub metadata: ObjectMeta,
    #[serde(rename = "type")]
    pub type_: &'static str,
}

impl SealedSecret {
    /// The object's `kind`.
    pub const KIND: &str = "SealedSecret";

    /// The Secret `<name>-env-secret`, sealed with the spec's certificate and scope. `None` when
    /// sealing is off or there are no secrets; `Err` (one sentence) when the certificate is unusable.
    pub fn from_spec<S: Seal + ?Sized>(
        spec: &AppSpec,
        sealer: &mut S,
    ) -> Option<Result<Self, String>> {
        // The derived DATABASE_URL is sealed along with the user's secrets.
        Self::app_named(spec, spec.secret_name(), sealer)
    }

    /// The app's secret variables sealed under `name` (the chart's hook copy has its own name, to
    /// which the strict scope binds the ciphertext).
    pub fn app_named<S: Seal + ?Sized>(
        spec: &AppSpec,
        name: String,
        sealer: &mut S,
    ) -> Option<Result<Self, String>> {
        let entries = spec.secret_entries();
        if entries.is_empty() {
            return None;
        }
        let entries = entries.into_iter().map(|e| (e.name, e.value)).collect();
        Self::seal(spec, name, "Opaque", entries, sealer)
    }

    /// The database's password Secret (see [`super::Secret::database`]), sealed like the app's:
    /// with sealing on, no password is left readable in the files. `None` without a database.
    pub fn database<S: Seal + ?Sized>(
        spec: &AppSpec,
        sealer: &mut S,
    ) -> Option<Result<Self, String>> {
        let (type_, entries) = super::Secret::database_entries(spec)?;
        Self::seal(spec, spec.database.secret_name(), type_, entries, sealer)
    }

    /// Each secret-files volume's Secret, sealed like the app's (its files' content is as secret
    /// as a password). Empty when sealing is off.
    pub fn files<S: Seal + ?Sized>(spec: &AppSpec, sealer: &mut S) -> Vec<Result<Self, String>> {
        super::volume::files_of(spec, crate::spec::VolumeKind::SecretFiles)
            .filter_map(|(name, entries)| Self::seal(spec, name, "Opaque", entries, sealer))
            .collect()
    }

    // One Secret's entries sealed under its own name's label; `None` when sealing is off.
    pub(super) fn seal<S: Seal + ?Sized>(
        spec: &AppSpec,
        name: String,
        type_: &'static str,
        entries: Vec<(String, String)>,
        sealer: &mut S,
    ) -> Option<Result<Self, String>> {
        let options = &spec.secret_options.seal;
        if !options.enabled() {
            return None;
        }
        let mut metadata = ObjectMeta::namespaced(spec, name);
        if let Some((key, value)) = seal::scope_annotation(options.scope) {
            metadata.annotations = Pairs(vec![(key.to_string(), value.to_string())]);
        }
        // An empty namespace means kubectl's current one, which we cannot know, and the strict and
        // namespace-wide labels name the namespace: a guess would make a SealedSecret nobody can open.
        let namespace = match (spec.namespace(), options.scope) {
            (Some(ns), _) => ns,
            (None, SealScope::ClusterWide) => "",
            (None, scope) => return Some(Err(seal::namespace_needed(scope))),
        };
        let label = seal::label(options.scope, namespace, &metadata.name);
        Some(
            sealer
                .seal_all(&options.cert, &label, &entries)
                .map(|sealed| SealedSecret {
                    api_version: "bitnami.com/v1alpha1",
                    kind: Self::KIND,
                    metadata: metadata.clone(),
                    spec: SealedSecretSpec {
                        encrypted_data: Pairs(sealed),
                        // kubeseal copies the Secret's metadata, scope annotation included.
                        template: SecretTemplate { metadata, type_ },
                    },
                }),
        )
    }
}
