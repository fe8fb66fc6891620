//! Form <-> YAML: which form field (its spec path, the same paths validation uses: `app.replicas`,
//! `env[2].value`, `probes.liveness.period_seconds`) produced each line of the rendered YAML. A line
//! may come from several fields (the image line from repository, tag and digest); a line without a
//! rule of its own belongs to the nearest enclosing line that has one (`- ping` under `command:`).

use std::collections::BTreeMap;

mod ingress;
mod route;

use super::lines::{keys, line_paths, LinePath, Seg};
use crate::k8s::{self, Object};
use crate::spec::AppSpec;

/// The spec field paths behind every line of `yaml`, which must be `render(spec).all`.
pub fn line_sources(spec: &AppSpec, yaml: &str) -> Vec<Vec<String>> {
    let objects = k8s::objects_layout(spec);
    // The n-th Job object is spec.jobs[n], the n-th CronJob spec.cron_jobs[n]: each object's
    // index among the objects of its variant.
    let job_index: Vec<usize> = objects
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let variant = std::mem::discriminant(o);
            objects[..i]
                .iter()
                .filter(|p| std::mem::discriminant(*p) == variant)
                .count()
        })
        .collect();
    line_paths(yaml)
        .iter()
        .map(|LinePath { doc, path }| match objects.get(*doc) {
            Some(object) => {
                // The line's own rule, else its parent's, up to the document's root.
                let k = keys(path);
                (0..=path.len())
                    .rev()
                    .find_map(|n| rule(spec, object, job_index[*doc], &path[..n], &k[..n]))
                    .unwrap_or_default()
            }
            None => Vec::new(),
        })
        .collect()
}

/// Whether a line from `source` belongs to the form field `field`: the same path, a row that holds
/// the field (`env[2]` for `env[2].value`), or a field inside it. A whole list (`env`, behind the
/// envFrom line) is not a row: its lines do not light up for every entry.
pub fn belongs(source: &str, field: &str) -> bool {
    source == field
        || (source.ends_with(']')
            && field
                .strip_prefix(source)
                .is_some_and(|rest| rest.starts_with('.')))
        || source
            .strip_prefix(field)
            .is_some_and(|rest| rest.starts_with(['.', '[']))
}

/// The lines (0-based) the form field produced.
pub fn lines_of(field: &str, sources: &[Vec<String>]) -> Vec<usize> {
    sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.iter().any(|s| belongs(s, field)))
        .map(|(i, _)| i)
        .collect()
}

/// Every field path with the line ranges (start inclusive, end exclusive) it produced.
pub fn field_lines(sources: &[Vec<String>]) -> BTreeMap<String, Vec<(usize, usize)>> {
    let mut out: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (i, fields) in sources.iter().enumerate() {
        for f in fields {
            let ranges = out.entry(f.clone()).or_default();
            match ranges.last_mut() {
                Some((_, end)) if *end == i => *end = i + 1,
                _ => ranges.push((i, i + 1)),
            }
        }
    }
    out
}

fn one(s: impl Into<String>) -> Option<Vec<String>> {
    Some(vec![s.into()])
}

