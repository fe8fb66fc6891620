use serde::{Deserialize, Serialize};

use super::{AppSpec, PullPolicy};

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

/// The three ways the page offers to run the app: the target, and for Minikube whether the image
/// is built inside it (pull policy Never) or pulled from a registry like a real cluster would.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Runs {
    MinikubeLocalBuild,
    MinikubeRegistry,
    Cluster,
}

impl Runs {
    pub const ALL: [Runs; 3] = [
        Runs::MinikubeLocalBuild,
        Runs::MinikubeRegistry,
        Runs::Cluster,
    ];

    /// The form's value and test id.
    pub fn as_str(self) -> &'static str {
        match self {
            Runs::MinikubeLocalBuild => "minikube",
            Runs::MinikubeRegistry => "minikube-registry",
            Runs::Cluster => "cluster",
        }
    }

    /// What the choice says.
    pub fn label(self) -> &'static str {
        match self {
            Runs::MinikubeLocalBuild => "Minikube, image built on it (NodePort)",
            Runs::MinikubeRegistry => "Minikube, image from a registry (NodePort)",
            Runs::Cluster => "a real cluster (registry image)",
        }
    }
}

impl AppSpec {
    /// Which of the three the spec is.
    pub fn runs(&self) -> Runs {
        match self.target {
            Target::Cluster => Runs::Cluster,
            Target::Minikube if self.image.pull_policy == PullPolicy::Never => {
                Runs::MinikubeLocalBuild
            }
            Target::Minikube => Runs::MinikubeRegistry,
        }
    }

    /// Switches to one of the three: the target (see [`AppSpec::set_target`]), then for a registry
    /// image on Minikube a pull policy that pulls.
    pub fn set_runs(&mut self, runs: Runs) {
        match runs {
            Runs::Cluster => self.set_target(Target::Cluster),
            Runs::MinikubeLocalBuild => self.set_target(Target::Minikube),
            Runs::MinikubeRegistry => {
                self.set_target(Target::Minikube);
                self.image.pull_policy = PullPolicy::IfNotPresent;
            }
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
