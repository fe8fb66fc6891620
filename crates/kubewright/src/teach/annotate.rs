//! The "annotated" output: the clean YAML with a `#` comment line above each non-obvious line, saying
//! why it is there. Comments are attached by object and path (from [`super::lines`]), never by
//! matching YAML text, and only ever as whole lines before a key or item line, so they can never land
//! inside a value: the annotated YAML reads back as exactly the same objects.

use std::ops::Range;

use super::lines::{keys, line_paths, Seg};
use super::qos;
use crate::k8s::{self, IntOrString, Object};
use crate::spec::AppSpec;

/// `yaml` (which must be `render(spec).all` or one of its files rendered the same way) with comments.
pub fn annotate(spec: &AppSpec, yaml: &str) -> String {
    let lines: Vec<&str> = yaml.lines().collect();
    rows(&lines, &comments(spec, yaml), 0..lines.len()).text
}

/// Lines of a stream as the annotated view shows them: the text, and which line each row is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rows {
    /// The lines, each comment on its own row above its line, indented like it.
    pub text: String,
    /// Per row of `text`, the stream line it belongs to (a comment row belongs to the line below).
    pub lines: Vec<usize>,
}

impl Rows {
    /// The row showing `line` itself: the last one that belongs to it, after its comment.
    pub fn row_of(&self, line: usize) -> Option<usize> {
        self.lines.iter().rposition(|&l| l == line)
    }

    /// The stream line shown on `row` (a click there edits that line's field).
    pub fn line_at(&self, row: usize) -> Option<usize> {
        self.lines.get(row).copied()
    }
}

/// Lines `range` of a stream whose lines are `lines`, with `comments` (from [`comments`]; shorter or
/// empty: fewer comments) written above the lines they belong to.
pub fn rows<S: AsRef<str>>(lines: &[S], comments: &[Option<String>], range: Range<usize>) -> Rows {
    let end = range.end.min(lines.len());
    let start = range.start.min(end);
    let mut out = Rows {
        text: String::new(),
        lines: Vec::with_capacity(end - start),
    };
    for (i, line) in lines.iter().enumerate().take(end).skip(start) {
        let line = line.as_ref();
        if let Some(Some(comment)) = comments.get(i) {
            let indent = line.len() - line.trim_start_matches(' ').len();
            out.text.push_str(&" ".repeat(indent));
            out.text.push_str("# ");
            out.text.push_str(comment);
            out.text.push('\n');
            out.lines.push(i);
        }
        out.text.push_str(line);
        out.text.push('\n');
        out.lines.push(i);
    }
    out
}

/// For each line of `yaml`, the comment that goes on its own line above it, if any (already made a
/// single line). The page shows these beside the clean lines; [`annotate`] writes them into the text.
pub fn comments(spec: &AppSpec, yaml: &str) -> Vec<Option<String>> {
    let objects = k8s::objects_layout(spec);
    let mut previous: Option<(usize, &[Seg])> = None;
    let paths = line_paths(yaml);
    let mut out = Vec::with_capacity(paths.len());
    for (line, lp) in yaml.lines().zip(&paths) {
        // Only the first line of a key or item gets a comment (not a block scalar's continuation).
        let first = previous != Some((lp.doc, lp.path.as_slice()));
        previous = Some((lp.doc, lp.path.as_slice()));
        let comment = first
            .then(|| objects.get(lp.doc))
            .flatten()
            .and_then(|object| comment(spec, object, &lp.path, line))
            // A comment is one line: any YAML line break (NEL and the Unicode line and paragraph
            // separators included) would end it and start YAML.
            .map(|c| {
                c.chars()
                    .map(|c| {
                        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                            ' '
                        } else {
                            c
                        }
                    })
                    .collect()
            });
        out.push(comment);
    }
    out
}

/// Annotates one object rendered alone (a file of the output).
pub fn annotate_file(spec: &AppSpec, file_name: &str, yaml: &str) -> String {
    let objects = k8s::objects_layout(spec);
    match objects.iter().position(|o| o.file_name() == file_name) {
        Some(i) => {
            // Render the comments as if the file were document `i` of the stream.
            let prefix = "---\n".repeat(i);
            let all = annotate(spec, &format!("{prefix}{yaml}"));
            all.splitn(i + 1, "---\n")
                .last()
                .unwrap_or_default()
                .to_string()
        }
        None => yaml.to_string(),
    }
}

