use serde::{Deserialize, Serialize};

use super::{EnvEntry, Resources};

/// A native sidecar (Kubernetes 1.29+): an init container with `restartPolicy: Always`. It starts
/// before the app's container and runs beside it for the pod's life, and, unlike a second ordinary
/// container, it does not keep a Job's pod running once the Job's own container has exited. A log
/// shipper, a metrics exporter or a database proxy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Sidecar {
    /// The container's name: a DNS-1123 label, unique among the pod's containers. Default empty.
    pub name: String,
    /// The image reference, `repository[:tag][@digest]`. Default empty; required.
    pub image: String,
    /// Arguments to the image's entrypoint. Default none.
    pub args: Vec<String>,
    /// TCP ports it listens on (`containerPort`), 1-65535, none the app's. Default none.
    pub ports: Vec<i64>,
    /// Its own environment variables, set on the container. Default none.
    pub env: Vec<EnvEntry>,
    /// Its own CPU and memory, quantities as for the app; empty ones are left out. It counts
    /// towards the pod's requests beside the app's for its whole life. Default none set.
    pub resources: Resources,
}
