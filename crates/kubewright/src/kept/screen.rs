//! What may be kept at all: lists stand for their items, and Secrets, kustomize files, look-alike
//! kinds and oversized objects are never kept.

use serde_yaml::Value;

use crate::import::{ReportItem, Status};

/// The largest object kept, as JSON: a real manifest is a few KB; a CRD with its schema can reach a
/// few hundred. Past this it is someone trying to hide something in the noise.
pub const MAX_OBJECT_BYTES: usize = 512 * 1024;
/// The deepest nesting kept. Real objects (a CRD's schema included) stay well under it.
pub const MAX_DEPTH: usize = 48;

/// Puts `document` into `out`, or, when it is a list, its items, however deeply nested.
/// `kubectl get -o yaml` of several objects gives a `kind: List`; the API's own lists are typed
/// (`SecretList`, `ConfigMapList`, ...), and their items may leave out kind and apiVersion, which
/// are then the list's. So every item goes the way a document of its own would: a Secret in a
/// SecretList is read as the app's or dropped like any other Secret, never kept.
pub fn unwrap_lists(document: Value, out: &mut Vec<Value>, report: &mut Vec<ReportItem>) {
    let kind = document
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    if !kind.ends_with("List") {
        out.push(document);
        return;
    }
    let Value::Mapping(mut list) = document else {
        return;
    };
    match list.remove("items") {
        Some(Value::Sequence(items)) => {
            // `List` says nothing about its items; `SecretList` says they are Secrets.
            let item_kind = kind.strip_suffix("List").filter(|k| !k.is_empty());
            let api_version = list.get("apiVersion").cloned();
            for mut item in items {
                if let (Value::Mapping(m), Some(item_kind)) = (&mut item, item_kind) {
                    if !m.contains_key("kind") {
                        m.insert("kind".into(), item_kind.into());
                    }
                    if let (false, Some(v)) = (m.contains_key("apiVersion"), &api_version) {
                        m.insert("apiVersion".into(), v.clone());
                    }
                }
                unwrap_lists(item, out, report);
            }
        }
        // Not a list of items: it cannot be applied, and what it holds may be secret.
        Some(_) => report.push(ReportItem {
            status: Status::Dropped,
            path: format!("{kind} items"),
            note: "a list whose items are not a list: not a Kubernetes object".into(),
        }),
        // A kind that merely ends in `List`, with no items: an object like any other.
        None => out.push(Value::Mapping(list)),
    }
}

/// kustomize's own file (`kustomization.yaml`, a `Kustomization` or a `Component` of
/// `kustomize.config.k8s.io`, whose apiVersion and kind are optional): it lists files and generates
/// objects, so it is not an object kubectl can send, and its `secretGenerator` literals are secret
/// values. Flux's `Kustomization` (`kustomize.toolkit.fluxcd.io`) is a real object: not this.
pub fn is_kustomize_file(object: &Value) -> bool {
    const KEYS: [&str; 5] = [
        "resources",
        "secretGenerator",
        "configMapGenerator",
        "patches",
        "components",
    ];
    let field = |key: &str| object.get(key).and_then(Value::as_str).unwrap_or("");
    let api_version = field("apiVersion");
    match field("kind") {
        "Kustomization" | "Component" => {
            api_version.is_empty() || api_version.starts_with("kustomize.config.k8s.io/")
        }
        "" => api_version.is_empty() && KEYS.iter().any(|k| object.get(k).is_some()),
        _ => false,
    }
}

