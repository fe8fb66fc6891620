//! The review banner's rows, finished: what each kept object is, where it goes, what it can do.

use super::{danger, Danger, Kept};
use crate::spec::AppSpec;

/// One kept object as the review banner (and `kubewright check`) shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptView {
    /// Its place in `spec.extra`, and the path its warnings carry (`extra[2]`).
    pub index: usize,
    pub path: String,
    /// `Kind/name`.
    pub label: String,
    /// Where it lands: "namespace shop", "the whole cluster", "the current namespace".
    pub place: String,
    /// Whether the user included it.
    pub include: bool,
    /// What an object of its kind does, in a few words.
    pub does: &'static str,
    /// What in it is dangerous.
    pub dangers: Vec<Danger>,
}

/// What a kept object is compared against: the app's namespace and registry.
pub fn context(spec: &AppSpec) -> danger::Context<'_> {
    danger::Context {
        namespace: spec.namespace(),
        registry: danger::registry_of(&spec.image.repository),
    }
}

/// Every kept object of `spec`, in order.
pub fn views(spec: &AppSpec) -> Vec<KeptView> {
    let cx = context(spec);
    spec.extra
        .iter()
        .enumerate()
        .map(|(index, kept)| {
            let dangers = danger::scan(kept, &cx);
            KeptView {
                index,
                path: format!("extra[{index}]"),
                label: kept.label(),
                place: place(kept, &dangers, &cx),
                include: kept.include,
                does: does(kept.kind()),
                dangers,
            }
        })
        .collect()
}

fn place(kept: &Kept, dangers: &[Danger], cx: &danger::Context) -> String {
    if dangers.iter().any(|d| d.rule == danger::CLUSTER_SCOPED) {
        return "the whole cluster".into();
    }
    match (kept.namespace(), cx.namespace) {
        (Some(ns), _) => format!("namespace {ns}"),
        (None, Some(app)) => format!("namespace {app} (the app's)"),
        (None, None) => "the current namespace".into(),
    }
}

fn does(kind: &str) -> &'static str {
    match kind {
        "Deployment" | "StatefulSet" | "ReplicaSet" | "Pod" => "runs containers",
        "DaemonSet" => "runs a container on every node",
        "Job" => "runs containers once",
        "CronJob" => "runs containers on a schedule",
        "Service" => "sends network traffic to pods",
        "Ingress" | "HTTPRoute" | "Gateway" => "routes traffic from outside to a Service",
        "NetworkPolicy" => "allows or blocks pod traffic",
        "ConfigMap" => "holds configuration",
        "PersistentVolumeClaim" => "claims storage",
        "ServiceAccount" => "is an identity pods can run as",
        "Role" | "ClusterRole" => "defines permissions",
        "RoleBinding" | "ClusterRoleBinding" => "grants permissions",
        "MutatingWebhookConfiguration" | "ValidatingWebhookConfiguration" => {
            "sees (and can change or block) API requests"
        }
        "CustomResourceDefinition" => "adds a new kind to the cluster's API",
        "HorizontalPodAutoscaler" => "scales pods",
        "PodDisruptionBudget" => "limits voluntary disruptions",
        "Namespace" => "creates a namespace",
        _ => "is not modelled here: read it before including it",
    }
}