// The rule for one path of one object; `None` lets the parent path decide.
// `k` is `path`'s keys (`[]` for items), computed once per line by the caller.
fn rule(
    spec: &AppSpec,
    object: &Object,
    job: usize,
    path: &[Seg],
    k: &[&str],
) -> Option<Vec<String>> {
    match (object, k) {
        (_, ["metadata", "namespace"]) => one("app.namespace"),
        // `app: <name>` first, then the extra labels in order.
        (_, ["metadata", "labels", _]) => one(label_source(path, "app.name")),
        (_, ["metadata", "labels"]) => one("app.name"),
        (Object::Namespace(_), ["metadata", "name"]) => one("app.namespace"),
        (Object::ServiceAccount(_), ["metadata", "name"]) => one("app.name"),
        (Object::ServiceAccount(_), [_, ..]) => one("service_account.enabled"),
        (Object::RegistrySecret(_) | Object::RegistrySealedSecret(_), ["metadata", "name"]) => {
            one("app.name")
        }
        (Object::RegistrySecret(_) | Object::RegistrySealedSecret(_), _) => Some(vec![
            "registry.server".into(),
            "registry.username".into(),
            "registry.password".into(),
        ]),
        (Object::ConfigMap(_) | Object::Secret(_) | Object::SealedSecret(_), _) => {
            env_rule(spec, object, path, k)
        }
        (Object::DatabaseSecret(_) | Object::DatabaseSealedSecret(_) | Object::Cluster(_), _) => {
            database_rule(object, k)
        }
        (Object::Deployment(_), _) => deployment_rule(spec, path, k),
        (Object::Job(_), _) => job_rule(spec, job, path, k),
        (Object::CronJob(_), _) => cron_rule(spec, job, path, k),
        (Object::Service(_) | Object::HeadlessService(_), _) => service_rule(spec, object, k),
        (Object::HorizontalPodAutoscaler(_), _) => autoscaler_rule(path, k),
        (Object::PodDisruptionBudget(_), ["spec", "minAvailable" | "maxUnavailable"]) => {
            Some(vec![
                "disruption_budget.limit".into(),
                "disruption_budget.value".into(),
            ])
        }
        (Object::PodDisruptionBudget(_), ["spec", "selector", ..] | ["metadata", "name"]) => {
            one("app.name")
        }
        (Object::PodDisruptionBudget(_), _) => one("disruption_budget.enabled"),
        (Object::Ingress(_), _) => ingress::ingress_rule(spec, path, k),
        (Object::ClusterIssuer(_), _) if spec.route.creates_issuer() => route::issuer_rule(k),
        (Object::ClusterIssuer(_), _) => ingress::issuer_rule(k),
        (Object::HttpRoute(_), _) => route::route_rule(spec, path, k),
        (Object::Gateway(_), _) => route::gateway_rule(k),
        (Object::ReferenceGrant(_), _) => route::grant_rule(k),
        (Object::NetworkPolicy(_), _) => ingress::network_policy_rule(spec, path, k),
        _ => None,
    }
}

// The app's ConfigMap and Secret (plain or sealed): one line per entry.
fn env_rule(spec: &AppSpec, object: &Object, path: &[Seg], k: &[&str]) -> Option<Vec<String>> {
    match (object, k) {
        (Object::ConfigMap(_), ["data", _]) => {
            let i = ordinal(path, 1);
            if i < spec.env.len() {
                one(format!("env[{i}]"))
            } else {
                Some(vec![
                    "clustering.enabled".into(),
                    "clustering.query_env".into(),
                ])
            }
        }
        (_, ["metadata", "name"]) => one("app.name"),
        // The same entries whether written as data, stringData or sealed.
        (Object::Secret(_), ["data" | "stringData", _])
        | (Object::SealedSecret(_), ["spec", "encryptedData", _]) => {
            let i = ordinal(path, k.len() - 1);
            if i < spec.secrets.len() {
                one(format!("secrets[{i}]"))
            } else {
                // The derived DATABASE_URL: every database setting that goes into it.
                Some(
                    [
                        "kind",
                        "name",
                        "user",
                        "database",
                        "password",
                        "url_env",
                        "url_scheme",
                        "url_port",
                    ]
                    .iter()
                    .map(|f| format!("database.{f}"))
                    .collect(),
                )
            }
        }
        _ => None,
    }
}

