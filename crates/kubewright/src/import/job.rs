//! A Job -> one of the spec's jobs. A Job runs the app's container, so only what the form lets a
//! job set is read (its name and run number, args, restart policy, pull policy, retries and TTL);
//! the rest is taken where it is the app's and reported where it is not.

use serde_yaml::Value;

use super::container::{pull_policy, take_same_resources, CONTAINER, POD};
use super::doc::{take_labels, take_namespace_and_labels, Doc};
use super::env::{take_same_env, take_same_env_from};
use super::tree::{Cursor, Tree};
use super::ReportItem;
use crate::spec::{AppSpec, Job, RestartPolicy, APP_LABEL};

pub(super) fn take(doc: &mut Doc, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let t = &mut doc.tree;
    t.take("apiVersion");
    t.take("kind");
    take_namespace_and_labels(t, spec);
    take_labels(t, "spec.template.metadata.labels", None, spec);
    let (mut job, named_right) = take_name(t, spec, report);
    job.backoff_limit = t.take_i64("spec.backoffLimit");
    job.ttl_seconds_after_finished = t.take_i64("spec.ttlSecondsAfterFinished");
    take_restart_policy(t, &mut job);
    super::service_account::take_job_pod(t, POD, spec);
    super::registry::take_job_pod(t, POD, spec);
    take_container(&mut Cursor::new(t, CONTAINER), spec, &mut job);
    super::init::take_same(t, POD, spec);
    // The Job's pod runs with the app's security settings: taken when they are the same, else left
    // in (and reported).
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
    if !named_right {
        report.push(ReportItem::adjusted(
            t.at("metadata.name"),
            format!(
                "Job names are <app>-<job>-<run>: this one is {}",
                spec.job_name(&job)
            ),
        ));
    }
    spec.jobs.push(job);
}

/// The job's short name and run number, read from the Job's name `<app>-<job>-<run>` and its pods'
/// label `app: <app>-<job>`, which says where the job's name ends; and whether the Job is named as
/// the spec names it (else the report says what it becomes).
fn take_name(t: &mut Tree, spec: &AppSpec, report: &mut Vec<ReportItem>) -> (Job, bool) {
    let full = t.take_string("metadata.name").unwrap_or_default();
    let label_path = format!("spec.template.metadata.labels.{APP_LABEL}");
    let pod_label = t
        .get(&label_path)
        .and_then(Value::as_str)
        .map(str::to_string);
    let (name, run) = match pod_label.as_deref().and_then(|l| spec.after_app_name(l)) {
        Some(short) => (short.to_string(), spec.job_run(short, &full)),
        None => {
            let rest = spec.after_app_name(&full).unwrap_or(&full);
            match rest.rsplit_once('-').map(|(n, r)| (n, r.parse::<i64>())) {
                Some((n, Ok(run))) => (n.to_string(), Some(run)),
                _ => (rest.to_string(), None),
            }
        }
    };
    if pod_label.as_deref() == Some(spec.job_base_name(&name).as_str()) {
        t.take(&label_path);
    } else if pod_label.as_deref() == Some(spec.app.name.as_str()) {
        t.take(&label_path);
        report.push(ReportItem::adjusted(
            t.at(&label_path),
            format!(
                "the Job's pods are labelled {APP_LABEL}: {}, so the app's Service never sends them traffic",
                spec.job_base_name(&name)
            ),
        ));
    }
    let job = Job {
        name,
        run: run.unwrap_or(0),
        args: Vec::new(),
        restart_policy: RestartPolicy::OnFailure,
        image_pull_policy: None,
        backoff_limit: None,
        ttl_seconds_after_finished: None,
    };
    let named_right = run.is_some() && full == spec.job_name(&job);
    (job, named_right)
}

fn take_restart_policy(t: &mut Tree, job: &mut Job) {
    let path = "spec.template.spec.restartPolicy";
    match t.get(path).and_then(Value::as_str) {
        Some("Never") => {
            job.restart_policy = RestartPolicy::Never;
            t.take(path);
        }
        Some("OnFailure") => {
            t.take(path);
        }
        _ => {}
    }
}

/// The Job's container is the app's: the same name, image, env and resources; only the args and the
/// pull policy are the job's own.
fn take_container(c: &mut Cursor, spec: &AppSpec, job: &mut Job) {
    job.args = c.take_strings("args").unwrap_or_default();
    c.take_if("name", &spec.app.name);
    c.take_if("image", &spec.image.reference());
    if let Some(p) = c.str("imagePullPolicy").and_then(pull_policy) {
        c.take("imagePullPolicy");
        if p != spec.image.pull_policy {
            job.image_pull_policy = Some(p);
        }
    }
    take_same_env(c, spec);
    take_same_env_from(c, spec);
    take_same_resources(c, spec);
}
