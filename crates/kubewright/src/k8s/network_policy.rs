use serde::Serialize;

use super::{IntOrString, ObjectMeta, Pairs};
use crate::spec::{AppSpec, DatabaseKind, APP_LABEL, POSTGRES_PORT};

/// `networking.k8s.io/v1 NetworkPolicy` for the app's pods and its Jobs': deny by default, allow
/// what they need.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkPolicy {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: NetworkPolicySpec,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkPolicySpec {
    pub pod_selector: PodSelector,
    pub policy_types: Vec<&'static str>,
    pub ingress: Vec<Rule>,
    pub egress: Vec<Rule>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Selector {
    pub match_labels: Pairs,
}

/// Which pods the policy is for: the app's (`matchLabels`), or with Jobs the app's and theirs
/// (`app In [...]`: the Jobs' pods carry their own `app` label).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodSelector {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub match_labels: Option<Pairs>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub match_expressions: Vec<Requirement>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Requirement {
    pub key: &'static str,
    pub operator: &'static str,
    pub values: Vec<String>,
}

/// One ingress (`from`) or egress (`to`) rule; no peers means any peer, no ports any port.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Rule {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<Peer>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Peer>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ports: Vec<Port>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Peer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace_selector: Option<Selector>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pod_selector: Option<Selector>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Port {
    pub protocol: &'static str,
    pub port: IntOrString,
}

/// The label every namespace carries with its own name (Kubernetes 1.22+).
pub(super) const NAMESPACE_NAME: &str = "kubernetes.io/metadata.name";

fn selector(pairs: &[(&str, &str)]) -> Selector {
    Selector {
        match_labels: Pairs(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        ),
    }
}

impl NetworkPolicy {
    /// The object's `kind`.
    pub const KIND: &str = "NetworkPolicy";

    /// The app's NetworkPolicy, or `None` when it is off.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        let policy = &spec.network_policy;
        if !policy.enabled {
            return None;
        }
        let own_pods = Peer {
            namespace_selector: None,
            pod_selector: Some(Selector {
                match_labels: Pairs(spec.selector_labels()),
            }),
        };
        let mut ingress = vec![app_port(spec)];
        ingress.extend(sidecar_ports(spec));
        let mut egress = Vec::new();
        if policy.open_egress {
            egress.push(Rule::default());
        } else {
            egress.push(dns());
            egress.extend(database(spec));
        }
        // The BEAM's nodes talk over EPMD (4369) and distribution ports that are dynamic unless
        // pinned: every port, but only between the app's own pods.
        if spec.clustering.enabled {
            ingress.push(Rule {
                from: vec![own_pods.clone()],
                ..Rule::default()
            });
            if !policy.open_egress {
                egress.push(Rule {
                    to: vec![own_pods],
                    ..Rule::default()
                });
            }
        }
        Some(NetworkPolicy {
            api_version: "networking.k8s.io/v1",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, spec.app.name.clone()),
            spec: NetworkPolicySpec {
                pod_selector: pods(spec),
                policy_types: vec!["Ingress", "Egress"],
                ingress,
                egress,
            },
        })
    }
}

// The app's pods, and the Jobs' and CronJobs' (which need DNS and the database too).
fn pods(spec: &AppSpec) -> PodSelector {
    if spec.jobs.is_empty() && spec.cron_jobs.is_empty() {
        return PodSelector {
            match_labels: Some(Pairs(spec.selector_labels())),
            match_expressions: Vec::new(),
        };
    }
    let mut values = vec![spec.app.name.clone()];
    let jobs = spec.jobs.iter().map(|job| spec.job_base_name(&job.name));
    let crons = spec.cron_jobs.iter().map(|cron| spec.cron_job_name(cron));
    for label in jobs.chain(crons) {
        if !values.contains(&label) {
            values.push(label);
        }
    }
    PodSelector {
        match_labels: None,
        match_expressions: vec![Requirement {
            key: APP_LABEL,
            operator: "In",
            values,
        }],
    }
}

// The app's port: from the ingress controller's (or gateway's) namespace behind an Ingress or
// route, else from anywhere.
fn app_port(spec: &AppSpec) -> Rule {
    let port = if spec.port.name.is_empty() {
        IntOrString::Int(spec.port.number)
    } else {
        IntOrString::String(spec.port.name.clone())
    };
    let from = if spec.fronted() {
        vec![Peer {
            namespace_selector: Some(selector(&[(
                NAMESPACE_NAME,
                &spec.network_policy.controller_namespace,
            )])),
            pod_selector: None,
        }]
    } else {
        Vec::new()
    };
    Rule {
        from,
        ports: vec![Port {
            protocol: spec.port.protocol.as_str(),
            port,
        }],
        ..Rule::default()
    }
}

// The sidecars' declared ports (an exporter's metrics), from the monitoring namespace.
fn sidecar_ports(spec: &AppSpec) -> Option<Rule> {
    let ports: Vec<Port> = spec
        .init
        .sidecars
        .iter()
        .flat_map(|s| s.ports.iter())
        .map(|&p| Port {
            protocol: "TCP",
            port: IntOrString::Int(p),
        })
        .collect();
    (!ports.is_empty()).then(|| Rule {
        from: vec![Peer {
            namespace_selector: Some(selector(&[(
                NAMESPACE_NAME,
                &spec.network_policy.monitoring_namespace,
            )])),
            pod_selector: None,
        }],
        ports,
        ..Rule::default()
    })
}

// Cluster DNS (CoreDNS, labelled k8s-app: kube-dns in kube-system), over UDP and TCP.
fn dns() -> Rule {
    Rule {
        to: vec![Peer {
            namespace_selector: Some(selector(&[(NAMESPACE_NAME, "kube-system")])),
            pod_selector: Some(selector(&[("k8s-app", "kube-dns")])),
        }],
        ports: ["UDP", "TCP"]
            .into_iter()
            .map(|protocol| Port {
                protocol,
                port: IntOrString::Int(53),
            })
            .collect(),
        ..Rule::default()
    }
}

// PostgreSQL's pods in the app's namespace, by the labels the chart or the operator gives them.
fn database(spec: &AppSpec) -> Option<Rule> {
    let db = &spec.database;
    let pods = match db.kind {
        DatabaseKind::None => return None,
        DatabaseKind::Helm => selector(&[
            ("app.kubernetes.io/instance", &db.name),
            ("app.kubernetes.io/name", "postgresql"),
        ]),
        DatabaseKind::CloudNativePg => selector(&[("cnpg.io/cluster", &db.name)]),
    };
    Some(Rule {
        to: vec![Peer {
            namespace_selector: None,
            pod_selector: Some(pods),
        }],
        ports: vec![Port {
            protocol: "TCP",
            port: IntOrString::Int(POSTGRES_PORT),
        }],
        ..Rule::default()
    })
}