// The database's password Secret (plain or sealed) and the CloudNativePG Cluster.
fn database_rule(object: &Object, k: &[&str]) -> Option<Vec<String>> {
    match (object, k) {
        (Object::DatabaseSecret(_) | Object::DatabaseSealedSecret(_), ["metadata", "name"]) => {
            one("database.name")
        }
        (Object::DatabaseSecret(_), ["type"]) => one("database.kind"),
        (Object::DatabaseSealedSecret(_), ["spec", "template", "type"]) => one("database.kind"),
        (Object::DatabaseSecret(_), ["data" | "stringData", key])
        | (Object::DatabaseSealedSecret(_), ["spec", "encryptedData", key]) => one(match *key {
            "username" => "database.user",
            "postgres-password" => "database.admin_password",
            _ => "database.password",
        }),
        (Object::Cluster(_), ["metadata", "name"]) => one("database.name"),
        (Object::Cluster(_), ["apiVersion" | "kind"]) => one("database.kind"),
        (Object::Cluster(_), ["spec", "instances"]) => one("database.instances"),
        (Object::Cluster(_), ["spec", "storage", ..]) => one("database.storage_size"),
        (Object::Cluster(_), ["spec", "bootstrap", "initdb", "database"]) => {
            one("database.database")
        }
        (Object::Cluster(_), ["spec", "bootstrap", "initdb", "owner"]) => one("database.user"),
        (Object::Cluster(_), ["spec", "bootstrap", "initdb", "secret", ..]) => one("database.name"),
        _ => None,
    }
}

fn deployment_rule(spec: &AppSpec, path: &[Seg], k: &[&str]) -> Option<Vec<String>> {
    match k {
        ["spec", "template", "metadata", "labels", _] => one(label_source(path, "app.name")),
        ["metadata", "name"] => one("app.name"),
        ["spec", "replicas"] => one("app.replicas"),
        ["spec", "template", "spec", "topologySpreadConstraints", "[]", "maxSkew"] => {
            one("spreading.max_skew")
        }
        ["spec", "template", "spec", "topologySpreadConstraints", "[]", "whenUnsatisfiable"] => {
            one("spreading.when_unsatisfiable")
        }
        ["spec", "template", "spec", "topologySpreadConstraints" | "affinity", ..] => {
            one("spreading.mode")
        }
        ["spec", "template", "spec", "terminationGracePeriodSeconds"] => {
            one("shutdown.termination_grace_period_seconds")
        }
        ["spec", "template", "spec", "containers", "[]", "lifecycle", ..] => {
            one("shutdown.pre_stop_sleep_seconds")
        }
        ["spec", "template", "metadata", "annotations", "checksum/secret"] => {
            one("secret_options.checksum_key")
        }
        ["spec", "revisionHistoryLimit"] => one("app.revision_history_limit"),
        ["spec", "selector", ..] => one("app.name"),
        ["spec", "strategy", "rollingUpdate", "maxSurge"] => one("app.max_surge"),
        ["spec", "strategy", "rollingUpdate", "maxUnavailable"] => one("app.max_unavailable"),
        ["spec", "template", "spec", rest @ ..] => {
            pod(spec, None, rest, &path[path.len() - rest.len()..])
        }
        _ => None,
    }
}

// The n-th Job object is spec.jobs[n] (`job`).
fn job_rule(spec: &AppSpec, job: usize, path: &[Seg], k: &[&str]) -> Option<Vec<String>> {
    match k {
        ["metadata", "name"] => Some(vec![
            format!("jobs[{job}].name"),
            format!("jobs[{job}].run"),
        ]),
        ["spec", "backoffLimit"] => one(format!("jobs[{job}].backoff_limit")),
        ["spec", "ttlSecondsAfterFinished"] => {
            one(format!("jobs[{job}].ttl_seconds_after_finished"))
        }
        ["spec", "template", "metadata", "labels", _] => {
            one(label_source(path, &format!("jobs[{job}].name")))
        }
        ["spec", "template", "spec", rest @ ..] => {
            pod(spec, Some(job), rest, &path[path.len() - rest.len()..])
        }
        _ => None,
    }
}

