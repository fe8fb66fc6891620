//! Manifests -> spec. The app is the first Deployment; its ConfigMap and Secret are the ones its
//! container reads with `envFrom` (or named `<app>-env` / `<app>-env-secret`); its Service is the one
//! selecting `app: <name>`; every Job becomes a job. Lists (`kind: List`, `SecretList`, ...) stand
//! for their items. Other objects are kept as they are, except Secrets, which are dropped (their
//! values would otherwise sit in share links and storage), and kustomize's own files; a kept object
//! with a secret-looking literal value gets a report line saying so.

use base64::Engine;
use serde_yaml::Value;

use super::tree::{scalar_text, show_path, Tree};
use super::{Format, Imported, ReportItem, Status};
use crate::k8s;
use crate::spec::{
    is_mutable_tag, AppSpec, DownwardEnv, DownwardField, EnvEntry, Job, Label, Probe, ProbeAction,
    Protocol, PullPolicy, RestartPolicy, ServiceType, APP_LABEL,
};

/// Takes the labels at `path` that the renderer writes: `app: <app_value>` and the spec's extra
/// labels with their values. Others stay in and are reported.
pub(super) fn take_labels(t: &mut Tree, path: &str, app_value: Option<&str>, spec: &AppSpec) {
    if let Some(app_value) = app_value {
        t.take_if(&format!("{path}.{APP_LABEL}"), app_value);
    }
    for label in &spec.app.labels {
        let same = t
            .get(path)
            .and_then(|l| l.get(&label.key))
            .and_then(scalar_text)
            == Some(label.value.clone());
        if same {
            t.take_key(path, &label.key);
        }
    }
}

/// Fields the API server sets on objects read back from a cluster (`kubectl get -o yaml`).
const SERVER_SET: &[&str] = &[
    "status",
    "metadata.uid",
    "metadata.resourceVersion",
    "metadata.creationTimestamp",
    "metadata.generation",
    "metadata.managedFields",
    "metadata.selfLink",
];
const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

pub(super) struct Doc {
    pub(super) kind: String,
    pub(super) name: String,
    pub(super) tree: Tree,
}

impl Doc {
    fn new(value: Value, index: usize, report: &mut Vec<ReportItem>) -> Self {
        let text = |path: &[&str]| {
            let mut v = &value;
            for key in path {
                v = v.get(key)?;
            }
            v.as_str().map(str::to_string)
        };
        let kind = text(&["kind"]).unwrap_or_default();
        let name = text(&["metadata", "name"]).unwrap_or_default();
        let label = match (kind.is_empty(), name.is_empty()) {
            (true, _) => format!("document {}", index + 1),
            // e.g. a kustomization.yaml, which has no name.
            (false, true) => kind.clone(),
            (false, false) => format!("{kind}/{name}"),
        };
        let mut tree = Tree::new(value, label);
        let mut server = Vec::new();
        for path in SERVER_SET {
            if tree.take(path).is_some() {
                server.push(*path);
            }
        }
        if tree
            .take_key("metadata.annotations", LAST_APPLIED)
            .is_some()
        {
            server.push("last-applied-configuration");
        }
        if !server.is_empty() {
            report.push(ReportItem {
                status: Status::Dropped,
                path: format!("{} {}", tree.label, server.join(", ")),
                note: "set by the cluster, not part of what you apply".into(),
            });
        }
        Doc { kind, name, tree }
    }

    pub(super) fn api_version(&self) -> &str {
        self.tree
            .get("apiVersion")
            .and_then(Value::as_str)
            .unwrap_or("")
    }
}

