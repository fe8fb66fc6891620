//! The pod's volumes -> `spec.volumes`: each volume with its one mount (claims, emptyDirs, whole
//! ConfigMaps and Secrets as files), then the objects behind them (the claim's size, access mode
//! and class; the files). A volume the form cannot write the same way (mounted twice or with
//! `subPath`, another source, an object not named `<app>-<volume>`) stays in the report as dropped.

use serde_yaml::Value;

use super::container::{CONTAINER, POD};
use super::doc::Docs;
use super::tree::{scalar_text, Tree};
use super::ReportItem;
use crate::k8s::{self, volume::TMP_VOLUME};
use crate::spec::{AccessMode, AppSpec, ConfigFile, Volume, VolumeKind};

/// Reads the app pod's volumes and their mounts into `spec.volumes` (a plain emptyDir named tmp
/// is the security tab's writable /tmp when that is not set yet).
pub(super) fn take_pod(t: &mut Tree, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let list = format!("{POD}.volumes");
    for i in 0..t.len(&list) {
        let at = format!("{list}.{i}");
        let Some(name) = t.get(&format!("{at}.name")).and_then(scalar_text) else {
            continue;
        };
        let Some(mount) = single_mount(t, &name) else {
            drop_sub_path(t, &at, &name, report);
            continue;
        };
        let Some((kind, source)) = source(t, &at) else {
            continue;
        };
        let mut volume = Volume {
            name: name.clone(),
            kind,
            ..Volume::default()
        };
        if kind == VolumeKind::EmptyDir {
            volume.memory = t
                .get(&format!("{at}.emptyDir.medium"))
                .and_then(Value::as_str)
                == Some("Memory");
            volume.size_limit = t
                .get(&format!("{at}.emptyDir.sizeLimit"))
                .and_then(scalar_text)
                .unwrap_or_default();
        } else if source != spec.volume_object_name(&volume) {
            // The form names a volume's object <app>-<volume>: a volume is renamed after its
            // object where that fits (the pod's own name for it is the pod's business).
            let Some(rest) = after_app(spec, &source) else {
                continue;
            };
            report.push(ReportItem::adjusted(
                t.at(&format!("{at}.name")),
                format!("the volume {name} is named {rest}, after its object {source}"),
            ));
            volume.name = rest;
        }
        let path = t
            .get(&format!("{mount}.mountPath"))
            .and_then(scalar_text)
            .unwrap_or_default();
        volume.read_only = t.get(&format!("{mount}.readOnly")).and_then(Value::as_bool)
            == Some(true)
            && !kind.has_files();
        let plain_tmp = name == TMP_VOLUME
            && kind == VolumeKind::EmptyDir
            && !volume.memory
            && volume.size_limit.is_empty()
            && !volume.read_only
            && spec.security.writable_tmp.is_empty();
        t.take(&format!("{at}.name"));
        for field in ["persistentVolumeClaim", "emptyDir", "configMap", "secret"] {
            t.take(&format!("{at}.{field}"));
        }
        for field in ["name", "mountPath", "readOnly"] {
            t.take(&format!("{mount}.{field}"));
        }
        if plain_tmp {
            spec.security.writable_tmp = path;
        } else {
            volume.mount_path = path;
            spec.volumes.push(volume);
        }
    }
}

/// `<rest>` of an object named `<app>-<rest>`, when it is a volume name no volume has yet.
fn after_app(spec: &AppSpec, object: &str) -> Option<String> {
    let rest = object.strip_prefix(&format!("{}-", spec.app.name))?;
    let free = !spec.volumes.iter().any(|v| v.name == rest) && rest != TMP_VOLUME;
    (free && crate::validate::names::dns1123_label(rest).is_ok()).then(|| rest.to_string())
}

/// The one mount of volume `name` in the app's container (a `subPath` mount is a copy the kubelet
/// never updates, which the form does not write), or `None`.
fn single_mount(t: &Tree, name: &str) -> Option<String> {
    let list = format!("{CONTAINER}.volumeMounts");
    let mut found = (0..t.len(&list))
        .map(|j| format!("{list}.{j}"))
        .filter(|m| t.get(&format!("{m}.name")).and_then(Value::as_str) == Some(name));
    let mount = found.next()?;
    if found.next().is_some() || t.get(&format!("{mount}.subPath")).is_some() {
        return None;
    }
    Some(mount)
}

/// A volume mounted with `subPath`: dropped with why (the form mounts whole directories, which the
/// kubelet keeps up to date; a subPath mount is a copy taken at start).
fn drop_sub_path(t: &mut Tree, at: &str, name: &str, report: &mut Vec<ReportItem>) {
    let list = format!("{CONTAINER}.volumeMounts");
    let mounts: Vec<String> = (0..t.len(&list))
        .map(|j| format!("{list}.{j}"))
        .filter(|m| t.get(&format!("{m}.name")).and_then(Value::as_str) == Some(name))
        .collect();
    if !mounts
        .iter()
        .any(|m| t.get(&format!("{m}.subPath")).is_some())
    {
        return;
    }
    report.push(ReportItem::dropped(
        t.at(at),
        format!(
            "{name} is mounted with subPath, a copy taken when the container starts that never \
             sees an update: mount the whole directory (a volume of the form) instead"
        ),
    ));
    t.take(at);
    for m in mounts {
        t.take(&m);
    }
}

