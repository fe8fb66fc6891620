//! The app as a Helm chart (the series' next step after plain manifests).
//!
//! Helm templates are text with `{{ ... }}` actions, so they cannot be serde objects all the way
//! down. They are made from the same typed objects as the page's YAML, in three steps:
//!
//! 1. each object is serialized to a `serde_yaml::Value`;
//! 2. the values the form controls (replicas, image, env, secrets, service, resources) are *lifted*
//!    out of it: the value moves into values.yaml at its values path, and a unique placeholder word
//!    takes its place in the object, remembering the template expression that reads it back;
//! 3. the object is written as YAML by serde_yaml and each placeholder word is replaced by its
//!    expression.
//!
//! So values.yaml holds exactly the values the page rendered, the templates keep exactly the
//! page's structure, and `helm template` with the default values gives back the page's objects
//! (tests/export/check.py compares them with a real Helm engine). Literal `{{` in user text is
//! escaped so Helm prints it instead of running it.
//!
//! Differences from the plain manifests, on purpose: no Namespace object (`helm install
//! --namespace NS --create-namespace` makes it; objects use `.Release.Namespace`); each Job is a
//! pre-install/pre-upgrade hook named `<app>-<job>-<revision>`, so every upgrade runs it again
//! under a new name, reading hook-scoped copies of the ConfigMap and Secret (see [`super::hook_env`]);
//! and the pod template's checksums are computed by Helm from the rendered ConfigMap and Secret
//! templates, so a value changed with `--set` rolls the pods too.

mod gateway;

use serde::Serialize;
use serde_yaml::{Mapping, Value};

use super::{hook_env, ExportFile};
use crate::k8s::{self, Object};
use crate::spec::{AppSpec, DatabaseKind, IMPLIED_TAG, WAIT_CONTAINER};

/// `Chart.yaml`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ChartYaml {
    api_version: &'static str,
    name: String,
    description: String,
    #[serde(rename = "type")]
    type_: &'static str,
    version: &'static str,
    app_version: String,
}

const HOOK: &str = "helm.sh/hook";
const HOOK_WEIGHT: &str = "helm.sh/hook-weight";
const HOOK_DELETE: &str = "helm.sh/hook-delete-policy";
/// Where the pod spec sits in a Deployment or Job, and in a CronJob.
const POD_SPEC: &[&str] = &["spec", "template", "spec"];
const CRON_POD_SPEC: &[&str] = &["spec", "jobTemplate", "spec", "template", "spec"];
/// Where the app's container sits in a Deployment or Job, and in a CronJob.
const POD_CONTAINER: &[&str] = &["spec", "template", "spec", "containers", "0"];
const CRON_CONTAINER: &[&str] = &[
    "spec",
    "jobTemplate",
    "spec",
    "template",
    "spec",
    "containers",
    "0",
];

/// Replace a hook object left by the previous run.
const BEFORE_CREATION: &str = "before-hook-creation";

/// Chart.yaml, values.yaml, `templates/<file>` per object and README.md, relative to the chart's
/// folder.
pub fn chart(spec: &AppSpec) -> Vec<ExportFile> {
    let name = super::folder_name(spec);
    let objects: Vec<Object> = k8s::objects(spec)
        .into_iter()
        .filter(|o| !matches!(o, Object::Namespace(_)))
        .collect();
    let copies = hook_env::copies(spec, &objects);
    let mut lift = Lifter::new(&objects);
    let mut templates = templates(spec, &objects, &copies, &mut lift);
    templates.extend(copies.iter().map(|copy| {
        let mut doc = template_doc(spec, copy, &mut lift);
        lift_values(spec, copy, &mut doc, &mut lift);
        let policy = format!("{BEFORE_CREATION},hook-succeeded");
        hook_on(&mut doc, job_events(spec), "-5", &policy);
        (hook_env::file_name(copy), doc)
    }));
    let mut files = vec![
        ExportFile::new("Chart.yaml", chart_yaml(spec, &name)),
        ExportFile::new(
            "values.yaml",
            format!(
                "# The form's values. `secrets` and `database` hold secret values in plain text: keep this\n\
                 # file out of version control, or leave them empty here and pass them with --set at\n\
                 # install time. A derived database URL in `secrets` repeats the database password:\n\
                 # change both together. `checksumKey` keys the Secret's checksum on the pods: keep it\n\
                 # as secret as the values.\n{}",
                serde_yaml::to_string(&Value::Mapping(lift.values.clone())).unwrap_or_default()
            ),
        ),
    ];
    for (file, doc) in templates {
        files.push(ExportFile::new(
            format!("templates/{file}"),
            lift.write(&doc),
        ));
    }
    files.push(ExportFile::new("README.md", readme(spec, &name)));
    files
}