// The n-th CronJob object is spec.cron_jobs[n] (`i`); its pod template is the app's, as a Job's.
fn cron_rule(spec: &AppSpec, i: usize, path: &[Seg], k: &[&str]) -> Option<Vec<String>> {
    let field = |f: &str| one(format!("cron_jobs[{i}].{f}"));
    match k {
        ["metadata", "name"] => field("name"),
        ["spec", "schedule"] => field("schedule"),
        ["spec", "timeZone"] => field("time_zone"),
        ["spec", "concurrencyPolicy"] => field("concurrency_policy"),
        ["spec", "startingDeadlineSeconds"] => field("starting_deadline_seconds"),
        ["spec", "successfulJobsHistoryLimit"] => field("successful_jobs_history_limit"),
        ["spec", "failedJobsHistoryLimit"] => field("failed_jobs_history_limit"),
        ["spec", "jobTemplate", "spec", "activeDeadlineSeconds"] => {
            field("active_deadline_seconds")
        }
        ["spec", "jobTemplate", "spec", "backoffLimit"] => field("backoff_limit"),
        ["spec", "jobTemplate", "spec", "template", "metadata", "labels", _] => {
            one(label_source(path, &format!("cron_jobs[{i}].name")))
        }
        ["spec", "jobTemplate", "spec", "template", "spec", "restartPolicy"] => {
            field("restart_policy")
        }
        ["spec", "jobTemplate", "spec", "template", "spec", "containers", "[]", "args", ..] => {
            field("args")
        }
        ["spec", "jobTemplate", "spec", "template", "spec", rest @ ..] => {
            pod(spec, None, rest, &path[path.len() - rest.len()..])
        }
        _ => None,
    }
}

// The autoscaler: each bound and target is one field (the first metric is CPU, the second memory).
fn autoscaler_rule(path: &[Seg], k: &[&str]) -> Option<Vec<String>> {
    let field = match k {
        ["spec", "minReplicas"] => "min_replicas",
        ["spec", "maxReplicas"] => "max_replicas",
        ["spec", "metrics", "[]", ..] => match path.get(2) {
            Some(Seg::Index(0)) => "cpu_utilization",
            _ => "memory_utilization",
        },
        ["spec", "behavior", ..] => "scale_down_stabilization_seconds",
        ["spec", "scaleTargetRef", ..] | ["metadata", "name"] => return one("app.name"),
        _ => "enabled",
    };
    one(format!("autoscaling.{field}"))
}

// The app's Service and the headless one for clustering.
fn service_rule(spec: &AppSpec, object: &Object, k: &[&str]) -> Option<Vec<String>> {
    match (object, k) {
        (Object::Service(_), ["metadata", "name"]) => one("app.name"),
        (Object::Service(_), ["spec", "type" | "clusterIP"]) => one("service.type"),
        (Object::Service(_), ["spec", "selector", ..]) => one("app.name"),
        (Object::Service(_), ["spec", "ports", "[]", "name"]) => one("port.name"),
        (Object::Service(_), ["spec", "ports", "[]", "protocol"]) => one("port.protocol"),
        (Object::Service(_), ["spec", "ports", "[]", "port"]) => one("service.port"),
        (Object::Service(_), ["spec", "ports", "[]", "targetPort"]) => {
            one(if spec.port.name.is_empty() {
                "port.number"
            } else {
                "port.name"
            })
        }
        (Object::Service(_), ["spec", "ports", "[]", "nodePort"]) => one("service.node_port"),
        (Object::HeadlessService(_), ["spec", "selector", ..]) => one("app.name"),
        (Object::HeadlessService(_), [_, ..]) => one("clustering.enabled"),
        _ => None,
    }
}

// A label line: the first label is `app` (from `first`), the others are `app.labels[i]`.
fn label_source(path: &[Seg], first: &str) -> String {
    match ordinal(path, path.len() - 1) {
        0 => first.to_string(),
        n => format!("app.labels[{}]", n - 1),
    }
}

// The position of the key at `depth` among its siblings.
fn ordinal(path: &[Seg], depth: usize) -> usize {
    match path.get(depth) {
        Some(Seg::Key(_, n)) => *n,
        _ => 0,
    }
}