/// The volume's kind and the name of the object behind it (empty for an emptyDir).
fn source(t: &Tree, at: &str) -> Option<(VolumeKind, String)> {
    let text = |rel: &str| t.get(&format!("{at}.{rel}")).and_then(scalar_text);
    if let Some(claim) = text("persistentVolumeClaim.claimName") {
        Some((VolumeKind::Claim, claim))
    } else if t.get(&format!("{at}.emptyDir")).is_some() {
        Some((VolumeKind::EmptyDir, String::new()))
    } else if let Some(name) = text("configMap.name") {
        Some((VolumeKind::ConfigFiles, name))
    } else {
        text("secret.secretName").map(|name| (VolumeKind::SecretFiles, name))
    }
}

/// The objects behind the volumes: each claim's spec, each ConfigMap's or Secret's files. A claim
/// not in the paste keeps the form's defaults, which the report says.
pub(super) fn take_objects(docs: &mut Docs, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    for i in 0..spec.volumes.len() {
        let object = spec.volume_object_name(&spec.volumes[i]);
        let kind = spec.volumes[i].kind;
        let wanted = match kind {
            VolumeKind::Claim => k8s::PersistentVolumeClaim::KIND,
            VolumeKind::ConfigFiles => k8s::ConfigMap::KIND,
            VolumeKind::SecretFiles => k8s::Secret::KIND,
            VolumeKind::EmptyDir => continue,
        };
        let sealed =
            |d: &super::doc::Doc| kind == VolumeKind::SecretFiles && d.is(k8s::SealedSecret::KIND);
        let Some(mut doc) = docs.take(|d| d.name == object && (d.is(wanted) || sealed(d))) else {
            if kind == VolumeKind::Claim {
                report.push(ReportItem::adjusted(
                    format!("PersistentVolumeClaim/{object}"),
                    "not in the paste: written with the form's size (1Gi), ReadWriteOnce and the default class",
                ));
            }
            continue;
        };
        doc.take_app_meta(spec);
        let taken = match kind {
            VolumeKind::Claim => {
                take_claim(&mut doc.tree, &mut spec.volumes[i]);
                None
            }
            VolumeKind::ConfigFiles => Some(doc.tree.take_pairs("data")),
            _ if doc.is(k8s::SealedSecret::KIND) => {
                let keys = super::secret::sealed_keys(&mut doc, spec, report, &object, "Opaque");
                Some(keys.into_iter().map(|k| (k, String::new())).collect())
            }
            _ => {
                super::secret::note_string_data(&doc, spec);
                doc.tree.take_if("type", "Opaque");
                let entries = super::secret::secret_values(&mut doc, report);
                Some(entries.into_iter().map(|e| (e.name, e.value)).collect())
            }
        };
        if let Some(pairs) = taken {
            spec.volumes[i].files = files(pairs);
        }
        doc.finish(report);
    }
}

fn take_claim(t: &mut Tree, volume: &mut Volume) {
    let modes = t.get("spec.accessModes").and_then(Value::as_sequence);
    if let Some(mode) = modes
        .filter(|m| m.len() == 1)
        .and_then(|m| m[0].as_str())
        .and_then(AccessMode::parse)
    {
        volume.access_mode = mode;
        t.take("spec.accessModes");
    }
    volume.storage_class = t.take_string("spec.storageClassName").unwrap_or_default();
    if let Some(size) = t
        .get("spec.resources.requests.storage")
        .and_then(scalar_text)
    {
        volume.size = size;
        t.take("spec.resources.requests.storage");
    }
}

fn files(pairs: impl IntoIterator<Item = (String, String)>) -> Vec<ConfigFile> {
    pairs
        .into_iter()
        .map(|(name, content)| ConfigFile { name, content })
        .collect()
}

/// In a Job's or CronJob's pod: takes the volumes and mounts when they are exactly what the form
/// writes for the Jobs (the writable /tmp included); whether it did.
pub(super) fn take_same(t: &mut Tree, pod: &str, container: &str, spec: &AppSpec) -> bool {
    let (volumes, mounts) = k8s::volume::volumes(spec, true);
    if volumes.is_empty() {
        return false;
    }
    let same = |path: &str, want: Option<Value>| want.is_some() && t.get(path) == want.as_ref();
    let volumes_path = format!("{pod}.volumes");
    let mounts_path = format!("{container}.volumeMounts");
    if same(&volumes_path, serde_yaml::to_value(&volumes).ok())
        && same(&mounts_path, serde_yaml::to_value(&mounts).ok())
    {
        t.take(&volumes_path);
        t.take(&mounts_path);
        return true;
    }
    false
}