fn chart_yaml(spec: &AppSpec, name: &str) -> String {
    serde_yaml::to_string(&ChartYaml {
        api_version: "v2",
        name: name.to_string(),
        description: format!("{} on Kubernetes, made with Kubewright", spec.app.name),
        type_: "application",
        version: "0.1.0",
        app_version: if spec.image.tag.is_empty() {
            IMPLIED_TAG.into()
        } else {
            spec.image.tag.clone()
        },
    })
    .unwrap_or_default()
}

/// Each object as a template (a YAML tree with placeholders), its form values lifted into `lift`;
/// in the page's order (the order of `helm template` output does not depend on it).
fn templates(
    spec: &AppSpec,
    objects: &[Object],
    copies: &[Object],
    lift: &mut Lifter,
) -> Vec<(String, Value)> {
    // values.yaml follows this order: the Deployment's values first, as people read a chart.
    let order = |o: &Object| match o {
        Object::Deployment(_) => 0,
        Object::Service(_) => 1,
        Object::ConfigMap(_) => 2,
        Object::Secret(_) | Object::SealedSecret(_) => 3,
        _ => 4,
    };
    let mut sorted: Vec<&Object> = objects.iter().collect();
    sorted.sort_by_key(|o| order(o));
    let has_jobs = objects.iter().any(|o| matches!(o, Object::Job(_)));
    let mut templates = Vec::new();
    for object in sorted {
        let mut doc = template_doc(spec, object, lift);
        lift_values(spec, object, &mut doc, lift);
        hooks(spec, object, &mut doc, has_jobs);
        match object {
            Object::Job(_) => point_at_copies(&mut doc, copies),
            Object::Deployment(_) => checksums(spec, objects, &mut doc, lift),
            _ => {}
        }
        templates.push((object.file_name(), doc));
    }
    templates.sort_by_key(|(file, _)| objects.iter().position(|o| o.file_name() == *file));
    templates
}

/// The object as the page writes it, read back as a YAML tree, its namespace the release's (but a
/// Gateway written into another namespace stays there).
/// (serde_yaml::to_value would do the same in one step, but its serializer adds ~38 KB to the
/// wasm; the writer and the parser are there anyway.)
fn template_doc(spec: &AppSpec, object: &Object, lift: &mut Lifter) -> Value {
    let mut doc: Value =
        serde_yaml::from_str(&crate::render::to_yaml(object)).unwrap_or(Value::Null);
    let elsewhere = matches!(object, Object::Gateway(g) if g.metadata.namespace.is_some()
        && g.metadata.namespace.as_deref() != spec.namespace());
    if !matches!(object, Object::Extra(_))
        && !elsewhere
        && doc
            .get("metadata")
            .and_then(|m| m.get("namespace"))
            .is_some()
    {
        lift.expression(
            &mut doc,
            &["metadata", "namespace"],
            "{{ .Release.Namespace | quote }}".into(),
        );
    }
    doc
}

/// A Job hook reads the hook copies of the ConfigMap and Secret (the release's own may not exist
/// yet when it runs).
fn point_at_copies(doc: &mut Value, copies: &[Object]) {
    let base = ["spec", "template", "spec", "containers", "0", "envFrom"];
    let count = slot(doc, &base)
        .and_then(|v| v.as_sequence().map(Vec::len))
        .unwrap_or(0);
    for index in 0..count {
        let index = index.to_string();
        for reference in ["configMapRef", "secretRef"] {
            let path = [&base[..], &[index.as_str(), reference, "name"]].concat();
            if let Some(Value::String(name)) = slot(doc, &path) {
                let copy = hook_env::copy_name(name);
                if copies.iter().any(|c| c.name() == copy) {
                    *name = copy;
                }
            }
        }
    }
}

