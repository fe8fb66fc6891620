use serde::{Deserialize, Serialize};

/// A login for a private container registry: a `kubernetes.io/dockerconfigjson` Secret
/// `<name>-registry`, encoded in the page (never `kubectl create secret docker-registry
/// --docker-password=...`, which leaves the password in the shell history), named in the pods'
/// and Jobs' `imagePullSecrets`. The password is a secret value like the others: never stored,
/// shared or put in a command, and sealed with them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Registry {
    /// Adds the Secret and `imagePullSecrets`. Default off (public images, or nodes that already
    /// hold the login).
    pub enabled: bool,
    /// The registry's server as the image names it (`ghcr.io`, `registry.example.com:5000`), or
    /// `https://index.docker.io/v1/` for Docker Hub. Default empty.
    pub server: String,
    /// The user name. Default empty.
    pub username: String,
    /// The password or access token (e.g. a GitHub token with read:packages). Default empty.
    pub password: String,
}