// Lines of a pod template's `spec` (the Deployment's, or Job `job`'s).
fn pod(spec: &AppSpec, job: Option<usize>, k: &[&str], path: &[Seg]) -> Option<Vec<String>> {
    let job_field = |f: &str| job.map(|j| format!("jobs[{j}].{f}"));
    match k {
        ["restartPolicy"] => one(job_field("restart_policy")?),
        ["serviceAccountName" | "automountServiceAccountToken"] => one("service_account.enabled"),
        ["imagePullSecrets", ..] => one("registry.enabled"),
        ["securityContext", "runAsNonRoot"] => one("security.run_as_non_root"),
        ["securityContext", "runAsUser"] => one("security.run_as_user"),
        ["securityContext", "runAsGroup"] => one("security.run_as_group"),
        ["securityContext", "seccompProfile", ..] => one("security.seccomp_runtime_default"),
        ["volumes", ..] => one("security.writable_tmp"),
        ["initContainers", "[]", ..] => init_container(spec, k, path),
        ["initContainers"] => one("init.wait_for_database"),
        ["containers", "[]", "name"] => one("app.name"),
        ["containers", "[]", "image"] => Some(vec![
            "image.repository".into(),
            "image.tag".into(),
            "image.digest".into(),
        ]),
        ["containers", "[]", "imagePullPolicy"] => match job_field("image_pull_policy") {
            Some(f) => Some(vec![f, "image.pull_policy".into(), "target".into()]),
            None => Some(vec!["image.pull_policy".into(), "target".into()]),
        },
        ["containers", "[]", "args", ..] => one(job_field("args")?),
        ["containers", "[]", "env", "[]", ..] => {
            let i = match path.get(3) {
                Some(Seg::Index(i)) => *i,
                _ => 0,
            };
            let d = spec.downward.len();
            one(if i < d {
                format!("downward[{i}]")
            } else {
                format!("pod_env[{}]", i - d)
            })
        }
        ["containers", "[]", "envFrom", "[]", "configMapRef", ..] => one("env"),
        ["containers", "[]", "envFrom", "[]", "secretRef", ..] => one("secrets"),
        ["containers", "[]", "ports", "[]", "name"] => one("port.name"),
        ["containers", "[]", "ports", "[]", "containerPort"] => one("port.number"),
        ["containers", "[]", "ports", "[]", "protocol"] => one("port.protocol"),
        ["containers", "[]", probe, rest @ ..] if probe.ends_with("Probe") => {
            let which = probe.trim_end_matches("Probe");
            let field = match rest {
                [] | ["exec" | "httpGet" | "tcpSocket"] => "action",
                ["exec", "command", ..] => "action.command",
                [_, "path"] => "action.path",
                [_, "port"] => "action.port",
                ["initialDelaySeconds"] => "initial_delay_seconds",
                ["periodSeconds"] => "period_seconds",
                ["timeoutSeconds"] => "timeout_seconds",
                ["failureThreshold"] => "failure_threshold",
                ["successThreshold"] => "success_threshold",
                _ => return None,
            };
            one(format!("probes.{which}.{field}"))
        }
        ["containers", "[]", "resources", kind @ ("limits" | "requests"), what, ..] => {
            one(format!("resources.{kind}.{what}"))
        }
        ["containers", "[]", "securityContext", "allowPrivilegeEscalation"] => {
            one("security.no_privilege_escalation")
        }
        ["containers", "[]", "securityContext", "readOnlyRootFilesystem"] => {
            one("security.read_only_root_filesystem")
        }
        ["containers", "[]", "securityContext", "capabilities", ..] => {
            one("security.drop_all_capabilities")
        }
        ["containers", "[]", "volumeMounts", ..] => one("security.writable_tmp"),
        _ => None,
    }
}