pub fn import(documents: Vec<Value>) -> Imported {
    let mut report = Vec::new();
    let mut flat = Vec::new();
    for document in documents {
        crate::kept::unwrap_lists(document, &mut flat, &mut report);
    }
    let mut docs: Vec<Option<Doc>> = flat
        .into_iter()
        .enumerate()
        .map(|(i, v)| Some(Doc::new(v, i, &mut report)))
        .collect();
    let mut spec = AppSpec {
        // What Kubernetes does when a field is left out, not Kubewright's form defaults, so the
        // imported app behaves as the manifests did.
        ..AppSpec::default()
    };

    let position = |docs: &[Option<Doc>], kind: &str| {
        docs.iter()
            .position(|d| d.as_ref().is_some_and(|d| d.kind == kind))
    };

    // The app: the first Deployment.
    let mut env_from = EnvSources::default();
    if let Some(i) = position(&docs, k8s::Deployment::KIND) {
        let mut doc = docs[i].take().unwrap_or_else(unreachable_doc);
        deployment(&mut doc, &mut spec, &mut env_from, &mut report);
        finish(doc, &mut report);
    } else if let Some(name) = docs
        .iter()
        .flatten()
        .find(|d| d.kind == k8s::Service::KIND)
        .map(|d| d.name.clone())
    {
        spec.app.name = name;
        spec.app.namespace = String::new();
        report.push(ReportItem {
            status: Status::Adjusted,
            path: "(no Deployment)".into(),
            note:
                "the app is named after the Service; image, port and probes are the form's defaults"
                    .into(),
        });
    }
    let app = spec.app.name.clone();

    // The namespace: the Deployment's, else the Namespace object's, else any object's.
    if spec.app.namespace.is_empty() {
        spec.app.namespace = docs
            .iter()
            .flatten()
            .find(|d| d.kind == k8s::Namespace::KIND)
            .map(|d| d.name.clone())
            .or_else(|| {
                docs.iter().flatten().find_map(|d| {
                    d.tree
                        .get("metadata.namespace")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
            })
            .unwrap_or_default();
    }
    let namespace = spec.app.namespace.clone();
    if let Some(i) = docs.iter().position(|d| {
        d.as_ref()
            .is_some_and(|d| d.kind == k8s::Namespace::KIND && d.name == namespace)
    }) {
        let mut doc = docs[i].take().unwrap_or_else(unreachable_doc);
        doc.tree.take("apiVersion");
        doc.tree.take("kind");
        doc.tree.take("metadata.name");
        finish(doc, &mut report);
    }

    // env: the ConfigMaps the container reads (or `<app>-env`), then the container's literal values.
    env_from.config_maps.push(spec.config_map_name());
    env_from.secrets.push(spec.secret_name());
    for slot in docs.iter_mut() {
        let Some(doc) = slot.as_ref() else { continue };
        if doc.kind == k8s::ConfigMap::KIND && env_from.config_maps.contains(&doc.name) {
            let mut doc = slot.take().unwrap_or_else(unreachable_doc);
            common(&mut doc, &spec, &mut report);
            // Kubernetes refuses ConfigMap data that is not text (`PORT: 4000` unquoted); the
            // value is taken as YAML read it, which may differ from what was typed (`1.10` -> 1.1).
            if let Some(Value::Mapping(data)) = doc.tree.get("data") {
                for (key, value) in data {
                    if !value.is_string() {
                        report.push(ReportItem {
                            status: Status::Adjusted,
                            path: format!("{} data.{}", doc.tree.label, scalar_text(key).unwrap_or_default()),
                            note: format!(
                                "not text (Kubernetes would refuse it): taken as {:?}; quote it if that is not what you meant",
                                scalar_text(value).unwrap_or_default()
                            ),
                        });
                    }
                }
            }
            for (name, value) in doc.tree.take_pairs("data") {
                spec.env.push(EnvEntry { name, value });
            }
            finish(doc, &mut report);
        } else if doc.kind == k8s::Secret::KIND && env_from.secrets.contains(&doc.name) {
            let mut doc = slot.take().unwrap_or_else(unreachable_doc);
            common(&mut doc, &spec, &mut report);
            doc.tree.take_if("type", "Opaque");
            // Only `stringData`: the form's "write as stringData" option.
            if doc.tree.get("data").is_none() && doc.tree.get("stringData").is_some() {
                spec.secret_options.string_data = true;
            }
            spec.secrets.extend(secret_values(&mut doc, &mut report));
            finish(doc, &mut report);
        } else if doc.kind == k8s::SealedSecret::KIND && env_from.secrets.contains(&doc.name) {
            let mut doc = slot.take().unwrap_or_else(unreachable_doc);
            let sealed = sealed_secret(&mut doc, &mut spec, &mut report);
            spec.secrets.extend(sealed);
            finish(doc, &mut report);
        }
    }
    // Single keys taken with configMapKeyRef / secretKeyRef: looked up in the input, by name.
    for (env, from, key, secret) in env_from.key_refs.drain(..) {
        let found = docs.iter().flatten().find(|d| {
            d.name == from
                && d.kind
                    == if secret {
                        k8s::Secret::KIND
                    } else {
                        k8s::ConfigMap::KIND
                    }
        });
        let value = found.and_then(|d| {
            let value = d.tree.get("data")?.get(&key);
            match (secret, value) {
                (false, Some(v)) => scalar_text(v),
                (true, Some(v)) => decode(v.as_str()?).ok(),
                (_, None) => d.tree.get("stringData")?.get(&key).and_then(scalar_text),
            }
        });
        match value {
            Some(value) if secret => spec.secrets.push(EnvEntry { name: env, value }),
            Some(value) => spec.env.push(EnvEntry { name: env, value }),
            None => report.push(ReportItem {
                status: Status::Dropped,
                path: format!("Deployment/{app} env {env}"),
                note: format!(
                    "reads key {key:?} of {} {from}, which is not in the input",
                    if secret {
                        k8s::Secret::KIND
                    } else {
                        k8s::ConfigMap::KIND
                    }
                ),
            }),
        }
    }
    // Literal values are the container's own env (they may use $(POD_IP) and the like).
    spec.pod_env.extend(env_from.literal);

    // The Service: the one named after the app, else the first selecting `app: <name>`.
    let service = docs
        .iter()
        .position(|d| {
            d.as_ref()
                .is_some_and(|d| d.kind == k8s::Service::KIND && d.name == app)
        })
        .or_else(|| {
            docs.iter().position(|d| {
                d.as_ref().is_some_and(|d| {
                    d.kind == k8s::Service::KIND
                        && d.tree.get("spec.selector.app").and_then(Value::as_str)
                            == Some(app.as_str())
                })
            })
        });
    if let Some(i) = service {
        let mut doc = docs[i].take().unwrap_or_else(unreachable_doc);
        service_doc(&mut doc, &mut spec, &mut report);
        finish(doc, &mut report);
    }

    // The database Kubewright sets up, and pods finding each other (issue 5's parts).
    super::database::take(&mut docs, &mut spec, &mut report);
    super::database::take_clustering(&mut docs, &mut spec, &mut report);
    // Made for Minikube: the image is never pulled (it is built inside Minikube).
    if spec.image.pull_policy == PullPolicy::Never {
        spec.target = crate::spec::Target::Minikube;
    }

    // Jobs.
    while let Some(i) = position(&docs, k8s::Job::KIND) {
        let mut doc = docs[i].take().unwrap_or_else(unreachable_doc);
        job(&mut doc, &mut spec, &mut report);
        finish(doc, &mut report);
    }

    // Everything else: held for review as it is, unless the gate refuses to keep it at all
    // (a Secret, a kustomize file, a look-alike kind, ...).
    for doc in docs.into_iter().flatten() {
        let label = doc.tree.label.clone();
        if let Some(why) = crate::kept::refusal(&doc.tree.rest) {
            report.push(ReportItem {
                status: Status::Dropped,
                path: label,
                note: why,
            });
        } else {
            report.push(ReportItem {
                status: Status::Held,
                path: label,
                note: "not modelled by the form: held for review; include it above to emit it unchanged after the app's objects".into(),
            });
            plain_secrets(&doc, &mut report);
            spec.extra.push(crate::kept::Kept::held(doc.tree.rest));
        }
    }
    Imported {
        format: Format::Manifests,
        spec,
        report,
    }
}

/// Reports every literal value in a kept object that looks secret (by the shared word list,
/// [`crate::secret_words`]): an env entry `{name, value}` anywhere in it (any pod template, a
/// CronJob's, a custom resource's), and a ConfigMap's data. The object is kept unchanged: only the
/// user can move a value into a Secret, and then change what reads it.
fn plain_secrets(doc: &Doc, report: &mut Vec<ReportItem>) {
    let mut found = Vec::new();
    find_env_values(&doc.tree.rest, &mut Vec::new(), &mut found);
    if doc.kind == k8s::ConfigMap::KIND {
        if let Some(Value::Mapping(data)) = doc.tree.get("data") {
            for (key, value) in data {
                if let (Some(key), Some(value)) = (scalar_text(key), scalar_text(value)) {
                    found.push((vec!["data".to_string(), key.clone()], key, value));
                }
            }
        }
    }
    for (path, name, value) in found {
        let Some(reason) = crate::secret_words::reason(&name, &value) else {
            continue;
        };
        report.push(ReportItem {
            status: Status::Held,
            path: format!("{} {}", doc.tree.label, show_path(&path)),
            note: format!(
                "{name} looks secret ({reason}), and its value stays in plain text in this kept object, readable by anyone who can read it (this page never stores or shares it). Move it into a Secret"
            ),
        });
    }
}

/// (path, name, value) of every `env` list entry with a literal `value` under `node`.
fn find_env_values(
    node: &Value,
    path: &mut Vec<String>,
    found: &mut Vec<(Vec<String>, String, String)>,
) {
    match node {
        Value::Mapping(map) => {
            for (key, value) in map {
                let Some(key) = scalar_text(key) else {
                    continue;
                };
                path.push(key.clone());
                if let ("env", Value::Sequence(items)) = (key.as_str(), value) {
                    for (i, item) in items.iter().enumerate() {
                        let text = |k: &str| item.get(k).and_then(scalar_text);
                        if let (Some(name), Some(value)) = (text("name"), text("value")) {
                            let mut at = path.clone();
                            at.push(i.to_string());
                            found.push((at, name, value));
                        }
                    }
                }
                find_env_values(value, path, found);
                path.pop();
            }
        }
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(i.to_string());
                find_env_values(item, path, found);
                path.pop();
            }
        }
        _ => {}
    }
}

