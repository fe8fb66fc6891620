//! Table tests for every validation rule: valid and invalid cases side by side.
//!
//! The `caught_by` column says which external validator also refuses the rendered YAML of an error
//! case: k8s-openapi (checked here), kubernetes-validate and kubernetes-models (checked by
//! tests/oracles/agreement.sh, which fails when the column is wrong either way). In short: they catch
//! duplicate keys, numbers beyond int32 and (kubernetes-models) malformed quantities; none of them
//! checks names, ports, env names, negative quantities, requests above limits or the other semantic
//! rules ("-"), which is why this module exists.

use kubewright::presets::Preset;
use kubewright::spec::*;
use kubewright::validate::{self, image_ref, names, quantity, Severity, RULES};
use kubewright::AppSpec;

/// A spec with no issue at all: every case below changes one thing. With a checksum key, as the
/// page and the spec files the tool writes have one.
fn clean() -> AppSpec {
    let mut spec = Preset::find("web-app").unwrap().spec().unwrap();
    // The preset leaves the user's own secrets empty (required); a filled one is clean.
    for secret in &mut spec.secrets {
        secret.value = "postgres://web:s3cret@db.example.com:5432/web".into();
    }
    spec.secret_options.checksum_key = "a-random-key".into();
    spec
}

fn issues_of(spec: &AppSpec) -> Vec<(String, String)> {
    validate::validate(spec)
        .into_iter()
        .map(|i| (i.rule.to_string(), i.path))
        .collect()
}

#[test]
fn the_clean_base_has_no_issue() {
    assert_eq!(issues_of(&clean()), Vec::<(String, String)>::new());
}

struct Case {
    rule: &'static str,
    /// What the user did.
    edit: fn(&mut AppSpec),
    /// The field the issue must point at; `None`: this rule must stay quiet.
    path: Option<&'static str>,
    caught_by: &'static str,
}

const fn fires(rule: &'static str, path: &'static str, edit: fn(&mut AppSpec)) -> Case {
    Case {
        rule,
        edit,
        path: Some(path),
        caught_by: "-",
    }
}

const fn quiet(rule: &'static str, edit: fn(&mut AppSpec)) -> Case {
    Case {
        rule,
        edit,
        path: None,
        caught_by: "-",
    }
}

const fn caught(mut case: Case, by: &'static str) -> Case {
    case.caught_by = by;
    case
}

fn sidecar(name: &str, port: i64) -> Sidecar {
    Sidecar {
        name: name.into(),
        image: "prom/statsd-exporter:v0.28.0".into(),
        ports: vec![port],
        resources: Resources {
            requests: CpuMemory::new("10m", "32Mi"),
            limits: CpuMemory::new("100m", "64Mi"),
        },
        ..Sidecar::default()
    }
}

fn http_get(path: &str, port: &str) -> ProbeAction {
    ProbeAction::HttpGet {
        path: path.into(),
        port: port.into(),
    }
}

fn long(n: usize) -> String {
    "a".repeat(n)
}

/// Adds a kept object (held for review, as anything from outside arrives).
fn keep(spec: &mut AppSpec, yaml: &str) {
    spec.extra.push(kubewright::kept::Kept::held(
        serde_yaml::from_str(yaml).unwrap(),
    ));
}

/// A database of this kind with the settings it needs (the clean base has its own DATABASE_URL
/// secret, which the derived URL would clash with).
fn database(s: &mut AppSpec, kind: DatabaseKind) {
    s.secrets.retain(|e| e.name != "DATABASE_URL");
    s.database.kind = kind;
    s.database.password = "x".into();
    s.database.admin_password = "y".into();
}

/// A complete registry login.
fn registry_on(s: &mut AppSpec) {
    s.registry = Registry {
        enabled: true,
        server: "ghcr.io".into(),
        username: "robot".into(),
        password: "token".into(),
    };
}

/// The Ingress on, with cert-manager TLS (the settings that raise no issue).
fn ingress_on(s: &mut AppSpec) {
    s.ingress.enabled = true;
    s.ingress.tls = TlsSource::CertManager;
}

/// The HTTPRoute on with its own Gateway and cert-manager TLS (the settings that raise no issue).
fn route_on(s: &mut AppSpec) {
    s.set_exposure(Exposure::Route);
    s.route.create_gateway = true;
    s.route.tls = TlsSource::CertManager;
    // NGINX Gateway Fabric's proxies run next to the Gateway, here the app's namespace.
    s.network_policy.controller_namespace = "web".into();
}

