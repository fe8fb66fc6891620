use serde::{Deserialize, Serialize};

/// Lets the app's pods find each other (e.g. Erlang/Elixir nodes forming a cluster with
/// `dns_cluster`): a second, headless Service whose DNS name returns every pod's IP.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Clustering {
    /// Adds the headless Service `<name>-headless`. Default off.
    pub enabled: bool,
    /// Env var (in the ConfigMap) that receives that Service's DNS name; empty adds none. Default
    /// `DNS_CLUSTER_QUERY`, which Phoenix's `dns_cluster` reads.
    pub query_env: String,
}

impl Default for Clustering {
    fn default() -> Self {
        Clustering {
            enabled: false,
            query_env: "DNS_CLUSTER_QUERY".into(),
        }
    }
}