// `docs[i]` was just found to be `Some`; this keeps the code free of unwrap().
pub(super) fn unreachable_doc() -> Doc {
    Doc {
        kind: String::new(),
        name: String::new(),
        tree: Tree::new(Value::Null, String::new()),
    }
}

/// Whatever is left of a document the form took: dropped.
pub(super) fn finish(doc: Doc, report: &mut Vec<ReportItem>) {
    doc.tree
        .leftovers(Status::Dropped, "the form has no field for this", report);
}

/// apiVersion, kind, name, namespace and the `app` label of an object of the app.
fn common(doc: &mut Doc, spec: &AppSpec, report: &mut Vec<ReportItem>) {
    let app = spec.app.name.as_str();
    let namespace = spec.app.namespace.as_str();
    doc.tree.take("apiVersion");
    doc.tree.take("kind");
    if doc.name == spec.config_map_name() || doc.name == spec.secret_name() || doc.name == app {
        doc.tree.take("metadata.name");
    } else if let Some(name) = doc.tree.take_string("metadata.name") {
        report.push(ReportItem {
            status: Status::Adjusted,
            path: format!("{} metadata.name", doc.tree.label),
            note: format!("{name} is renamed after the app ({app}...)"),
        });
    }
    if doc.tree.get("metadata.namespace").and_then(Value::as_str) == Some(namespace) {
        doc.tree.take("metadata.namespace");
    }
    take_labels(&mut doc.tree, "metadata.labels", Some(app), spec);
    // The 2018 article's own mistake: `data` indented under `metadata.labels`. Kubernetes rejects
    // that (a label value must be text); the intent is plain, so it is read as `data`.
    if doc.tree.get("data").is_none() {
        if let Some(data @ Value::Mapping(_)) = doc.tree.get("metadata.labels.data").cloned() {
            doc.tree.take("metadata.labels.data");
            if let Value::Mapping(map) = &mut doc.tree.rest {
                map.insert("data".into(), data);
            }
            report.push(ReportItem {
                status: Status::Adjusted,
                path: format!("{} metadata.labels.data", doc.tree.label),
                note: "data was indented under labels (as in the 2018 article): read as the object's data".into(),
            });
        }
    }
}