const CASES: &[Case] = &[
    // Dangerous kept objects (warnings, with kube-linter / Polaris / checkov ids): whatever a link,
    // a spec file or a paste brings is said before it is applied, held or included.
    fires("cluster-admin-role-binding", "extra[0]", |s| {
        keep(s, "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: x}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: ServiceAccount, name: default, namespace: web}]\n")
    }),
    quiet("cluster-admin-role-binding", |s| {
        keep(s, "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: x}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\n")
    }),
    fires("wildcard-in-rules", "extra[0]", |s| {
        keep(s, "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: x}\nrules: [{apiGroups: [''], resources: [secrets], verbs: ['*']}]\n")
    }),
    quiet("wildcard-in-rules", |s| {
        keep(s, "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: x}\nrules: [{apiGroups: [''], resources: [pods], verbs: [get]}]\n")
    }),
    fires("privileged-container", "extra[0]", |s| {
        keep(s, "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: ghcr.io/example/agent, securityContext: {privileged: true}}]\n")
    }),
    quiet("privileged-container", |s| {
        keep(s, "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [{name: c, image: ghcr.io/example/agent, securityContext: {privileged: false}}]\n")
    }),
    fires("host-network", "extra[0]", |s| {
        keep(s, "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  hostNetwork: true\n  containers: [{name: c, image: ghcr.io/example/agent}]\n")
    }),
    quiet("host-network", |s| {
        keep(s, "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  hostNetwork: false\n  containers: [{name: c, image: ghcr.io/example/agent}]\n")
    }),
    fires("host-pid", "extra[0]", |s| {
        keep(s, "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  hostPID: true\n  containers: [{name: c, image: ghcr.io/example/agent}]\n")
    }),
    fires("host-ipc", "extra[0]", |s| {
        keep(s, "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: x}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          hostIPC: true\n          containers: [{name: c, image: ghcr.io/example/agent}]\n")
    }),
    fires("hostPathSet", "extra[0]", |s| {
        keep(s, "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  volumes: [{name: root, hostPath: {path: /}}]\n  containers: [{name: c, image: ghcr.io/example/agent}]\n")
    }),
    quiet("hostPathSet", |s| {
        keep(s, "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  volumes: [{name: tmp, emptyDir: {}}]\n  containers: [{name: c, image: ghcr.io/example/agent}]\n")
    }),
    fires("dangerousCapabilities", "extra[0]", |s| {
        keep(s, "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [{name: c, image: ghcr.io/example/agent, securityContext: {capabilities: {add: [NET_ADMIN]}}}]\n")
    }),
    quiet("dangerousCapabilities", |s| {
        keep(s, "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [{name: c, image: ghcr.io/example/agent, securityContext: {capabilities: {add: [NET_BIND_SERVICE]}}}]\n")
    }),
    fires("kept-cluster-scoped", "extra[0]", |s| {
        keep(s, "apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\nmetadata: {name: x}\n")
    }),
    quiet("kept-cluster-scoped", |s| {
        keep(
            s,
            "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: x}\n",
        )
    }),
    fires("kept-other-namespace", "extra[0]", |s| {
        keep(
            s,
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: kube-system}\n",
        )
    }),
    quiet("kept-other-namespace", |s| {
        keep(
            s,
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: web}\n",
        )
    }),
    fires("kept-secret-value", "extra[0]", |s| {
        keep(s, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {SMTP_PASSWORD: hunter2}\n")
    }),
    quiet("kept-secret-value", |s| {
        keep(
            s,
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {MODE: prod}\n",
        )
    }),
    fires("allowed-repos", "extra[0]", |s| {
        keep(s, "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [{name: c, image: docker.io/someone/miner}]\n")
    }),
    quiet("allowed-repos", |s| {
        keep(s, "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers: [{name: c, image: ghcr.io/example/worker:2}]\n")
    }),
    // app-name: the Service name is an RFC 1035 label.
    quiet("app-name", |s| s.app.name = "my-app2".into()),
    fires("app-name", "app.name", |s| s.app.name = "My_App".into()),
    fires("app-name", "app.name", |s| s.app.name = "2fast".into()),
    fires("app-name", "app.name", |s| s.app.name = "web-".into()),
    fires("app-name", "app.name", |s| s.app.name = String::new()),
    fires("app-name", "app.name", |s| s.app.name = long(64)),
    quiet("app-name", |s| s.app.name = long(63)),
    // namespace-name: RFC 1123 label, empty allowed.
    quiet("namespace-name", |s| s.app.namespace = String::new()),
    quiet("namespace-name", |s| s.app.namespace = "2-team".into()),
    fires("namespace-name", "app.namespace", |s| {
        s.app.namespace = "Team".into()
    }),
    fires("namespace-name", "app.namespace", |s| {
        s.app.namespace = "a.b".into()
    }),
    fires("namespace-name", "app.namespace", |s| {
        s.app.namespace = long(64)
    }),
    // labels: keys are qualified names, values label values, keys unique and not `app`.
    quiet("labels", |s| {
        s.app.labels = vec![
            Label::new("app.kubernetes.io/part-of", "shop"),
            Label::new("tier", ""),
        ]
    }),
    caught(
        fires("labels", "app.labels[0].key", |s| {
            s.app.labels = vec![Label::new("app", "x")]
        }),
        "k8s-openapi, kubernetes-validate, kubernetes-models (duplicate key)",
    ),
    fires("labels", "app.labels[0].key", |s| {
        s.app.labels = vec![Label::new("Team Name", "x")]
    }),
    fires("labels", "app.labels[0].key", |s| {
        s.app.labels = vec![Label::new("Example.com/x", "y")]
    }),
    caught(
        fires("labels", "app.labels[1].key", |s| {
            s.app.labels = vec![Label::new("tier", "a"), Label::new("tier", "b")]
        }),
        "k8s-openapi, kubernetes-validate, kubernetes-models (duplicate key)",
    ),
    fires("labels", "app.labels[0].value", |s| {
        s.app.labels = vec![Label::new("tier", "front end")]
    }),
    fires("labels", "app.labels[0].value", |s| {
        s.app.labels = vec![Label::new("tier", "-web")]
    }),
    // derived-name: <app>-<job>-<run> is a pod label value, so at most 63.
    quiet("derived-name", |s| s.app.name = long(50)),
    fires("derived-name", "jobs[0].name", |s| s.app.name = long(60)),
    fires("derived-name", "jobs[0].name", |s| {
        s.jobs[0].name = "Migrate".into()
    }),
    fires("derived-name", "jobs[0].name", |s| {
        s.jobs[0].name = "a_b".into()
    }),
    quiet("derived-name", |s| s.app.name = long(70)), // reported once, as app-name
    // Every other name made from the app or database name, against its kind's rule.
    // ValidateServiceName (IsDNS1035Label, 63): the clustering Service <app>-headless.
    fires("derived-name", "app.name", |s| {
        s.jobs.clear();
        s.app.name = long(58);
        s.clustering.enabled = true
    }),
    quiet("derived-name", |s| {
        s.jobs.clear();
        s.app.name = long(54);
        s.clustering.enabled = true
    }),
    // ValidateConfigMapName / ValidateSecretName (IsDNS1123Subdomain, 253): <app>-env and
    // <app>-env-secret fit whenever the app name is valid.
    quiet("derived-name", |s| {
        s.jobs.clear();
        s.app.name = long(63)
    }),
    // The StatefulSet controller's controller-revision-hash pod label (<statefulset>-<hash>,
    // IsValidLabelValue, 63): the chart's StatefulSet <release>-postgresql has at most 52.
    fires("derived-name", "database.name", |s| {
        database(s, DatabaseKind::Helm);
        s.database.name = long(42)
    }),
    quiet("derived-name", |s| {
        database(s, DatabaseKind::Helm);
        s.database.name = long(41)
    }),
    quiet("derived-name", |s| {
        database(s, DatabaseKind::Helm);
        s.database.name = format!("{}-postgresql", long(41)) // the chart uses it as it is
    }),
    // CloudNativePG: <cluster>-rw (IsDNS1035Label) and <cluster>-credentials fit at 50.
    quiet("derived-name", |s| {
        database(s, DatabaseKind::CloudNativePg);
        s.database.name = long(50)
    }),
    // data-key: ConfigMap / Secret keys.
    quiet("data-key", |s| s.env[0].name = "log.level-x_1".into()),
    fires("data-key", "env[0].name", |s| {
        s.env[0].name = "LOG LEVEL".into()
    }),
    fires("data-key", "env[0].name", |s| s.env[0].name = String::new()),
    fires("data-key", "env[0].name", |s| s.env[0].name = "..x".into()),
    fires("data-key", "secrets[0].name", |s| {
        s.secrets[0].name = "DB=URL".into()
    }),
    fires("data-key", "env[1].name", |s| s.env[1].name = long(254)),
    // IsConfigMapKey also for the keys the spec derives: the database URL's variable is a Secret
    // key, the clustering query's a ConfigMap key (not env names: a space is refused).
    fires("data-key", "database.url_env", |s| {
        database(s, DatabaseKind::Helm);
        s.database.url_env = "DATABASE URL".into()
    }),
    quiet("data-key", |s| {
        database(s, DatabaseKind::Helm);
        s.database.url_env = "database.url-1".into()
    }),
    fires("data-key", "clustering.query_env", |s| {
        s.clustering.enabled = true;
        s.clustering.query_env = "DNS QUERY".into()
    }),
    quiet("data-key", |s| {
        s.clustering.enabled = true;
        s.clustering.query_env = "dns.cluster-query_1".into()
    }),
    // secret-value-required and placeholder-value: the user's own values, never a stand-in.
    fires("secret-value-required", "secrets[0].value", |s| {
        s.secrets[0].value.clear()
    }),
    quiet("secret-value-required", |s| s.secrets[0].value = " ".into()),
    fires("placeholder-value", "secrets[0].value", |s| {
        s.secrets[0].value = "postgres://web:Change-Me@db/web".into()
    }),
    fires("placeholder-value", "database.admin_password", |s| {
        database(s, DatabaseKind::Helm);
        s.database.admin_password = "change-me-too".into()
    }),
    quiet("placeholder-value", |s| {
        s.secrets[0].value = "a-strong-passphrase".into()
    }),
    // port-env-mismatch: PORT says where the app listens; the container port must agree.
    fires("port-env-mismatch", "env[0].value", |s| {
        s.port.number = 3000
    }),
    quiet("port-env-mismatch", |s| s.set_port_number(3000)),
    // duplicate-key: within the ConfigMap or the Secret.
    caught(
        fires("duplicate-key", "env[1].name", |s| {
            s.env[1].name = "PORT".into()
        }),
        "k8s-openapi, kubernetes-validate, kubernetes-models (duplicate key)",
    ),
    caught(
        fires("duplicate-key", "secrets[1].name", |s| {
            s.secrets.push(EnvEntry::new("DATABASE_URL", "x"))
        }),
        "k8s-openapi, kubernetes-validate, kubernetes-models (duplicate key)",
    ),
    quiet("duplicate-key", |s| {
        s.secrets.push(EnvEntry::new("PORT", "1"))
    }),
    // The clustering query is added to the ConfigMap after the env rows.
    caught(
        fires("duplicate-key", "clustering.query_env", |s| {
            s.clustering.enabled = true;
            s.env.push(EnvEntry::new("DNS_CLUSTER_QUERY", "x"))
        }),
        "k8s-openapi, kubernetes-validate, kubernetes-models (duplicate key)",
    ),
    // env-name: Downward API names in `env` (relaxed rule, 1.32+).
    quiet("env-name", |s| s.downward.push(DownwardEnv::default())),
    quiet("env-name", |s| {
        s.downward.push(DownwardEnv {
            name: "1 weird:name".into(),
            ..DownwardEnv::default()
        })
    }),
    fires("env-name", "downward[0].name", |s| {
        s.downward.push(DownwardEnv {
            name: "A=B".into(),
            ..DownwardEnv::default()
        })
    }),
    fires("env-name", "downward[0].name", |s| {
        s.downward.push(DownwardEnv {
            name: "Ä".into(),
            ..DownwardEnv::default()
        })
    }),
    fires("env-name", "downward[0].name", |s| {
        s.downward.push(DownwardEnv {
            name: String::new(),
            ..DownwardEnv::default()
        })
    }),
    // image-ref.
    quiet("image-ref", |s| {
        s.image.repository = "localhost:5000/a/b_c".into()
    }),
    quiet("image-ref", |s| s.image.repository = "postgres".into()),
    fires("image-ref", "image.repository", |s| {
        s.image.repository = "Acme/Web".into()
    }),
    fires("image-ref", "image.repository", |s| {
        s.image.repository = "web:1.0".into()
    }),
    fires("image-ref", "image.repository", |s| {
        s.image.repository = String::new()
    }),
    fires("image-ref", "image.repository", |s| {
        s.image.repository = "a//b".into()
    }),
    fires("image-ref", "image.tag", |s| s.image.tag = "-rc1".into()),
    fires("image-ref", "image.tag", |s| s.image.tag = "1.0 ".into()),
    quiet("image-ref", |s| {
        s.image.digest = format!("sha256:{}", "0a".repeat(32))
    }),
    fires("image-ref", "image.digest", |s| {
        s.image.digest = "sha256:abc".into()
    }),
    fires("image-ref", "image.digest", |s| {
        s.image.digest = "12345".into()
    }),
    // port-number.
    quiet("port-number", |s| s.port.number = 65535),
    caught(
        fires("port-number", "port.number", |s| s.port.number = 0),
        "-",
    ),
    fires("port-number", "port.number", |s| s.port.number = 70000),
    fires("port-number", "service.port", |s| s.service.port = -1),
    // port-name: IANA service name.
    quiet("port-name", |s| s.rename_port(String::new())),
    quiet("port-name", |s| s.rename_port("http-2".into())),
    fires("port-name", "port.name", |s| s.rename_port("HTTP".into())),
    fires("port-name", "port.name", |s| s.rename_port("8080".into())),
    fires("port-name", "port.name", |s| {
        s.rename_port("web--http".into())
    }),
    fires("port-name", "port.name", |s| s.rename_port("-http".into())),
    fires("port-name", "port.name", |s| {
        s.rename_port("a-very-long-name".into())
    }),
    // node-port.
    quiet("node-port", |s| {
        s.service.kind = ServiceType::NodePort;
        s.service.node_port = Some(30080)
    }),
    fires("node-port", "service.node_port", |s| {
        s.service.kind = ServiceType::NodePort;
        s.service.node_port = Some(80)
    }),
    fires("node-port", "service.node_port", |s| {
        s.service.kind = ServiceType::LoadBalancer;
        s.service.node_port = Some(32768)
    }),
    // node-port-unused (warning).
    fires("node-port-unused", "service.node_port", |s| {
        s.service.node_port = Some(30080)
    }),
    // run-as-non-root-uid (warning): runAsNonRoot leaves the uid to the image's USER.
    fires("run-as-non-root-uid", "security.run_as_user", |s| {
        s.security.run_as_user = None
    }),
    quiet("run-as-non-root-uid", |s| {
        s.security.run_as_non_root = false;
        s.security.run_as_user = None
    }),
    // probe-port-undeclared (warning): a number that is not the container's port.
    fires(
        "probe-port-undeclared",
        "probes.readiness.action.port",
        |s| {
            s.probes.readiness.action = ProbeAction::TcpSocket {
                port: "8081".into(),
            }
        },
    ),
    quiet("probe-port-undeclared", |s| {
        let number = s.port.number.to_string();
        s.probes.liveness.action = http_get("/", &number)
    }),
    quiet("probe-port-undeclared", |s| {
        s.probes.liveness.action = http_get("/", "99999") // probe-port's error, not this
    }),
    // probe-port.
    quiet("probe-port", |s| {
        s.probes.readiness.action = ProbeAction::TcpSocket {
            port: "8080".into(),
        }
    }),
    fires("probe-port", "probes.readiness.action.port", |s| {
        s.probes.readiness.action = ProbeAction::TcpSocket {
            port: "metrics".into(),
        }
    }),
    fires("probe-port", "probes.liveness.action.port", |s| {
        s.probes.liveness.action = http_get("/", "")
    }),
    fires("probe-port", "probes.liveness.action.port", |s| {
        s.probes.liveness.action = http_get("/", "99999")
    }),
    fires("probe-port", "probes.liveness.action.port", |s| {
        s.probes.liveness.action = http_get("/", "Http")
    }),
    // probe-numbers.
    quiet("probe-numbers", |s| {
        s.probes.readiness.success_threshold = Some(3)
    }),
    quiet("probe-numbers", |s| {
        s.probes.liveness.initial_delay_seconds = Some(0)
    }),
    fires("probe-numbers", "probes.liveness.success_threshold", |s| {
        s.probes.liveness.success_threshold = Some(2)
    }),
    fires("probe-numbers", "probes.readiness.period_seconds", |s| {
        s.probes.readiness.period_seconds = Some(-5)
    }),
    caught(
        fires("probe-numbers", "probes.readiness.timeout_seconds", |s| {
            s.probes.readiness.timeout_seconds = Some(1 << 40)
        }),
        "k8s-openapi, kubernetes-models (int32)",
    ),
    // probe-http-path (a warning): the kubelet's formatURL (pkg/probe/http/request.go) puts the '/'
    // before a path without one, and SetDefaults_HTTPGetAction makes an empty path '/'.
    quiet("probe-http-path", |s| {
        s.probes.readiness.action = http_get("/health?full=1", "http")
    }),
    quiet("probe-http-path", |s| {
        s.probes.readiness.action = http_get("", "http")
    }),
    fires("probe-http-path", "probes.readiness.action.path", |s| {
        s.probes.readiness.action = http_get("health", "http")
    }),
    // probe-exec.
    quiet("probe-exec", |s| {
        s.probes.liveness.action = ProbeAction::Exec {
            command: vec!["/app/bin/web".into(), "pid".into()],
        }
    }),
    fires("probe-exec", "probes.liveness.action.command", |s| {
        s.probes.liveness.action = ProbeAction::Exec { command: vec![] }
    }),
    fires("probe-exec", "probes.liveness.action.command", |s| {
        s.probes.liveness.action = ProbeAction::Exec {
            command: vec![String::new()],
        }
    }),
    // quantity.
    quiet("quantity", |s| s.resources.requests.cpu = "0.25".into()),
    quiet("quantity", |s| s.resources.requests.memory = "1e3".into()),
    quiet("quantity", |s| s.resources.limits.memory = "1.5Gi".into()),
    quiet("quantity", |s| s.resources.requests.cpu = String::new()),
    caught(
        fires("quantity", "resources.limits.memory", |s| {
            s.resources.limits.memory = "256MB".into()
        }),
        "kubernetes-models",
    ),
    caught(
        fires("quantity", "resources.requests.cpu", |s| {
            s.resources.requests.cpu = "abc".into()
        }),
        "kubernetes-models",
    ),
    fires("quantity", "resources.requests.cpu", |s| {
        s.resources.requests.cpu = "-1".into()
    }),
    caught(
        fires("quantity", "resources.requests.cpu", |s| {
            s.resources.requests.cpu = "1.2.3".into()
        }),
        "kubernetes-models",
    ),
    caught(
        fires("quantity", "resources.requests.memory", |s| {
            s.resources.requests.memory = "1e".into()
        }),
        "kubernetes-models",
    ),
    // Each sidecar's quantities are checked as the app's are (validateContainerResourceRequirements
    // runs per container).
    quiet("quantity", |s| s.init.sidecars = vec![sidecar("log", 9100)]),
    fires(
        "quantity",
        "init.sidecars[0].resources.limits.memory",
        |s| {
            s.init.sidecars = vec![sidecar("log", 9100)];
            s.init.sidecars[0].resources.limits.memory = "64 Mi".into()
        },
    ),
    fires(
        "requests-limits",
        "init.sidecars[1].resources.requests.cpu",
        |s| {
            s.init.sidecars = vec![sidecar("log", 9100), sidecar("proxy", 9101)];
            s.init.sidecars[1].resources.requests.cpu = "1".into()
        },
    ),
    fires(
        "unset-memory-requirements",
        "init.sidecars[0].resources.limits.memory",
        |s| {
            s.init.sidecars = vec![sidecar("log", 9100)];
            s.init.sidecars[0].resources.limits.memory.clear()
        },
    ),
    quiet("unset-cpu-requirements", |s| {
        s.init.sidecars = vec![sidecar("log", 9100)]
    }),
    fires(
        "memory-millibytes",
        "init.sidecars[0].resources.requests.memory",
        |s| {
            s.init.sidecars = vec![sidecar("log", 9100)];
            s.init.sidecars[0].resources.requests.memory = "32m".into()
        },
    ),
    // requests-limits.
    quiet("requests-limits", |s| {
        s.resources.requests.cpu = "0.5".into();
        s.resources.limits.cpu = "500m".into()
    }),
    quiet("requests-limits", |s| {
        s.resources.requests.memory = "1Gi".into();
        s.resources.limits.memory = "1073741824".into()
    }),
    fires("requests-limits", "resources.requests.cpu", |s| {
        s.resources.requests.cpu = "1".into();
        s.resources.limits.cpu = "999m".into()
    }),
    fires("requests-limits", "resources.requests.memory", |s| {
        s.resources.requests.memory = "1G".into();
        s.resources.limits.memory = "512Mi".into()
    }),
    // rolling-update.
    quiet("rolling-update", |s| {
        s.app.max_surge = "0".into();
        s.app.max_unavailable = "1".into()
    }),
    quiet("rolling-update", |s| s.app.max_unavailable = "100%".into()),
    fires("rolling-update", "app.max_unavailable", |s| {
        s.app.max_surge = "0%".into()
    }),
    fires("rolling-update", "app.max_surge", |s| {
        s.app.max_surge = "10 %".into()
    }),
    fires("rolling-update", "app.max_surge", |s| {
        s.app.max_surge = "1.5".into()
    }),
    fires("rolling-update", "app.max_surge", |s| {
        s.app.max_surge = "-1".into()
    }),
    fires("rolling-update", "app.max_unavailable", |s| {
        s.app.max_unavailable = "150%".into()
    }),
    // counts.
    quiet("counts", |s| s.app.replicas = 0),
    fires("counts", "app.replicas", |s| s.app.replicas = -1),
    caught(
        fires("counts", "app.replicas", |s| s.app.replicas = 1 << 32),
        "k8s-openapi, kubernetes-models (int32)",
    ),
    fires("counts", "jobs[0].run", |s| s.jobs[0].run = -2),
    fires("counts", "jobs[0].backoff_limit", |s| {
        s.jobs[0].backoff_limit = Some(-1)
    }),
    fires("counts", "security.run_as_user", |s| {
        s.security.run_as_user = Some(-1)
    }),
    // job-name.
    fires("job-name", "jobs[0].name", |s| {
        s.jobs[0].name = String::new()
    }),
    fires("job-name", "jobs[1].name", |s| {
        s.jobs.push(s.jobs[0].clone())
    }),
    quiet("job-name", |s| {
        let job = s.new_job();
        s.jobs.push(job)
    }),
    // mount-path.
    quiet("mount-path", |s| {
        s.security.writable_tmp = "/app/tmp".into()
    }),
    fires("mount-path", "security.writable_tmp", |s| {
        s.security.writable_tmp = "tmp".into()
    }),
    fires("mount-path", "security.writable_tmp", |s| {
        s.security.writable_tmp = "/a/../etc".into()
    }),
    // non-root-uid.
    quiet("non-root-uid", |s| s.security.run_as_user = Some(65534)),
    fires("non-root-uid", "security.run_as_user", |s| {
        s.security.run_as_user = Some(0)
    }),
    // Warnings.
    fires("latest-tag", "image.tag", |s| s.image.tag = "latest".into()),
    fires("latest-tag", "image.tag", |s| s.image.tag = String::new()),
    quiet("latest-tag", |s| {
        s.image.tag = "latest".into();
        s.image.digest = format!("sha256:{}", "f".repeat(64))
    }),
    quiet("pull-policy-never", |s| {
        s.set_target(Target::Minikube);
    }),
    fires("pull-policy-never", "image.pull_policy", |s| {
        s.image.pull_policy = PullPolicy::Never
    }),
    fires("unset-cpu-requirements", "resources.limits.cpu", |s| {
        s.resources.limits.cpu = String::new()
    }),
    // A request left out defaults to its limit (SetDefaults_Pod, pkg/apis/core/v1/defaults.go):
    // only a request with no limit to take it from is missing.
    quiet("unset-cpu-requirements", |s| {
        s.resources.requests = CpuMemory::new("", "");
        s.resources.limits = CpuMemory::new("500m", "256Mi")
    }),
    quiet("unset-memory-requirements", |s| {
        s.resources.requests = CpuMemory::new("", "");
        s.resources.limits = CpuMemory::new("500m", "256Mi")
    }),
    fires("unset-cpu-requirements", "resources.requests.cpu", |s| {
        s.resources.requests.cpu.clear();
        s.resources.limits.cpu.clear()
    }),
    fires(
        "unset-memory-requirements",
        "resources.requests.memory",
        |s| {
            s.resources.requests.memory.clear();
            s.resources.limits.memory.clear()
        },
    ),
    fires("memory-millibytes", "resources.limits.memory", |s| {
        s.resources.limits.memory = "256m".into()
    }),
    quiet("memory-millibytes", |s| {
        s.resources.limits.cpu = "256m".into()
    }),
    fires("no-liveness-probe", "probes.liveness.action", |s| {
        s.probes.liveness = Probe::default()
    }),
    fires("no-readiness-probe", "probes.readiness.action", |s| {
        s.probes.readiness = Probe::default()
    }),
    fires("pod-probes", "probes.liveness.action", |s| {
        s.probes.liveness = s.probes.readiness.clone()
    }),
    fires("env-var-secret", "env[2].name", |s| {
        s.env.push(EnvEntry::new("STRIPE_API_KEY", "sk_live"))
    }),
    fires("env-var-secret", "env[2].name", |s| {
        s.env
            .push(EnvEntry::new("REDIS_URL", "redis://u:p4ss@redis:6379/0"))
    }),
    quiet("env-var-secret", |s| {
        s.env
            .push(EnvEntry::new("REDIS_URL", "redis://redis:6379/0"))
    }),
    // The shared word list (secret_words): COOKIE, PASS, PWD, DSN, CREDENTIALS, PRIVATE count; KEY
    // only as a whole word.
    fires("env-var-secret", "env[2].name", |s| {
        s.env.push(EnvEntry::new("RELEASE_COOKIE", "x"))
    }),
    fires("env-var-secret", "env[2].name", |s| {
        s.env.push(EnvEntry::new("DB_PASS", "x"))
    }),
    fires("env-var-secret", "env[2].name", |s| {
        s.env.push(EnvEntry::new("MYSQL_PWD", "x"))
    }),
    fires("env-var-secret", "env[2].name", |s| {
        s.env
            .push(EnvEntry::new("SENTRY_DSN", "https://k@sentry.io/1"))
    }),
    fires("env-var-secret", "env[2].name", |s| {
        s.env.push(EnvEntry::new("GCP_CREDENTIALS", "{}"))
    }),
    fires("env-var-secret", "env[2].name", |s| {
        s.env.push(EnvEntry::new("JWT_PRIVATE_PEM", "x"))
    }),
    quiet("env-var-secret", |s| {
        s.env
            .push(EnvEntry::new("KEYCLOAK_URL", "https://sso.example.com"))
    }),
    quiet("env-var-secret", |s| {
        s.env.push(EnvEntry::new("PASSPORT_STRATEGY", "local"))
    }),
    // The container's own env (pod_env) is checked too.
    fires("env-var-secret", "pod_env[0].name", |s| {
        s.pod_env.push(EnvEntry::new("DB_PASSWORD", "x"))
    }),
    fires("env-var-secret", "pod_env[1].name", |s| {
        s.pod_env
            .push(EnvEntry::new("RELEASE_NODE", "web@$(POD_IP)"));
        s.pod_env
            .push(EnvEntry::new("CACHE", "redis://u:$(POD_IP)@redis:6379"))
    }),
    quiet("env-var-secret", |s| {
        s.pod_env
            .push(EnvEntry::new("RELEASE_NODE", "web@$(POD_IP)"))
    }),
    fires("duplicate-env-var", "secrets[1].name", |s| {
        s.secrets.push(EnvEntry::new("PORT", "1"))
    }),
    fires("duplicate-env-var", "env[0].name", |s| {
        s.downward.push(DownwardEnv {
            name: "PORT".into(),
            ..DownwardEnv::default()
        })
    }),
    fires("duplicate-env-var", "downward[1].name", |s| {
        s.downward.push(DownwardEnv::default());
        s.downward.push(DownwardEnv::default())
    }),
    // The API server warns about a name twice in a container's env (pkg/api/pod/warnings.go):
    // the Downward API rows and the container's own are one list.
    fires("duplicate-env-var", "pod_env[0].name", |s| {
        s.downward.push(DownwardEnv::default());
        s.pod_env.push(EnvEntry::new("POD_IP", "x"))
    }),
    fires("duplicate-env-var", "env[0].name", |s| {
        s.pod_env.push(EnvEntry::new("PORT", "9000"))
    }),
    quiet("duplicate-env-var", |s| {
        s.pod_env.push(EnvEntry::new("PUBLIC_PORT", "9000"))
    }),
    fires("env-name-compat", "env[0].name", |s| {
        s.env[0].name = "1PORT".into()
    }),
    fires("env-name-compat", "downward[0].name", |s| {
        s.downward.push(DownwardEnv {
            name: "POD IP".into(),
            ..DownwardEnv::default()
        })
    }),
    quiet("env-name-compat", |s| s.env[0].name = "my.port-x".into()),
    fires("minimum-replicas", "app.replicas", |s| s.app.replicas = 1),
    fires("run-as-non-root", "security.run_as_non_root", |s| {
        s.security.run_as_non_root = false
    }),
    fires(
        "privilege-escalation-container",
        "security.no_privilege_escalation",
        |s| s.security.no_privilege_escalation = false,
    ),
    fires(
        "no-read-only-root-fs",
        "security.read_only_root_filesystem",
        |s| s.security.read_only_root_filesystem = false,
    ),
    fires(
        "insecureCapabilities",
        "security.drop_all_capabilities",
        |s| s.security.drop_all_capabilities = false,
    ),
    fires(
        "container-seccomp-profile",
        "security.seccomp_runtime_default",
        |s| s.security.seccomp_runtime_default = false,
    ),
    fires(
        "job-ttl-seconds-after-finished",
        "jobs[0].ttl_seconds_after_finished",
        |s| s.jobs[0].ttl_seconds_after_finished = None,
    ),
    // ingress (errors): only checked when it is on.
    quiet("ingress", |s| s.ingress.rules[0].host = "Not A Host".into()),
    fires("ingress", "ingress.rules[0].host", |s| {
        ingress_on(s);
        s.ingress.rules[0].host = "App.example.com".into()
    }),
    fires("ingress", "ingress.rules[0].host", |s| {
        ingress_on(s);
        s.ingress.rules[0].host = "app.*.example.com".into()
    }),
    fires("ingress", "ingress.rules[0].host", |s| {
        ingress_on(s);
        s.ingress.rules[0].host = "10.0.0.1".into()
    }),
    quiet("ingress", |s| {
        ingress_on(s);
        s.ingress.rules[0].host = "*.example.com".into();
    }),
    // Any host, over plain HTTP (a certificate needs a host name: see the next case).
    quiet("ingress", |s| {
        ingress_on(s);
        s.ingress.tls = TlsSource::None;
        s.ingress.rules[0].host = String::new();
    }),
    fires("ingress", "ingress.tls", |s| {
        ingress_on(s);
        s.ingress.rules[0].host = String::new();
    }),
    fires("ingress", "ingress.rules[0].path", |s| {
        ingress_on(s);
        s.ingress.rules[0].path = "api".into()
    }),
    fires("ingress", "ingress.rules[0].path", |s| {
        ingress_on(s);
        s.ingress.rules[0].path = "/a//b".into()
    }),
    fires("ingress", "ingress.rules", |s| {
        ingress_on(s);
        s.ingress.rules.clear();
    }),
    fires("ingress", "ingress.class_name", |s| {
        ingress_on(s);
        s.ingress.class_name = "Nginx".into()
    }),
    fires("ingress", "ingress.tls_secret", |s| {
        ingress_on(s);
        s.ingress.tls = TlsSource::Secret;
        s.ingress.tls_secret = "web_tls".into();
    }),
    fires("ingress", "ingress.issuer.name", |s| {
        ingress_on(s);
        s.ingress.tls = TlsSource::CertManager;
        s.ingress.issuer.name = "Lets Encrypt".into();
    }),
    fires("acme-email", "ingress.issuer.email", |s| {
        ingress_on(s);
        s.ingress.tls = TlsSource::CertManager;
        s.ingress.issuer.create = true;
        s.ingress.issuer.email = "ops at example.com".into();
    }),
    quiet("acme-email", |s| {
        ingress_on(s);
        s.ingress.tls = TlsSource::CertManager;
        s.ingress.issuer.create = false;
        s.ingress.issuer.email = "not used".into();
    }),
    fires("ingress-tls", "ingress.tls", |s| {
        ingress_on(s);
        s.ingress.tls = TlsSource::None;
    }),
    fires("ingress-tls", "ingress.rules[0].host", |s| {
        ingress_on(s);
        s.ingress.issuer.create = true;
        s.ingress.rules[0].host = "*.example.com".into();
    }),
    fires("service-type-behind-ingress", "service.type", |s| {
        ingress_on(s);
        s.service.kind = ServiceType::LoadBalancer
    }),
    quiet("service-type-behind-ingress", |s| {
        s.ingress.enabled = false;
        s.service.kind = ServiceType::LoadBalancer;
    }),
    // HTTPRoute and Gateway (errors): only checked when the route is on.
    quiet("httproute", |s| s.route.hostnames[0] = "Not A Host".into()),
    caught(
        fires("httproute", "route.hostnames[0]", |s| {
            route_on(s);
            s.route.hostnames[0] = "App.example.com".into()
        }),
        "kubernetes-models (Hostname pattern)",
    ),
    fires("httproute", "route.hostnames[0]", |s| {
        route_on(s);
        s.route.hostnames[0] = "10.0.0.1".into()
    }),
    caught(
        fires("httproute", "route.hostnames[0]", |s| {
            route_on(s);
            s.route.hostnames[0] = "app.*.example.com".into()
        }),
        "kubernetes-models (Hostname pattern)",
    ),
    fires("httproute", "route.hostnames[1]", |s| {
        route_on(s);
        s.route.hostnames.push(String::new())
    }),
    quiet("httproute", |s| {
        route_on(s);
        s.route.hostnames[0] = "*.example.com".into()
    }),
    fires("httproute", "route.paths[0].path", |s| {
        route_on(s);
        s.route.paths[0].path = "api".into()
    }),
    fires("httproute", "route.paths[0].path", |s| {
        route_on(s);
        s.route.paths[0].path = "/a#b".into()
    }),
    fires("httproute", "route.gateway", |s| {
        route_on(s);
        s.route.gateway = "Public".into()
    }),
    caught(
        fires("httproute", "route.gateway_namespace", |s| {
            route_on(s);
            s.route.gateway_namespace = "gateway.system".into()
        }),
        "kubernetes-models (Namespace pattern)",
    ),
    caught(
        fires("httproute", "route.section_name", |s| {
            route_on(s);
            s.route.section_name = "HTTPS".into()
        }),
        "kubernetes-models (SectionName pattern)",
    ),
    fires("httproute", "route.enabled", |s| {
        route_on(s);
        s.ingress.enabled = true;
    }),
    fires("gateway", "route.class_name", |s| {
        route_on(s);
        s.route.class_name = "Nginx".into()
    }),
    caught(
        fires("gateway", "route.http_port", |s| {
            route_on(s);
            s.route.http_port = 0
        }),
        "kubernetes-models (PortNumber minimum)",
    ),
    caught(
        fires("gateway", "route.https_port", |s| {
            route_on(s);
            s.route.https_port = 70000
        }),
        "kubernetes-models (PortNumber maximum)",
    ),
    fires("gateway", "route.https_port", |s| {
        route_on(s);
        s.route.https_port = 80
    }),
    fires("gateway", "route.section_name", |s| {
        route_on(s);
        s.route.section_name = "admin".into()
    }),
    quiet("gateway", |s| {
        route_on(s);
        s.route.section_name = "https".into()
    }),
    fires("gateway", "route.tls_secret", |s| {
        route_on(s);
        s.route.tls = TlsSource::Secret;
        s.route.tls_secret = "web_tls".into();
    }),
    fires("gateway", "route.issuer.name", |s| {
        route_on(s);
        s.route.issuer.name = "Lets Encrypt".into();
    }),
    fires("gateway", "route.tls", |s| {
        route_on(s);
        s.route.hostnames.clear();
    }),
    fires("gateway", "route.gateway_namespace", |s| {
        route_on(s);
        s.route.gateway_namespace = "gateway".into();
        s.app.namespace.clear();
    }),
    fires("acme-email", "route.issuer.email", |s| {
        route_on(s);
        s.route.issuer.create = true;
        s.route.issuer.email = "ops at example.com".into();
    }),
    fires("gateway-tls", "route.tls", |s| {
        route_on(s);
        s.route.tls = TlsSource::None;
    }),
    fires("gateway-tls", "route.hostnames[0]", |s| {
        route_on(s);
        s.route.issuer.create = true;
        s.route.hostnames[0] = "*.example.com".into();
    }),
    // An existing Gateway's certificate is its owner's business.
    quiet("gateway-tls", |s| {
        route_on(s);
        s.route.create_gateway = false;
        s.route.tls = TlsSource::None;
    }),
    fires("gateway-allowed-routes", "route.gateway_namespace", |s| {
        route_on(s);
        s.route.create_gateway = false;
        s.route.gateway_namespace = "gateway".into();
    }),
    // A written Gateway elsewhere admits the app's namespace itself.
    quiet("gateway-allowed-routes", |s| {
        route_on(s);
        s.route.gateway_namespace = "gateway".into();
    }),
    fires(
        "network-policy-gateway",
        "network_policy.controller_namespace",
        |s| {
            route_on(s);
            s.network_policy.controller_namespace = "ingress-nginx".into();
        },
    ),
    quiet("network-policy-gateway", route_on),
    fires("service-type-behind-ingress", "service.type", |s| {
        route_on(s);
        s.service.kind = ServiceType::NodePort
    }),
    fires(
        "network-policy-namespace",
        "network_policy.controller_namespace",
        |s| {
            ingress_on(s);
            s.network_policy.controller_namespace = "Ingress_Nginx".into();
        },
    ),
    quiet("network-policy-namespace", |s| {
        s.network_policy.controller_namespace = "Ingress_Nginx".into()
    }),
    // The sidecars' ports are opened to the monitoring namespace, named the same way.
    fires(
        "network-policy-namespace",
        "network_policy.monitoring_namespace",
        |s| {
            s.init.sidecars = vec![sidecar("exporter", 9102)];
            s.network_policy.monitoring_namespace = "Monitoring".into();
        },
    ),
    quiet("network-policy-namespace", |s| {
        s.init.sidecars = vec![sidecar("exporter", 9102)];
        s.network_policy.monitoring_namespace = "monitoring".into();
    }),
    fires("registry-login", "registry.server", |s| {
        registry_on(s);
        s.registry.server = "my registry".into();
    }),
    fires("registry-login", "registry.server", |s| {
        registry_on(s);
        s.registry.server = "reg_istry.example.com".into();
    }),
    quiet("registry-login", |s| {
        registry_on(s);
        s.registry.server = "https://index.docker.io/v1/".into();
    }),
    quiet("registry-login", |s| {
        registry_on(s);
        s.registry.server = "10.0.0.5:5000".into();
    }),
    fires("registry-login", "registry.password", |s| {
        registry_on(s);
        s.registry.password.clear();
    }),
    fires("registry-login", "registry.username", |s| {
        registry_on(s);
        s.registry.username.clear();
    }),
    quiet("registry-login", |s| {
        s.registry.server = "my registry".into()
    }),
    fires("pod-networkpolicy", "network_policy.enabled", |s| {
        s.network_policy.enabled = false
    }),
    fires(
        "automountServiceAccountToken",
        "service_account.enabled",
        |s| s.service_account.enabled = false,
    ),
    fires("database-url-host", "secrets[0].value", |s| {
        s.secrets[0].value = "postgres://u:p@pg.web.svc.cluster.local:5432/web".into()
    }),
    quiet("database-url-host", |s| {
        s.secrets[0].value = "postgres://u:p@web.web.svc/web".into()
    }),
    // database (error): only checked when there is one; see also src/validate/rules/database.rs.
    quiet("database", |s| s.database.name = "Not_A_Label".into()),
    caught(
        fires("database", "database.url_env", |s| {
            // The clean base already has its own DATABASE_URL secret.
            s.database.kind = DatabaseKind::Helm;
            s.database.password = "x".into();
            s.database.admin_password = "y".into();
        }),
        "k8s-openapi, kubernetes-validate, kubernetes-models (duplicate key)",
    ),
    fires("database", "database.name", |s| {
        s.secrets.retain(|e| e.name != "DATABASE_URL");
        s.database.kind = DatabaseKind::Helm;
        s.database.password = "x".into();
        s.database.admin_password = "y".into();
        s.database.name = "Not_A_Label".into();
    }),
    fires("database", "database.password", |s| {
        s.secrets.retain(|e| e.name != "DATABASE_URL");
        s.database.kind = DatabaseKind::CloudNativePg;
    }),
    // CloudNativePG's cluster webhook validateName (internal/webhook/v1/cluster_webhook.go):
    // IsDNS1035Label, at most 50 characters.
    fires("database", "database.name", |s| {
        database(s, DatabaseKind::CloudNativePg);
        s.database.name = "1db".into()
    }),
    fires("database", "database.name", |s| {
        database(s, DatabaseKind::CloudNativePg);
        s.database.name = long(51)
    }),
    quiet("database", |s| {
        database(s, DatabaseKind::CloudNativePg);
        s.database.name = long(50)
    }),
    // Helm: the chart's Service <release>-postgresql is a Service name (IsDNS1035Label), and Helm
    // allows 53 characters.
    fires("database", "database.name", |s| {
        database(s, DatabaseKind::Helm);
        s.database.name = "1db".into()
    }),
    fires("database", "database.name", |s| {
        database(s, DatabaseKind::Helm);
        s.database.name = long(54)
    }),
    quiet("database", |s| {
        database(s, DatabaseKind::Helm);
        s.database.name = long(53)
    }),
    fires("database", "database.storage_size", |s| {
        s.secrets.retain(|e| e.name != "DATABASE_URL");
        s.database.kind = DatabaseKind::CloudNativePg;
        s.database.password = "x".into();
        s.database.storage_size = "1 GB".into();
    }),
    // container-env (error)
    fires("container-env", "pod_env[0].name", |s| {
        s.pod_env = vec![EnvEntry::new("A=B", "x")];
    }),
    quiet("container-env", |s| {
        s.pod_env = vec![EnvEntry::new("RELEASE_NODE", "x")]
    }),
    quiet("container-env", |s| {
        s.clustering.enabled = true;
        s.clustering.query_env = "DNS QUERY".into() // a ConfigMap key: data-key says so
    }),
    // env-reference (warning) mirrors the kubelet's makeEnvironmentVariables
    // (pkg/kubelet/kubelet_pods.go): every envFrom key is loaded first, then env in order, each
    // value expanded against what is set so far and the service link variables.
    fires("env-reference", "pod_env[0].value", |s| {
        s.pod_env = vec![EnvEntry::new("NODE", "app@$(NOT_DEFINED)")];
    }),
    quiet("env-reference", |s| {
        s.downward = vec![DownwardEnv::default()];
        s.pod_env = vec![EnvEntry::new("NODE", "app@$(POD_IP)")];
    }),
    quiet("env-reference", |s| {
        s.env.push(EnvEntry::new("PHX_HOST", "example.com")); // a ConfigMap key
        s.pod_env = vec![EnvEntry::new("HOSTURL", "https://$(PHX_HOST)/")];
    }),
    quiet("env-reference", |s| {
        s.pod_env = vec![EnvEntry::new("DB_POOL_URL", "$(DATABASE_URL)?pool=5")];
        // a Secret key
    }),
    quiet("env-reference", |s| {
        s.pod_env = vec![EnvEntry::new("API", "https://$(KUBERNETES_SERVICE_HOST)")];
    }),
    fires("env-reference", "pod_env[0].value", |s| {
        s.pod_env = vec![
            EnvEntry::new("URL", "https://$(HOST)/"), // HOST is only set below
            EnvEntry::new("HOST", "example.com"),
        ];
    }),
    // autoscaling mirrors ValidateHorizontalPodAutoscalerSpec (pkg/apis/autoscaling/validation).
    quiet("autoscaling", |s| s.autoscaling.enabled = true),
    fires("autoscaling", "autoscaling.min_replicas", |s| {
        s.autoscaling.enabled = true;
        s.autoscaling.min_replicas = 0
    }),
    fires("autoscaling", "autoscaling.max_replicas", |s| {
        s.autoscaling.enabled = true;
        s.autoscaling.max_replicas = 1 // below minReplicas 2
    }),
    fires("autoscaling", "autoscaling.cpu_utilization", |s| {
        s.autoscaling.enabled = true;
        s.autoscaling.cpu_utilization = 0
    }),
    fires("autoscaling", "autoscaling.memory_utilization", |s| {
        s.autoscaling.enabled = true;
        s.autoscaling.memory_utilization = Some(-5)
    }),
    fires(
        "autoscaling",
        "autoscaling.scale_down_stabilization_seconds",
        |s| {
            s.autoscaling.enabled = true;
            s.autoscaling.scale_down_stabilization_seconds = Some(3601)
        },
    ),
    quiet("autoscaling", |s| {
        s.autoscaling.enabled = true;
        s.autoscaling.scale_down_stabilization_seconds = Some(3600)
    }),
    quiet("autoscaling", |s| s.autoscaling.min_replicas = 0), // off: not emitted
    // autoscaling-requests mirrors the HPA controller's "missing request for cpu".
    fires("autoscaling-requests", "autoscaling.cpu_utilization", |s| {
        s.autoscaling.enabled = true;
        s.resources = Resources::default()
    }),
    quiet("autoscaling-requests", |s| {
        s.autoscaling.enabled = true;
        s.resources.requests.cpu.clear(); // the limit is the request then
        s.resources.limits.cpu = "1".into()
    }),
    fires(
        "autoscaling-requests",
        "autoscaling.memory_utilization",
        |s| {
            s.autoscaling.enabled = true;
            s.autoscaling.memory_utilization = Some(80);
            s.resources.requests.memory.clear();
            s.resources.limits.memory.clear()
        },
    ),
    // minimum-replicas: with an autoscaler, its minimum is what counts.
    fires("minimum-replicas", "autoscaling.min_replicas", |s| {
        s.autoscaling.enabled = true;
        s.autoscaling.min_replicas = 1
    }),
    // disruption-budget mirrors ValidatePodDisruptionBudgetSpec (pkg/apis/policy/validation).
    quiet("disruption-budget", |s| s.disruption_budget.enabled = true),
    fires("disruption-budget", "disruption_budget.value", |s| {
        s.disruption_budget.enabled = true;
        s.disruption_budget.value = "-1".into()
    }),
    fires("disruption-budget", "disruption_budget.value", |s| {
        s.disruption_budget.enabled = true;
        s.disruption_budget.value = "101%".into()
    }),
    fires("disruption-budget", "disruption_budget.value", |s| {
        s.disruption_budget.enabled = true;
        s.disruption_budget.limit = BudgetLimit::MaxUnavailable;
        s.disruption_budget.value = "half".into()
    }),
    quiet("disruption-budget", |s| {
        s.disruption_budget.enabled = true;
        s.disruption_budget.value = "50%".into()
    }),
    // pdb-blocks-drain (warning): kube-linter pdb-min-available / pdb-max-unavailable.
    fires("pdb-blocks-drain", "disruption_budget.value", |s| {
        s.disruption_budget.enabled = true;
        s.disruption_budget.value = "2".into() // = replicas
    }),
    fires("pdb-blocks-drain", "disruption_budget.value", |s| {
        s.disruption_budget.enabled = true;
        s.disruption_budget.value = "100%".into()
    }),
    fires("pdb-blocks-drain", "disruption_budget.value", |s| {
        s.disruption_budget.enabled = true;
        s.disruption_budget.limit = BudgetLimit::MaxUnavailable;
        s.disruption_budget.value = "0".into()
    }),
    fires("pdb-blocks-drain", "disruption_budget.value", |s| {
        s.disruption_budget.enabled = true;
        s.autoscaling.enabled = true;
        s.autoscaling.min_replicas = 2;
        s.disruption_budget.value = "2".into() // the autoscaler may go down to 2
    }),
    quiet("pdb-blocks-drain", |s| {
        s.disruption_budget.enabled = true;
        s.app.replicas = 3;
        s.disruption_budget.value = "2".into()
    }),
    quiet("pdb-blocks-drain", |s| {
        s.disruption_budget.enabled = true;
        s.disruption_budget.limit = BudgetLimit::MaxUnavailable;
        s.disruption_budget.value = "1".into()
    }),
    // shutdown mirrors ValidatePodSpec (terminationGracePeriodSeconds) and validateSleepAction.
    quiet("shutdown", |s| s.shutdown.pre_stop_sleep_seconds = Some(30)), // = the default grace
    fires("shutdown", "shutdown.pre_stop_sleep_seconds", |s| {
        s.shutdown.pre_stop_sleep_seconds = Some(31)
    }),
    fires("shutdown", "shutdown.pre_stop_sleep_seconds", |s| {
        s.shutdown.pre_stop_sleep_seconds = Some(0)
    }),
    fires(
        "shutdown",
        "shutdown.termination_grace_period_seconds",
        |s| s.shutdown.termination_grace_period_seconds = Some(-1),
    ),
    fires("shutdown", "shutdown.pre_stop_sleep_seconds", |s| {
        s.shutdown.termination_grace_period_seconds = Some(5);
        s.shutdown.pre_stop_sleep_seconds = Some(10)
    }),
    // wait-for-database mirrors validateInitContainers (unique DNS-1123 names, an image) and
    // the reference grammar; PGHOST must be a host name.
    quiet("wait-for-database", |s| {
        s.init.wait_for_database = true;
        s.database.kind = DatabaseKind::Helm
    }),
    quiet("wait-for-database", |s| {
        s.init.wait_for_database = true;
        s.init.wait_host = "db.example.com".into()
    }),
    fires("wait-for-database", "init.wait_for_database", |s| {
        s.init.wait_for_database = true
    }),
    fires("wait-for-database", "init.wait_host", |s| {
        s.init.wait_for_database = true;
        s.init.wait_host = "db_host".into()
    }),
    fires("wait-for-database", "init.wait_image", |s| {
        s.init.wait_for_database = true;
        s.init.wait_host = "db".into();
        s.init.wait_image = " ".into()
    }),
    fires("wait-for-database", "init.wait_image", |s| {
        s.init.wait_for_database = true;
        s.init.wait_host = "db".into();
        s.init.wait_image = "Postgres:17".into()
    }),
    fires("wait-for-database", "app.name", |s| {
        s.init.wait_for_database = true;
        s.init.wait_host = "db".into();
        s.app.name = "wait-for-db".into()
    }),
    // sidecars mirrors validateInitContainers / validateContainerCommon.
    quiet("sidecars", |s| s.init.sidecars = vec![sidecar("log", 9100)]),
    fires("sidecars", "init.sidecars[0].name", |s| {
        s.init.sidecars = vec![sidecar("Log", 9100)]
    }),
    fires("sidecars", "init.sidecars[1].name", |s| {
        s.init.sidecars = vec![sidecar("log", 9100), sidecar("log", 9101)]
    }),
    fires("sidecars", "init.sidecars[0].name", |s| {
        let app = s.app.name.clone();
        s.init.sidecars = vec![sidecar(&app, 9100)]
    }),
    fires("sidecars", "init.sidecars[0].image", |s| {
        s.init.sidecars = vec![Sidecar {
            image: String::new(),
            ..sidecar("log", 9100)
        }]
    }),
    fires("sidecars", "init.sidecars[0].ports", |s| {
        s.init.sidecars = vec![sidecar("log", 70000)]
    }),
    fires("sidecars", "init.sidecars[0].ports", |s| {
        let port = s.port.number;
        s.init.sidecars = vec![sidecar("log", port)]
    }),
    fires("sidecars", "init.sidecars[0].env", |s| {
        s.init.sidecars = vec![Sidecar {
            env: vec![EnvEntry::new("A=B", "c")],
            ..sidecar("log", 9100)
        }]
    }),
    // spreading mirrors validateTopologySpreadConstraints (maxSkew > 0).
    quiet("spreading", |s| {
        s.spreading.mode = SpreadMode::NodesAndZones
    }),
    fires("spreading", "spreading.max_skew", |s| {
        s.spreading.mode = SpreadMode::Nodes;
        s.spreading.max_skew = 0
    }),
    quiet("spreading", |s| {
        s.spreading.mode = SpreadMode::PreferOtherNodes; // no skew there
        s.spreading.max_skew = 0
    }),
    // cron-job mirrors ValidateCronJobCreate (pkg/apis/batch/validation).
    quiet("cron-job", |s| s.cron_jobs = vec![CronJob::default()]),
    fires("cron-job", "cron_jobs[0].schedule", |s| {
        s.cron_jobs = vec![CronJob {
            schedule: "61 * * * *".into(),
            ..CronJob::default()
        }]
    }),
    fires("cron-job", "cron_jobs[0].schedule", |s| {
        s.cron_jobs = vec![CronJob {
            schedule: "CRON_TZ=UTC 0 3 * * *".into(),
            ..CronJob::default()
        }]
    }),
    fires("cron-job", "cron_jobs[0].time_zone", |s| {
        s.cron_jobs = vec![CronJob {
            time_zone: "Europe Berlin".into(),
            ..CronJob::default()
        }]
    }),
    quiet("cron-job", |s| {
        s.cron_jobs = vec![CronJob {
            time_zone: "America/Argentina/Buenos_Aires".into(),
            schedule: "@weekly".into(),
            ..CronJob::default()
        }]
    }),
    fires("cron-job", "cron_jobs[0].name", |s| {
        s.cron_jobs = vec![CronJob {
            name: "a-very-long-name-for-the-nightly-cleanup-task-of-this-app".into(),
            ..CronJob::default()
        }]
    }),
    fires("cron-job", "cron_jobs[1].name", |s| {
        s.cron_jobs = vec![CronJob::default(), CronJob::default()]
    }),
    fires("cron-job", "cron_jobs[0].active_deadline_seconds", |s| {
        s.cron_jobs = vec![CronJob {
            active_deadline_seconds: Some(0),
            ..CronJob::default()
        }]
    }),
    // secret-checksum-key (warning): envFrom is read at container start (the kubelet), so only a
    // keyed checksum on the pod template rolls the pods when a secret changes.
    fires("secret-checksum-key", "secret_options.checksum_key", |s| {
        s.secret_options.checksum_key.clear()
    }),
    quiet("secret-checksum-key", |s| {
        s.secret_options.checksum_key.clear();
        s.secrets.clear();
    }),
    // seal-certificate: only a usable RSA certificate seals (messages: tests/seal.rs).
    quiet("seal-certificate", |s| {
        s.secret_options.seal.cert = include_str!("fixtures/seal/cert.pem").into()
    }),
    fires("seal-certificate", "secret_options.seal.cert", |s| {
        s.secret_options.seal.cert = include_str!("fixtures/seal/ec-cert.pem").into()
    }),
    fires("seal-certificate", "secret_options.seal.cert", |s| {
        s.secret_options.seal.cert = "not a certificate".into()
    }),
    // seal-scope-namespace: strict and namespace-wide need the namespace, cluster-wide does not.
    fires("seal-scope-namespace", "secret_options.seal.scope", |s| {
        s.secret_options.seal.cert = include_str!("fixtures/seal/cert.pem").into();
        s.app.namespace.clear();
    }),
    quiet("seal-scope-namespace", |s| {
        s.secret_options.seal.cert = include_str!("fixtures/seal/cert.pem").into();
        s.secret_options.seal.scope = kubewright::spec::SealScope::ClusterWide;
        s.app.namespace.clear();
    }),
];