fn index(path: &[Seg], at: usize) -> usize {
    match path.get(at) {
        Some(Seg::Index(i)) => *i,
        _ => 0,
    }
}

// The value as written on the line, after `key: `.
fn written_value(line: &str) -> &str {
    let t = line.trim_start().trim_start_matches("- ");
    t.split_once(": ").map(|(_, v)| v).unwrap_or("")
}

fn comment(spec: &AppSpec, object: &Object, path: &[Seg], line: &str) -> Option<String> {
    let k = keys(path);
    let quoted = || {
        let v = written_value(line);
        (v.starts_with('\'') || v.starts_with('"')).then(|| v.trim_matches(['\'', '"']).to_string())
    };
    match (object, k.as_slice()) {
        (Object::ConfigMap(_), ["data", key]) => {
            if let Some(v) = quoted() {
                return Some(if serde_yaml::reads_as_non_string(&v) {
                    format!("quoted: bare, kubectl (YAML 1.1) would read {v} as a number, boolean, null or date, and env values must be strings")
                } else {
                    "quoted so that every YAML reader takes the value as text".into()
                });
            }
            (spec.clustering.enabled && *key == spec.clustering.query_env)
                .then(|| "the headless Service's DNS name: it returns every pod's IP".into())
        }
        (Object::ConfigMap(_) | Object::Secret(_), ["data"]) => Some(
            "every key becomes an environment variable of the same name, through envFrom".into(),
        ),
        (Object::Secret(_), ["type"]) => Some(
            "the values below are base64: an encoding, not encryption; whoever can read Secrets can read them".into(),
        ),
        (Object::Secret(_), ["data", key]) if *key == spec.database.url_env && spec.database_url().is_some() => {
            Some("derived from the database section and its Service's cluster DNS name".into())
        }
        (Object::RegistrySecret(_), ["type"]) => Some(
            "a registry login: the kubelet pulls the pods' image with it (imagePullSecrets)".into(),
        ),
        (Object::DatabaseSecret(_), ["type"]) => Some(match spec.database.kind {
            crate::spec::DatabaseKind::Helm => "the chart reads `password` and `postgres-password` from here (auth.existingSecret)".into(),
            _ => "CloudNativePG reads the owner's username and password from a basic-auth Secret".into(),
        }),
        (Object::Cluster(_), ["spec", "bootstrap", "initdb"]) => Some(format!(
            "a new empty database; the operator serves it at {} (read-write)",
            spec.database.service_name().unwrap_or_default()
        )),
        (Object::Deployment(d), ["spec"]) if d.spec.replicas.is_none() => Some("no replicas: the autoscaler sets the count, and a fixed one here would reset it on every apply".into()),
        (Object::CronJob(c), ["spec", field]) => cron_job(c, field),
        (Object::PodDisruptionBudget(_) | Object::HorizontalPodAutoscaler(_), ["spec", field]) => availability(object, field),
        (Object::Deployment(_), ["spec", "selector"]) => Some(
            "which pods this Deployment owns; it cannot be changed after creation and must match the template's labels".into(),
        ),
        (Object::Deployment(d), ["spec", "strategy", "rollingUpdate", "maxUnavailable"]) => {
            Some(match &d.spec.strategy.rolling_update.max_unavailable {
                IntOrString::Int(0) => "0: an old pod stops only once a new one is ready, so capacity never drops during a rollout".into(),
                _ => "this many pods may be missing while a rollout replaces them".into(),
            })
        }
        (Object::Deployment(_), ["spec", "strategy", "rollingUpdate", "maxSurge"]) => Some(
            "extra pods allowed above replicas while new ones start (a percentage rounds up)".into(),
        ),
        (Object::Deployment(_), ["spec", "template", "metadata", "annotations", key]) => checksum(key),
        (Object::Deployment(_) | Object::Job(_), ["spec", "template", "spec", rest @ ..]) => {
            pod(spec, object, rest, &path[path.len() - rest.len()..], line)
        }
        _ => job_or_service(spec, object, &k).or_else(|| expose_comment(spec, object, &k)),
    }
}

