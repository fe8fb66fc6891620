//! What a kept object can do that should make anyone pause before applying it: each finding carries
//! the id kube-linter, Polaris or checkov give it where one exists (ours otherwise, `kept-...`).
//! The checks read the object as data, whatever its kind says: a pod template is any mapping with
//! `containers`, so a custom resource that embeds one is read too.

use serde_yaml::Value;

use super::{secrets, Kept};

/// The rule ids [`scan`] reports, in the order the rule table lists them.
pub const RULE_IDS: &[&str] = &[
    CLUSTER_ADMIN,
    WILDCARD,
    PRIVILEGED,
    HOST_NETWORK,
    HOST_PID,
    HOST_IPC,
    HOST_PATH,
    CAPABILITIES,
    CLUSTER_SCOPED,
    OTHER_NAMESPACE,
    SECRET_VALUE,
    REGISTRY,
];

const CLUSTER_ADMIN: &str = "cluster-admin-role-binding";
const WILDCARD: &str = "wildcard-in-rules";
const PRIVILEGED: &str = "privileged-container";
const HOST_NETWORK: &str = "host-network";
const HOST_PID: &str = "host-pid";
const HOST_IPC: &str = "host-ipc";
const HOST_PATH: &str = "hostPathSet";
const CAPABILITIES: &str = "dangerousCapabilities";
pub(super) const CLUSTER_SCOPED: &str = "kept-cluster-scoped";
const OTHER_NAMESPACE: &str = "kept-other-namespace";
const SECRET_VALUE: &str = "kept-secret-value";
const REGISTRY: &str = "allowed-repos";

/// Capabilities that hand a container (part of) the node: Polaris' dangerous list (ALL, SYS_ADMIN,
/// NET_ADMIN) and the ones that escape a container as surely.
const DANGEROUS_CAPABILITIES: &[&str] = &[
    "ALL",
    "SYS_ADMIN",
    "NET_ADMIN",
    "SYS_PTRACE",
    "SYS_MODULE",
    "SYS_RAWIO",
    "DAC_READ_SEARCH",
    "BPF",
    "PERFMON",
    "SYS_BOOT",
    "SYSLOG",
];

/// Kinds that live outside every namespace (the built-in ones and the common add-ons'): applying
/// one acts on the whole cluster.
const CLUSTER_SCOPED_KINDS: &[&str] = &[
    "Namespace",
    "Node",
    "PersistentVolume",
    "ClusterRole",
    "ClusterRoleBinding",
    "CustomResourceDefinition",
    "StorageClass",
    "VolumeAttachment",
    "CSIDriver",
    "CSINode",
    "PriorityClass",
    "RuntimeClass",
    "IngressClass",
    "GatewayClass",
    "APIService",
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "MutatingAdmissionPolicy",
    "MutatingAdmissionPolicyBinding",
    "CertificateSigningRequest",
    "FlowSchema",
    "PriorityLevelConfiguration",
    "ClusterIssuer",
    "ClusterPolicy",
    "ClusterSecretStore",
];

/// What the app itself is, to compare a kept object against.
#[derive(Clone, Debug, PartialEq)]
pub struct Context<'a> {
    /// The app's namespace (`None`: kubectl's current one).
    pub namespace: Option<&'a str>,
    /// The registry the app's image comes from, e.g. `ghcr.io` or `docker.io`.
    pub registry: String,
}

/// One dangerous thing in one kept object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Danger {
    /// The rule id, one of [`RULE_IDS`].
    pub rule: &'static str,
    /// What it can do, in plain words, with where it is in the object.
    pub message: String,
}

impl Danger {
    fn new(rule: &'static str, message: impl Into<String>) -> Self {
        Danger {
            rule,
            message: message.into(),
        }
    }
}

