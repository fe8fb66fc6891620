//! What the commands say about the objects that decide who reaches the app and what it runs and
//! pulls with: the NetworkPolicy, the ServiceAccount and the registry login.

use crate::k8s::Object;
use crate::spec::{AppSpec, Target};

pub(super) fn comment(spec: &AppSpec, object: &Object, name: &str) -> String {
    match object {
        Object::NetworkPolicy(_) => {
            let enforced = match spec.target {
                Target::Minikube => {
                    "Minikube enforces it only when started with `minikube start --cni=calico`"
                }
                Target::Cluster => {
                    "enforced only by a network plugin that supports it (Calico, Cilium), ignored elsewhere"
                }
            };
            format!("NetworkPolicy {name}: the app's pods get only the traffic they need; {enforced}")
        }
        Object::ServiceAccount(_) => format!(
            "ServiceAccount {name}: who the app's pods and Jobs run as, with no Kubernetes API token mounted"
        ),
        Object::RegistrySealedSecret(_) => format!(
            "SealedSecret {name}: the registry login, encrypted; the controller decrypts it into the Secret {name} the nodes pull the image with"
        ),
        _ => format!(
            "Secret {name}: the registry login the nodes pull the image with, made in the page; applied from the file, so the password is never on a command line (as `kubectl create secret docker-registry --docker-password` would put it)"
        ),
    }
}