#[test]
fn every_rule_fires_where_it_should_and_only_there() {
    let mut failures = Vec::new();
    for (n, case) in CASES.iter().enumerate() {
        // GIVEN the clean spec WHEN the user makes one edit
        let mut spec = clean();
        (case.edit)(&mut spec);
        let found: Vec<String> = issues_of(&spec)
            .into_iter()
            .filter(|(rule, _)| rule == case.rule)
            .map(|(_, path)| path)
            .collect();
        // THEN the rule reports exactly that field, or nothing
        let ok = match case.path {
            Some(path) => found.iter().any(|p| p == path),
            None => found.is_empty(),
        };
        if !ok {
            failures.push(format!(
                "case {n} ({}): expected {:?}, found {found:?}",
                case.rule, case.path
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Whether the official API types (k8s-openapi) read every document of the YAML.
fn openapi_accepts(yaml: &str) -> bool {
    use k8s_openapi::api::{
        apps::v1 as apps, autoscaling::v2 as autoscaling, batch::v1 as batch, core::v1 as core,
        networking::v1 as networking, policy::v1 as policy,
    };
    use serde::Deserialize;
    serde_yaml::Deserializer::from_str(yaml).all(|doc| {
        let Ok(doc) = serde_yaml::Value::deserialize(doc) else {
            return false;
        };
        let kind = doc["kind"].as_str().unwrap_or_default().to_string();
        match kind.as_str() {
            "Namespace" => serde_yaml::from_value::<core::Namespace>(doc).is_ok(),
            "ServiceAccount" => serde_yaml::from_value::<core::ServiceAccount>(doc).is_ok(),
            "ConfigMap" => serde_yaml::from_value::<core::ConfigMap>(doc).is_ok(),
            "Secret" => serde_yaml::from_value::<core::Secret>(doc).is_ok(),
            "Service" => serde_yaml::from_value::<core::Service>(doc).is_ok(),
            "Deployment" => serde_yaml::from_value::<apps::Deployment>(doc).is_ok(),
            "Job" => serde_yaml::from_value::<batch::Job>(doc).is_ok(),
            "CronJob" => serde_yaml::from_value::<batch::CronJob>(doc).is_ok(),
            "PodDisruptionBudget" => {
                serde_yaml::from_value::<policy::PodDisruptionBudget>(doc).is_ok()
            }
            "HorizontalPodAutoscaler" => {
                serde_yaml::from_value::<autoscaling::HorizontalPodAutoscaler>(doc).is_ok()
            }
            "Ingress" => serde_yaml::from_value::<networking::Ingress>(doc).is_ok(),
            "NetworkPolicy" => serde_yaml::from_value::<networking::NetworkPolicy>(doc).is_ok(),
            "ClusterIssuer" if doc["apiVersion"] == "cert-manager.io/v1" => true,
            // The Gateway API's custom resources: tests/oracles/models.mjs checks them.
            "HTTPRoute" | "Gateway" | "ReferenceGrant"
                if doc["apiVersion"]
                    .as_str()
                    .is_some_and(|v| v.starts_with("gateway.networking.k8s.io/")) =>
            {
                true
            }
            // CloudNativePG's custom resource has no official type to read it with.
            "Cluster" if doc["apiVersion"] == "postgresql.cnpg.io/v1" => true,
            _ => false,
        }
    })
}

#[test]
fn the_table_says_truly_which_cases_k8s_openapi_catches() {
    // GIVEN every error case WHEN its YAML is read with the official types THEN they refuse it
    // exactly when the table says "k8s-openapi" (the other validators: tests/oracles/agreement.sh).
    let mut wrong = Vec::new();
    for (n, case) in CASES.iter().enumerate() {
        let Some(rule) = validate::rule(case.rule) else {
            continue;
        };
        if case.path.is_none() || rule.severity != Severity::Error {
            continue;
        }
        let mut spec = clean();
        (case.edit)(&mut spec);
        let accepted = openapi_accepts(&kubewright::render(&spec).all);
        if accepted == case.caught_by.contains("k8s-openapi") {
            wrong.push(format!(
                "case {n} ({}): k8s-openapi {}",
                case.rule,
                if accepted { "accepts it" } else { "refuses it" }
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Writes each error case's YAML and the table's claim for tests/oracles/agreement.sh, which runs
/// kubernetes-validate and kubernetes-models on them. Run by that script only.
#[test]
#[ignore = "exporter for tests/oracles/agreement.sh"]
fn export_error_cases() {
    let dir = std::env::var("KUBEWRIGHT_CASES_DIR").expect("KUBEWRIGHT_CASES_DIR");
    std::fs::create_dir_all(&dir).unwrap();
    let mut index = String::new();
    for (n, case) in CASES.iter().enumerate() {
        let Some(rule) = validate::rule(case.rule) else {
            continue;
        };
        if case.path.is_none() || rule.severity != Severity::Error {
            continue;
        }
        let mut spec = clean();
        (case.edit)(&mut spec);
        let file = format!("case-{n:03}-{}.yaml", case.rule);
        std::fs::write(format!("{dir}/{file}"), kubewright::render(&spec).all).unwrap();
        index.push_str(&format!("{file}\t{}\t{}\n", case.rule, case.caught_by));
    }
    std::fs::write(format!("{dir}/cases.tsv"), index).unwrap();
}

#[test]
fn every_rule_has_a_firing_and_a_quiet_case_or_a_clean_base() {
    for rule in RULES {
        assert!(
            CASES.iter().any(|c| c.rule == rule.id && c.path.is_some()),
            "rule {} has no case that fires",
            rule.id
        );
        assert!(
            !rule.upstream.is_empty(),
            "rule {} cites no upstream",
            rule.id
        );
    }
    // The clean base is every rule's quiet case; the table's ids are all real rules.
    for case in CASES {
        assert!(
            validate::rule(case.rule).is_some(),
            "unknown rule {}",
            case.rule
        );
    }
}

#[test]
fn the_rule_table_in_the_docs_lists_every_rule() {
    let readme = include_str!("../../../docs/rules.md");
    for rule in RULES {
        assert!(
            readme.contains(&format!("`{}`", rule.id)),
            "docs/rules.md lacks rule {}",
            rule.id
        );
    }
}

/// Where a taught text comes from.
enum Text {
    /// A field's explanation: what it does, its default and what goes wrong without it.
    Explain(&'static str),
    /// Every message of one rule for the edited spec.
    Messages(&'static str),
    /// The upstream column of one rule (the rule table in docs/rules.md).
    Upstream(&'static str),
    /// The commands, comments included.
    Commands,
}

/// A text that teaches something, with what it must and must never say, and the source it follows.
struct Teaches {
    text: Text,
    edit: fn(&mut AppSpec),
    says: &'static [&'static str],
    never: &'static [&'static str],
    /// Where the claim was checked.
    upstream: &'static str,
}

const fn teaches(
    text: Text,
    edit: fn(&mut AppSpec),
    says: &'static [&'static str],
    never: &'static [&'static str],
    upstream: &'static str,
) -> Teaches {
    Teaches {
        text,
        edit,
        says,
        never,
        upstream,
    }
}

fn unchanged(_: &mut AppSpec) {}

const TEACHES: &[Teaches] = &[
    // $(VAR) expansion sees every envFrom key.
    teaches(
        Text::Explain("pod_env[].value"),
        unchanged,
        &["a key of the ConfigMap or Secret (loaded first)"],
        &["or only in the ConfigMap"],
        "kubelet makeEnvironmentVariables (pkg/kubelet/kubelet_pods.go)",
    ),
    teaches(
        Text::Messages("env-reference"),
        |s| {
            s.pod_env = vec![
                EnvEntry::new("URL", "https://$(HOST)/"),
                EnvEntry::new("HOST", "example.com"),
            ]
        },
        &["HOST is only set further down (row 2)"],
        &["not defined above it"],
        "kubelet makeEnvironmentVariables (pkg/kubelet/kubelet_pods.go)",
    ),
    // A limit without a request: the request is the limit.
    teaches(
        Text::Explain("resources.requests.cpu"),
        unchanged,
        &["the limit, when one is set"],
        &["Without requests pods are BestEffort"],
        "SetDefaults_Pod (pkg/apis/core/v1/defaults.go); the kubelet's QoS classes",
    ),
    teaches(
        Text::Explain("resources.requests.memory"),
        unchanged,
        &["the limit, when one is set"],
        &[],
        "SetDefaults_Pod (pkg/apis/core/v1/defaults.go)",
    ),
    // One replica: a rollout with maxUnavailable 0 starts the new pod first.
    teaches(
        Text::Explain("app.replicas"),
        unchanged,
        &["maxUnavailable is 0 and maxSurge at least 1", "node drain"],
        &["every rollout"],
        "the Deployment controller's rolling update (pkg/controller/deployment/rolling.go)",
    ),
    // CPU limits: requests are the kernel's weights, neighbours keep their share.
    teaches(
        Text::Explain("resources.limits.cpu"),
        unchanged,
        &["neighbours still get the CPU they requested"],
        &["slow its neighbours"],
        "requests become CFS shares / cpu.weight (pkg/kubelet/cm MilliCPUToShares)",
    ),
    teaches(
        Text::Messages("unset-cpu-requirements"),
        |s| s.resources.limits.cpu.clear(),
        &["neighbours still get what they requested"],
        &["take every core"],
        "requests become CFS shares / cpu.weight (pkg/kubelet/cm MilliCPUToShares)",
    ),
    // runAsGroup: one true statement.
    teaches(
        Text::Explain("security.run_as_group"),
        unchanged,
        &["container runtime", "group 0 (root)"],
        &["the image's group", "get group 0"],
        "containerd WithUserID / WithUser: the group from the image's /etc/passwd, else 0",
    ),
    // Label values start and end with a letter or digit.
    teaches(
        Text::Explain("app.labels[].value"),
        unchanged,
        &["starting and ending with a letter or digit"],
        &[],
        "IsValidLabelValue (apimachinery validation.go)",
    ),
    // The chart's Service name and the database name's limits.
    teaches(
        Text::Explain("database.name"),
        unchanged,
        &[
            "the release name itself when it already contains postgresql",
            "CloudNativePG allows 50 characters",
            "starts with a letter",
        ],
        &[],
        "Bitnami common.names.fullname; CloudNativePG cluster webhook validateName",
    ),
    // The duplicate env warning is older than 1.30.
    teaches(
        Text::Upstream("duplicate-env-var"),
        unchanged,
        &["since 1.22"],
        &["1.30"],
        "pkg/api/pod/warnings.go",
    ),
    // Bitnami's images: what works today, pinned or not.
    teaches(
        Text::Commands,
        |s| database(s, DatabaseKind::Helm),
        &[
            "--set image.repository=bitnamilegacy/postgresql --set global.security.allowInsecureImages=true",
            "Unpinned",
        ],
        &["an older pinned --version needs"],
        "bitnami/containers#83267; bitnami/charts#30850 (common.errors.insecureImages)",
    ),
    teaches(
        Text::Commands,
        |s| {
            database(s, DatabaseKind::Helm);
            s.database.chart_version = "16.7.27".into()
        },
        &["--set image.repository=bitnamilegacy/postgresql --set global.security.allowInsecureImages=true"],
        &["drop --version"],
        "bitnami/containers#83267; bitnami/charts#30850 (common.errors.insecureImages)",
    ),
    teaches(
        Text::Explain("database.chart_version"),
        unchanged,
        &["Pinned or not"],
        &["pinned to an older version, its image may be gone"],
        "bitnami/containers#83267",
    ),
    // Hint commands in comments name the namespace like every real command.
    teaches(
        Text::Commands,
        unchanged,
        &["`kubectl logs -n web -f job/web-migrate-0`"],
        &["`kubectl logs -f job/"],
        "kubectl: without -n a command looks in the kubeconfig's current namespace",
    ),
    teaches(
        Text::Commands,
        |s| s.jobs[0].restart_policy = RestartPolicy::Never,
        &[
            "`kubectl describe -n web job/web-migrate-0`",
            "`kubectl logs -n web job/web-migrate-0`",
        ],
        &["`kubectl describe job/", "`kubectl logs job/"],
        "kubectl: without -n a command looks in the kubeconfig's current namespace",
    ),
    teaches(
        Text::Commands,
        |s| s.secret_options.seal.cert = include_str!("fixtures/seal/cert.pem").into(),
        &["`kubectl describe -n web sealedsecret/web-env-secret`"],
        &["`kubectl describe sealedsecret/"],
        "kubectl: without -n a command looks in the kubeconfig's current namespace",
    ),
    teaches(
        Text::Commands,
        |s| {
            s.set_target(Target::Minikube);
            s.image.tag = "latest".into()
        },
        &["`kubectl rollout restart -n web deployment/web`"],
        &["`kubectl rollout restart` the Deployment"],
        "kubectl: without -n a command looks in the kubeconfig's current namespace",
    ),
    teaches(
        Text::Commands,
        |s| {
            s.app.namespace.clear();
            s.jobs[0].restart_policy = RestartPolicy::Never
        },
        &["`kubectl describe job/web-migrate-0`"],
        &["-n "],
        "no namespace in the spec: kubectl's current one, as every command uses",
    ),
];

#[test]
fn what_the_texts_teach_is_what_the_sources_say() {
    let mut failures = Vec::new();
    for (n, row) in TEACHES.iter().enumerate() {
        // GIVEN the clean spec, edited
        let mut spec = clean();
        (row.edit)(&mut spec);
        // WHEN the text is taken
        let text = match row.text {
            Text::Explain(path) => {
                let x = kubewright::explain::explain(path).expect(path);
                format!("{} {} {}", x.text, x.default, x.without)
            }
            Text::Messages(rule) => validate::validate(&spec)
                .into_iter()
                .filter(|i| i.rule == rule)
                .map(|i| i.message)
                .collect::<Vec<_>>()
                .join("\n"),
            Text::Upstream(rule) => validate::rule(rule).expect(rule).upstream.to_string(),
            Text::Commands => kubewright::render(&spec).commands_text(),
        };
        // THEN it says what the source says, and not the old claim
        for says in row.says {
            if !text.contains(says) {
                failures.push(format!("row {n} ({}): lacks {says:?}", row.upstream));
            }
        }
        for never in row.never {
            if text.contains(never) {
                failures.push(format!("row {n} ({}): still says {never:?}", row.upstream));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_probe_path_without_a_slash_is_a_warning_and_limits_alone_are_not_best_effort() {
    // probe-http-path: the kubelet adds the '/', so it is style, not a refusal.
    let rule = validate::rule("probe-http-path").unwrap();
    assert_eq!(rule.severity, Severity::Warning);
    let mut spec = clean();
    spec.probes.readiness.action = http_get("health", "http");
    let issue = validate::validate(&spec)
        .into_iter()
        .find(|i| i.rule == "probe-http-path")
        .unwrap();
    assert!(
        issue.message.contains("adds the missing '/'"),
        "{}",
        issue.message
    );
    // Limits without requests: the requests are the limits, so the pods are Guaranteed and no
    // request is called missing.
    let mut spec = clean();
    spec.resources.requests = CpuMemory::new("", "");
    spec.resources.limits = CpuMemory::new("500m", "256Mi");
    let q = kubewright::qos::qos(&spec.resources);
    assert_eq!(
        q.class,
        Some(kubewright::qos::QosClass::Guaranteed),
        "{}",
        q.reason
    );
    assert!(!validate::validate(&spec)
        .iter()
        .any(|i| i.rule.starts_with("unset-")));
}

#[test]
fn severities_are_errors_first() {
    let mut spec = clean();
    spec.app.name = "Bad".into();
    spec.image.tag = "latest".into();
    let issues = validate::validate(&spec);
    assert_eq!(issues[0].severity, Severity::Error);
    assert_eq!(issues.last().unwrap().severity, Severity::Warning);
    assert_eq!(validate::error_count(&issues), 1);
}

#[test]
fn every_fix_resolves_its_issue() {
    // GIVEN specs with fixable warnings (the article preset has many; remove a few more things)
    let mut base = crate::util::article();
    base.probes.readiness = Probe::default();
    base.resources = Resources::default();
    let mut bare = sidecar("log", 9100);
    bare.resources = Resources::default();
    base.init.sidecars = vec![sidecar("proxy", 9101), bare];
    base.env.push(EnvEntry::new("SECRET_KEY_BASE", "x")); // already in the Secret
    base.env.push(EnvEntry::new("API_TOKEN", "x"));
    base.pod_env.push(EnvEntry::new("SMTP_PASSWORD", "x"));
    base.pod_env
        .push(EnvEntry::new("ERLANG_COOKIE", "pod-env-wins")); // also in the Secret
    base.probes.startup.action = ProbeAction::TcpSocket {
        port: "9999".into(),
    };
    let fixable: Vec<_> = validate::validate(&base)
        .into_iter()
        .filter(|i| i.fix.is_some())
        .collect();
    assert!(fixable.len() >= 10, "{fixable:?}");
    for issue in fixable {
        // WHEN its fix is applied
        let mut spec = base.clone();
        issue.fix.as_ref().unwrap().apply(&mut spec);
        // THEN that issue is gone and no error appeared
        let after = validate::validate(&spec);
        assert!(
            // (rows after a moved one shift up, so compare the message too: it names the variable)
            !after.iter().any(|i| i.rule == issue.rule
                && i.path == issue.path
                && i.message == issue.message),
            "fix for {} at {} did not resolve it",
            issue.rule,
            issue.path
        );
        assert_eq!(validate::error_count(&after), 0, "{:?}", after);
    }
}

#[test]
fn the_security_fix_knows_a_phoenix_release() {
    let mut spec = Preset::find("phoenix-article").unwrap().spec().unwrap();
    let fix = validate::validate(&spec)
        .into_iter()
        .find(|i| i.rule == "run-as-non-root")
        .and_then(|i| i.fix)
        .unwrap();
    fix.apply(&mut spec);
    assert_eq!(spec.security, Security::restricted(Some(65534), "/tmp"));
    assert!(spec.env.contains(&EnvEntry::new("RELEASE_TMP", "/tmp")));
    // A plain web app keeps the image's own user.
    let mut plain = clean();
    plain.security = Security::default();
    let fix = validate::validate(&plain)
        .into_iter()
        .find(|i| i.rule == "run-as-non-root")
        .and_then(|i| i.fix)
        .unwrap();
    fix.apply(&mut plain);
    assert_eq!(plain.security.run_as_user, None);
    assert!(plain.security.run_as_non_root);
}

#[test]
fn a_long_app_name_is_caught_in_the_job_name_it_makes() {
    let mut spec = clean();
    spec.app.name = "a".repeat(56); // valid on its own; "<56>-migrate-0" is 66
    let issue = validate::validate(&spec)
        .into_iter()
        .find(|i| i.rule == "derived-name")
        .unwrap();
    assert_eq!(issue.path, "jobs[0].name");
    assert!(issue.message.contains("-migrate-0"), "{}", issue.message);
}

#[test]
fn a_job_restart_policy_of_always_is_refused_when_the_spec_is_read() {
    let err =
        kubewright::spec_from_json(r#"{"jobs": [{"restart_policy": "Always"}]}"#).unwrap_err();
    assert!(
        err.contains("unknown variant `Always`, expected `OnFailure` or `Never`"),
        "{err}"
    );
}

// ---- the syntaxes, valid and invalid side by side ----

fn table(f: fn(&str) -> Result<(), String>, valid: &[&str], invalid: &[&str]) {
    for v in valid {
        assert!(f(v).is_ok(), "{v:?} should be valid: {:?}", f(v));
    }
    for v in invalid {
        let err = f(v).expect_err(v);
        assert!(!err.is_empty());
    }
}

#[test]
fn dns_names() {
    let l63 = long(63);
    let l64 = long(64);
    table(
        names::dns1123_label,
        &["a", "0", "a-b", "1a", &l63],
        &["", "A", "a_b", "-a", "a-", "a.b", &l64, "é"],
    );
    table(
        names::dns1035_label,
        &["a", "a-1", &l63],
        &["1a", "", "A", "a-", &l64],
    );
    let sub = format!("{}.{}.{}.{}", l63, l63, l63, long(61));
    table(
        names::dns1123_subdomain,
        &["a", "a.b", "1.2-3", &sub],
        &["", "a..b", ".a", "a.", "A.b", &format!("{sub}a")],
    );
}

#[test]
fn labels() {
    table(
        names::label_value,
        &["", "a", "A_b.c-1", &long(63)],
        &["-a", "a-", "a b", "a/b", &long(64)],
    );
    table(
        names::label_key,
        &["app", "app.kubernetes.io/name", "A_b", "example.com/x.y"],
        &["", "/a", "a/", "Example.com/a", "a/b/c", "-a", &long(64)],
    );
}

#[test]
fn data_keys_and_env_names() {
    table(
        names::config_map_key,
        &["A", "a.b", "-x", "_", "1", "a..b", &long(253)],
        &["", ".", "..", "..a", "a b", "a/b", "a=b", &long(254)],
    );
    table(
        names::env_name,
        &["PORT", "1X", "a b", "a:b", "~!"],
        &["", "A=B", "é", "a\tb", "a\nb"],
    );
    table(
        names::env_name_before_1_32,
        &["PORT", "_X", "a.b-c", "-x"],
        &["", "1X", "a b", "a:b"],
    );
}

#[test]
fn port_names() {
    table(
        names::port_name,
        &["http", "h2c", "web-1", "a", &long(15)],
        &["", "HTTP", "80", "-a", "a-", "a--b", "a_b", &long(16)],
    );
}

#[test]
fn quantities_parse_like_the_api_server() {
    let nanos = |s: &str| quantity::parse(s).unwrap().nanos;
    assert_eq!(nanos("1"), 1_000_000_000);
    assert_eq!(nanos("250m"), 250_000_000);
    assert_eq!(nanos("0.25"), 250_000_000);
    assert_eq!(nanos(".5"), 500_000_000);
    assert_eq!(nanos("1e3"), 1_000_000_000_000);
    assert_eq!(nanos("1E3"), 1_000_000_000_000);
    assert_eq!(nanos("1k"), nanos("1e3"));
    assert_eq!(nanos("1Ki"), 1024 * 1_000_000_000);
    assert_eq!(nanos("1Gi"), nanos("1073741824"));
    assert_eq!(nanos("1n"), 1);
    assert_eq!(nanos("1e-10"), 1, "finer than nano rounds up");
    assert_eq!(nanos("0"), 0);
    assert!(quantity::parse("-1").unwrap().negative);
    assert!(quantity::parse("+1").is_ok());
    assert_eq!(nanos("1E"), nanos("1e18"), "E alone is exa");
    for bad in [
        "", "abc", "256MB", "1.2.3", "1e", "1 Mi", "Mi", "1mi", "1KB", "0x10", "1_000", ".",
    ] {
        assert!(quantity::parse(bad).is_err(), "{bad:?} should be refused");
    }
    assert!(quantity::parse("256MB")
        .unwrap_err()
        .contains("for megabytes write M"));
}

#[test]
fn image_references() {
    table(
        image_ref::repository,
        &[
            "web",
            "library/postgres",
            "ghcr.io/acme/web",
            "localhost:5000/web",
            "registry.example.com:443/a/b-c/d__e",
            "a.b_c-d",
            "Registry.Example.com/web",
        ],
        &[
            "",
            "Web",
            "a/B",
            "web:1",
            "web@sha256:1",
            "a//b",
            "-a",
            "a-",
            "a b",
            "host:port/a",
            "a/b/",
        ],
    );
    table(
        image_ref::tag,
        &["", "1.0.0", "latest", "v1_2-rc.1", "_x", &long(128)],
        &["-x", ".x", "1.0 ", "a/b", "a@b", &long(129)],
    );
    let sha = format!("sha256:{}", "ab".repeat(32));
    table(
        image_ref::digest,
        &["", &sha, &format!("sha512:{}", "c".repeat(128))],
        &[
            "sha256",
            "sha256:ABC",
            "sha256:abc",
            "SHA256:abc",
            ":abc",
            &format!("{sha}0"),
        ],
    );
}

#[test]
fn a_secret_in_the_containers_own_env_moves_to_the_secret_unless_it_needs_expanding() {
    // GIVEN a literal password in the container's own env, and one built from $(POD_IP)
    let mut spec = clean();
    spec.pod_env
        .push(EnvEntry::new("RELEASE_NODE", "web@$(POD_IP)"));
    spec.pod_env.push(EnvEntry::new("DB_PASSWORD", "hunter2"));
    spec.pod_env
        .push(EnvEntry::new("NODE_TOKEN", "$(POD_IP)-token"));
    spec.secrets.push(EnvEntry::new("DB_PASSWORD", "stale"));
    // WHEN it is validated
    let issues: Vec<_> = validate::validate(&spec)
        .into_iter()
        .filter(|i| i.rule == "env-var-secret")
        .collect();
    // THEN both secret-looking entries are warned about, at their rows
    let paths: Vec<_> = issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["pod_env[1].name", "pod_env[2].name"]);
    assert!(issues[0].message.contains("plain text in the Deployment"));
    // AND only the literal one offers "Move to Secret": Kubernetes expands $(POD_IP) in the
    // container's env, never in a Secret's
    assert!(issues[1].fix.is_none());
    let fix = issues[0].fix.clone().unwrap();
    assert_eq!(fix.label(), "Move to Secret");
    // WHEN it is applied THEN the value the container saw (its own env beats envFrom) is the
    // Secret's, once
    fix.apply(&mut spec);
    assert_eq!(
        spec.pod_env.iter().map(|e| &e.name[..]).collect::<Vec<_>>(),
        ["RELEASE_NODE", "NODE_TOKEN"]
    );
    let in_secret: Vec<_> = spec
        .secrets
        .iter()
        .filter(|e| e.name == "DB_PASSWORD")
        .collect();
    assert_eq!(in_secret, [&EnvEntry::new("DB_PASSWORD", "hunter2")]);
    // AND so it is no longer in what autosave and share links keep
    assert!(!kubewright::spec_to_json(&spec.without_secret_values()).contains("hunter2"));
}

#[test]
fn fix_buttons_speak_of_the_app_at_hand() {
    // Rails reads SECRET_KEY_BASE too: that name alone does not make it a Phoenix release.
    let mut spec = Preset::find("rails").unwrap().spec().unwrap();
    spec.secrets.push(EnvEntry::new("SECRET_KEY_BASE", "x"));
    let labels: Vec<String> = validate::validate(&spec)
        .into_iter()
        .filter_map(|i| i.fix.map(|f| f.label()))
        .collect();
    assert!(
        labels.iter().any(|l| l.contains("securityContext")),
        "{labels:?}"
    );
    assert!(labels.iter().all(|l| !l.contains("Phoenix")), "{labels:?}");
}
