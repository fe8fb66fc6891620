use serde::{Deserialize, Serialize};

/// One environment variable: a name and its value, both exactly as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EnvEntry {
    /// Variable name, e.g. `PORT`. Letters, digits, `_`, `-`, `.`; at most 253 characters.
    pub name: String,
    /// Value, any UTF-8 text (empty allowed). Always emitted as a string: `PORT: "4000"`.
    pub value: String,
}

impl EnvEntry {
    pub fn new(name: &str, value: &str) -> Self {
        EnvEntry {
            name: name.into(),
            value: value.into(),
        }
    }
}

/// An environment variable Kubernetes fills from the pod (the Downward API), e.g. `POD_IP`, which the
/// BEAM uses to build a node name that other pods can reach.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DownwardEnv {
    /// Variable name. Default `POD_IP`.
    pub name: String,
    /// Which pod field. Default `status.podIP`.
    pub field: DownwardField,
}

impl Default for DownwardEnv {
    fn default() -> Self {
        DownwardEnv {
            name: "POD_IP".into(),
            field: DownwardField::PodIp,
        }
    }
}

/// The pod fields offered for Downward API env vars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DownwardField {
    /// `status.podIP`: the pod's IP address.
    #[serde(rename = "status.podIP")]
    PodIp,
    /// `metadata.name`: the pod's name.
    #[serde(rename = "metadata.name")]
    PodName,
    /// `metadata.namespace`: the pod's namespace.
    #[serde(rename = "metadata.namespace")]
    Namespace,
    /// `spec.nodeName`: the node the pod runs on.
    #[serde(rename = "spec.nodeName")]
    NodeName,
}

impl DownwardField {
    pub const ALL: [DownwardField; 4] = [
        DownwardField::PodIp,
        DownwardField::PodName,
        DownwardField::Namespace,
        DownwardField::NodeName,
    ];

    /// The `fieldPath` Kubernetes takes.
    pub fn field_path(self) -> &'static str {
        match self {
            DownwardField::PodIp => "status.podIP",
            DownwardField::PodName => "metadata.name",
            DownwardField::Namespace => "metadata.namespace",
            DownwardField::NodeName => "spec.nodeName",
        }
    }
}
