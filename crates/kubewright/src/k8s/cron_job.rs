use serde::Serialize;

use super::{Container, ObjectMeta, PodTemplate};
use crate::spec::{self, AppSpec};

/// `batch/v1 CronJob`: the app's image run on a schedule.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CronJob {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: CronJobSpec,
    /// The spec's short name (`cleanup`), for the file name; not part of the object.
    #[serde(skip)]
    pub short_name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CronJobSpec {
    pub schedule: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    pub concurrency_policy: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starting_deadline_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successful_jobs_history_limit: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed_jobs_history_limit: Option<i64>,
    pub job_template: JobTemplate,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JobTemplate {
    pub spec: JobTemplateSpec,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobTemplateSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_deadline_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backoff_limit: Option<i64>,
    pub template: PodTemplate,
}

impl CronJob {
    /// The object's `kind`.
    pub const KIND: &str = "CronJob";

    pub fn from_spec(spec: &AppSpec, cron: &spec::CronJob) -> Self {
        CronJob {
            api_version: "batch/v1",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, spec.cron_job_name(cron)),
            spec: CronJobSpec {
                schedule: cron.schedule.clone(),
                time_zone: Some(cron.time_zone.clone()).filter(|z| !z.is_empty()),
                concurrency_policy: cron.concurrency_policy.as_str(),
                starting_deadline_seconds: cron.starting_deadline_seconds,
                successful_jobs_history_limit: cron.successful_jobs_history_limit,
                failed_jobs_history_limit: cron.failed_jobs_history_limit,
                job_template: JobTemplate {
                    spec: JobTemplateSpec {
                        active_deadline_seconds: cron.active_deadline_seconds,
                        backoff_limit: cron.backoff_limit,
                        // Its own pod label, as a Job's: the Service must not send traffic to it.
                        template: PodTemplate::new(
                            spec,
                            spec.cron_job_pod_labels(cron),
                            Some(cron.restart_policy.as_str()),
                            Container::run(spec, cron.args.clone()),
                        ),
                    },
                },
            },
            short_name: cron.name.clone(),
        }
    }
}
