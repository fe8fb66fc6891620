//! The app's NetworkPolicy, when it is exactly the one the form writes for some controller
//! namespace and egress setting; any other policy is held for review as it is.

use serde_yaml::Value;

use super::doc::{Doc, Docs};
use super::ingress::same_as_ours;
use crate::k8s;
use crate::spec::AppSpec;

pub(super) fn take(docs: &mut Docs, spec: &mut AppSpec) {
    let name = spec.app.name.clone();
    let is_it = |d: &Doc| d.is(k8s::NetworkPolicy::KIND) && d.name == name;
    let Some(found) = docs.find(is_it) else {
        return;
    };
    let namespace = found
        .tree
        .get("spec.ingress.0.from.0.namespaceSelector.matchLabels")
        .and_then(|m| m.get("kubernetes.io/metadata.name"))
        .and_then(Value::as_str)
        .map(str::to_string);
    // The sidecars' ports' rule, when there is one, names the monitoring namespace.
    let monitoring = (1..found.tree.len("spec.ingress"))
        .filter_map(|i| {
            found
                .tree
                .get(&format!(
                    "spec.ingress.{i}.from.0.namespaceSelector.matchLabels"
                ))
                .and_then(|m| m.get("kubernetes.io/metadata.name"))
                .and_then(Value::as_str)
        })
        .next()
        .map(str::to_string);
    for open_egress in [false, true] {
        let mut trial = spec.clone();
        let policy = &mut trial.network_policy;
        policy.enabled = true;
        policy.open_egress = open_egress;
        if let Some(ns) = &namespace {
            policy.controller_namespace.clone_from(ns);
        }
        if let Some(ns) = &monitoring {
            policy.monitoring_namespace.clone_from(ns);
        }
        let ours = k8s::NetworkPolicy::from_spec(&trial).map(k8s::Object::NetworkPolicy);
        if same_as_ours(ours, &found.tree.rest) {
            docs.take(is_it);
            spec.network_policy = trial.network_policy;
            return;
        }
    }
}