/// The pod template's checksums, computed by Helm from the rendered templates, so values changed
/// at install time (`--set`) roll the pods too. The Secret's is keyed like the page's: sha256 of
/// the random `checksumKey` followed by the rendered Secret (Sprig has no HMAC; with a secret
/// prefix of ~190 bits a guessed value cannot be checked against it either). A SealedSecret holds
/// only ciphertext, so its template is hashed as it is.
fn checksums(spec: &AppSpec, objects: &[Object], doc: &mut Value, lift: &mut Lifter) {
    let annotations = ["spec", "template", "metadata", "annotations"];
    let include = |file: &str| {
        format!(
            "(include (print $.Template.BasePath {}) .)",
            go_string(&format!("/{file}"))
        )
    };
    let config = [&annotations[..], &[k8s::checksum::CONFIG_ANNOTATION]].concat();
    lift.expression(
        doc,
        &config,
        format!("{{{{ {} | sha256sum }}}}", include("configmap.yaml")),
    );
    let secret_path = [&annotations[..], &[k8s::checksum::SECRET_ANNOTATION]].concat();
    if slot(doc, &secret_path).is_none() {
        return;
    }
    let expression = if let Some(sealed) = objects
        .iter()
        .find(|o| matches!(o, Object::SealedSecret(_)))
    {
        format!("{{{{ {} | sha256sum }}}}", include(&sealed.file_name()))
    } else {
        lift.set_value(
            &["checksumKey"],
            spec.secret_options.checksum_key.clone().into(),
        );
        format!(
            "{{{{ print .Values.checksumKey {} | sha256sum }}}}",
            include("secret.yaml")
        )
    };
    lift.expression(doc, &secret_path, expression);
}

/// Moves the values the form controls into values.yaml.
fn lift_values(spec: &AppSpec, object: &Object, doc: &mut Value, lift: &mut Lifter) {
    match object {
        Object::Deployment(_) => {
            lift.int(doc, &["spec", "replicas"], &["replicaCount"]);
            lift.container(spec, doc, true, POD_CONTAINER);
            lift.init_images(spec, doc, POD_SPEC);
        }
        Object::HorizontalPodAutoscaler(_) => {
            for bound in ["minReplicas", "maxReplicas"] {
                lift.int(doc, &["spec", bound], &["autoscaling", bound]);
            }
        }
        Object::Service(_) => {
            lift.string(doc, &["spec", "type"], &["service", "type"]);
            lift.int(doc, &["spec", "ports", "0", "port"], &["service", "port"]);
            lift.int(
                doc,
                &["spec", "ports", "0", "nodePort"],
                &["service", "nodePort"],
            );
        }
        Object::ConfigMap(_) => {
            for entry in &spec.config_map_entries() {
                lift.string(doc, &["data", &entry.name], &["env", &entry.name]);
            }
        }
        Object::Secret(_) => {
            let entries = spec.secret_entries().into_iter().map(|e| (e.name, e.value));
            lift.secret(spec, doc, "secrets", entries);
        }
        Object::CronJob(_) => {
            lift.container(spec, doc, false, CRON_CONTAINER);
            lift.init_images(spec, doc, CRON_POD_SPEC);
        }
        Object::Job(job) => {
            lift.container(spec, doc, false, POD_CONTAINER);
            lift.init_images(spec, doc, POD_SPEC);
            let base = format!("{}-", spec.job_base_name(&job.short_name));
            let expr = format!(
                "{{{{ print {} .Release.Revision | quote }}}}",
                go_string(&base)
            );
            lift.expression(doc, &["metadata", "name"], expr);
        }
        // The database password's values go to values.yaml like the app's: a password left in the
        // template would be committed with the chart.
        Object::DatabaseSecret(_) => {
            let entries = k8s::Secret::database_entries(spec)
                .map(|(_, entries)| entries)
                .unwrap_or_default();
            lift.secret(spec, doc, "database", entries);
        }
        // The registry password too: a chart is meant to be committed.
        Object::RegistrySecret(_) => {
            let entries = k8s::docker_config(spec)
                .map(|json| vec![(k8s::DOCKER_CONFIG_KEY.to_string(), json)])
                .unwrap_or_default();
            lift.secret(spec, doc, "registry", entries);
        }
        Object::Gateway(_) | Object::ClusterIssuer(_) => {
            gateway::release_namespace(spec, object, doc, lift)
        }
        // Sealed values are ciphertext for one cluster's controller: kept as they are.
        Object::SealedSecret(_)
        | Object::DatabaseSealedSecret(_)
        | Object::RegistrySealedSecret(_)
        | Object::Namespace(_)
        | Object::ServiceAccount(_)
        | Object::Ingress(_)
        | Object::ReferenceGrant(_)
        | Object::HttpRoute(_)
        | Object::NetworkPolicy(_)
        | Object::Extra(_)
        | Object::Cluster(_)
        | Object::PodDisruptionBudget(_)
        | Object::HeadlessService(_) => {}
    }
}

