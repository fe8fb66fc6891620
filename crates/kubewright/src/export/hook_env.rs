//! The env a migration hook reads, as hook-scoped copies.
//!
//! The chart's ConfigMap and Secret are ordinary release objects: `helm rollback` restores them,
//! `helm uninstall` removes them, and an upgrade updates them in place. A Job that runs as a
//! pre-install/pre-upgrade hook runs before Helm creates or updates release objects, so it could
//! not read them on a first install (and would read the old values on an upgrade). It reads its own
//! copies instead: hooks of the same events, created just before it (a lower weight), deleted once
//! the hooks succeeded (kept after a failure, to look at), and deleted before the next creation.

use rand_core::OsRng;

use crate::k8s::{self, Object};
use crate::seal::Sealer;
use crate::spec::AppSpec;

/// The hook copy's name: the object's name with this after it.
const SUFFIX: &str = "-hook";

/// The name of the hook copy of the object named `name`.
pub(super) fn copy_name(name: &str) -> String {
    format!("{name}{SUFFIX}")
}

/// Hook copies of the env objects among `objects` (ConfigMap, Secret or SealedSecret), renamed;
/// none without Jobs. A SealedSecret is sealed again under the copy's name: in the strict scope
/// the ciphertext is bound to the name, so a renamed copy could not be opened.
pub(super) fn copies(spec: &AppSpec, objects: &[Object]) -> Vec<Object> {
    if !objects.iter().any(|o| matches!(o, Object::Job(_))) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for object in objects {
        match object {
            Object::ConfigMap(cm) => {
                let mut cm = cm.clone();
                cm.metadata.name = copy_name(&cm.metadata.name);
                out.push(Object::ConfigMap(cm));
            }
            Object::Secret(secret) => {
                let mut secret = secret.clone();
                secret.metadata.name = copy_name(&secret.metadata.name);
                out.push(Object::Secret(secret));
            }
            Object::SealedSecret(_) => {
                let name = copy_name(&spec.secret_name());
                let sealed = k8s::SealedSecret::app_named(spec, name, &mut Sealer::new(OsRng));
                if let Some(Ok(sealed)) = sealed {
                    out.push(Object::SealedSecret(sealed));
                }
            }
            _ => {}
        }
    }
    out
}

/// The file of a copy: `configmap-hook.yaml`, `secret-hook.yaml`, `sealedsecret-hook.yaml`.
pub(super) fn file_name(copy: &Object) -> String {
    let file = copy.file_name();
    let stem = file.strip_suffix(".yaml").unwrap_or(&file);
    format!("{stem}{SUFFIX}.yaml")
}
