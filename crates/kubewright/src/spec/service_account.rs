use serde::{Deserialize, Serialize};

/// The app's own ServiceAccount, named after the app, that its pods and Jobs run as. A web app
/// does not talk to the Kubernetes API, so the account mounts no API token: a process broken into
/// then holds no credential for the cluster.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServiceAccount {
    /// Adds the ServiceAccount `<name>` with `automountServiceAccountToken: false` and runs the pods
    /// and Jobs as it (also with the token off on the pods). Default off: the pods run as the
    /// namespace's `default` account, which mounts a token.
    pub enabled: bool,
}
