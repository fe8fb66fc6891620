use serde::{Deserialize, Serialize};

use super::ContainerPort;

/// The three container probes. Each defaults to none.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Probes {
    /// Restarts the container when it fails (the app is stuck).
    pub liveness: Probe,
    /// Takes the pod out of the Service while it fails (the app is not ready for traffic).
    pub readiness: Probe,
    /// Holds off the other two until the app has started (slow boots).
    pub startup: Probe,
}

/// One probe: what to check, and the timing. A timing left `None` is not emitted, so Kubernetes'
/// default applies (initialDelay 0, period 10, timeout 1, failureThreshold 3, successThreshold 1).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Probe {
    /// What the probe does. Default none (no probe emitted).
    pub action: ProbeAction,
    /// Seconds after the container starts before the first probe; 0 or more.
    pub initial_delay_seconds: Option<i64>,
    /// Seconds between probes; 1 or more.
    pub period_seconds: Option<i64>,
    /// Seconds before one probe counts as failed; 1 or more.
    pub timeout_seconds: Option<i64>,
    /// Failures in a row before the probe gives up; 1 or more.
    pub failure_threshold: Option<i64>,
    /// Successes in a row before a failed probe counts as passing again; must be 1 for liveness and
    /// startup.
    pub success_threshold: Option<i64>,
}

/// What a probe checks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ProbeAction {
    /// No probe.
    #[default]
    None,
    /// Run a command in the container; exit code 0 passes.
    Exec {
        /// The command and its arguments, not run through a shell.
        command: Vec<String>,
    },
    /// An HTTP GET; a 2xx or 3xx status passes.
    HttpGet {
        /// Request path, starting with '/'.
        path: String,
        /// The container port's name (e.g. `http`) or number (e.g. `4000`).
        port: String,
    },
    /// A TCP connection that opens passes.
    TcpSocket {
        /// The container port's name or number.
        port: String,
    },
}

impl ProbeAction {
    /// Every kind's name, in the order the form's selector lists them.
    pub const KINDS: [&'static str; 4] = ["none", "exec", "httpGet", "tcpSocket"];

    /// A new action of `kind` (one of [`ProbeAction::KINDS`]; anything else is none): an empty
    /// command, or a check of `port` (a GET of `/` for httpGet).
    pub fn default_for(kind: &str, port: &ContainerPort) -> ProbeAction {
        match kind {
            "exec" => ProbeAction::Exec {
                command: Vec::new(),
            },
            "httpGet" => ProbeAction::HttpGet {
                path: "/".into(),
                port: port.reference(),
            },
            "tcpSocket" => ProbeAction::TcpSocket {
                port: port.reference(),
            },
            _ => ProbeAction::None,
        }
    }

    /// The kind's name as the form's selector shows it.
    pub fn kind(&self) -> &'static str {
        match self {
            ProbeAction::None => "none",
            ProbeAction::Exec { .. } => "exec",
            ProbeAction::HttpGet { .. } => "httpGet",
            ProbeAction::TcpSocket { .. } => "tcpSocket",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_makes_an_action_of_that_kind() {
        let named = ContainerPort::default();
        for kind in ProbeAction::KINDS {
            assert_eq!(ProbeAction::default_for(kind, &named).kind(), kind);
        }
        assert_eq!(
            ProbeAction::default_for("httpGet", &named),
            ProbeAction::HttpGet {
                path: "/".into(),
                port: "http".into()
            }
        );
        let unnamed = ContainerPort {
            name: String::new(),
            number: 4000,
            ..ContainerPort::default()
        };
        assert_eq!(
            ProbeAction::default_for("tcpSocket", &unnamed),
            ProbeAction::TcpSocket {
                port: "4000".into()
            }
        );
        assert_eq!(ProbeAction::default_for("other", &named), ProbeAction::None);
    }
}
