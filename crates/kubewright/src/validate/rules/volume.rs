//! The volumes: names, mount paths, sizes and files as the API server checks them, and the trap of
//! a claim only one node (or pod) can mount under a Deployment that runs or rolls more than one pod.

use crate::spec::{AppSpec, DeployStrategy, Volume, VolumeKind};
use crate::validate::{first_of, names, quantity, Finding, Fix, Rule, Severity};

/// The most a ConfigMap or Secret may hold (etcd's object limit, checked by the API server).
const MAX_DATA_BYTES: usize = 1024 * 1024;

pub const VOLUMES: Rule = Rule {
    id: "volume",
    severity: Severity::Error,
    upstream: "ValidateVolumes (name a DNS-1123 label, unique), ValidateVolumeMounts (mountPath \
               unique; an absolute path without '..' or ':' is what the container runtimes \
               accept), ValidatePersistentVolumeClaimSpec (storage request > 0, storageClassName a \
               DNS-1123 subdomain), emptyDir sizeLimit a quantity, ConfigMap/Secret keys \
               (IsConfigMapKey, unique) and total size (1 MiB)",
    check: |spec| {
        let mut out = Vec::new();
        let names: Vec<&str> = spec.volumes.iter().map(|v| v.name.as_str()).collect();
        let first = first_of(&names);
        let mut paths: Vec<&str> = spec.volumes.iter().map(|v| v.mount_path.as_str()).collect();
        if !spec.security.writable_tmp.is_empty() {
            paths.push(&spec.security.writable_tmp);
        }
        let first_path = first_of(&paths);
        for (i, volume) in spec.volumes.iter().enumerate() {
            let at = |field: &str| format!("volumes[{i}].{field}");
            if let Some(e) = name_problem(spec, volume, first[i] != i) {
                out.push(Finding::new(at("name"), e));
            }
            if let Some(e) = path_problem(&volume.mount_path, first_path[i] != i) {
                out.push(Finding::new(at("mount_path"), e));
            } else if first_path.get(spec.volumes.len()) == Some(&i) {
                out.push(Finding::new(
                    at("mount_path"),
                    "The writable /tmp of the security tab is mounted here already: use another path.",
                ));
            }
            out.extend(kind_problems(volume, &at));
        }
        out
    },
};

fn name_problem(spec: &AppSpec, volume: &Volume, repeated: bool) -> Option<String> {
    let name = &volume.name;
    if let Err(e) = names::dns1123_label(name) {
        return Some(format!(
            "The volume name {e}: lowercase letters, digits and '-', e.g. data."
        ));
    }
    if repeated {
        return Some(format!(
            "Another volume is named {name}: names must be unique in a pod."
        ));
    }
    if name == crate::k8s::volume::TMP_VOLUME && !spec.security.writable_tmp.is_empty() {
        return Some(
            "The writable /tmp of the security tab is the volume named tmp: rename this one."
                .into(),
        );
    }
    let object = spec.volume_object_name(volume);
    let clash = match volume.kind {
        VolumeKind::ConfigFiles => object == spec.config_map_name(),
        VolumeKind::SecretFiles => {
            object == spec.secret_name()
                || Some(&object) == spec.registry_secret_name().as_ref()
                || Some(&object) == spec.tls_secret_name().as_ref()
        }
        _ => false,
    };
    clash.then(|| {
        format!(
            "Its object would be named {object}, like one the app already has: rename the volume."
        )
    })
}

fn path_problem(path: &str, repeated: bool) -> Option<String> {
    if !path.starts_with('/') {
        return Some("The mount path must be absolute, e.g. /data.".into());
    }
    if path.split('/').any(|p| p == "..") {
        return Some("The mount path must not contain '..'.".into());
    }
    if path.contains(':') {
        return Some(
            "The mount path must not contain ':' (the runtimes read it as a separator).".into(),
        );
    }
    repeated.then(|| format!("Another volume is mounted at {path}: mount paths must be unique."))
}

fn kind_problems(volume: &Volume, at: &dyn Fn(&str) -> String) -> Vec<Finding> {
    let mut out = Vec::new();
    match volume.kind {
        VolumeKind::Claim => {
            match quantity::parse(volume.size.trim()) {
                Err(e) => out.push(Finding::new(
                    at("size"),
                    format!("The size {e}. Example: 1Gi or 500Mi."),
                )),
                Ok(q) if q.negative || q.nanos == 0 => out.push(Finding::new(
                    at("size"),
                    "The size must be more than 0, e.g. 1Gi.",
                )),
                Ok(_) => {}
            }
            let class = volume.storage_class.trim();
            if !class.is_empty() {
                if let Err(e) = names::dns1123_subdomain(class) {
                    out.push(Finding::new(
                        at("storage_class"),
                        format!("The storage class {e}."),
                    ));
                }
            }
        }
        VolumeKind::EmptyDir => {
            let limit = volume.size_limit.trim();
            if !limit.is_empty() {
                match quantity::parse(limit) {
                    Err(e) => out.push(Finding::new(
                        at("size_limit"),
                        format!("The size limit {e}. Example: 64Mi."),
                    )),
                    Ok(q) if q.negative && q.nanos > 0 => out.push(Finding::new(
                        at("size_limit"),
                        "The size limit must be 0 or more, e.g. 64Mi.",
                    )),
                    Ok(_) => {}
                }
            }
        }
        VolumeKind::ConfigFiles | VolumeKind::SecretFiles => out.extend(file_problems(volume, at)),
    }
    out
}

