//! The volumes' lines back to their fields: the pod's volumes and the container's mounts (the
//! writable /tmp first, then the volumes the pod mounts), the claims and the file objects.

use super::{one, ordinal};
use crate::k8s::Object;
use crate::render::lines::Seg;
use crate::spec::AppSpec;

/// The field paths behind the pod's `index`-th volume (`jobs`: a Job's or CronJob's pod, which
/// mounts only the emptyDirs): `None` for the writable /tmp, else `volumes[i]`.
fn volume_at(spec: &AppSpec, jobs: bool, index: usize) -> Result<String, ()> {
    let tmp = usize::from(!spec.security.writable_tmp.is_empty());
    if index < tmp {
        return Err(());
    }
    spec.volumes
        .iter()
        .enumerate()
        .filter(|(_, v)| !jobs || v.in_jobs())
        .nth(index - tmp)
        .map(|(i, _)| format!("volumes[{i}]"))
        .ok_or(())
}

/// A line under the pod's `volumes` (`k` from `volumes` on) or the container's `volumeMounts`
/// (from `volumeMounts` on); `path` matches `k`.
pub(super) fn pod_line(
    spec: &AppSpec,
    jobs: bool,
    path: &[Seg],
    k: &[&str],
) -> Option<Vec<String>> {
    let index = match path.get(1) {
        Some(Seg::Index(i)) => *i,
        _ => return one("volumes"),
    };
    let Ok(v) = volume_at(spec, jobs, index) else {
        return one("security.writable_tmp");
    };
    let field = match k {
        [_, "[]", "name"] => "name",
        [_, "[]", "mountPath"] => "mount_path",
        [_, "[]", "readOnly"] => "read_only",
        [_, "[]", "emptyDir", "medium"] => "memory",
        [_, "[]", "emptyDir", "sizeLimit"] => "size_limit",
        [_, "[]", "persistentVolumeClaim" | "configMap" | "secret", _] => {
            return Some(vec!["app.name".into(), format!("{v}.name")])
        }
        _ => "kind",
    };
    one(format!("{v}.{field}"))
}

/// A line of a volume's own object: its claim, or the ConfigMap or Secret holding its files.
pub(super) fn object_line(
    spec: &AppSpec,
    object: &Object,
    path: &[Seg],
    k: &[&str],
) -> Option<Vec<String>> {
    let i = spec
        .volumes
        .iter()
        .position(|v| spec.volume_object_name(v) == object.name())?;
    let v = format!("volumes[{i}]");
    match k {
        ["metadata", "name"] => Some(vec!["app.name".into(), format!("{v}.name")]),
        ["spec", "accessModes", ..] => one(format!("{v}.access_mode")),
        ["spec", "storageClassName"] => one(format!("{v}.storage_class")),
        ["spec", "resources", ..] => one(format!("{v}.size")),
        ["data" | "stringData", _] | ["spec", "encryptedData", _] => {
            let n = ordinal(path, path.len() - 1);
            Some(vec![
                format!("{v}.files[{n}].name"),
                format!("{v}.files[{n}].content"),
            ])
        }
        ["data" | "stringData"] | ["spec", "encryptedData"] => one(format!("{v}.files")),
        _ => one(format!("{v}.kind")),
    }
}
