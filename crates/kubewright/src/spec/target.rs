use serde::{Deserialize, Serialize};

/// Where the app is deployed. Switching it (see [`AppSpec::set_target`](super::AppSpec::set_target))
/// also sets the image pull policy and the Service type to what that place needs; the commands follow it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// A local Minikube: the image is built inside Minikube's Docker (`eval $(minikube docker-env)`),
    /// never pulled (imagePullPolicy Never), and reached through a NodePort (`minikube service --url`).
    Minikube,
    /// A real cluster (default): the image is pushed to a registry under an immutable tag and pulled
    /// (IfNotPresent); the app is reached through a LoadBalancer, or a ClusterIP behind an Ingress.
    #[default]
    Cluster,
}

impl Target {
    pub const ALL: [Target; 2] = [Target::Minikube, Target::Cluster];

    /// The name the form and the spec file use.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Minikube => "minikube",
            Target::Cluster => "cluster",
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::spec::{AppSpec, PullPolicy, ServiceType, Target};

    #[test]
    fn switching_the_target_sets_pull_policy_and_service_type() {
        // (service type before, after switching to Minikube, after switching back to a cluster)
        let cases = [
            (
                ServiceType::ClusterIp,
                ServiceType::NodePort,
                ServiceType::LoadBalancer,
            ),
            (
                ServiceType::LoadBalancer,
                ServiceType::NodePort,
                ServiceType::LoadBalancer,
            ),
            (
                ServiceType::NodePort,
                ServiceType::NodePort,
                ServiceType::LoadBalancer,
            ),
            (
                ServiceType::Headless,
                ServiceType::Headless,
                ServiceType::Headless,
            ),
        ];
        for (before, minikube, cluster) in cases {
            let mut spec = AppSpec::default();
            spec.service.kind = before;
            spec.set_target(Target::Minikube);
            assert_eq!(spec.image.pull_policy, PullPolicy::Never);
            assert_eq!(spec.service.kind, minikube, "{before:?}");
            spec.set_target(Target::Cluster);
            assert_eq!(spec.image.pull_policy, PullPolicy::IfNotPresent);
            assert_eq!(spec.service.kind, cluster, "{before:?}");
        }
    }
}
