//! The pod's volumes and the container's mounts: the writable scratch directory of a read-only
//! root, then the user's volumes; and the ConfigMaps and Secrets holding the typed files.
//!
//! Files are mounted as a whole directory, never with `subPath`: the kubelet updates a mounted
//! ConfigMap or Secret in place (within a minute or so), but a `subPath` mount is a copy made when
//! the container starts and never changes.

use serde::Serialize;

use super::{ConfigMap, ObjectMeta, Pairs, Secret};
use crate::spec::{AppSpec, VolumeKind};

/// The name of the writable scratch volume (`security.writable_tmp`).
pub const TMP_VOLUME: &str = "tmp";

/// One pod volume; exactly one source is set.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Volume {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persistent_volume_claim: Option<ClaimSource>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub empty_dir: Option<EmptyDir>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config_map: Option<ConfigMapSource>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<SecretSource>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimSource {
    pub claim_name: String,
}

/// `emptyDir: {}`, or in memory and/or bounded.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmptyDir {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medium: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_limit: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConfigMapSource {
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SecretSource {
    pub secret_name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VolumeMount {
    pub name: String,
    pub mount_path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
}

impl Volume {
    fn named(name: &str) -> Self {
        Volume {
            name: name.into(),
            persistent_volume_claim: None,
            empty_dir: None,
            config_map: None,
            secret: None,
        }
    }
}

/// The pod's volumes and the app container's mounts, in the same order. `jobs`: only those a
/// Job's or CronJob's pod mounts (see [`crate::spec::Volume::in_jobs`]).
pub fn volumes(spec: &AppSpec, jobs: bool) -> (Vec<Volume>, Vec<VolumeMount>) {
    let mut volumes = Vec::new();
    let mut mounts = Vec::new();
    if !spec.security.writable_tmp.is_empty() {
        volumes.push(Volume {
            empty_dir: Some(EmptyDir::default()),
            ..Volume::named(TMP_VOLUME)
        });
        mounts.push(VolumeMount {
            name: TMP_VOLUME.into(),
            mount_path: spec.security.writable_tmp.clone(),
            read_only: None,
        });
    }
    for volume in spec.volumes.iter().filter(|v| !jobs || v.in_jobs()) {
        let object = spec.volume_object_name(volume);
        let mut out = Volume::named(&volume.name);
        match volume.kind {
            VolumeKind::Claim => {
                out.persistent_volume_claim = Some(ClaimSource { claim_name: object })
            }
            VolumeKind::EmptyDir => {
                let limit = volume.size_limit.trim();
                out.empty_dir = Some(EmptyDir {
                    medium: volume.memory.then_some("Memory"),
                    size_limit: (!limit.is_empty()).then(|| limit.to_string()),
                });
            }
            VolumeKind::ConfigFiles => out.config_map = Some(ConfigMapSource { name: object }),
            VolumeKind::SecretFiles => {
                out.secret = Some(SecretSource {
                    secret_name: object,
                })
            }
        }
        volumes.push(out);
        mounts.push(VolumeMount {
            name: volume.name.clone(),
            mount_path: volume.mount_path.clone(),
            // The kubelet mounts files read-only anyway; said in the YAML so nobody tries.
            read_only: (volume.read_only || volume.kind.has_files()).then_some(true),
        });
    }
    (volumes, mounts)
}

/// The ConfigMaps holding the config files, one per volume that has them.
pub fn file_config_maps(spec: &AppSpec) -> Vec<ConfigMap> {
    files_of(spec, VolumeKind::ConfigFiles)
        .map(|(name, entries)| ConfigMap {
            api_version: "v1",
            kind: ConfigMap::KIND,
            metadata: ObjectMeta::namespaced(spec, name),
            data: Pairs(entries),
        })
        .collect()
}

/// The Secrets holding the secret files, one per volume that has them.
pub fn file_secrets(spec: &AppSpec) -> Vec<Secret> {
    files_of(spec, VolumeKind::SecretFiles)
        .map(|(name, entries)| Secret::new(spec, name, "Opaque", entries))
        .collect()
}

/// Each volume of `kind`: its object's name and its files as (name, content).
pub fn files_of(
    spec: &AppSpec,
    kind: VolumeKind,
) -> impl Iterator<Item = (String, Vec<(String, String)>)> + '_ {
    spec.volumes
        .iter()
        .filter(move |v| v.kind == kind)
        .map(|v| {
            let files = v
                .files
                .iter()
                .map(|f| (f.name.clone(), f.content.clone()))
                .collect();
            (spec.volume_object_name(v), files)
        })
}
