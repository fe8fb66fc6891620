use serde::{Deserialize, Serialize};

/// The container image.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Image {
    /// Repository, e.g. `ghcr.io/acme/web` or a local `kube-native`. Default `web`.
    pub repository: String,
    /// Tag, e.g. `1.4.2`. Default `latest`. Empty means no tag (Kubernetes then pulls `latest`).
    pub tag: String,
    /// When the kubelet pulls the image. Default `IfNotPresent`.
    pub pull_policy: PullPolicy,
}

impl Default for Image {
    fn default() -> Self {
        Image {
            repository: "web".into(),
            tag: "latest".into(),
            pull_policy: PullPolicy::IfNotPresent,
        }
    }
}

impl Image {
    /// The image reference as Kubernetes and docker take it: `repository[:tag]`.
    pub fn reference(&self) -> String {
        if self.tag.is_empty() {
            self.repository.clone()
        } else {
            format!("{}:{}", self.repository, self.tag)
        }
    }
}

/// `imagePullPolicy`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PullPolicy {
    /// Only use an image already on the node (Minikube with `minikube docker-env`).
    Never,
    /// Pull when the node does not have the image yet.
    IfNotPresent,
    /// Pull on every pod start.
    Always,
}

impl PullPolicy {
    pub const ALL: [PullPolicy; 3] = [
        PullPolicy::Never,
        PullPolicy::IfNotPresent,
        PullPolicy::Always,
    ];

    /// The name Kubernetes uses.
    pub fn as_str(self) -> &'static str {
        match self {
            PullPolicy::Never => "Never",
            PullPolicy::IfNotPresent => "IfNotPresent",
            PullPolicy::Always => "Always",
        }
    }
}