#[derive(Default)]
struct EnvSources {
    config_maps: Vec<String>,
    secrets: Vec<String>,
    /// (env name, object name, key, is secret)
    key_refs: Vec<(String, String, String, bool)>,
    literal: Vec<EnvEntry>,
}

fn deployment(
    doc: &mut Doc,
    spec: &mut AppSpec,
    env: &mut EnvSources,
    report: &mut Vec<ReportItem>,
) {
    let api_version = doc.api_version().to_string();
    let t = &mut doc.tree;
    let label = t.label.clone();
    match api_version.as_str() {
        "apps/v1" => {}
        old => report.push(ReportItem {
            status: Status::Adjusted,
            path: format!("{label} apiVersion"),
            note: format!("{old} is no longer served by Kubernetes: written as apps/v1"),
        }),
    }
    t.take("apiVersion");
    t.take("kind");
    spec.app.name = t.take_string("metadata.name").unwrap_or_default();
    spec.app.namespace = t.take_string("metadata.namespace").unwrap_or_default();
    let app = spec.app.name.clone();
    // Labels besides `app` are the app's extra labels (on every object and pod).
    let labels = t
        .get("metadata.labels")
        .and_then(Value::as_mapping)
        .cloned()
        .unwrap_or_default();
    for (key, value) in &labels {
        if let (Some(key), Some(value)) = (scalar_text(key), scalar_text(value)) {
            if key != APP_LABEL {
                spec.app.labels.push(Label { key, value });
            }
        }
    }
    take_labels(t, "metadata.labels", Some(&app), spec);
    // Kubernetes' defaults where the manifest leaves a field out.
    spec.app.replicas = t.take_i64("spec.replicas").unwrap_or(1);
    spec.app.revision_history_limit = t.take_i64("spec.revisionHistoryLimit").unwrap_or(10);
    t.take_if("spec.selector.matchLabels.app", &app);
    take_labels(t, "spec.template.metadata.labels", Some(&app), spec);
    match t.get("spec.strategy.type").and_then(Value::as_str) {
        None | Some("RollingUpdate") => {
            t.take("spec.strategy.type");
        }
        Some(other) => report.push(ReportItem {
            status: Status::Adjusted,
            path: format!("{label} spec.strategy.type"),
            note: format!(
                "{other} is replaced by RollingUpdate, the only strategy the form offers"
            ),
        }),
    }
    spec.app.max_surge = t
        .take_int_or_string("spec.strategy.rollingUpdate.maxSurge")
        .unwrap_or_else(|| "25%".into());
    spec.app.max_unavailable = t
        .take_int_or_string("spec.strategy.rollingUpdate.maxUnavailable")
        .unwrap_or_else(|| "25%".into());

    let c = "spec.template.spec.containers.0";
    if t.get(c).is_none() {
        return;
    }
    match t.take_string(&format!("{c}.name")) {
        Some(name) if name != app => report.push(ReportItem {
            status: Status::Adjusted,
            path: format!("{label} {c}.name").replace(".0.", "[0]."),
            note: format!("the container {name} is named after the app ({app})"),
        }),
        _ => {}
    }
    let image = t.take_string(&format!("{c}.image")).unwrap_or_default();
    let (repository, tag, digest) = split_image(&image);
    spec.image.repository = repository;
    spec.image.tag = tag;
    spec.image.digest = digest;
    spec.image.pull_policy = match t
        .get(&format!("{c}.imagePullPolicy"))
        .and_then(Value::as_str)
    {
        Some(p) => match pull_policy(p) {
            Some(p) => {
                t.take(&format!("{c}.imagePullPolicy"));
                p
            }
            None => PullPolicy::IfNotPresent,
        },
        // Kubernetes' default: Always for `latest` or no tag, else IfNotPresent.
        None if is_mutable_tag(&spec.image.tag) => PullPolicy::Always,
        None => PullPolicy::IfNotPresent,
    };

    // Port: the first one.
    let p = format!("{c}.ports.0");
    if t.get(&p).is_some() {
        spec.port.name = t.take_string(&format!("{p}.name")).unwrap_or_default();
        spec.port.number = t.take_i64(&format!("{p}.containerPort")).unwrap_or(0);
        spec.port.protocol = match t.get(&format!("{p}.protocol")).and_then(Value::as_str) {
            None => Protocol::Tcp,
            Some(text) => match Protocol::ALL.into_iter().find(|x| x.as_str() == text) {
                Some(protocol) => {
                    t.take(&format!("{p}.protocol"));
                    protocol
                }
                None => Protocol::Tcp,
            },
        };
    }

    for (field, probe) in [
        ("livenessProbe", &mut spec.probes.liveness),
        ("readinessProbe", &mut spec.probes.readiness),
        ("startupProbe", &mut spec.probes.startup),
    ] {
        *probe = take_probe(t, &format!("{c}.{field}"));
    }

    spec.resources.limits.cpu = t
        .take_string(&format!("{c}.resources.limits.cpu"))
        .unwrap_or_default();
    spec.resources.limits.memory = t
        .take_string(&format!("{c}.resources.limits.memory"))
        .unwrap_or_default();
    spec.resources.requests.cpu = t
        .take_string(&format!("{c}.resources.requests.cpu"))
        .unwrap_or_default();
    spec.resources.requests.memory = t
        .take_string(&format!("{c}.resources.requests.memory"))
        .unwrap_or_default();

    spec.security = super::security::take(t, "spec.template.spec", c);

    // env: literal values go to the ConfigMap, pod fields to the Downward API list, single keys of
    // a ConfigMap or Secret are looked up later.
    for i in 0..t.len(&format!("{c}.env")) {
        let e = format!("{c}.env.{i}");
        let Some(name) = t.get(&format!("{e}.name")).and_then(scalar_text) else {
            continue;
        };
        if let Some(path) = t
            .get(&format!("{e}.valueFrom.fieldRef.fieldPath"))
            .and_then(Value::as_str)
        {
            if let Some(field) = DownwardField::ALL
                .into_iter()
                .find(|f| f.field_path() == path)
            {
                t.take(&format!("{e}.valueFrom.fieldRef.fieldPath"));
                t.take_if(&format!("{e}.valueFrom.fieldRef.apiVersion"), "v1");
                t.take(&format!("{e}.name"));
                spec.downward.push(DownwardEnv { name, field });
            }
            continue;
        }
        for (reference, secret) in [("configMapKeyRef", false), ("secretKeyRef", true)] {
            let r = format!("{e}.valueFrom.{reference}");
            let from = t
                .get(&format!("{r}.name"))
                .and_then(Value::as_str)
                .map(str::to_string);
            let key = t
                .get(&format!("{r}.key"))
                .and_then(Value::as_str)
                .map(str::to_string);
            if let (Some(from), Some(key)) = (from, key) {
                t.take(&format!("{r}.name"));
                t.take(&format!("{r}.key"));
                t.take(&format!("{e}.name"));
                env.key_refs.push((name.clone(), from, key, secret));
            }
        }
        if t.get(&format!("{e}.valueFrom")).is_none() {
            let value = t.take_string(&format!("{e}.value")).unwrap_or_default();
            t.take(&format!("{e}.name"));
            env.literal.push(EnvEntry { name, value });
        }
    }
    for i in 0..t.len(&format!("{c}.envFrom")) {
        let e = format!("{c}.envFrom.{i}");
        if t.get(&format!("{e}.prefix")).is_some() {
            continue;
        }
        if let Some(name) = t.take_string(&format!("{e}.configMapRef.name")) {
            env.config_maps.push(name);
        } else if let Some(name) = t.take_string(&format!("{e}.secretRef.name")) {
            env.secrets.push(name);
        }
    }
}

