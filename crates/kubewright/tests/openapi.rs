//! Oracle: the official Kubernetes API types (k8s-openapi, v1.37) read every document we emit, with no
//! unknown field (serde_ignored reports any), and hold exactly what we wrote (re-serialised, the typed
//! object equals our document). Catches misspelt fields, wrong types, invalid base64 in Secret data.

use k8s_openapi::api::{
    apps::v1 as apps, autoscaling::v2 as autoscaling, batch::v1 as batch, core::v1 as core,
    networking::v1 as networking, policy::v1 as policy,
};
use kubewright::presets::PRESETS;
use kubewright::testgen::valid_spec;
use kubewright::AppSpec;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

fn typed<T: DeserializeOwned + Serialize>(
    doc: &serde_yaml::Value,
) -> Result<serde_json::Value, String> {
    let mut unknown = Vec::new();
    let object: T = serde_ignored::deserialize(doc.clone(), |path| unknown.push(path.to_string()))
        .map_err(|e| format!("does not deserialize: {e}"))?;
    if !unknown.is_empty() {
        return Err(format!("unknown fields: {unknown:?}"));
    }
    serde_json::to_value(&object).map_err(|e| e.to_string())
}

/// Checks every document of the spec's YAML; returns how many were checked.
fn check(spec: &AppSpec) -> usize {
    let yaml = kubewright::render(spec).all;
    let mut count = 0;
    for doc in serde_yaml::Deserializer::from_str(&yaml) {
        let doc = serde_yaml::Value::deserialize(doc).expect("parses");
        let kind = doc["kind"].as_str().unwrap_or_default().to_string();
        let result = match kind.as_str() {
            "Namespace" => typed::<core::Namespace>(&doc),
            "ServiceAccount" => typed::<core::ServiceAccount>(&doc),
            "ConfigMap" => typed::<core::ConfigMap>(&doc),
            "Secret" => typed::<core::Secret>(&doc),
            "Service" => typed::<core::Service>(&doc),
            "Deployment" => typed::<apps::Deployment>(&doc),
            "Job" => typed::<batch::Job>(&doc),
            "CronJob" => typed::<batch::CronJob>(&doc),
            "HorizontalPodAutoscaler" => typed::<autoscaling::HorizontalPodAutoscaler>(&doc),
            "PodDisruptionBudget" => typed::<policy::PodDisruptionBudget>(&doc),
            "Ingress" => typed::<networking::Ingress>(&doc),
            "NetworkPolicy" => typed::<networking::NetworkPolicy>(&doc),
            // cert-manager's custom resource: tests/oracles/models.mjs checks it against its CRD.
            "ClusterIssuer" if doc["apiVersion"] == "cert-manager.io/v1" => continue,
            // The Gateway API's custom resources: tests/oracles/models.mjs checks them against
            // @kubernetes-models/gateway-api.
            "HTTPRoute" | "Gateway" | "ReferenceGrant"
                if doc["apiVersion"]
                    .as_str()
                    .is_some_and(|v| v.starts_with("gateway.networking.k8s.io/")) =>
            {
                continue
            }
            // CloudNativePG's custom resource has no official types; tests/objects.rs checks it.
            "Cluster" if doc["apiVersion"] == "postgresql.cnpg.io/v1" => continue,
            other => Err(format!("unexpected kind {other:?}")),
        };
        let typed = result.unwrap_or_else(|e| panic!("{kind}: {e}\n{yaml}"));
        let ours: serde_json::Value = serde_json::to_value(&doc).unwrap();
        assert_eq!(
            typed, ours,
            "{kind}: the typed object differs from our document"
        );
        count += 1;
    }
    count
}

#[test]
fn every_preset_document_is_a_valid_typed_object() {
    for preset in PRESETS {
        assert!(check(&preset.spec().unwrap()) >= 4, "{}", preset.id);
    }
}

#[test]
fn an_unknown_field_is_caught() {
    // The oracle itself must be able to fail.
    let doc: serde_yaml::Value =
        serde_yaml::from_str("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndatta: {}\n")
            .unwrap();
    assert!(typed::<core::ConfigMap>(&doc)
        .unwrap_err()
        .contains("datta"));
    let doc: serde_yaml::Value = serde_yaml::from_str(
        "apiVersion: v1\nkind: Secret\nmetadata: {name: a}\ndata: {A: 'not base64!'}\n",
    )
    .unwrap();
    assert!(typed::<core::Secret>(&doc).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// GIVEN a spec the API server accepts WHEN rendered THEN every document is a valid typed object.
    #[test]
    fn generated_specs_are_valid_typed_objects(spec in valid_spec()) {
        check(&spec);
    }
}
