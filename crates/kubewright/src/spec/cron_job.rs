use serde::{Deserialize, Serialize};

use super::RestartPolicy;

/// A Job run on a schedule (`batch/v1 CronJob`) from the app's image, with the app's env, secrets
/// and resources, such as a nightly cleanup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CronJob {
    /// Short name, e.g. `cleanup`; the CronJob is `<app>-<name>` (at most 52 characters: Kubernetes
    /// appends 11 to name each Job) and its file `cronjob-<name>.yaml`. Default `cleanup`.
    pub name: String,
    /// When it runs, in cron syntax: minute hour day-of-month month day-of-week, e.g. `30 3 * * *`
    /// (every day at 03:30), or `@daily`, `@hourly`, ... Default `30 3 * * *`.
    pub schedule: String,
    /// The IANA time zone the schedule is read in, e.g. `Europe/Berlin`; empty: the controller's
    /// (usually UTC). Default empty.
    pub time_zone: String,
    /// Arguments passed to the image's entrypoint. Default none.
    pub args: Vec<String>,
    /// What happens when a run is due while the last one still runs. Default `Forbid`.
    pub concurrency_policy: ConcurrencyPolicy,
    /// Seconds after the scheduled time within which a missed run may still start; `None`: no
    /// limit. Default none; 0 or more.
    pub starting_deadline_seconds: Option<i64>,
    /// Finished Jobs kept (successful); `None` keeps Kubernetes' default (3). Default none; 0 or more.
    pub successful_jobs_history_limit: Option<i64>,
    /// Failed Jobs kept; `None` keeps Kubernetes' default (1). Default none; 0 or more.
    pub failed_jobs_history_limit: Option<i64>,
    /// Seconds a run may take before Kubernetes stops it; `None`: no limit. Default none; 1 or more.
    pub active_deadline_seconds: Option<i64>,
    /// Retries before a run counts as failed; `None` keeps Kubernetes' default (6). Default none.
    pub backoff_limit: Option<i64>,
    /// What happens when the container fails. Default OnFailure.
    pub restart_policy: RestartPolicy,
}

impl Default for CronJob {
    fn default() -> Self {
        CronJob {
            name: "cleanup".into(),
            schedule: "30 3 * * *".into(),
            time_zone: String::new(),
            args: Vec::new(),
            concurrency_policy: ConcurrencyPolicy::Forbid,
            starting_deadline_seconds: None,
            successful_jobs_history_limit: None,
            failed_jobs_history_limit: None,
            active_deadline_seconds: None,
            backoff_limit: None,
            restart_policy: RestartPolicy::OnFailure,
        }
    }
}

/// `concurrencyPolicy`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConcurrencyPolicy {
    /// Runs may overlap.
    Allow,
    /// A due run is skipped while the last one still runs.
    #[default]
    Forbid,
    /// A due run replaces the one still running.
    Replace,
}

impl ConcurrencyPolicy {
    pub const ALL: [ConcurrencyPolicy; 3] = [
        ConcurrencyPolicy::Allow,
        ConcurrencyPolicy::Forbid,
        ConcurrencyPolicy::Replace,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConcurrencyPolicy::Allow => "Allow",
            ConcurrencyPolicy::Forbid => "Forbid",
            ConcurrencyPolicy::Replace => "Replace",
        }
    }
}

/// The schedule said back in words, e.g. `every day at 03:30` for `30 3 * * *` (cronspeak's
/// words, 24-hour clock), or why it is not cron.
pub fn describe_schedule(schedule: &str) -> Result<String, String> {
    let options = cronspeak::Options::new().time_format(cronspeak::TimeFormat::H24);
    let words = cronspeak::describe_with(schedule, &options).map_err(|e| e.to_string())?;
    // cronspeak says a daily time as a bare "At 03:30"; a reader asks "which days?".
    let daily = words
        .strip_prefix("At ")
        .filter(|time| time.len() == 5 && time.as_bytes()[2] == b':');
    Ok(match daily {
        Some(time) => format!("every day at {time}"),
        None => words,
    })
}

impl super::AppSpec {
    /// A new CronJob for the form's "add" button: `cleanup`, then `cleanup-2`, `cleanup-3`, ...
    /// (the first free name).
    pub fn new_cron_job(&self) -> CronJob {
        let taken = |name: &str| self.cron_jobs.iter().any(|c| c.name == name);
        let default = CronJob::default();
        let name = std::iter::once(default.name.clone())
            .chain((2..).map(|n| format!("{}-{n}", default.name)))
            .find(|n| !taken(n))
            .unwrap_or_default();
        CronJob { name, ..default }
    }
}

#[cfg(test)]
mod tests {
    use super::describe_schedule;

    #[test]
    fn schedules_are_said_back_in_words() {
        assert_eq!(
            describe_schedule("30 3 * * *").unwrap(),
            "every day at 03:30"
        );
        assert_eq!(
            describe_schedule("*/15 * * * *").unwrap(),
            "Every 15 minutes"
        );
        assert_eq!(
            describe_schedule("0 9 * * 1-5").unwrap(),
            "At 09:00, Monday through Friday"
        );
        assert!(describe_schedule("61 * * * *").is_err());
        assert!(describe_schedule("* * *").is_err());
    }
}
