//! Ports and probes: the container and Service ports, and the probes that check them.

use super::INT32_MAX;
use crate::k8s::IntOrString;
use crate::spec::{AppSpec, Probe, ProbeAction};
use crate::validate::{names, Finding, Fix, Rule, Severity};

fn port_range(n: i64) -> bool {
    (1..=65535).contains(&n)
}

pub const PORT_NUMBER: Rule = Rule {
    id: "port-number",
    severity: Severity::Error,
    upstream: "validateContainerPorts / ValidateService ports (IsValidPortNum: 1-65535)",
    check: |spec| {
        [
            ("port.number", spec.port.number, "The container port"),
            ("service.port", spec.service.port, "The Service port"),
        ]
        .into_iter()
        .filter(|(_, n, _)| !port_range(*n))
        .map(|(path, n, what)| Finding::new(path, format!("{what} is {n}; ports are 1 to 65535.")))
        .collect()
    },
};

pub const PORT_NAME: Rule = Rule {
    id: "port-name",
    severity: Severity::Error,
    upstream: "validateContainerPorts (IsValidPortName, IANA service name)",
    check: |spec| {
        let name = &spec.port.name;
        if name.is_empty() {
            return Vec::new();
        }
        names::port_name(name)
            .err()
            .map(|e| {
                Finding::new(
                    "port.name",
                    format!(
                        "The port name {e}. Port names are at most 15 lowercase letters, digits and '-', \
                         with at least one letter. Leave it empty for an unnamed port."
                    ),
                )
            })
            .into_iter()
            .collect()
    },
};

pub const NODE_PORT: Rule = Rule {
    id: "node-port",
    severity: Severity::Error,
    upstream: "Service nodePort within --service-node-port-range (default 30000-32767)",
    check: |spec| match spec.service.node_port {
        Some(n) if spec.service.kind.has_node_port() && !(30000..=32767).contains(&n) => {
            vec![Finding::new(
                "service.node_port",
                format!(
                    "The node port is {n}; clusters allow 30000 to 32767 by default. Leave it empty to \
                     let Kubernetes pick one."
                ),
            )]
        }
        _ => Vec::new(),
    },
};

pub const NODE_PORT_UNUSED: Rule = Rule {
    id: "node-port-unused",
    severity: Severity::Warning,
    upstream: "ours: only NodePort and LoadBalancer Services have a nodePort",
    check: |spec| match spec.service.node_port {
        Some(n) if !spec.service.kind.has_node_port() => vec![Finding::new(
            "service.node_port",
            format!(
                "Node port {n} is not used: a {} Service has none, so it is left out of the YAML.",
                spec.service.kind.as_str()
            ),
        )],
        _ => Vec::new(),
    },
};

