//! How a pod stops: the grace period and the preStop pause inside it.

use crate::validate::{Finding, Rule, Severity};

pub const SHUTDOWN: Rule = Rule {
    id: "shutdown",
    severity: Severity::Error,
    upstream: "ValidatePodSpec: terminationGracePeriodSeconds non-negative; validateSleepAction: \
               preStop sleep seconds greater than 0 and at most terminationGracePeriodSeconds",
    check: |spec| {
        let shutdown = &spec.shutdown;
        let mut out = Vec::new();
        let grace = shutdown.grace_seconds();
        if grace < 0 {
            out.push(Finding::new(
                "shutdown.termination_grace_period_seconds",
                format!("The grace period is {grace}; it must be 0 or more."),
            ));
        }
        match shutdown.pre_stop_sleep_seconds {
            Some(n) if n <= 0 => out.push(Finding::new(
                "shutdown.pre_stop_sleep_seconds",
                format!("The preStop pause is {n}; it must be at least 1 second."),
            )),
            Some(n) if grace >= 0 && n > grace => out.push(Finding::new(
                "shutdown.pre_stop_sleep_seconds",
                format!(
                    "The preStop pause ({n} s) is longer than the grace period ({grace} s): the pod \
                     would be killed before it ends. Shorten it or raise the grace period."
                ),
            )),
            _ => {}
        }
        out
    },
};
