//! The annotated view's comments on the volumes: the claims, the file objects, and the pod's
//! volumes and mounts.

use crate::k8s::Object;
use crate::spec::{AppSpec, Target};

/// A line of a claim or of a ConfigMap / Secret holding files.
pub(super) fn object(spec: &AppSpec, object: &Object, k: &[&str]) -> Option<String> {
    match (object, k) {
        (Object::PersistentVolumeClaim(_), ["spec", "accessModes"]) => Some(
            "ReadWriteOnce: one node's pods at a time; a second replica or a rolling update's new pod elsewhere waits for it".into(),
        ),
        (Object::PersistentVolumeClaim(_), ["spec", "storageClassName"]) => {
            Some("the StorageClass that makes the disk; `kubectl get storageclass` lists them".into())
        }
        (Object::PersistentVolumeClaim(p), ["spec"]) if p.spec.storage_class_name.is_none() => {
            Some(match spec.target {
                Target::Minikube => "no storageClassName: the cluster's default (Minikube's standard binds at once)".into(),
                Target::Cluster => "no storageClassName: the cluster's default, which often binds only when a pod uses the claim (WaitForFirstConsumer)".into(),
            })
        }
        (Object::PersistentVolumeClaim(_), ["spec", "resources", "requests", "storage"]) => {
            Some("can grow later if the class allows expansion, never shrink".into())
        }
        (Object::PersistentVolumeClaim(_), ["kind"]) => Some(
            "outlives the pods and the Deployment; deleting the claim deletes its data (with the usual Delete reclaim policy)".into(),
        ),
        (Object::FilesConfigMap(_) | Object::FilesSecret(_), ["data" | "stringData"]) => Some(
            "each key becomes a file of that name in the mounted directory".into(),
        ),
        (Object::FilesSecret(_), ["type"]) => Some(
            "base64 below is an encoding, not encryption: whoever can read Secrets can read these files".into(),
        ),
        _ => None,
    }
}

/// A line of the pod's `volumes` or the container's `volumeMounts` (`k` from there on).
pub(super) fn pod(spec: &AppSpec, k: &[&str]) -> Option<String> {
    match k {
        ["volumes"] if spec.volumes.is_empty() => {
            Some("an empty writable directory per pod, for a read-only root filesystem".into())
        }
        ["volumes"] => Some("what the pod mounts; the container names each in its volumeMounts".into()),
        ["volumes", "[]", "persistentVolumeClaim"] => {
            Some("the claim applied before this Deployment; the pod waits until it is bound".into())
        }
        ["volumes", "[]", "emptyDir", "medium"] => Some(
            "tmpfs: fast, but what is written counts against the container's memory limit".into(),
        ),
        ["volumes", "[]", "emptyDir", "sizeLimit"] => {
            Some("past this the kubelet evicts the pod".into())
        }
        ["volumes", "[]", "emptyDir"] => Some("made empty with the pod, deleted with it".into()),
        ["volumes", "[]", "configMap" | "secret"] => Some(
            "the whole object as a directory: updated in place within a minute or so (a subPath mount would never be)".into(),
        ),
        ["containers", "[]", "volumeMounts", "[]", "readOnly"] => {
            Some("the app cannot write here".into())
        }
        _ => None,
    }
}
