//! What a pod carries besides its app container: its volumes (the claim, the file objects, the
//! scratch directories, each with where it is mounted) and its init containers and sidecars.

use super::{Graph, PodTemplate};
use crate::k8s::{self, Object};

/// The volumes of each pod group, with the path the app's container mounts each at.
pub(super) fn volumes(objects: &[Object], pods: &[(String, &PodTemplate)], g: &mut Graph) {
    let file_of = |kind: &str, name: &str| {
        objects
            .iter()
            .find(|o| o.kind() == kind && o.name() == name)
            .map(Object::file_name)
    };
    for (p, template) in pods {
        for volume in &template.spec.volumes {
            let at = template
                .spec
                .containers
                .iter()
                .flat_map(|c| &c.volume_mounts)
                .find(|m| m.name == volume.name)
                .map(|m| format!("mounted at {}", m.mount_path))
                .unwrap_or_else(|| "volume".into());
            let (kind, name): (&'static str, &str) =
                if let Some(c) = &volume.persistent_volume_claim {
                    (k8s::PersistentVolumeClaim::KIND, &c.claim_name)
                } else if let Some(c) = &volume.config_map {
                    (k8s::ConfigMap::KIND, &c.name)
                } else if let Some(s) = &volume.secret {
                    (k8s::Secret::KIND, &s.secret_name)
                } else {
                    ("emptyDir", &volume.name)
                };
            let file = file_of(kind, name).or_else(|| {
                // A sealed Secret's file is the SealedSecret's.
                (kind == k8s::Secret::KIND)
                    .then(|| file_of(k8s::SealedSecret::KIND, name))
                    .flatten()
            });
            let id = g.node(kind, name, file, 3);
            g.edge(p, &id, at);
        }
    }
}

/// The init containers of each pod group: a wait runs to completion before the app starts; a
/// native sidecar (`restartPolicy: Always`) starts first and runs beside it.
pub(super) fn init_containers(pods: &[(String, &PodTemplate)], g: &mut Graph) {
    for (p, template) in pods {
        for container in &template.spec.init_containers {
            let sidecar = container.restart_policy == Some("Always");
            let (kind, how) = if sidecar {
                ("Sidecar", "starts first, runs beside the app")
            } else {
                ("InitContainer", "runs to completion before the app starts")
            };
            let id = g.node(kind, &container.name, None, 3);
            g.edge(p, &id, how);
            let image = g.node("Image", &container.image, None, 3);
            g.edge(&id, &image, "image");
        }
    }
}
