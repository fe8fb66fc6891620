//! How many pods run and how they roll out, and the counts a Job keeps (retries, TTL, runs).

use super::INT32_MAX;
use crate::k8s::IntOrString;
use crate::validate::{Finding, Fix, Rule, Severity};

/// maxSurge / maxUnavailable: a whole number of 0 or more, or a percentage `N%`. `Some(true)` when
/// it is zero.
pub(super) fn int_or_percent(text: &str) -> Result<bool, String> {
    match IntOrString::parse(text) {
        IntOrString::Int(n) if n < 0 => Err(format!("{n} is negative; use 0 or more")),
        IntOrString::Int(n) => Ok(n == 0),
        IntOrString::String(s) => match s.strip_suffix('%') {
            Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(digits.bytes().all(|b| b == b'0'))
            }
            _ => Err(format!(
                "'{s}' is neither a whole number nor a percentage; write e.g. 1 or 25%"
            )),
        },
    }
}

pub const ROLLING_UPDATE: Rule = Rule {
    id: "rolling-update",
    severity: Severity::Error,
    upstream:
        "ValidateRollingUpdateDeployment: ValidatePositiveIntOrPercent, maxUnavailable at most \
               100%, maxUnavailable may not be 0 when maxSurge is 0",
    check: |spec| {
        let app = &spec.app;
        // Recreate has no rollingUpdate block: the two fields are not emitted.
        if app.strategy == crate::spec::DeployStrategy::Recreate {
            return Vec::new();
        }
        let surge = int_or_percent(&app.max_surge);
        let unavailable = int_or_percent(&app.max_unavailable);
        let mut out = Vec::new();
        if let Err(e) = &surge {
            out.push(Finding::new("app.max_surge", format!("maxSurge: {e}.")));
        }
        if let Err(e) = &unavailable {
            out.push(Finding::new(
                "app.max_unavailable",
                format!("maxUnavailable: {e}."),
            ));
        }
        if let Some(percent) = app.max_unavailable.strip_suffix('%') {
            if percent.parse::<u64>().is_ok_and(|p| p > 100) {
                out.push(Finding::new(
                    "app.max_unavailable",
                    "maxUnavailable cannot be more than 100%.",
                ));
            }
        }
        if surge == Ok(true) && unavailable == Ok(true) {
            out.push(Finding::new(
                "app.max_unavailable",
                "maxSurge and maxUnavailable are both 0, so a rollout could neither add nor remove a \
                 pod. Set maxSurge to 1 (or 25%) to roll out without losing capacity.",
            ));
        }
        out
    },
};

pub const COUNTS: Rule = Rule {
    id: "counts",
    severity: Severity::Error,
    upstream: "ValidateNonnegativeField (replicas, revisionHistoryLimit, backoffLimit, \
               ttlSecondsAfterFinished, runAsUser, runAsGroup) and their int32 range",
    check: |spec| {
        let mut fields: Vec<(String, Option<i64>, &str)> = vec![
            ("app.replicas".into(), Some(spec.app.replicas), "Replicas"),
            (
                "app.revision_history_limit".into(),
                Some(spec.app.revision_history_limit),
                "The revision history limit",
            ),
            (
                "security.run_as_user".into(),
                spec.security.run_as_user,
                "The user id",
            ),
            (
                "security.run_as_group".into(),
                spec.security.run_as_group,
                "The group id",
            ),
        ];
        for (i, job) in spec.jobs.iter().enumerate() {
            fields.push((format!("jobs[{i}].run"), Some(job.run), "The run number"));
            fields.push((
                format!("jobs[{i}].backoff_limit"),
                job.backoff_limit,
                "The backoff limit",
            ));
            fields.push((
                format!("jobs[{i}].ttl_seconds_after_finished"),
                job.ttl_seconds_after_finished,
                "The TTL",
            ));
        }
        fields
            .into_iter()
            .filter_map(|(path, value, what)| match value {
                Some(n) if n < 0 => Some(Finding::new(
                    path,
                    format!("{what} is {n}; it must be 0 or more."),
                )),
                Some(n) if n > INT32_MAX => Some(Finding::new(
                    path,
                    format!("{what} is {n}; the most is {INT32_MAX}."),
                )),
                _ => None,
            })
            .collect()
    },
};

pub const MINIMUM_REPLICAS: Rule = Rule {
    id: "minimum-replicas",
    severity: Severity::Warning,
    upstream: "kube-linter minimum-three-replicas (here: 2); kube-score deployment-has-poddisruptionbudget",
    check: |spec| {
        // With an autoscaler its minimum is the count the app can drop to.
        let (path, count, fix) = if spec.autoscaling.enabled {
            let a = &spec.autoscaling;
            ("autoscaling.min_replicas", a.min_replicas, Fix::MinReplicas(2))
        } else {
            ("app.replicas", spec.app.replicas, Fix::Replicas(2))
        };
        if !(0..2).contains(&count) || super::volume::one_pod_on_purpose(spec) {
            return Vec::new();
        }
        vec![Finding::new(
            path,
            "With fewer than 2 replicas a node drain or a crash takes the app offline. Run 2 or more, \
             and add a PodDisruptionBudget (minAvailable: 1) so drains keep one running.",
        )
        .with_fix(fix)]
    },
};

pub const JOB_TTL: Rule = Rule {
    id: "job-ttl-seconds-after-finished",
    severity: Severity::Warning,
    upstream: "kube-linter job-ttl-seconds-after-finished",
    check: |spec| {
        spec.jobs
            .iter()
            .enumerate()
            .filter(|(_, j)| j.ttl_seconds_after_finished.is_none())
            .map(|(i, _)| {
                Finding::new(
                    format!("jobs[{i}].ttl_seconds_after_finished"),
                    "Finished Jobs and their pods stay until someone deletes them; every run adds one. \
                     A TTL lets Kubernetes clean up (after you have read the logs).",
                )
                .with_fix(Fix::JobTtl {
                    index: i,
                    seconds: 86_400,
                })
            })
            .collect()
    },
};