/// The three probes with their path names.
pub(super) fn probes(spec: &AppSpec) -> [(&'static str, &Probe); 3] {
    [
        ("liveness", &spec.probes.liveness),
        ("readiness", &spec.probes.readiness),
        ("startup", &spec.probes.startup),
    ]
}

pub const PROBE_PORT: Rule = Rule {
    id: "probe-port",
    severity: Severity::Error,
    upstream: "validateHTTPGetAction / validateTCPSocketAction (ValidatePortNumOrName); \
               kube-linter liveness-port, readiness-port, startup-port (the named port exists)",
    check: |spec| {
        let mut out = Vec::new();
        for (which, probe) in probes(spec) {
            let port = match &probe.action {
                ProbeAction::HttpGet { port, .. } | ProbeAction::TcpSocket { port } => port,
                _ => continue,
            };
            let path = format!("probes.{which}.action.port");
            let problem = match IntOrString::parse(port) {
                _ if port.is_empty() => Some(format!(
                    "The {which} probe needs a port: the container port's name ({}) or number ({}).",
                    spec.port.name, spec.port.number
                )),
                IntOrString::Int(n) if !port_range(n) => {
                    Some(format!("Port {n} is out of range; ports are 1 to 65535."))
                }
                IntOrString::Int(_) => None,
                IntOrString::String(name) => match names::port_name(&name) {
                    Err(e) => Some(format!("The port name {e}.")),
                    Ok(()) if name != spec.port.name => Some(format!(
                        "No container port is named '{name}'{}; the probe would always fail.",
                        if spec.port.name.is_empty() {
                            String::new()
                        } else {
                            format!(" (the port is '{}')", spec.port.name)
                        }
                    )),
                    Ok(()) => None,
                },
            };
            out.extend(problem.map(|m| Finding::new(path, m)));
        }
        out
    },
};

pub const PROBE_NUMBERS: Rule = Rule {
    id: "probe-numbers",
    severity: Severity::Error,
    upstream:
        "validateProbe: ValidateNonnegativeField for each timing; successThreshold must be 1 for \
               liveness and startup probes",
    check: |spec| {
        let mut out = Vec::new();
        for (which, probe) in probes(spec) {
            if probe.action == ProbeAction::None {
                continue;
            }
            let fields = [
                ("initial_delay_seconds", probe.initial_delay_seconds),
                ("period_seconds", probe.period_seconds),
                ("timeout_seconds", probe.timeout_seconds),
                ("failure_threshold", probe.failure_threshold),
                ("success_threshold", probe.success_threshold),
            ];
            for (field, value) in fields {
                let path = format!("probes.{which}.{field}");
                match value {
                    Some(n) if n < 0 => out.push(Finding::new(
                        path,
                        format!("{n} is negative; use 0 or more (empty keeps Kubernetes' default)."),
                    )),
                    Some(n) if n > INT32_MAX => out.push(Finding::new(
                        path,
                        format!("{n} is too large; the most is {INT32_MAX}."),
                    )),
                    Some(n)
                        if field == "success_threshold" && which != "readiness" && n > 1 =>
                    {
                        out.push(Finding::new(
                            path,
                            format!(
                                "A {which} probe's success threshold must be 1: one success means the \
                                 container is alive. Only readiness may ask for more."
                            ),
                        ))
                    }
                    _ => {}
                }
            }
        }
        out
    },
};

pub const PROBE_EXEC: Rule = Rule {
    id: "probe-exec",
    severity: Severity::Error,
    upstream: "validateExecAction: command is required",
    check: |spec| {
        probes(spec)
            .into_iter()
            .filter_map(|(which, probe)| match &probe.action {
                ProbeAction::Exec { command } if command.iter().all(String::is_empty) => {
                    Some(Finding::new(
                        format!("probes.{which}.action.command"),
                        "The command is empty: give the program and its arguments, e.g. \
                         /app/bin/my_app pid.",
                    ))
                }
                _ => None,
            })
            .collect()
    },
};

// The probe fixes add a TCP connect for liveness (it only asks "is the process alive", never "is
// the database up") and an httpGet of / for readiness, on the container's port.
pub const NO_LIVENESS: Rule = Rule {
    id: "no-liveness-probe",
    severity: Severity::Warning,
    upstream: "kube-linter no-liveness-probe; Polaris livenessProbeMissing",
    check: |spec| {
        if spec.probes.liveness.action != ProbeAction::None {
            return Vec::new();
        }
        vec![Finding::new(
            "probes.liveness.action",
            "No liveness probe: a hung app keeps its pod forever instead of being restarted.",
        )
        .with_fix(Fix::Probe {
            which: "liveness",
            action: ProbeAction::TcpSocket {
                port: spec.port.reference(),
            },
        })]
    },
};

pub const NO_READINESS: Rule = Rule {
    id: "no-readiness-probe",
    severity: Severity::Warning,
    upstream: "kube-linter no-readiness-probe; Polaris readinessProbeMissing",
    check: |spec| {
        if spec.probes.readiness.action != ProbeAction::None {
            return Vec::new();
        }
        vec![Finding::new(
            "probes.readiness.action",
            "No readiness probe: the Service sends traffic to a pod as soon as it starts, before the \
             app can answer, and a rollout cannot tell a broken version from a working one.",
        )
        .with_fix(Fix::Probe {
            which: "readiness",
            action: ProbeAction::HttpGet {
                path: "/".into(),
                port: spec.port.reference(),
            },
        })]
    },
};

pub const POD_PROBES: Rule = Rule {
    id: "pod-probes",
    severity: Severity::Warning,
    upstream: "kube-score pod-probes (identical liveness and readiness probes)",
    check: |spec| {
        let p = &spec.probes;
        if p.liveness.action == ProbeAction::None || p.liveness != p.readiness {
            return Vec::new();
        }
        vec![Finding::new(
            "probes.liveness.action",
            "Liveness is the same check as readiness: when the app is briefly busy, both fail and \
             Kubernetes restarts pods that only needed a moment. Make liveness a cheaper check.",
        )
        .with_fix(Fix::Probe {
            which: "liveness",
            action: ProbeAction::TcpSocket {
                port: spec.port.reference(),
            },
        })]
    },
};

pub const PROBE_PORT_UNDECLARED: Rule = Rule {
    id: "probe-port-undeclared",
    severity: Severity::Warning,
    upstream: "ours (kube-linter liveness-port / readiness-port check named ports only)",
    check: |spec| {
        let mut out = Vec::new();
        for (which, probe) in probes(spec) {
            let (ProbeAction::HttpGet { port, .. } | ProbeAction::TcpSocket { port }) =
                &probe.action
            else {
                continue;
            };
            // Only a valid number other than the container's: names and bad numbers are
            // probe-port's errors.
            let Ok(n) = port.parse::<i64>() else {
                continue;
            };
            if n == spec.port.number || !(1..=65535).contains(&n) || port.starts_with('+') {
                continue;
            }
            let mut finding = Finding::new(
                format!("probes.{which}.action.port"),
                format!(
                    "The {which} probe checks port {n}, but the container's port is {}: unless the \
                     app also listens on {n}, every check fails. Name the port ({}) instead of its \
                     number, so the two cannot drift apart.",
                    spec.port.number,
                    if spec.port.name.is_empty() { "give it a name" } else { &spec.port.name }
                ),
            );
            if !spec.port.name.is_empty() {
                finding = finding.with_fix(Fix::ProbePort {
                    which,
                    port: spec.port.name.clone(),
                });
            }
            out.push(finding);
        }
        out
    },
};

pub const PROBE_HTTP_PATH: Rule = Rule {
    id: "probe-http-path",
    severity: Severity::Warning,
    upstream: "ours: the kubelet builds the probe URL with Go's net/url, which puts a '/' before a path \
               without one (pkg/probe/http/request.go formatURL); the API server only defaults an empty \
               path to '/'",
    check: |spec| {
        probes(spec)
            .into_iter()
            .filter_map(|(which, probe)| match &probe.action {
                ProbeAction::HttpGet { path, .. } if !path.is_empty() && !path.starts_with('/') => {
                    Some(Finding::new(
                        format!("probes.{which}.action.path"),
                        format!(
                            "The kubelet adds the missing '/' and requests /{path}, so the probe works, \
                             but the YAML says otherwise. Write /{path}."
                        ),
                    ))
                }
                _ => None,
            })
            .collect()
    },
};
