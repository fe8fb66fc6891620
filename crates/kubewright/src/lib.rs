//! Kubewright's core: one pipeline of plain functions, no UI and no browser.
//!
//! ```text
//! spec (what the user means) -> k8s objects (small serde structs) -> YAML text + commands
//! ```
//!
//! The web UI and the `kubewright` command line both call [`render::render`] on an [`spec::AppSpec`].
//! The library reads no files and prints nothing: the command line (`main.rs` and `cli/`, the binary
//! behind the default `cli` feature) does its input and output, the page its own.

pub mod export;
pub mod generate;
pub mod import;
pub mod k8s;
pub mod kept;
pub mod presets;
pub mod render;
pub mod seal;
pub mod secret_words;
pub mod share;
pub mod spec;
pub mod start;
pub mod teach;
#[cfg(feature = "testgen")]
pub mod testgen;
pub mod validate;

pub use render::{render, Rendered};
pub use spec::AppSpec;

// The page's paths to the teaching aids.
pub use teach::{explain, graph, qos, rollout};

/// Parses a spec file (JSON). Unknown fields are errors, so a typo does not silently do nothing.
pub fn spec_from_json(json: &str) -> Result<AppSpec, String> {
    // serde would also accept a JSON array of the fields in order; a spec file is always an object.
    if !json.trim_start().starts_with('{') {
        return Err("a spec is a JSON object, such as {\"app\": {\"name\": \"web\"}}".into());
    }
    serde_json::from_str(json).map_err(|e| without_value(e.to_string()))
}

// serde quotes the value it could not use ("invalid type: string \"hunter2\", expected i64"); the
// value may be a password, and the message reaches the screen and CLI logs: keep its kind only.
fn without_value(message: String) -> String {
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            if let (Some(quote), Some(expected)) = (rest.find(['`', '"']), rest.find(", expected"))
            {
                if quote < expected {
                    return format!("{prefix}{}{}", rest[..quote].trim_end(), &rest[expected..]);
                }
            }
        }
    }
    message
}

/// A spec as pretty JSON (the spec file format).
pub fn spec_to_json(spec: &AppSpec) -> String {
    // AppSpec is plain data with string keys: serde_json cannot fail on it.
    serde_json::to_string_pretty(spec).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    #[test]
    fn spec_errors_do_not_quote_the_value() {
        let err = super::spec_from_json(r#"{"database": {"password": 98765432123}}"#).unwrap_err();
        assert!(
            err.starts_with("invalid type: integer, expected a string"),
            "{err}"
        );
        assert!(!err.contains("98765432123"), "{err}");
        let err = super::spec_from_json(r#"{"app": {"replicas": "s3cret"}}"#).unwrap_err();
        assert!(!err.contains("s3cret"), "{err}");
        // Names are not values: an unknown field is still named.
        let err = super::spec_from_json(r#"{"app": {"nmae": "x"}}"#).unwrap_err();
        assert!(err.contains("`nmae`"), "{err}");
    }
}
