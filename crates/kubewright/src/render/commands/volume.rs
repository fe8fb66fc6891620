//! A volume's commands: its claim applied before the pods that mount it, and waited for where the
//! storage class binds at once; its files applied like the env.

use super::{Command, Kubectl, Role, Step};
use crate::k8s::{Object, PersistentVolumeClaim};
use crate::spec::{AppSpec, Target};

pub(super) fn claim(
    spec: &AppSpec,
    pvc: &PersistentVolumeClaim,
    file: &str,
    kubectl: &Kubectl,
) -> Vec<Step> {
    let name = &pvc.metadata.name;
    let class = pvc.spec.storage_class_name.as_deref();
    let size = pvc
        .spec
        .resources
        .requests
        .0
        .first()
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    let mut out = Vec::new();
    if spec.target == Target::Cluster {
        // Preparation: with every document applied at once it still comes first.
        out.push(Step {
            role: Role::Prepare,
            command: Command::new(
                match class {
                    Some(class) => format!("Check the storage class {class} exists, and its VOLUMEBINDINGMODE"),
                    None => "Check the cluster has a default storage class (marked (default)), and its VOLUMEBINDINGMODE".into(),
                },
                &["kubectl", "get", "storageclass"],
            ),
        });
    }
    let class_words = class.unwrap_or("the default class's");
    let get = kubectl.hint(&["get"], &[&format!("pvc/{name}")]);
    let comment = if spec.target == Target::Minikube {
        format!("PersistentVolumeClaim {name}: {size} of {class_words} storage that outlives the pods, before the Deployment that mounts it")
    } else {
        format!(
            "PersistentVolumeClaim {name}: {size} of {class_words} storage that outlives the pods, before the Deployment that mounts it. Not waited for: with WaitForFirstConsumer (most cloud classes) it stays Pending until the first pod using it is scheduled, then the volume is made in that pod's zone; `{get}` shows it"
        )
    };
    out.push(Step {
        role: Role::Apply,
        command: kubectl.run(comment, &["apply"], &["-f", file]),
    });
    if spec.target == Target::Minikube {
        out.push(kubectl.run(
            "Wait until it is Bound: Minikube's standard class makes the volume at once (Immediate binding)",
            &["wait"],
            &["--for=jsonpath={.status.phase}=Bound", &format!("pvc/{name}"), "--timeout=60s"],
        ).into());
    }
    out
}

/// The ConfigMap or Secret holding a volume's files (a sealed one is waited for like the env's).
pub(super) fn files(object: &Object, file: &str, kubectl: &Kubectl) -> Vec<Step> {
    let name = object.name();
    let comment = match object {
        Object::FilesConfigMap(_) => format!("ConfigMap {name}: the config files, mounted as a directory"),
        Object::FilesSecret(_) => format!("Secret {name}: the secret files, applied from the file so no content lands in your shell history"),
        _ => format!("SealedSecret {name}: the secret files, encrypted; the controller decrypts them into the Secret {name}"),
    };
    let mut out = vec![Step {
        role: Role::Apply,
        command: kubectl.run(comment, &["apply"], &["-f", file]),
    }];
    if matches!(object, Object::FilesSealedSecret(_)) {
        out.push(
            super::wait_for_secret(
                kubectl,
                name,
                ", which the pods mount (--for=create needs kubectl 1.31 or newer)",
            )
            .into(),
        );
    }
    out
}