fn take_probe(t: &mut Tree, path: &str) -> Probe {
    if t.get(path).is_none() {
        return Probe::default();
    }
    let action = if let Some(command) = t.take_strings(&format!("{path}.exec.command")) {
        ProbeAction::Exec { command }
    } else if t.get(&format!("{path}.httpGet")).is_some() {
        ProbeAction::HttpGet {
            path: t
                .take_string(&format!("{path}.httpGet.path"))
                .unwrap_or_else(|| "/".into()),
            port: t
                .take_int_or_string(&format!("{path}.httpGet.port"))
                .unwrap_or_default(),
        }
    } else if let Some(port) = t.take_int_or_string(&format!("{path}.tcpSocket.port")) {
        ProbeAction::TcpSocket { port }
    } else {
        // grpc or an unknown handler: the whole probe stays in and is reported.
        return Probe::default();
    };
    Probe {
        action,
        initial_delay_seconds: t.take_i64(&format!("{path}.initialDelaySeconds")),
        period_seconds: t.take_i64(&format!("{path}.periodSeconds")),
        timeout_seconds: t.take_i64(&format!("{path}.timeoutSeconds")),
        failure_threshold: t.take_i64(&format!("{path}.failureThreshold")),
        success_threshold: t.take_i64(&format!("{path}.successThreshold")),
    }
}

