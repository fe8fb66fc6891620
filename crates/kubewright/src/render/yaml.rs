use serde::Serialize;

use crate::k8s::Object;

/// One object as a YAML document. Strings that YAML 1.1 (kubectl, the API server) would read as
/// booleans or numbers come out quoted: see vendor/serde_yaml/KUBEWRIGHT.md.
pub fn to_yaml(object: &Object) -> String {
    serde_yaml::to_string(object).unwrap_or_else(|e| failure(&e))
}

/// Several objects as one YAML stream; serde_yaml separates the documents with `---`.
pub fn to_yaml_documents(objects: &[Object]) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_yaml::Serializer::new(&mut out);
    for object in objects {
        if let Err(e) = object.serialize(&mut serializer) {
            return failure(&e);
        }
    }
    drop(serializer);
    String::from_utf8(out).unwrap_or_else(|e| failure(&e))
}

/// Documents already written one by one (see [`to_yaml`]) as one stream: the same text as
/// [`to_yaml_documents`] (tests/properties.rs checks it on every spec), without serializing every
/// object a second time on each keystroke.
pub fn join_documents<'a>(documents: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, document) in documents.into_iter().enumerate() {
        if i > 0 {
            out.push_str("---\n");
        }
        out.push_str(document);
    }
    out
}

// Our structs only hold strings, numbers and string-keyed maps, so serde_yaml has nothing to refuse;
// should that ever change, the output says so instead of the page dying.
fn failure(e: &dyn std::fmt::Display) -> String {
    format!("# Kubewright could not write this YAML: {e}\n")
}