/// Every danger in `kept`, in the order of [`RULE_IDS`].
pub fn scan(kept: &Kept, cx: &Context) -> Vec<Danger> {
    let object = &kept.object;
    let mut out = Vec::new();
    rbac(object, kept.kind(), &mut out);
    let mut pods = Vec::new();
    find_pod_specs(object, &mut Vec::new(), &mut pods);
    for (at, pod) in &pods {
        pod_spec(at, pod, cx, &mut out);
    }
    placement(kept, cx, &mut out);
    for value in secrets::secret_values(object) {
        out.push(Danger::new(
            SECRET_VALUE,
            format!(
                "{} ({}) is readable by anyone who can read this object, its file or the repository; this page never stores or shares it. Move it into a Secret",
                value.name, value.reason
            ),
        ));
    }
    out.sort_by_key(|d| RULE_IDS.iter().position(|id| *id == d.rule));
    out
}

/// `docker.io` for `nginx` or `library/nginx`, else the first part when it names a host
/// (`ghcr.io/acme/web`, `localhost:5000/web`).
pub fn registry_of(image: &str) -> String {
    match image.split_once('/') {
        Some((first, _)) if first.contains(['.', ':']) || first == "localhost" => first.into(),
        _ => "docker.io".into(),
    }
}

fn rbac(object: &Value, kind: &str, out: &mut Vec<Danger>) {
    if matches!(kind, "ClusterRoleBinding" | "RoleBinding") {
        let role = object
            .get("roleRef")
            .and_then(|r| r.get("name"))
            .and_then(Value::as_str)
            .unwrap_or("");
        if role == "cluster-admin" {
            out.push(Danger::new(
                CLUSTER_ADMIN,
                format!(
                    "gives cluster-admin (every action on every object{}) to {}",
                    if kind == "RoleBinding" {
                        " of its namespace"
                    } else {
                        " in the whole cluster, Secrets included"
                    },
                    subjects(object)
                ),
            ));
        }
    }
    if matches!(kind, "ClusterRole" | "Role") {
        let rules = object.get("rules").and_then(Value::as_sequence);
        for (i, rule) in rules.into_iter().flatten().enumerate() {
            for field in ["apiGroups", "resources", "verbs", "nonResourceURLs"] {
                let wild = rule
                    .get(field)
                    .and_then(Value::as_sequence)
                    .is_some_and(|items| items.iter().any(|v| v.as_str() == Some("*")));
                if wild {
                    out.push(Danger::new(
                        WILDCARD,
                        format!("rules[{i}].{field} holds `*`: every one there is, including any added later"),
                    ));
                }
            }
        }
    }
}

fn subjects(object: &Value) -> String {
    let list: Vec<String> = object
        .get("subjects")
        .and_then(Value::as_sequence)
        .into_iter()
        .flatten()
        .map(|s| {
            let field = |k: &str| s.get(k).and_then(Value::as_str).unwrap_or("");
            match field("namespace") {
                "" => format!("{} {}", field("kind"), field("name")),
                ns => format!("{} {ns}/{}", field("kind"), field("name")),
            }
        })
        .collect();
    if list.is_empty() {
        "no one yet".into()
    } else {
        list.join(", ")
    }
}

// (path, pod spec) of every mapping holding a `containers` list.
fn find_pod_specs<'a>(node: &'a Value, path: &mut Vec<String>, out: &mut Vec<(String, &'a Value)>) {
    match node {
        Value::Mapping(map) => {
            if map.get("containers").is_some_and(Value::is_sequence) {
                out.push((crate::import::show_path(path), node));
            }
            for (key, value) in map {
                path.push(key.as_str().unwrap_or("?").to_string());
                find_pod_specs(value, path, out);
                path.pop();
            }
        }
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(i.to_string());
                find_pod_specs(item, path, out);
                path.pop();
            }
        }
        Value::Tagged(tagged) => find_pod_specs(&tagged.value, path, out),
        _ => {}
    }
}