/// `repo[:tag][@digest]` -> (repository, tag, digest): the digest is what follows the first '@';
/// the tag is what follows the last ':' after the last '/' (a registry port such as
/// `localhost:5000/app` is not a tag).
pub fn split_image(image: &str) -> (String, String, String) {
    let (name, digest) = image.split_once('@').unwrap_or((image, ""));
    let slash = name.rfind('/').map_or(0, |i| i + 1);
    match name[slash..].rfind(':') {
        Some(i) => (
            name[..slash + i].to_string(),
            name[slash + i + 1..].to_string(),
            digest.to_string(),
        ),
        None => (name.to_string(), String::new(), digest.to_string()),
    }
}

fn pull_policy(text: &str) -> Option<PullPolicy> {
    PullPolicy::ALL.into_iter().find(|p| p.as_str() == text)
}

/// Base64 as Secret `data` holds it; line breaks (as `base64` wraps at 76) are ignored.
pub(super) fn decode(text: &str) -> Result<String, String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .map_err(|e| format!("not base64 ({e})"))?;
    String::from_utf8(bytes).map_err(|_| "binary data, not text".to_string())
}

fn secret_values(doc: &mut Doc, report: &mut Vec<ReportItem>) -> Vec<EnvEntry> {
    let mut out = Vec::new();
    let label = doc.tree.label.clone();
    let keys: Vec<String> = doc
        .tree
        .get("data")
        .and_then(Value::as_mapping)
        .map(|m| m.keys().filter_map(scalar_text).collect())
        .unwrap_or_default();
    for key in keys {
        let text = doc
            .tree
            .get("data")
            .and_then(|d| d.get(&key))
            .and_then(scalar_text);
        match text.as_deref().map(decode) {
            Some(Ok(value)) => {
                doc.tree.take_key("data", &key);
                out.push(EnvEntry { name: key, value });
            }
            Some(Err(why)) => {
                doc.tree.take_key("data", &key);
                report.push(ReportItem {
                    status: Status::Dropped,
                    path: format!("{label} data.{key}"),
                    note: format!("{why}: an env var must be text"),
                });
            }
            None => {}
        }
    }
    // stringData is written as plain text and wins over data for the same key, as in Kubernetes.
    for (key, value) in doc.tree.take_pairs("stringData") {
        out.retain(|e| e.name != key);
        out.push(EnvEntry { name: key, value });
    }
    out
}

