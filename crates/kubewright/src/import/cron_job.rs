//! A CronJob named `<app>-<name>` whose pods are labelled `app: <app>-<name>` -> one of the spec's
//! cron jobs. Its container is the app's, as a Job's is: only the schedule and what the form lets a
//! cron job set are read; the rest is taken where it is the app's and reported where it is not.

use serde_yaml::Value;

use super::container::take_same_resources;
use super::doc::{take_labels, take_namespace_and_labels, Docs};
use super::env::{take_same_env, take_same_env_from};
use super::tree::{Cursor, Tree};
use super::ReportItem;
use crate::k8s;
use crate::spec::{AppSpec, ConcurrencyPolicy, CronJob, RestartPolicy, APP_LABEL};

const JOB: &str = "spec.jobTemplate.spec";
const TEMPLATE: &str = "spec.jobTemplate.spec.template";
const POD: &str = "spec.jobTemplate.spec.template.spec";
const CONTAINER: &str = "spec.jobTemplate.spec.template.spec.containers.0";

pub(super) fn take(docs: &mut Docs, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let label = format!("{TEMPLATE}.metadata.labels.{APP_LABEL}");
    while let Some(mut doc) = docs.take(|d| {
        d.is(k8s::CronJob::KIND)
            && d.api_version() == "batch/v1"
            && spec.after_app_name(&d.name).is_some()
            && d.tree.get(&label).and_then(Value::as_str) == Some(d.name.as_str())
    }) {
        let t = &mut doc.tree;
        let name = spec
            .after_app_name(&doc.name)
            .unwrap_or_default()
            .to_string();
        t.take("apiVersion");
        t.take("kind");
        t.take("metadata.name");
        take_namespace_and_labels(t, spec);
        t.take(&label);
        take_labels(t, &format!("{TEMPLATE}.metadata.labels"), None, spec);
        let mut cron = take_schedule(t, name);
        cron.active_deadline_seconds = t.take_i64(&format!("{JOB}.activeDeadlineSeconds"));
        cron.backoff_limit = t.take_i64(&format!("{JOB}.backoffLimit"));
        let policy = format!("{POD}.restartPolicy");
        match t.get(&policy).and_then(Value::as_str) {
            Some("Never") => cron.restart_policy = RestartPolicy::Never,
            Some("OnFailure") => {}
            _ => {}
        }
        if matches!(
            t.get(&policy).and_then(Value::as_str),
            Some("Never" | "OnFailure")
        ) {
            t.take(&policy);
        }
        super::service_account::take_job_pod(t, POD, spec);
        super::registry::take_job_pod(t, POD, spec);
        take_container(t, spec, &mut cron);
        spec.cron_jobs.push(cron);
        doc.finish(report);
    }
}

/// The schedule and the CronJob's own settings. Kubernetes' default concurrency policy is Allow
/// (the form's is Forbid): a CronJob that names none keeps behaving as it did.
fn take_schedule(t: &mut Tree, name: String) -> CronJob {
    let policy = t
        .take_string("spec.concurrencyPolicy")
        .and_then(|p| ConcurrencyPolicy::ALL.into_iter().find(|c| c.as_str() == p))
        .unwrap_or(ConcurrencyPolicy::Allow);
    CronJob {
        name,
        schedule: t.take_string("spec.schedule").unwrap_or_default(),
        time_zone: t.take_string("spec.timeZone").unwrap_or_default(),
        concurrency_policy: policy,
        starting_deadline_seconds: t.take_i64("spec.startingDeadlineSeconds"),
        successful_jobs_history_limit: t.take_i64("spec.successfulJobsHistoryLimit"),
        failed_jobs_history_limit: t.take_i64("spec.failedJobsHistoryLimit"),
        ..CronJob::default()
    }
}

/// The container is the app's: the same name, image, pull policy, env, resources and security;
/// only the args are the cron job's own.
fn take_container(t: &mut Tree, spec: &AppSpec, cron: &mut CronJob) {
    let mut c = Cursor::new(t, CONTAINER);
    cron.args = c.take_strings("args").unwrap_or_default();
    c.take_if("name", &spec.app.name);
    c.take_if("image", &spec.image.reference());
    c.take_if("imagePullPolicy", spec.image.pull_policy.as_str());
    take_same_env(&mut c, spec);
    take_same_env_from(&mut c, spec);
    take_same_resources(&mut c, spec);
    super::init::take_same(t, POD, spec);
    let took_volumes = super::volume::take_same(t, POD, CONTAINER, spec);
    let mut trial = t.clone();
    let mut security = super::security::take(&mut trial, POD, CONTAINER);
    if took_volumes {
        // The writable /tmp was among the volumes just taken.
        security
            .writable_tmp
            .clone_from(&spec.security.writable_tmp);
    }
    if security == spec.security {
        *t = trial;
    }
}
