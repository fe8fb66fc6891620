//! Objects the form does not model (an Ingress, a CronJob, ...), kept whole: screened at the gate,
//! held for review until the user includes them, scanned for danger and for secret values.
//!
//! ```text
//! link | spec file | paste | --spec -> gate::admit -> spec.extra (held) -> user includes -> objects
//!                                                  -> danger::scan -> warnings, review banner
//!                                                  -> secrets::blank -> what is stored or shared
//! ```

mod danger;
mod gate;
mod screen;
mod secrets;
mod view;

pub use danger::{registry_of, scan, Context, Danger, RULE_IDS};
pub use gate::{admit, Origin};
pub use screen::{is_kustomize_file, refusal, unwrap_lists, MAX_DEPTH, MAX_OBJECT_BYTES};
pub use secrets::{blank_secret_values, missing_secret_values, secret_values, SecretValue};
pub use view::{views, KeptView};

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_yaml::Value;

/// One object kept whole, and whether the user has included it in what is applied.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Kept {
    /// Included after review: only then is the object in the YAML, the files, the zip, the chart
    /// and the commands. Default false, and set back to false by the gate for anything that
    /// arrives from outside the page (a link or file cannot approve itself).
    pub include: bool,
    /// The object, unchanged.
    pub object: Value,
}

impl Kept {
    /// An object waiting for review.
    pub fn held(object: Value) -> Self {
        Kept {
            include: false,
            object,
        }
    }

    /// `kind`, or empty.
    pub fn kind(&self) -> &str {
        text(&self.object, &["kind"])
    }

    /// `metadata.name`, or empty.
    pub fn name(&self) -> &str {
        text(&self.object, &["metadata", "name"])
    }

    /// `metadata.namespace` when the object names one.
    pub fn namespace(&self) -> Option<&str> {
        Some(text(&self.object, &["metadata", "namespace"])).filter(|ns| !ns.is_empty())
    }

    /// `Kind/name` (or just the kind), how messages name the object.
    pub fn label(&self) -> String {
        match (self.kind(), self.name()) {
            ("", _) => "an object without a kind".into(),
            (kind, "") => kind.to_string(),
            (kind, name) => format!("{kind}/{name}"),
        }
    }
}

fn text<'a>(value: &'a Value, path: &[&str]) -> &'a str {
    let mut value = value;
    for key in path {
        match value.get(key) {
            Some(v) => value = v,
            None => return "",
        }
    }
    value.as_str().unwrap_or("")
}

// Spec files written before objects had a review state hold the bare objects: read those as held.
// A wrapper is a mapping with `object` and nothing but `include` beside it, which no Kubernetes
// object is (every object has `apiVersion` and `kind`).
impl<'de> Deserialize<'de> for Kept {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let Value::Mapping(map) = &value else {
            return Ok(Kept::held(value));
        };
        let wrapper = map.contains_key("object")
            && map
                .keys()
                .all(|k| matches!(k.as_str(), Some("include" | "object")));
        if !wrapper {
            return Ok(Kept::held(value));
        }
        let include = match map.get("include") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                return Err(D::Error::custom(
                    "`include` of a kept object is true or false",
                ))
            }
        };
        Ok(Kept {
            include,
            object: map.get("object").cloned().unwrap_or(Value::Null),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_objects_and_wrappers_both_read() {
        let bare: Kept =
            serde_json::from_str(r#"{"apiVersion": "v1", "kind": "ConfigMap"}"#).unwrap();
        assert!(!bare.include);
        assert_eq!(bare.kind(), "ConfigMap");
        let wrapped: Kept =
            serde_json::from_str(r#"{"include": true, "object": {"kind": "Ingress"}}"#).unwrap();
        assert!(wrapped.include);
        assert_eq!(wrapped.kind(), "Ingress");
        assert!(serde_json::from_str::<Kept>(r#"{"include": "yes", "object": {}}"#).is_err());
        let json = serde_json::to_string(&wrapped).unwrap();
        assert_eq!(serde_json::from_str::<Kept>(&json).unwrap(), wrapped);
    }
}