/// Jobs become hooks; so do, when there are Jobs, the objects a Job needs before it starts that
/// have no hook copy: the database password (which the Cluster reads too), the ServiceAccount the
/// Job runs as and the registry login it pulls with. The Job's env is a hook copy instead, see
/// [`super::hook_env`].
fn hooks(spec: &AppSpec, object: &Object, doc: &mut Value, has_jobs: bool) {
    match object {
        Object::DatabaseSecret(_)
        | Object::DatabaseSealedSecret(_)
        | Object::ServiceAccount(_)
        | Object::RegistrySecret(_)
        | Object::RegistrySealedSecret(_)
            if has_jobs =>
        {
            hook_on(doc, "pre-install,pre-upgrade", "-5", BEFORE_CREATION);
        }
        Object::Job(_) => hook_on(doc, job_events(spec), "0", BEFORE_CREATION),
        _ => {}
    }
}

/// When the Jobs run. A CloudNativePG Cluster is one of the chart's own objects, which Helm
/// creates after the pre-install hooks: on the first install the migration runs after it
/// (post-install), on upgrades before the new pods (pre-upgrade). The Cluster is never a hook
/// itself: "before-hook-creation" would delete the database on every upgrade.
fn job_events(spec: &AppSpec) -> &'static str {
    if spec.database.kind == DatabaseKind::CloudNativePg {
        "post-install,pre-upgrade"
    } else {
        "pre-install,pre-upgrade"
    }
}

fn readme(spec: &AppSpec, name: &str) -> String {
    let ns = spec.namespace().unwrap_or("default");
    let sealed = spec.secret_options.seal.enabled();
    // What must exist before `helm install`: the chart holds the app, not the database server.
    let before = match spec.database.kind {
        DatabaseKind::None => String::new(),
        DatabaseKind::Helm => format!(
            "\n## Before installing\n\n\
             PostgreSQL is not part of this chart. Install it first, as the page's commands do: apply\n\
             `database-secret.yaml` from the plain manifests, then run the `helm upgrade --install {db}\n\
             oci://registry-1.docker.io/bitnamicharts/postgresql ...` command. Then install this chart\n\
             (its copy of that Secret keeps the passwords in step with `values.yaml`; the chart reads\n\
             them only when its data volume is first created, so changing them later does not change\n\
             the database's own passwords).\n",
            db = spec.database.name
        ),
        DatabaseKind::CloudNativePg => format!(
            "\n## Before installing\n\n\
             The Cluster object needs the CloudNativePG operator in the cluster (once per cluster):\n\n\
             ```sh\nhelm upgrade --install cnpg cloudnative-pg --repo https://cloudnative-pg.github.io/charts \\\n  \
             --namespace cnpg-system --create-namespace --wait\n```\n\n\
             The migration Job runs after install (post-install) while the database may still be\n\
             starting: it retries, and `kubectl logs -n {ns} -f job/<job>` shows its progress.\n"
        ),
    };
    let secrets = if sealed {
        "Secret values are sealed (SealedSecret templates): only your cluster's controller can\n\
         open them, so the chart is safe to commit.\n"
    } else {
        "`values.yaml` holds the secret values (`secrets`, and the database passwords under\n\
         `database`) in plain text: keep it out of version control, or pass them with `--set`.\n"
    };
    format!(
        "# {name}: Helm chart\n\n\
         Made with Kubewright from the same form as the plain manifests. `values.yaml` holds the\n\
         form's values; `templates/` has one file per object.\n{before}\n\
         ## Install\n\n\
         ```sh\n\
         helm lint {name}\n\
         helm template {name} {name} --namespace {ns}        # preview\n\
         helm upgrade --install {name} {name} --namespace {ns} --create-namespace\n\
         ```\n\n\
         Jobs (such as migrations) run as hooks named `<app>-<job>-<revision>`, so each upgrade runs\n\
         them again before the new pods start. A hook runs before Helm creates or updates the\n\
         chart's own objects, so the Jobs read hook copies of the ConfigMap and Secret (`*-hook`,\n\
         deleted once the hooks succeed); the ConfigMap and Secret themselves belong to the release\n\
         (`helm rollback` restores them, `helm uninstall` removes them).\n\n\
         The Deployment's pod template carries checksums of the ConfigMap and Secret, so an upgrade\n\
         that changes a value (in `values.yaml` or with `--set`) rolls the pods onto it.\n\n\
         {secrets}"
    )
}

