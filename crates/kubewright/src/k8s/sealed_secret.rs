use rand_core::CryptoRngCore;
use serde::Serialize;

use super::{ObjectMeta, Pairs};
use crate::seal::{self, Sealer};
use crate::spec::{AppSpec, SealScope};

/// `bitnami.com/v1alpha1 SealedSecret`: the app's secret variables encrypted to the cluster's
/// sealed-secrets controller, which turns it into the Secret `<name>-env-secret`. Safe to commit.
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
    /// The Secret `<name>-env-secret`, sealed with the spec's certificate and scope. `None` when
    /// sealing is off or there are no secrets; `Err` (one sentence) when the certificate is unusable.
    pub fn from_spec<R: CryptoRngCore>(
        spec: &AppSpec,
        sealer: &mut Sealer<R>,
    ) -> Option<Result<Self, String>> {
        let options = &spec.secret_options.seal;
        if !options.enabled() || spec.secrets.is_empty() {
            return None;
        }
        let mut metadata = ObjectMeta::namespaced(spec, spec.secret_name());
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
        let entries: Vec<(String, String)> = spec
            .secrets
            .iter()
            .map(|e| (e.name.clone(), e.value.clone()))
            .collect();
        Some(
            sealer
                .seal_all(&options.cert, &label, &entries)
                .map(|sealed| SealedSecret {
                    api_version: "bitnami.com/v1alpha1",
                    kind: "SealedSecret",
                    metadata: metadata.clone(),
                    spec: SealedSecretSpec {
                        encrypted_data: Pairs(sealed),
                        // kubeseal copies the Secret's metadata, scope annotation included.
                        template: SecretTemplate {
                            metadata,
                            type_: "Opaque",
                        },
                    },
                }),
        )
    }
}
