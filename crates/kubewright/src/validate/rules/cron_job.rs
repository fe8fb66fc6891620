//! CronJobs: the schedule, the time zone, the name and the counts, as the API server checks them.

use super::INT32_MAX;
use crate::spec::{describe_schedule, AppSpec, CronJob};
use crate::validate::names::dns1123_subdomain;
use crate::validate::{Finding, Rule, Severity};

/// Kubernetes appends 11 characters to a CronJob's name for each Job it starts.
const MAX_NAME: usize = 52;

pub const CRON_JOB: Rule = Rule {
    id: "cron-job",
    severity: Severity::Error,
    upstream: "ValidateCronJobCreate (pkg/apis/batch/validation): name at most 52 characters, \
               validateScheduleFormat (robfig/cron standard parser, no TZ= / CRON_TZ=), \
               validateTimeZone (time.LoadLocation), non-negative startingDeadlineSeconds and \
               history limits, positive activeDeadlineSeconds; int32",
    check: |spec| {
        spec.cron_jobs
            .iter()
            .enumerate()
            .flat_map(|(i, cron)| check_one(spec, i, cron))
            .collect()
    },
};

fn check_one(spec: &AppSpec, i: usize, cron: &CronJob) -> Vec<Finding> {
    let at = |field: &str| format!("cron_jobs[{i}].{field}");
    let mut out = Vec::new();
    let name = spec.cron_job_name(cron);
    if spec.cron_jobs[..i].iter().any(|c| c.name == cron.name) {
        out.push(Finding::new(
            at("name"),
            format!(
                "Another CronJob is named {}: each needs its own name.",
                cron.name
            ),
        ));
    } else if cron.name.is_empty() {
        out.push(Finding::new(
            at("name"),
            "Give the CronJob a short name, e.g. cleanup.",
        ));
    } else if name.len() > MAX_NAME {
        out.push(Finding::new(
            at("name"),
            format!(
                "The CronJob's name {name} is {} characters; the most is {MAX_NAME} (Kubernetes adds 11 to name each run).",
                name.len()
            ),
        ));
    } else if let Err(e) = dns1123_subdomain(&name) {
        out.push(Finding::new(
            at("name"),
            format!("The CronJob's name {name}: {e}"),
        ));
    }
    let schedule = cron.schedule.trim();
    if schedule.starts_with("TZ=") || schedule.starts_with("CRON_TZ=") {
        out.push(Finding::new(
            at("schedule"),
            "Kubernetes refuses TZ= and CRON_TZ= in the schedule: use the time zone field.",
        ));
    } else if let Err(e) = describe_schedule(&cron.schedule) {
        out.push(Finding::new(
            at("schedule"),
            format!("Not a cron schedule ({e}): write minute hour day-of-month month day-of-week, e.g. 30 3 * * * for every day at 03:30."),
        ));
    }
    if let Some(problem) = time_zone_problem(&cron.time_zone) {
        out.push(Finding::new(at("time_zone"), problem));
    }
    out.extend(counts(cron, at));
    out
}

/// The deadlines, history limits and retries: 0 or more (the active deadline 1 or more); the
/// int32 ones within int32.
fn counts(cron: &CronJob, at: impl Fn(&str) -> String) -> Vec<Finding> {
    let mut out = Vec::new();
    for (field, value, min) in [
        (
            "starting_deadline_seconds",
            cron.starting_deadline_seconds,
            0,
        ),
        (
            "successful_jobs_history_limit",
            cron.successful_jobs_history_limit,
            0,
        ),
        (
            "failed_jobs_history_limit",
            cron.failed_jobs_history_limit,
            0,
        ),
        ("active_deadline_seconds", cron.active_deadline_seconds, 1),
        ("backoff_limit", cron.backoff_limit, 0),
    ] {
        match value {
            Some(n) if n < min => out.push(Finding::new(
                at(field),
                format!("{n} is too small; it must be at least {min}."),
            )),
            Some(n)
                if n > INT32_MAX
                    && field != "starting_deadline_seconds"
                    && field != "active_deadline_seconds" =>
            {
                out.push(Finding::new(
                    at(field),
                    format!("{n} is too large; the most is {INT32_MAX}."),
                ))
            }
            _ => {}
        }
    }
    out
}

/// The shape of an IANA zone name (`Area/Location`, `UTC`): the API server looks it up in its
/// time zone database, which the page does not carry, so only the form is checked here.
fn time_zone_problem(zone: &str) -> Option<String> {
    if zone.is_empty() {
        return None;
    }
    if zone == "Local" {
        return Some("Local is refused: name the zone, e.g. Europe/Berlin or UTC.".into());
    }
    let valid = zone.split('/').all(|part| {
        !part.is_empty()
            && part != "."
            && part != ".."
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
    });
    (!valid).then(|| {
        format!("{zone} is not an IANA time zone name: write e.g. Europe/Berlin, America/New_York or UTC.")
    })
}