// The Jobs' and the Service's own lines.
fn job_or_service(spec: &AppSpec, object: &Object, k: &[&str]) -> Option<String> {
    match (object, k) {
        (Object::Job(_), ["metadata", "name"]) => Some(
            "the run number is part of the name: a finished Job keeps its name and cannot be changed, so each run needs a new one".into(),
        ),
        (Object::Job(_), ["spec", "template", "metadata", "labels"]) => Some(
            "not the app's label, so the app's Service never sends traffic to this pod".into(),
        ),
        (Object::Job(_), ["spec", "ttlSecondsAfterFinished"]) => Some(
            "Kubernetes deletes the finished Job (and its logs) after this many seconds".into(),
        ),
        (Object::Service(_), ["spec", "selector"]) => Some(
            "traffic goes to the ready pods with these labels (the Deployment's, not the Jobs')".into(),
        ),
        (Object::Service(_), ["spec", "ports", "[]", "targetPort"]) => {
            (!spec.port.name.is_empty()).then(|| "the container port by name: renumbering the container needs no change here".into())
        }
        (Object::Service(_), ["spec", "clusterIP"]) | (Object::HeadlessService(_), ["spec", "clusterIP"]) => Some(
            "headless: no virtual IP; DNS answers with the IPs of the ready pods".into(),
        ),
        (Object::Service(_), ["spec", "type"]) => match spec.service.kind {
            crate::spec::ServiceType::NodePort => Some("a high port (30000-32767) on every node; on Minikube, `minikube service --url` prints it".into()),
            crate::spec::ServiceType::LoadBalancer => Some("the cloud creates a load balancer with an external IP".into()),
            _ => None,
        },
        _ => None,
    }
}

// The Ingress's, the Gateway API's and the ClusterIssuer's lines.
fn expose_comment(spec: &AppSpec, object: &Object, k: &[&str]) -> Option<String> {
    match (object, k) {
        (Object::Ingress(_), ["metadata", "annotations"]) => Some(
            "cert-manager sees this, gets a certificate for the tls hosts and keeps it renewed in the secretName Secret".into(),
        ),
        (Object::Ingress(_), ["spec", "ingressClassName"]) => Some("which ingress controller serves this Ingress".into()),
        (Object::Ingress(_), ["spec", "rules", "[]", "http", "paths", "[]", "backend", "service", "port"]) => {
            (!spec.port.name.is_empty()).then(|| "the Service's port by name: renumbering needs no change here".into())
        }
        (Object::ClusterIssuer(_), ["metadata", "name"]) => Some("cluster-scoped: no namespace, any namespace's Ingress or Gateway may name it".into()),
        (Object::ClusterIssuer(_), ["spec", "acme", "solvers"]) if spec.route.creates_issuer() => Some(
            "HTTP-01: cert-manager attaches a temporary HTTPRoute to the Gateway's http listener, where Let's Encrypt fetches a token".into(),
        ),
        (Object::ClusterIssuer(_), ["spec", "acme", "solvers"]) => Some(
            "HTTP-01: Let's Encrypt fetches a token from each host through this ingress class".into(),
        ),
        (Object::HttpRoute(_), ["spec", "parentRefs"]) => Some("the Gateway (and listener) this route attaches to; the Gateway must admit this namespace".into()),
        (Object::HttpRoute(_), ["spec", "parentRefs", "[]", "namespace"]) => Some("a Gateway elsewhere: its allowedRoutes decide, no ReferenceGrant involved".into()),
        (Object::HttpRoute(_), ["spec", "rules", "[]", "backendRefs", "[]", "port"]) => Some("the Service's port by number: the Gateway API takes no port names".into()),
        (Object::Gateway(_), ["metadata", "annotations"]) => Some(
            "cert-manager's Gateway support sees this and keeps a certificate for the HTTPS listeners' hostnames in their Secret".into(),
        ),
        (Object::Gateway(_), ["spec", "gatewayClassName"]) => Some("which Gateway API controller runs this Gateway".into()),
        (Object::Gateway(_), ["spec", "listeners", "[]", "allowedRoutes"]) => Some("routes from these namespaces may attach (the default is the Gateway's own only)".into()),
        (Object::Gateway(_), ["spec", "listeners", "[]", "tls", "certificateRefs", "[]", "namespace"]) => Some("a Secret in another namespace: the ReferenceGrant there allows it".into()),
        (Object::ReferenceGrant(_), ["metadata", "namespace"]) => Some("a grant lives next to what it shares: the Secret's namespace".into()),
        _ => None,
    }
}

