use serde::{Deserialize, Serialize};

/// A NetworkPolicy for the app's pods and its Jobs': everything denied but what the app needs. It only works
/// where the cluster's network plugin enforces NetworkPolicies (Calico, Cilium; Minikube started
/// with `--cni=calico`); elsewhere it is accepted and ignored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NetworkPolicy {
    /// Adds the NetworkPolicy `<name>`: in, the app's port (from the ingress controller's
    /// namespace when the Ingress is on, else from anywhere) and, with clustering, the app's own
    /// pods; out, DNS, the database's port and, with clustering, the app's own pods. Default off.
    pub enabled: bool,
    /// The namespace the ingress controller (or gateway) runs in, selected by its
    /// `kubernetes.io/metadata.name` label. Default `ingress-nginx` (Minikube's addon and the
    /// NGINX controller's chart); Traefik's is usually `traefik`.
    pub controller_namespace: String,
    /// Lets the pods connect anywhere (external APIs, a managed database). Default off.
    pub open_egress: bool,
    /// The namespace whose pods may reach the sidecars' declared ports (a Prometheus scraping an
    /// exporter), selected by its `kubernetes.io/metadata.name` label; only used when a sidecar
    /// declares a port. Default `monitoring` (kube-prometheus-stack's usual one).
    pub monitoring_namespace: String,
}

impl Default for NetworkPolicy {
    fn default() -> Self {
        NetworkPolicy {
            enabled: false,
            controller_namespace: "ingress-nginx".into(),
            open_egress: false,
            monitoring_namespace: "monitoring".into(),
        }
    }
}
