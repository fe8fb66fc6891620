//! The input's objects, each with its kind and name, taken out one by one as the importer finds the
//! app's parts; and what every object of the app carries (apiVersion, kind, namespace, labels).

use serde_yaml::Value;

use super::tree::{scalar_text, Tree};
use super::ReportItem;
use crate::spec::{AppSpec, APP_LABEL};

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

/// One object of the input.
pub(super) struct Doc {
    pub(super) kind: String,
    pub(super) name: String,
    pub(super) tree: Tree,
}

impl Doc {
    /// The object, without the fields the cluster set (reported as dropped).
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
            report.push(ReportItem::dropped(
                tree.at(&server.join(", ")),
                "set by the cluster, not part of what you apply",
            ));
        }
        Doc { kind, name, tree }
    }

    pub(super) fn is(&self, kind: &str) -> bool {
        self.kind == kind
    }

    pub(super) fn api_version(&self) -> &str {
        self.tree
            .get("apiVersion")
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    /// Takes what the renderer writes on every object of the app: apiVersion, kind, name, the app's
    /// namespace and its labels (`app: <app>` and the extra ones).
    pub(super) fn take_app_meta(&mut self, spec: &AppSpec) {
        self.tree.take("apiVersion");
        self.tree.take("kind");
        self.tree.take("metadata.name");
        take_namespace_and_labels(&mut self.tree, spec);
    }

    /// An object of the app's own (its ConfigMap, Secret or Service): as [`Doc::take_app_meta`], but
    /// a name the renderer does not make is reported (the object is renamed after the app).
    pub(super) fn take_app_object(&mut self, spec: &AppSpec, report: &mut Vec<ReportItem>) {
        let app = spec.app.name.as_str();
        // In this order: a map's key taken out moves its last key into its place, and the report
        // lists what is left in the map's order.
        self.tree.take("apiVersion");
        self.tree.take("kind");
        if self.name == spec.config_map_name()
            || self.name == spec.secret_name()
            || self.name == app
        {
            self.tree.take("metadata.name");
        } else if let Some(name) = self.tree.take_string("metadata.name") {
            report.push(ReportItem::adjusted(
                self.tree.at("metadata.name"),
                format!("{name} is renamed after the app ({app}...)"),
            ));
        }
        take_namespace_and_labels(&mut self.tree, spec);
        self.data_under_labels(report);
    }

    // The 2018 article's own mistake: `data` indented under `metadata.labels`. Kubernetes rejects
    // that (a label value must be text); the intent is plain, so it is read as `data`.
    fn data_under_labels(&mut self, report: &mut Vec<ReportItem>) {
        let t = &mut self.tree;
        if t.get("data").is_some() {
            return;
        }
        if let Some(data @ Value::Mapping(_)) = t.get("metadata.labels.data").cloned() {
            t.take("metadata.labels.data");
            if let Value::Mapping(map) = &mut t.rest {
                map.insert("data".into(), data);
            }
            report.push(ReportItem::adjusted(
                t.at("metadata.labels.data"),
                "data was indented under labels (as in the 2018 article): read as the object's data",
            ));
        }
    }

    /// Whatever is left of an object the form took: dropped.
    pub(super) fn finish(self, report: &mut Vec<ReportItem>) {
        self.tree.leftovers(
            super::Status::Dropped,
            "the form has no field for this",
            report,
        );
    }
}

/// Takes `metadata.namespace` when it is the app's, and the app's labels.
pub(super) fn take_namespace_and_labels(t: &mut Tree, spec: &AppSpec) {
    if t.get("metadata.namespace").and_then(Value::as_str) == Some(spec.app.namespace.as_str()) {
        t.take("metadata.namespace");
    }
    take_labels(t, "metadata.labels", Some(&spec.app.name), spec);
}

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

/// The input's objects in order; each is taken out once something reads it.
pub(super) struct Docs(Vec<Option<Doc>>);

impl Docs {
    /// The objects of `documents`, lists (`kind: List`, `SecretList`, ...) standing for their items.
    pub(super) fn read(documents: Vec<Value>, report: &mut Vec<ReportItem>) -> Self {
        let mut flat = Vec::new();
        for document in documents {
            crate::kept::unwrap_lists(document, &mut flat, report);
        }
        Docs(
            flat.into_iter()
                .enumerate()
                .map(|(i, v)| Some(Doc::new(v, i, report)))
                .collect(),
        )
    }

    /// Takes out the first object `test` accepts.
    pub(super) fn take(&mut self, test: impl Fn(&Doc) -> bool) -> Option<Doc> {
        self.0
            .iter_mut()
            .find(|slot| slot.as_ref().is_some_and(&test))?
            .take()
    }

    /// The objects not taken yet.
    pub(super) fn iter(&self) -> impl Iterator<Item = &Doc> {
        self.0.iter().flatten()
    }

    /// The first object not taken yet that `test` accepts, left in.
    pub(super) fn find(&self, test: impl Fn(&Doc) -> bool) -> Option<&Doc> {
        self.iter().find(|d| test(d))
    }

    /// What no reader took.
    pub(super) fn rest(self) -> impl Iterator<Item = Doc> {
        self.0.into_iter().flatten()
    }
}