/// The budget's and the autoscaler's non-obvious lines.
fn availability(object: &Object, field: &str) -> Option<String> {
    let why = match (object, field) {
        (Object::PodDisruptionBudget(_), "selector") => {
            "the Deployment's selector: the budget counts exactly the app's pods"
        }
        (Object::HorizontalPodAutoscaler(_), "metrics") => {
            "Utilization is a percentage of the pods' requests; needs metrics-server in the cluster"
        }
        _ => return None,
    };
    Some(why.into())
}

/// A CronJob's schedule said back in words, and what its concurrency policy does.
fn cron_job(c: &k8s::CronJob, field: &str) -> Option<String> {
    match field {
        "schedule" => {
            let words = crate::spec::describe_schedule(&c.spec.schedule).ok()?;
            Some(match &c.spec.time_zone {
                Some(zone) => format!("{words} ({zone})"),
                None => format!("{words} (the controller's time zone, usually UTC)"),
            })
        }
        "concurrencyPolicy" => Some("a run due while the last one runs: Forbid skips it, Replace stops the old one, Allow runs both".into()),
        _ => None,
    }
}

/// Why the pod template carries the ConfigMap's and Secret's checksums.
fn checksum(key: &str) -> Option<String> {
    let why = match key {
        k8s::checksum::CONFIG_ANNOTATION => "changes with the ConfigMap, so applying a changed value rolls the pods (env is read only at start)",
        k8s::checksum::SECRET_ANNOTATION => "changes with the Secret (an HMAC with the spec's random key, so no secret can be guessed from it): a changed secret rolls the pods",
        _ => return None,
    };
    Some(why.into())
}