fn service_doc(doc: &mut Doc, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let app = spec.app.name.clone();
    common(doc, spec, report);
    let t = &mut doc.tree;
    t.take_if("spec.selector.app", &app);
    let kind = t
        .get("spec.type")
        .and_then(Value::as_str)
        .unwrap_or("ClusterIP")
        .to_string();
    let headless = t.get("spec.clusterIP").and_then(Value::as_str) == Some("None");
    spec.service.kind = match (kind.as_str(), headless) {
        ("ClusterIP", true) => ServiceType::Headless,
        ("ClusterIP", false) => ServiceType::ClusterIp,
        ("NodePort", _) => ServiceType::NodePort,
        ("LoadBalancer", _) => ServiceType::LoadBalancer,
        _ => ServiceType::ClusterIp,
    };
    if spec.service.kind.as_str() == kind || headless {
        t.take("spec.type");
    }
    if headless {
        t.take("spec.clusterIP");
    }
    let p = "spec.ports.0";
    spec.service.port = t.take_i64(&format!("{p}.port")).unwrap_or(80);
    spec.service.node_port = t.take_i64(&format!("{p}.nodePort"));
    t.take_if(&format!("{p}.name"), &spec.port.name.clone());
    t.take_if(&format!("{p}.protocol"), spec.port.protocol.as_str());
    // The Service forwards to the container port by name (by number when it has none).
    let target = t.get(&format!("{p}.targetPort")).and_then(scalar_text);
    let ours = if spec.port.name.is_empty() {
        spec.port.number.to_string()
    } else {
        spec.port.name.clone()
    };
    if target.is_none()
        || target.as_deref() == Some(ours.as_str())
        || target.as_deref() == Some(spec.port.number.to_string().as_str())
    {
        t.take(&format!("{p}.targetPort"));
    }
}

