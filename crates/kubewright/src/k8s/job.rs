use serde::Serialize;

use super::{Container, ObjectMeta, PodTemplate};
use crate::spec::{self, AppSpec};

/// `batch/v1 Job`: a one-off run of the app's image, e.g. database migrations.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Job {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: JobSpec,
    /// The spec's short name (`migrate`), for the file name; not part of the object.
    #[serde(skip)]
    pub short_name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backoff_limit: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttl_seconds_after_finished: Option<i64>,
    pub template: PodTemplate,
}

impl Job {
    /// The object's `kind`.
    pub const KIND: &str = "Job";

    /// `<app>-<name>-<run>`: a Job's pod template cannot be changed and a finished Job keeps its name,
    /// so every run gets a new name (bump the run number) and is started with `kubectl create`.
    pub fn name(spec: &AppSpec, job: &spec::Job) -> String {
        format!("{}-{}-{}", spec.app.name, job.name, job.run)
    }

    pub fn from_spec(spec: &AppSpec, job: &spec::Job) -> Self {
        Job {
            api_version: "batch/v1",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, Job::name(spec, job)),
            spec: JobSpec {
                backoff_limit: job.backoff_limit,
                ttl_seconds_after_finished: job.ttl_seconds_after_finished,
                // The pods get their own label: the Service's selector must not pick up a migration pod.
                template: PodTemplate::new(
                    spec,
                    spec.job_pod_labels(job),
                    Some(job.restart_policy.as_str()),
                    Container::job(spec, job),
                ),
            },
            short_name: job.name.clone(),
        }
    }
}
