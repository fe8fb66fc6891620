use serde::{Deserialize, Serialize};

use super::PullPolicy;

/// A one-off Job run from the app's image with the app's env and resources, such as `migrate`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Job {
    /// Short name, e.g. `migrate`; the Job is `<app>-<name>-<run>` and its file `job-<name>.yaml`.
    /// Default `migrate`.
    pub name: String,
    /// Run number, part of the Job's name: a finished Job keeps its name, so each run needs a new one.
    /// Default 0; 0 or more.
    pub run: i64,
    /// Arguments passed to the image's entrypoint, e.g. `["migrate"]`. Default none.
    pub args: Vec<String>,
    /// What happens when the container fails: OnFailure (restart it in the same pod) or Never (a new
    /// pod). Default OnFailure.
    pub restart_policy: RestartPolicy,
    /// Pull policy for the Job's container; `None` uses the app's. Default none.
    pub image_pull_policy: Option<PullPolicy>,
    /// Retries before the Job is marked failed; `None` keeps Kubernetes' default (6). Default none.
    pub backoff_limit: Option<i64>,
    /// Seconds after finishing before Kubernetes deletes the Job; `None` keeps it. Default none.
    pub ttl_seconds_after_finished: Option<i64>,
}

impl Default for Job {
    fn default() -> Self {
        Job {
            name: "migrate".into(),
            run: 0,
            args: vec!["migrate".into()],
            restart_policy: RestartPolicy::OnFailure,
            image_pull_policy: None,
            backoff_limit: None,
            ttl_seconds_after_finished: None,
        }
    }
}

/// A Job pod's restartPolicy (Always is not allowed for Jobs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RestartPolicy {
    OnFailure,
    Never,
}

impl RestartPolicy {
    pub const ALL: [RestartPolicy; 2] = [RestartPolicy::OnFailure, RestartPolicy::Never];

    pub fn as_str(self) -> &'static str {
        match self {
            RestartPolicy::OnFailure => "OnFailure",
            RestartPolicy::Never => "Never",
        }
    }
}