/// Makes the object a hook on `events`, keeping the annotations it has (a SealedSecret's scope).
fn hook_on(doc: &mut Value, events: &str, weight: &str, delete: &str) {
    let Some(Value::Mapping(metadata)) = doc.get_mut("metadata") else {
        return;
    };
    let annotations = metadata
        .entry("annotations".into())
        .or_insert_with(|| Value::Mapping(Mapping::new()));
    if let Value::Mapping(annotations) = annotations {
        annotations.insert(HOOK.into(), events.into());
        annotations.insert(HOOK_WEIGHT.into(), weight.into());
        annotations.insert(HOOK_DELETE.into(), delete.into());
    }
}

/// A Go template string literal. JSON's escapes are a subset of Go's.
fn go_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// `.Values.a.b`, or `(index .Values "a" "b")` when a key is not a plain identifier.
fn values_ref(path: &[&str]) -> String {
    let plain = |k: &str| {
        k.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if path.iter().all(|k| plain(k)) {
        format!(".Values.{}", path.join("."))
    } else {
        let keys: Vec<String> = path.iter().map(|k| go_string(k)).collect();
        format!("(index .Values {})", keys.join(" "))
    }
}

impl Lifter {
    /// A Secret's entries: values.yaml under `group` holds each plain value; the template encodes
    /// it, as the page does (`stringData` when the form asks for it: then the template writes plain
    /// text).
    fn secret(
        &mut self,
        spec: &AppSpec,
        doc: &mut Value,
        group: &str,
        entries: impl IntoIterator<Item = (String, String)>,
    ) {
        let (field, encode) = if spec.secret_options.string_data {
            ("stringData", "")
        } else {
            ("data", " | b64enc")
        };
        for (key, value) in entries {
            let path = [group, key.as_str()];
            self.set_value(&path, Value::String(value));
            let expr = format!("{{{{ {}{encode} | quote }}}}", values_ref(&path));
            self.expression(doc, &[field, &key], expr);
        }
    }
}

struct Lifter {
    values: Mapping,
    /// Placeholder word -> template expression.
    expressions: Vec<(String, String)>,
    /// Starts every placeholder; chosen so that no user text contains it.
    prefix: String,
}

impl Lifter {
    fn new(objects: &[Object]) -> Self {
        let text = crate::render::to_yaml_documents(objects);
        let mut prefix = "KWHELMVALUE".to_string();
        while text.contains(&prefix) {
            prefix.push('X');
        }
        Lifter {
            values: Mapping::new(),
            expressions: Vec::new(),
            prefix,
        }
    }

    /// Replaces the value at `path` with a placeholder for `expression`.
    fn expression(&mut self, doc: &mut Value, path: &[&str], expression: String) {
        let Some(slot) = slot(doc, path) else { return };
        let word = format!("{}{}Z", self.prefix, self.expressions.len());
        *slot = Value::String(word.clone());
        self.expressions.push((word, expression));
    }

    fn set_value(&mut self, path: &[&str], value: Value) {
        let mut map = &mut self.values;
        let Some((last, parents)) = path.split_last() else {
            return;
        };
        for key in parents {
            let entry = map
                .entry(Value::String(key.to_string()))
                .or_insert_with(|| Value::Mapping(Mapping::new()));
            if !entry.is_mapping() {
                *entry = Value::Mapping(Mapping::new());
            }
            let Value::Mapping(next) = entry else { return };
            map = next;
        }
        map.insert(Value::String(last.to_string()), value);
    }

    /// A string value: read back with `quote`, so it stays a string whatever it looks like.
    fn string(&mut self, doc: &mut Value, path: &[&str], values_path: &[&str]) {
        let Some(value) = slot(doc, path).map(|v| v.clone()) else {
            return;
        };
        self.set_value(values_path, value);
        self.expression(
            doc,
            path,
            format!("{{{{ {} | quote }}}}", values_ref(values_path)),
        );
    }

    /// A number: Helm reads values.yaml numbers as floats, which print as 1e+06 past a million;
    /// `int64` prints them as the whole numbers they are.
    fn int(&mut self, doc: &mut Value, path: &[&str], values_path: &[&str]) {
        let Some(value) = slot(doc, path).map(|v| v.clone()) else {
            return;
        };
        self.set_value(values_path, value);
        self.expression(
            doc,
            path,
            format!("{{{{ {} | int64 }}}}", values_ref(values_path)),
        );
    }

    /// The app's container (at `base`) in a Deployment, Job or CronJob: image, pull policy,
    /// resources.
    fn container(&mut self, spec: &AppSpec, doc: &mut Value, app: bool, base: &[&'static str]) {
        let at = |field: &[&'static str]| -> Vec<&'static str> {
            base.iter().copied().chain(field.iter().copied()).collect()
        };
        // `repository[:tag][@digest]`, each part its own value.
        let mut format = String::from("%s");
        let mut args = vec![values_ref(&["image", "repository"])];
        self.set_value(
            &["image", "repository"],
            spec.image.repository.clone().into(),
        );
        for (part, separator, value) in [
            ("tag", ":", &spec.image.tag),
            ("digest", "@", &spec.image.digest),
        ] {
            if !value.is_empty() {
                self.set_value(&["image", part], value.clone().into());
                format.push_str(separator);
                format.push_str("%s");
                args.push(values_ref(&["image", part]));
            }
        }
        let image = format!(
            "{{{{ printf {} {} | quote }}}}",
            go_string(&format),
            args.join(" ")
        );
        self.expression(doc, &at(&["image"]), image);
        let policy = slot(doc, &at(&["imagePullPolicy"])).map(|v| v.clone());
        if app || policy.as_ref().and_then(Value::as_str) == Some(spec.image.pull_policy.as_str()) {
            self.string(doc, &at(&["imagePullPolicy"]), &["image", "pullPolicy"]);
        }
        for (kind, field) in [
            ("limits", "cpu"),
            ("limits", "memory"),
            ("requests", "cpu"),
            ("requests", "memory"),
        ] {
            self.string(
                doc,
                &at(&["resources", kind, field]),
                &["resources", kind, field],
            );
        }
    }

    /// The init containers' images (the database wait's, each sidecar's), one value each, shared
    /// by the Deployment and the Jobs: they are what a chart's user pins or mirrors.
    fn init_images(&mut self, spec: &AppSpec, doc: &mut Value, pod_spec: &[&'static str]) {
        let containers: Vec<String> = k8s::init_containers(spec)
            .into_iter()
            .map(|c| c.name)
            .collect();
        for (index, name) in containers.iter().enumerate() {
            let index = index.to_string();
            let path: Vec<&str> = pod_spec
                .iter()
                .copied()
                .chain(["initContainers", index.as_str(), "image"])
                .collect();
            if name == WAIT_CONTAINER {
                self.string(doc, &path, &["waitForDatabase", "image"]);
            } else {
                self.string(doc, &path, &["sidecars", name, "image"]);
            }
        }
    }

    /// The template text: the object as YAML, literal `{{` escaped, placeholders replaced.
    fn write(&self, doc: &Value) -> String {
        let yaml = serde_yaml::to_string(doc).unwrap_or_default();
        // Replaced in one left-to-right pass, so the replacement's own `{{` is not replaced again.
        let mut out = yaml.replace("{{", "{{ \"{{\" }}");
        // Longest words first is not needed: every word ends in 'Z', so no word is a prefix of another.
        for (word, expression) in &self.expressions {
            out = out.replace(word.as_str(), expression);
        }
        out
    }
}

/// The value at `path` (map keys, or list indexes as numbers), if there is one.
fn slot<'a>(doc: &'a mut Value, path: &[&str]) -> Option<&'a mut Value> {
    let mut node = doc;
    for key in path {
        node = match node {
            Value::Mapping(map) => map.get_mut(*key)?,
            Value::Sequence(items) => items.get_mut(key.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}
