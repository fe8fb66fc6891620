//! Secrets read back: base64 `data` decoded, `stringData` as it is, and SealedSecrets, whose values
//! only the cluster's controller can read (their keys come in empty).

use base64::Engine;
use serde_yaml::Value;

use super::doc::{take_labels, Doc};
use super::tree::scalar_text;
use super::ReportItem;
use crate::spec::{AppSpec, EnvEntry, SealScope};

/// Base64 as Secret `data` holds it; line breaks (as `base64` wraps at 76) are ignored.
pub(super) fn decode(text: &str) -> Result<String, String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .map_err(|e| format!("not base64 ({e})"))?;
    String::from_utf8(bytes).map_err(|_| "binary data, not text".to_string())
}

/// A Secret written as `stringData` only: the form's "write as stringData" option, which applies to
/// every Secret (the app may have none of its own to say so).
pub(super) fn note_string_data(doc: &Doc, spec: &mut AppSpec) {
    if doc.tree.get("data").is_none() && doc.tree.get("stringData").is_some() {
        spec.secret_options.string_data = true;
    }
}

/// One key of a Secret's `data` (base64) or `stringData`, taken out of the tree.
pub(super) fn take_secret_key(doc: &mut Doc, key: &str) -> Option<String> {
    if let Some(value) = doc
        .tree
        .get("data")
        .and_then(|d| d.get(key))
        .and_then(scalar_text)
    {
        let decoded = decode(&value).ok()?;
        doc.tree.take_key("data", key);
        return Some(decoded);
    }
    let value = doc
        .tree
        .get("stringData")
        .and_then(|d| d.get(key))
        .and_then(scalar_text)?;
    doc.tree.take_key("stringData", key);
    Some(value)
}

/// The entries of the Secret's `data` (decoded) and `stringData`, taken out of it; a value that is
/// not text is dropped (an env var must be text).
pub(super) fn secret_values(doc: &mut Doc, report: &mut Vec<ReportItem>) -> Vec<EnvEntry> {
    let mut out = Vec::new();
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
                report.push(ReportItem::dropped(
                    doc.tree.at(&format!("data.{key}")),
                    format!("{why}: an env var must be text"),
                ));
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

/// A SealedSecret standing for the app's env Secret: its key names come in with empty values (only
/// the cluster's controller can decrypt them), and the scope is kept. The certificate is not in the
/// manifest, so sealing is off until one is pasted again: said in the report.
pub(super) fn sealed_secret(
    doc: &mut Doc,
    spec: &mut AppSpec,
    report: &mut Vec<ReportItem>,
) -> Vec<EnvEntry> {
    doc.take_app_object(spec, report);
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
    let t = &mut doc.tree;
    // The scope annotation, written by kubeseal on the SealedSecret and again in its template.
    for scope in SealScope::ALL {
        let Some((key, value)) = crate::seal::scope_annotation(scope) else {
            continue;
        };
        for path in ["metadata.annotations", "spec.template.metadata.annotations"] {
            if t.get(path).and_then(|a| a.get(key)).and_then(Value::as_str) == Some(value) {
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
        report.push(ReportItem::adjusted(
            t.at("spec.encryptedData"),
            format!(
                "sealed values can only be read by the cluster's controller: {} come in empty; type them again and paste the controller's certificate to seal them",
                names.join(", ")
            ),
        ));
    }
    names
}