fn job(doc: &mut Doc, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let app = spec.app.name.clone();
    let namespace = spec.app.namespace.clone();
    let t = &mut doc.tree;
    let label = t.label.clone();
    t.take("apiVersion");
    t.take("kind");
    if t.get("metadata.namespace").and_then(Value::as_str) == Some(namespace.as_str()) {
        t.take("metadata.namespace");
    }
    take_labels(t, "metadata.labels", Some(&app), spec);
    take_labels(t, "spec.template.metadata.labels", None, spec);
    // Named `<app>-<job>-<run>`, its pods labelled `app: <app>-<job>`: the label says where the
    // job's name ends, and the rest is the run number.
    let full = t.take_string("metadata.name").unwrap_or_default();
    let pod_label = t
        .get("spec.template.metadata.labels.app")
        .and_then(Value::as_str)
        .map(str::to_string);
    let (name, run) = match pod_label.as_deref().and_then(|l| spec.after_app_name(l)) {
        Some(short) => (short.to_string(), spec.job_run(short, &full)),
        None => {
            let rest = spec.after_app_name(&full).unwrap_or(&full);
            match rest.rsplit_once('-').map(|(n, r)| (n, r.parse::<i64>())) {
                Some((n, Ok(run))) => (n.to_string(), Some(run)),
                _ => (rest.to_string(), None),
            }
        }
    };
    if pod_label.as_deref() == Some(spec.job_base_name(&name).as_str()) {
        t.take("spec.template.metadata.labels.app");
    } else if pod_label.as_deref() == Some(app.as_str()) {
        t.take("spec.template.metadata.labels.app");
        report.push(ReportItem {
            status: Status::Adjusted,
            path: format!("{label} spec.template.metadata.labels.app"),
            note: format!(
                "the Job's pods are labelled {APP_LABEL}: {}, so the app's Service never sends them traffic",
                spec.job_base_name(&name)
            ),
        });
    }
    let c = "spec.template.spec.containers.0";
    let mut job = Job {
        name,
        run: run.unwrap_or(0),
        args: t.take_strings(&format!("{c}.args")).unwrap_or_default(),
        restart_policy: RestartPolicy::OnFailure,
        image_pull_policy: None,
        backoff_limit: t.take_i64("spec.backoffLimit"),
        ttl_seconds_after_finished: t.take_i64("spec.ttlSecondsAfterFinished"),
    };
    match t
        .get("spec.template.spec.restartPolicy")
        .and_then(Value::as_str)
    {
        Some("Never") => {
            job.restart_policy = RestartPolicy::Never;
            t.take("spec.template.spec.restartPolicy");
        }
        Some("OnFailure") => {
            t.take("spec.template.spec.restartPolicy");
        }
        _ => {}
    }
    // The Job runs the app's container: the same image, env and resources; only the pull policy may
    // differ.
    t.take_if(&format!("{c}.name"), &app);
    t.take_if(&format!("{c}.image"), &spec.image.reference());
    if let Some(p) = t
        .get(&format!("{c}.imagePullPolicy"))
        .and_then(Value::as_str)
        .and_then(pull_policy)
    {
        t.take(&format!("{c}.imagePullPolicy"));
        if p != spec.image.pull_policy {
            job.image_pull_policy = Some(p);
        }
    }
    for i in 0..t.len(&format!("{c}.env")) {
        let e = format!("{c}.env.{i}");
        let name = t
            .get(&format!("{e}.name"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let path = t
            .get(&format!("{e}.valueFrom.fieldRef.fieldPath"))
            .and_then(Value::as_str)
            .map(str::to_string);
        if let (Some(name), Some(path)) = (name.clone(), path) {
            if spec
                .downward
                .iter()
                .any(|d| d.name == name && d.field.field_path() == path)
            {
                t.take(&format!("{e}.name"));
                t.take(&format!("{e}.valueFrom.fieldRef.fieldPath"));
                t.take_if(&format!("{e}.valueFrom.fieldRef.apiVersion"), "v1");
            }
        } else if let Some(name) = name {
            // The app's own container env, the same in the Job.
            let value = t.get(&format!("{e}.value")).and_then(scalar_text);
            if spec
                .pod_env
                .iter()
                .any(|p| p.name == name && Some(&p.value) == value.as_ref())
            {
                t.take(&format!("{e}.name"));
                t.take(&format!("{e}.value"));
            }
        }
    }
    for i in 0..t.len(&format!("{c}.envFrom")) {
        let e = format!("{c}.envFrom.{i}");
        t.take_if(&format!("{e}.configMapRef.name"), &spec.config_map_name());
        t.take_if(&format!("{e}.secretRef.name"), &spec.secret_name());
    }
    for (field, value) in [
        ("limits.cpu", spec.resources.limits.cpu.clone()),
        ("limits.memory", spec.resources.limits.memory.clone()),
        ("requests.cpu", spec.resources.requests.cpu.clone()),
        ("requests.memory", spec.resources.requests.memory.clone()),
    ] {
        let path = format!("{c}.resources.{field}");
        if t.get(&path).and_then(scalar_text) == Some(value) {
            t.take(&path);
        }
    }
    // The Job's pod runs with the app's security settings: taken when they are the same, else left
    // in (and reported).
    let mut trial = t.clone();
    if super::security::take(&mut trial, "spec.template.spec", c) == spec.security {
        *t = trial;
    }
    if run.is_none() || full != spec.job_name(&job) {
        report.push(ReportItem {
            status: Status::Adjusted,
            path: format!("{label} metadata.name"),
            note: format!(
                "Job names are <app>-<job>-<run>: this one is {}",
                spec.job_name(&job)
            ),
        });
    }
    spec.jobs.push(job);
}

/// A SealedSecret standing for the app's env Secret: its key names come in with empty values (only
/// the cluster's controller can decrypt them), and the scope is kept. The certificate is not in the
/// manifest, so sealing is off until one is pasted again: said in the report.
fn sealed_secret(doc: &mut Doc, spec: &mut AppSpec, report: &mut Vec<ReportItem>) -> Vec<EnvEntry> {
    common(doc, spec, report);
    let name = spec.secret_name();
    sealed_keys(doc, spec, report, &name, "Opaque")
        .into_iter()
        .map(|name| EnvEntry {
            name,
            value: String::new(),
        })
        .collect()
}

/// The body of a SealedSecret for the Secret `name` of type `type_` (its metadata already taken):
/// the scope from its annotation, the template that repeats the metadata, and the sealed key names,
/// whose values cannot be read here (reported).
pub(super) fn sealed_keys(
    doc: &mut Doc,
    spec: &mut AppSpec,
    report: &mut Vec<ReportItem>,
    name: &str,
    type_: &str,
) -> Vec<String> {
    let label = doc.tree.label.clone();
    let t = &mut doc.tree;
    let annotations = [
        (
            "sealedsecrets.bitnami.com/namespace-wide",
            crate::spec::SealScope::NamespaceWide,
        ),
        (
            "sealedsecrets.bitnami.com/cluster-wide",
            crate::spec::SealScope::ClusterWide,
        ),
    ];
    for (key, scope) in annotations {
        for path in ["metadata.annotations", "spec.template.metadata.annotations"] {
            if t.get(path).and_then(|a| a.get(key)).and_then(Value::as_str) == Some("true") {
                t.take_key(path, key);
                spec.secret_options.seal.scope = scope;
            }
        }
    }
    // The template repeats the Secret's own metadata.
    t.take_if("spec.template.metadata.name", name);
    if t.get("spec.template.metadata.namespace")
        .and_then(Value::as_str)
        == Some(spec.app.namespace.as_str())
    {
        t.take("spec.template.metadata.namespace");
    }
    take_labels(
        t,
        "spec.template.metadata.labels",
        Some(&spec.app.name),
        spec,
    );
    t.take_if("spec.template.type", type_);
    let names: Vec<String> = t
        .get("spec.encryptedData")
        .and_then(Value::as_mapping)
        .map(|m| m.keys().filter_map(scalar_text).collect())
        .unwrap_or_default();
    t.take("spec.encryptedData");
    if !names.is_empty() {
        report.push(ReportItem {
            status: Status::Adjusted,
            path: format!("{label} spec.encryptedData"),
            note: format!(
                "sealed values can only be read by the cluster's controller: {} come in empty; type them again and paste the controller's certificate to seal them",
                names.join(", ")
            ),
        });
    }
    names
}
