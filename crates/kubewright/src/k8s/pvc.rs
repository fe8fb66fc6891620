use serde::Serialize;

use super::{ObjectMeta, Pairs};
use crate::spec::{AppSpec, Volume, VolumeKind};

/// `v1 PersistentVolumeClaim`: storage for one of the app's volumes, which outlives its pods.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersistentVolumeClaim {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: PvcSpec,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PvcSpec {
    pub access_modes: Vec<&'static str>,
    /// Left out for the cluster's default class (an empty string would ask for no class at all).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_class_name: Option<String>,
    pub resources: StorageResources,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StorageResources {
    pub requests: Pairs,
}

impl PersistentVolumeClaim {
    /// The object's `kind`.
    pub const KIND: &str = "PersistentVolumeClaim";

    /// The claim `<app>-<volume>`, or `None` when the volume is not a claim.
    pub fn from_spec(spec: &AppSpec, volume: &Volume) -> Option<Self> {
        if volume.kind != VolumeKind::Claim {
            return None;
        }
        let class = volume.storage_class.trim();
        Some(PersistentVolumeClaim {
            api_version: "v1",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, spec.volume_object_name(volume)),
            spec: PvcSpec {
                access_modes: vec![volume.access_mode.as_str()],
                storage_class_name: (!class.is_empty()).then(|| class.to_string()),
                resources: StorageResources {
                    requests: Pairs(vec![("storage".into(), volume.size.clone())]),
                },
            },
        })
    }
}
