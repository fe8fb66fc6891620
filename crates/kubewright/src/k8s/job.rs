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

    /// The Job's name, [`AppSpec::job_name`] (the page's path to it).
    pub fn name(spec: &AppSpec, job: &spec::Job) -> String {
        spec.job_name(job)
    }

    pub fn from_spec(spec: &AppSpec, job: &spec::Job) -> Self {
        Job {
            api_version: "batch/v1",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, spec.job_name(job)),
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