// The n-th init container: a sidecar (they come first), else the wait for the database.
fn init_container(spec: &AppSpec, k: &[&str], path: &[Seg]) -> Option<Vec<String>> {
    let i = match path.get(1) {
        Some(Seg::Index(i)) => *i,
        _ => 0,
    };
    if i < spec.init.sidecars.len() {
        if let ["env", ..] = &k[2..] {
            let j = match path.get(3) {
                Some(Seg::Index(j)) => *j,
                _ => 0,
            };
            return one(format!("init.sidecars[{i}].env[{j}].name"));
        }
        let field = match &k[2..] {
            ["name"] | ["restartPolicy"] | ["imagePullPolicy"] | ["securityContext", ..] => "name",
            ["image"] => "image",
            ["args", ..] => "args",
            ["ports", ..] => "ports",
            _ => "name",
        };
        return one(format!("init.sidecars[{i}].{field}"));
    }
    match &k[2..] {
        ["image"] => one("init.wait_image"),
        ["env", ..] => Some(vec!["init.wait_host".into(), "database.name".into()]),
        _ => one("init.wait_for_database"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::Preset;

    fn lines(id: &str, field: &str) -> Vec<String> {
        let spec = Preset::find(id).unwrap().spec().unwrap();
        let yaml = crate::render(&spec).all;
        let sources = line_sources(&spec, &yaml);
        let text: Vec<&str> = yaml.lines().collect();
        lines_of(field, &sources)
            .into_iter()
            .map(|i| text[i].trim().to_string())
            .collect()
    }

    #[test]
    fn fields_find_the_lines_they_produced() {
        assert_eq!(lines("phoenix-article", "app.replicas"), ["replicas: 1"]);
        assert_eq!(lines("phoenix-article", "env[1].value"), ["PORT: '4000'"]);
        assert_eq!(
            lines("phoenix-article", "probes.liveness.action.command"),
            ["command:", "- /app/bin/kube_native_umbrella", "- ping"]
        );
        assert_eq!(
            lines("phoenix-article", "probes.liveness.period_seconds"),
            ["periodSeconds: 30"]
        );
        assert_eq!(
            lines("phoenix-article", "resources.requests.cpu"),
            ["cpu: 250m", "cpu: 250m"]
        );
        assert_eq!(lines("phoenix-article", "service.port"), ["port: 80"]);
        assert_eq!(
            lines("phoenix-article", "jobs[0].args"),
            ["args:", "- migrate"]
        );
        assert_eq!(
            lines("phoenix-article", "downward[0].field"),
            [
                "- name: POD_IP",
                "valueFrom:",
                "fieldRef:",
                "fieldPath: status.podIP",
                "- name: POD_IP",
                "valueFrom:",
                "fieldRef:",
                "fieldPath: status.podIP"
            ]
        );
        assert_eq!(
            lines("phoenix", "pod_env[0].value"),
            [
                "- name: RELEASE_NODE",
                "value: hello@$(POD_IP)",
                "- name: RELEASE_NODE",
                "value: hello@$(POD_IP)"
            ]
        );
        assert_eq!(lines("phoenix", "database.instances"), ["instances: 1"]);
        assert!(lines("phoenix", "database.password")
            .iter()
            .any(|l| l.starts_with("DATABASE_URL:")));
        assert!(lines("phoenix", "app.namespace").len() > 8);
    }

    #[test]
    fn ranges_group_neighbouring_lines() {
        let sources = vec![
            vec!["a".to_string()],
            vec!["a".to_string()],
            vec![],
            vec!["a".to_string()],
        ];
        assert_eq!(field_lines(&sources)["a"], vec![(0, 2), (3, 4)]);
    }

    #[test]
    fn belonging_respects_path_boundaries() {
        assert!(belongs("env[2]", "env[2].value"));
        assert!(!belongs("env", "env[2].value"));
        assert!(belongs(
            "probes.liveness.action.command",
            "probes.liveness.action"
        ));
        assert!(!belongs("env[2]", "env[21].value"));
        assert!(!belongs("app.name", "app.namespace"));
    }
}