/// Why `object` must not be kept, or `None` when it may be (held for review).
pub fn refusal(object: &Value) -> Option<String> {
    if !object.is_mapping() {
        return Some("not an object (a kept object is a mapping with apiVersion and kind)".into());
    }
    // Before the apiVersion test: kustomize's file may have neither.
    if is_kustomize_file(object) {
        return Some("a kustomize file (kustomization.yaml), not a Kubernetes object: kubectl apply -f cannot send it, kubectl apply -k reads it with its folder. Not kept, and neither are its secretGenerator values".into());
    }
    let field = |key: &str| object.get(key).and_then(Value::as_str).unwrap_or("");
    let (kind, api_version) = (field("kind"), field("apiVersion"));
    if kind.is_empty() || api_version.is_empty() {
        return Some("not a Kubernetes object (no apiVersion or kind)".into());
    }
    for (what, text, allowed) in [
        (
            "kind",
            kind,
            (|c| c.is_ascii_alphanumeric()) as fn(char) -> bool,
        ),
        ("apiVersion", api_version, |c| {
            c.is_ascii_alphanumeric() || "./-".contains(c)
        }),
    ] {
        if let Some(odd) = text.chars().find(|&c| !allowed(c)) {
            return Some(format!(
                "its {what} holds {}, which no Kubernetes {what} has: a look-alike of a real one \
                 (the API server would refuse it; it can only be a trick)",
                describe_char(odd)
            ));
        }
    }
    // Kinds are matched exactly by the API server; any case of Secret is refused here all the same,
    // since its values would be kept.
    if kind.eq_ignore_ascii_case(crate::k8s::Secret::KIND) {
        return Some(
            "a Secret the app does not read as its env: its values would be saved with the form and \
             put in share links. Apply it separately (or seal it)"
                .into(),
        );
    }
    if depth(object, 0) > MAX_DEPTH {
        return Some(format!(
            "nested deeper than {MAX_DEPTH} levels: no real object is"
        ));
    }
    let bytes = size(object, 0);
    if bytes > MAX_OBJECT_BYTES {
        return Some(format!(
            "{} KB: over the {} KB a kept object may have",
            bytes / 1024,
            MAX_OBJECT_BYTES / 1024
        ));
    }
    None
}

// About how many bytes `value` takes as JSON (its text plus a few bytes a node), counted as it is
// walked, so the size check needs no second JSON writer in the wasm. Stops past the limit.
fn size(value: &Value, so_far: usize) -> usize {
    if so_far > MAX_OBJECT_BYTES {
        return so_far;
    }
    let text = |v: &Value| match v {
        Value::String(s) => s.len() + 2,
        _ => 8,
    };
    match value {
        Value::Mapping(map) => map
            .iter()
            .fold(so_far + 2, |n, (k, v)| size(v, n + text(k) + 1)),
        Value::Sequence(items) => items.iter().fold(so_far + 2, |n, v| size(v, n + 1)),
        Value::Tagged(tagged) => size(&tagged.value, so_far),
        other => so_far + text(other),
    }
}

// How deep `value` nests; stops counting past the limit, so a hostile tree costs no more than that.
fn depth(value: &Value, at: usize) -> usize {
    if at > MAX_DEPTH {
        return at;
    }
    let children: Box<dyn Iterator<Item = &Value>> = match value {
        Value::Mapping(map) => Box::new(map.values()),
        Value::Sequence(items) => Box::new(items.iter()),
        Value::Tagged(tagged) => Box::new(std::iter::once(&tagged.value)),
        _ => return at,
    };
    children.map(|c| depth(c, at + 1)).max().unwrap_or(at)
}

fn describe_char(c: char) -> String {
    if c.is_ascii_graphic() {
        format!("the character '{c}'")
    } else {
        format!("the character U+{:04X}", c as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn look_alike_kinds_are_refused() {
        // Cyrillic е (U+0435) in "Secret".
        let why = refusal(&yaml("apiVersion: v1\nkind: S\u{435}cret\n")).unwrap();
        assert!(why.contains("U+0435"), "{why}");
        let why = refusal(&yaml("apiVersion: app\u{455}/v1\nkind: Deployment\n")).unwrap();
        assert!(why.contains("apiVersion"), "{why}");
        for kind in ["Secret", "secret", "SECRET"] {
            assert!(refusal(&yaml(&format!("apiVersion: v1\nkind: {kind}\n"))).is_some());
        }
        assert_eq!(
            refusal(&yaml("apiVersion: networking.k8s.io/v1\nkind: Ingress\n")),
            None
        );
    }

    #[test]
    fn deep_and_huge_objects_are_refused() {
        let mut deep = String::from("apiVersion: v1\nkind: ConfigMap\ndata:\n");
        let mut v = Value::Null;
        for _ in 0..60 {
            let mut m = serde_yaml::Mapping::new();
            m.insert("a".into(), v);
            v = Value::Mapping(m);
        }
        deep.push_str("  x: 1\n");
        let mut object = yaml(&deep);
        object["data"] = v;
        assert!(refusal(&object).unwrap().contains("nested deeper"));
        let big = format!(
            "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: {}\n",
            "x".repeat(MAX_OBJECT_BYTES)
        );
        assert!(refusal(&yaml(&big)).unwrap().contains("KB"));
    }
}