fn file_problems(volume: &Volume, at: &dyn Fn(&str) -> String) -> Vec<Finding> {
    let mut out = Vec::new();
    if volume.files.is_empty() {
        out.push(Finding::new(
            at("files"),
            "Add at least one file: an empty directory would be mounted.",
        ));
    }
    let names: Vec<&str> = volume.files.iter().map(|f| f.name.as_str()).collect();
    let first = first_of(&names);
    for (j, file) in volume.files.iter().enumerate() {
        if let Err(e) = names::config_map_key(&file.name) {
            out.push(Finding::new(
                at(&format!("files[{j}].name")),
                format!("The file name {e}."),
            ));
        } else if first[j] != j {
            out.push(Finding::new(
                at(&format!("files[{j}].name")),
                format!("Another file is named {}: names must be unique.", file.name),
            ));
        }
        if volume.kind == VolumeKind::SecretFiles && file.content.is_empty() {
            out.push(Finding::new(
                at(&format!("files[{j}].content")),
                format!(
                    "Required: the content of {} is yours to set (it is never stored or shared).",
                    file.name
                ),
            ));
        }
    }
    let total: usize = volume
        .files
        .iter()
        .map(|f| f.name.len() + f.content.len())
        .sum();
    if total > MAX_DATA_BYTES {
        out.push(Finding::new(
            at("files"),
            format!("The files add up to {total} bytes; a ConfigMap or Secret holds at most 1 MiB (1048576)."),
        ));
    }
    out
}

pub const SINGLE_NODE_CLAIM: Rule = Rule {
    id: "pvc-single-node-access",
    severity: Severity::Warning,
    upstream: "the attach/detach controller: a ReadWriteOnce volume attaches to one node \
               (Multi-Attach error), ReadWriteOncePod to one pod; a Deployment's surge pod or \
               second replica elsewhere stays Pending",
    check: |spec| {
        spec.volumes
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_single_claim() && !v.read_only)
            .filter_map(|(i, v)| trap(spec).map(|why| (i, v, why)))
            .map(|(i, v, why)| {
                Finding::new(
                    format!("volumes[{i}].access_mode"),
                    format!(
                        "{} can be mounted by {} at a time, but {why}: the other pods stay Pending \
                         (a rollout hangs). Run one pod and the Recreate strategy (the old pod stops \
                         before the new one starts: a moment of downtime per change), or use \
                         ReadWriteMany storage to share it. If each pod needs its own storage (a \
                         database, a queue), that is a StatefulSet with volumeClaimTemplates.",
                        v.access_mode.as_str(),
                        if v.access_mode == crate::spec::AccessMode::ReadWriteOncePod { "one pod" } else { "one node's pods" },
                    ),
                )
                .with_fix(Fix::SingleWriter)
            })
            .collect()
    },
};

pub const MEMORY_EMPTY_DIR: Rule = Rule {
    id: "empty-dir-memory-limit",
    severity: Severity::Warning,
    upstream: "the kubelet: a Memory-medium emptyDir is tmpfs charged to the container's memory \
               cgroup, sized by sizeLimit or else the pod's memory limit (SizeMemoryBackedVolumes)",
    check: |spec| {
        if !spec.resources.limits.memory.trim().is_empty() {
            return Vec::new();
        }
        spec.volumes
            .iter()
            .enumerate()
            .filter(|(_, v)| {
                v.kind == VolumeKind::EmptyDir && v.memory && v.size_limit.trim().is_empty()
            })
            .map(|(i, _)| {
                Finding::new(
                    format!("volumes[{i}].memory"),
                    "An in-memory emptyDir with neither a size limit nor a memory limit can fill \
                     the node's memory: what is written to it is memory. Set a size limit here, or \
                     a memory limit on the resources tab.",
                )
            })
            .collect()
    },
};

/// Why more than one pod would want the claim at once, or `None` when none would.
fn trap(spec: &AppSpec) -> Option<String> {
    if spec.autoscaling.enabled {
        Some("the autoscaler adds pods".into())
    } else if spec.app.replicas > 1 {
        Some(format!(
            "the Deployment runs {} replicas",
            spec.app.replicas
        ))
    } else if spec.app.strategy == DeployStrategy::RollingUpdate {
        Some("a RollingUpdate starts the new pod before the old one stops".into())
    } else {
        None
    }
}

/// Whether the app holds a single-node claim and rolls by Recreate: one pod on purpose, which the
/// minimum-replicas advice must not undo.
pub(crate) fn one_pod_on_purpose(spec: &AppSpec) -> bool {
    spec.app.strategy == DeployStrategy::Recreate
        && spec
            .volumes
            .iter()
            .any(|v| v.is_single_claim() && !v.read_only)
}