fn pod(spec: &AppSpec, object: &Object, k: &[&str], path: &[Seg], line: &str) -> Option<String> {
    match k {
        ["restartPolicy"] => Some("Jobs cannot use Always: a finished task must stay finished".into()),
        ["initContainers"] => Some("run to completion, in order, before the app's container starts".into()),
        ["initContainers", "[]", "command"] => Some("pg_isready exits 0 once PostgreSQL accepts connections; until then, try again every 2 s".into()),
        ["initContainers", "[]", "env"] => Some("libpq's own variables: the host and port stay out of the shell line".into()),
        ["initContainers", "[]", "securityContext"] => Some("locked down like the app: it only opens a connection".into()),
        ["securityContext", "runAsUser"] if written_value(line) == "65534" => {
            Some("65534 is `nobody`, the user a Phoenix release image runs as".into())
        }
        ["containers", "[]", "imagePullPolicy"] if written_value(line) == "Never" => Some(
            "use only the image already on the node: built inside Minikube after `eval $(minikube docker-env)`".into(),
        ),
        ["containers", "[]", "env", "[]", "name"] => {
            let i = index(path, 3);
            let d = spec.downward.len();
            if i < d {
                Some("filled in by Kubernetes when the pod starts (Downward API): not known before".into())
            } else {
                spec.pod_env.get(i - d).and_then(|e| {
                    e.value.contains("$(").then(|| {
                        "$(NAME) is replaced by Kubernetes because NAME is defined above in this list".into()
                    })
                })
            }
        }
        ["containers", "[]", "envFrom"] => Some("every key of these objects becomes an environment variable".into()),
        ["containers", "[]", "args"] if matches!(object, Object::Job(_)) => {
            Some("the same image as the app, running its one-off task instead of the server".into())
        }
        ["containers", "[]", "livenessProbe"] => Some("failing this restarts the container".into()),
        ["containers", "[]", "readinessProbe"] => Some("failing this takes the pod out of the Service until it passes".into()),
        ["topologySpreadConstraints", "[]", "whenUnsatisfiable"] => Some(if written_value(line) == "DoNotSchedule" {
            "no node keeps the skew: the pod stays Pending until one does".into()
        } else {
            "no node keeps the skew: the pod goes where it adds the least".into()
        }),
        ["topologySpreadConstraints", "[]", "matchLabelKeys"] => Some("counts only this ReplicaSet's pods, so old pods leaving in a rollout do not skew the new ones".into()),
        ["affinity"] => Some("preferred, never required: with one node every pod still runs".into()),
        ["containers", "[]", "lifecycle"] => Some("a pause before SIGTERM: the Service stops sending traffic a moment after the pod starts terminating".into()),
        ["containers", "[]", "startupProbe"] => Some("the other probes wait until this passes once".into()),
        ["containers", "[]", "resources"] => {
            let q = qos::qos(&spec.resources);
            Some(match q.class {
                Some(c) => format!("QoS class {}: {}", c.as_str(), q.reason),
                None => q.reason,
            })
        }
        ["automountServiceAccountToken"] => Some("no Kubernetes API token in the pod: the app never calls the API".into()),
        ["volumes"] => Some("an empty writable directory per pod, for a read-only root filesystem".into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::PRESETS;
    use serde::Deserialize;

    fn docs(yaml: &str) -> Vec<serde_yaml::Value> {
        serde_yaml::Deserializer::from_str(yaml)
            .map(|d| serde_yaml::Value::deserialize(d).unwrap())
            .collect()
    }

    #[test]
    fn rows_put_each_comment_above_its_line_and_map_rows_to_lines() {
        let lines = ["a:", "  b: 1", "c: 2"];
        let comments = [None, Some("why b".to_string()), None];
        let all = rows(&lines, &comments, 0..3);
        assert_eq!(all.text, "a:\n  # why b\n  b: 1\nc: 2\n");
        assert_eq!(all.lines, [0, 1, 1, 2]);
        assert_eq!(
            all.row_of(1),
            Some(2),
            "the line's own row, after its comment"
        );
        assert_eq!(
            all.line_at(1),
            Some(1),
            "a comment row belongs to the line below"
        );
        assert_eq!(all.row_of(3), None);
        // A range of the stream keeps the stream's line numbers; no comments: one row per line.
        let part = rows(&lines, &[], 1..9);
        assert_eq!(part.text, "  b: 1\nc: 2\n");
        assert_eq!(part.lines, [1, 2]);
        assert_eq!(part.line_at(0), Some(1));
    }

    #[test]
    fn annotated_yaml_reads_back_as_the_same_objects() {
        for preset in PRESETS {
            let spec = preset.spec().unwrap();
            let rendered = crate::render(&spec);
            let annotated = annotate(&spec, &rendered.all);
            assert!(
                annotated.lines().count() > rendered.all.lines().count(),
                "{}",
                preset.id
            );
            assert_eq!(docs(&annotated), docs(&rendered.all), "{}", preset.id);
            for file in &rendered.files {
                let one = annotate_file(&spec, &file.name, &file.yaml);
                assert_eq!(docs(&one), docs(&file.yaml), "{} {}", preset.id, file.name);
            }
        }
    }

    #[test]
    fn the_non_obvious_lines_get_their_reason() {
        let mut spec = crate::presets::Preset::find("phoenix-article")
            .unwrap()
            .spec()
            .unwrap();
        spec.secret_options.checksum_key = "key".into();
        let text = annotate(&spec, &crate::render(&spec).all);
        for (comment, next) in [
            (
                "        # changes with the ConfigMap, so applying a changed value rolls the pods",
                "        checksum/config: ",
            ),
            (
                "        # changes with the Secret (an HMAC",
                "        checksum/secret: ",
            ),
            (
                "  # quoted: bare, kubectl (YAML 1.1) would read 4000 as a number",
                "  PORT: '4000'",
            ),
            (
                "      # 0: an old pod stops only once a new one is ready",
                "      maxUnavailable: 0",
            ),
            (
                "        # filled in by Kubernetes when the pod starts (Downward API)",
                "        - name: POD_IP",
            ),
            (
                "  # the run number is part of the name",
                "  name: kube-native-migration-0",
            ),
            ("        # QoS class Burstable", "        resources:"),
        ] {
            let at = text
                .lines()
                .position(|l| l.starts_with(comment))
                .unwrap_or_else(|| panic!("{comment}\n{text}"));
            let line = text.lines().nth(at + 1).unwrap_or_default();
            assert!(line.starts_with(next), "{comment}: {line}");
        }
        // Off by default: the rendered YAML has no comments at all.
        assert!(!crate::render(&spec).all.contains('#'));
    }

    #[test]
    fn release_node_says_why_pod_ip_expands() {
        let spec = crate::presets::Preset::find("phoenix")
            .unwrap()
            .spec()
            .unwrap();
        let text = annotate(&spec, &crate::render(&spec).all);
        assert!(text.contains("# $(NAME) is replaced by Kubernetes because NAME is defined above in this list\n        - name: RELEASE_NODE"), "{text}");
    }
}
