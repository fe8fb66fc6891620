//! Dangerous content in kept objects, held or included: whatever a link, a file or a paste brought,
//! it is said before anyone applies it. The checks themselves live in [`crate::kept::scan`]; each
//! rule here is one of its ids, so the table lists them and their upstream names.

use crate::import::Status;
use crate::spec::AppSpec;
use crate::validate::{Finding, Rule, Severity};

fn findings(spec: &AppSpec, rule: &str) -> Vec<Finding> {
    crate::kept::views(spec)
        .into_iter()
        .flat_map(|view| {
            let state = if view.include {
                "included"
            } else {
                Status::Held.as_str()
            };
            view.dangers
                .into_iter()
                .filter(|d| d.rule == rule)
                .map(move |d| {
                    Finding::new(
                        view.path.clone(),
                        format!("{} ({state}): {}", view.label, d.message),
                    )
                })
        })
        .collect()
}

macro_rules! danger_rule {
    ($name:ident, $id:literal, $upstream:literal) => {
        pub const $name: Rule = Rule {
            id: $id,
            severity: Severity::Warning,
            upstream: $upstream,
            check: |spec| findings(spec, $id),
        };
    };
}

danger_rule!(
    CLUSTER_ADMIN,
    "cluster-admin-role-binding",
    "kube-linter cluster-admin-role-binding (CIS 5.1.1); Polaris clusterrolebindingClusterAdmin"
);
danger_rule!(
    WILDCARD,
    "wildcard-in-rules",
    "kube-linter wildcard-in-rules (CIS 5.1.3); checkov CKV_K8S_49"
);
danger_rule!(
    PRIVILEGED,
    "privileged-container",
    "kube-linter privileged-container; Polaris runAsPrivileged; checkov CKV_K8S_16"
);
danger_rule!(
    HOST_NETWORK,
    "host-network",
    "kube-linter host-network; Polaris hostNetworkSet; checkov CKV_K8S_19"
);
danger_rule!(
    HOST_PID,
    "host-pid",
    "kube-linter host-pid; Polaris hostPIDSet; checkov CKV_K8S_17"
);
danger_rule!(
    HOST_IPC,
    "host-ipc",
    "kube-linter host-ipc; Polaris hostIPCSet; checkov CKV_K8S_18"
);
danger_rule!(
    HOST_PATH,
    "hostPathSet",
    "Polaris hostPathSet; kube-linter sensitive-host-mounts, docker-sock"
);
danger_rule!(
    CAPABILITIES,
    "dangerousCapabilities",
    "Polaris dangerousCapabilities; checkov CKV_K8S_39 (SYS_ADMIN)"
);
danger_rule!(
    CLUSTER_SCOPED,
    "kept-cluster-scoped",
    "ours: a kept object of a cluster-scoped kind acts beyond the app's namespace"
);
danger_rule!(
    OTHER_NAMESPACE,
    "kept-other-namespace",
    "ours (kube-linter use-namespace is the cousin): a kept object in another namespace than the app's"
);
danger_rule!(
    SECRET_VALUE,
    "kept-secret-value",
    "kube-linter env-var-secret; checkov CKV_K8S_35: a readable secret value in a kept object"
);
danger_rule!(
    REGISTRY,
    "allowed-repos",
    "Gatekeeper library K8sAllowedRepos: a kept container image from another registry than the app's"
);