fn pod_spec(at: &str, pod: &Value, cx: &Context, out: &mut Vec<Danger>) {
    let here = |field: &str| {
        if at.is_empty() {
            field.to_string()
        } else {
            format!("{at}.{field}")
        }
    };
    for (field, rule, what) in [
        ("hostNetwork", HOST_NETWORK, "its pods use the node's network: they reach whatever the node can and can listen on the node's ports"),
        ("hostPID", HOST_PID, "its pods see and can signal every process on the node"),
        ("hostIPC", HOST_IPC, "its pods share the node's shared memory and IPC with every process there"),
    ] {
        if pod.get(field).and_then(Value::as_bool) == Some(true) {
            out.push(Danger::new(rule, format!("{}: {what}", here(field))));
        }
    }
    let volumes = pod.get("volumes").and_then(Value::as_sequence);
    for (i, volume) in volumes.into_iter().flatten().enumerate() {
        if let Some(host) = volume.get("hostPath") {
            let path = host.get("path").and_then(Value::as_str).unwrap_or("");
            out.push(Danger::new(
                HOST_PATH,
                format!(
                    "{}: mounts the node's own {path:?}{}",
                    here(&format!("volumes[{i}].hostPath")),
                    if path.trim_end_matches('/').is_empty() {
                        ", the node's whole filesystem: root on the node"
                    } else {
                        ""
                    }
                ),
            ));
        }
    }
    for list in ["initContainers", "containers", "ephemeralContainers"] {
        let containers = pod.get(list).and_then(Value::as_sequence);
        for (i, container) in containers.into_iter().flatten().enumerate() {
            container_checks(&here(&format!("{list}[{i}]")), container, cx, out);
        }
    }
}

fn container_checks(at: &str, container: &Value, cx: &Context, out: &mut Vec<Danger>) {
    let name = container.get("name").and_then(Value::as_str).unwrap_or("?");
    let security = container.get("securityContext");
    if security
        .and_then(|s| s.get("privileged"))
        .and_then(Value::as_bool)
        == Some(true)
    {
        out.push(Danger::new(
            PRIVILEGED,
            format!("{at}: container {name} runs privileged: every device and capability of the node, as good as root there"),
        ));
    }
    let added: Vec<&str> = security
        .and_then(|s| s.get("capabilities"))
        .and_then(|c| c.get("add"))
        .and_then(Value::as_sequence)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|c| {
            let c = c.trim_start_matches("CAP_");
            DANGEROUS_CAPABILITIES
                .iter()
                .any(|d| d.eq_ignore_ascii_case(c))
        })
        .collect();
    if !added.is_empty() {
        out.push(Danger::new(
            CAPABILITIES,
            format!("{at}: container {name} adds {}: enough to break out of the container or take over the node's network", added.join(", ")),
        ));
    }
    if let Some(image) = container.get("image").and_then(Value::as_str) {
        let registry = registry_of(image);
        if registry != cx.registry {
            out.push(Danger::new(
                REGISTRY,
                format!("{at}: container {name} runs {image:?} from {registry}, not from the app's registry {}: check who publishes it", cx.registry),
            ));
        }
    }
}

fn placement(kept: &Kept, cx: &Context, out: &mut Vec<Danger>) {
    let kind = kept.kind();
    if CLUSTER_SCOPED_KINDS.contains(&kind) {
        out.push(Danger::new(
            CLUSTER_SCOPED,
            format!("a {kind} is cluster-scoped: it acts on the whole cluster, not only on the app's namespace"),
        ));
        return;
    }
    if let Some(ns) = kept.namespace() {
        if Some(ns) != cx.namespace {
            out.push(Danger::new(
                OTHER_NAMESPACE,
                format!(
                    "it goes into namespace {ns:?}, not the app's{}",
                    cx.namespace
                        .map(|app| format!(" ({app:?})"))
                        .unwrap_or_default()
                ),
            ));
        }
    }
}
