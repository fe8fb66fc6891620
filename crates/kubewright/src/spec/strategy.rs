use serde::{Deserialize, Serialize};

/// How the Deployment replaces its pods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeployStrategy {
    /// New pods start before old ones stop (maxSurge / maxUnavailable): no downtime.
    #[default]
    RollingUpdate,
    /// Every old pod stops before the new ones start: a short downtime, but never two pods at
    /// once (what a ReadWriteOnce claim needs).
    Recreate,
}

impl DeployStrategy {
    pub const ALL: [DeployStrategy; 2] = [DeployStrategy::RollingUpdate, DeployStrategy::Recreate];

    pub fn as_str(self) -> &'static str {
        match self {
            DeployStrategy::RollingUpdate => "RollingUpdate",
            DeployStrategy::Recreate => "Recreate",
        }
    }
}
