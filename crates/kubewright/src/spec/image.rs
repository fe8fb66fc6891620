use serde::{Deserialize, Serialize};

/// The container image.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Image {
    /// Repository, e.g. `ghcr.io/acme/web` or a local `kube-native`. Default `web`.
    pub repository: String,
    /// Tag, e.g. `1.4.2`. Default `latest`. Empty means no tag (Kubernetes then pulls `latest`).
    pub tag: String,
    /// Digest, e.g. `sha256:` and 64 hex digits, pinning the exact image whatever the tag now points
    /// at. Default empty (none).
    pub digest: String,
    /// When the kubelet pulls the image. Default `IfNotPresent`.
    pub pull_policy: PullPolicy,
}

/// The tag docker and the kubelet use when an image reference has none.
pub const IMPLIED_TAG: &str = "latest";

/// Whether an image tag can point at different images over time (`latest`, or no tag at all). On a
/// real cluster nodes cache images by tag, so a re-pushed mutable tag runs old and new code side by side.
pub fn is_mutable_tag(tag: &str) -> bool {
    tag.is_empty() || tag == IMPLIED_TAG
}

impl Default for Image {
    fn default() -> Self {
        Image {
            repository: "web".into(),
            tag: IMPLIED_TAG.into(),
            digest: String::new(),
            pull_policy: PullPolicy::IfNotPresent,
        }
    }
}

impl Image {
    /// The image reference as Kubernetes and docker take it: `repository[:tag][@digest]`.
    pub fn reference(&self) -> String {
        let mut reference = self.repository.clone();
        if !self.tag.is_empty() {
            reference.push(':');
            reference.push_str(&self.tag);
        }
        if !self.digest.is_empty() {
            reference.push('@');
            reference.push_str(&self.digest);
        }
        reference
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

#[cfg(test)]
mod tests {
    #[test]
    fn latest_and_no_tag_are_mutable() {
        assert!(super::is_mutable_tag("latest"));
        assert!(super::is_mutable_tag(""));
        assert!(!super::is_mutable_tag("1.0.3"));
    }
}
