//! One field of the spec set from a form control, by the field's path (`app.name`, `env[2].value`:
//! the spec file's JSON path, which every control carries as `data-path`). The start-up page edits
//! the first screen with it before the full page has loaded; the value keeps the JSON type the field
//! already has (text, number, true/false, or empty for an optional one).

use serde::Deserialize;
use serde_json::{Map, Value};

use super::AppSpec;

/// Fields whose control sets more than the field itself, which a draft therefore leaves alone: the
/// target switch goes through [`AppSpec::set_runs`] (the pull policy and the Service type follow it).
const LINKED: &[&str] = &["target"];

/// What a control holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input<'a> {
    /// A text box's or a select's value.
    Text(&'a str),
    /// A checkbox.
    Checked(bool),
}

/// A spec being edited, held as its spec file's JSON: the spec is only ever read from JSON, never
/// written, so the start-up module carries no serializer for it.
#[derive(Clone, Debug)]
pub struct Draft {
    json: Value,
}

impl Draft {
    /// A draft of the spec file `json` (a preset's, for the start-up page).
    pub fn new(json: &str) -> Result<Self, String> {
        let json = serde_json::from_str(json).map_err(|e| e.to_string())?;
        spec_of(&json)?;
        Ok(Draft { json })
    }

    /// The spec as the draft holds it now.
    pub fn spec(&self) -> Result<AppSpec, String> {
        spec_of(&self.json)
    }

    /// Sets the field at `path` to `input` and returns the spec, or says why it cannot be (no such
    /// field, text that is no number for a number field, a value the field's type refuses); the
    /// draft is then left as it was.
    pub fn set(&mut self, path: &str, input: Input) -> Result<AppSpec, String> {
        if LINKED.contains(&path) {
            return Err(format!(
                "{path} sets other fields too: the full page sets it"
            ));
        }
        let mut probe = self.json.clone();
        let current = locate(&mut probe, path).ok_or_else(|| format!("no field {path}"))?;
        let mut last = Err("this control does not fit its field".to_string());
        // A field the file leaves out has no type to go by: the spec's own type picks.
        for value in candidates(current, input) {
            let mut json = self.json.clone();
            if let Some(slot) = locate(&mut json, path) {
                *slot = value;
            }
            last = spec_of(&json);
            if last.is_ok() {
                self.json = json;
                break;
            }
        }
        last
    }
}

// Read from the JSON tree itself, not from its text: the start-up module then carries no JSON
// writer, and the parser is instantiated for the tree only. serde's message quotes the value, which
// may be a secret: say only that it did not fit.
fn spec_of(json: &Value) -> Result<AppSpec, String> {
    if !json.is_object() {
        return Err("a spec is a JSON object".into());
    }
    AppSpec::deserialize(json).map_err(|_| "not a value this field takes".into())
}

/// The JSON node at `path` (fields joined by `.`, list items as `[i]`), adding the fields the file
/// leaves out (they have their defaults) but no list items.
fn locate<'v>(mut node: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    for segment in path.split('.') {
        let (name, indexes) = segment.split_once('[').unwrap_or((segment, ""));
        if !name.is_empty() {
            if node.is_null() {
                *node = Value::Object(Map::new());
            }
            node = node.as_object_mut()?.entry(name).or_insert(Value::Null);
        }
        for index in indexes.split('[').filter(|i| !i.is_empty()) {
            let index: usize = index.strip_suffix(']')?.parse().ok()?;
            node = node.as_array_mut()?.get_mut(index)?;
        }
    }
    Some(node)
}

/// The values to try, of the kind the field holds now when the file has it. Empty text unsets an
/// optional field (a field that is not optional refuses it).
fn candidates(current: &Value, input: Input) -> Vec<Value> {
    let text = match (current, input) {
        (Value::Bool(_) | Value::Null, Input::Checked(on)) => return vec![Value::Bool(on)],
        (Value::String(_), Input::Text(text)) => return vec![Value::String(text.to_string())],
        (Value::Number(_) | Value::Null, Input::Text(text)) => text,
        _ => return Vec::new(),
    };
    let mut values = Vec::new();
    if text.trim().is_empty() {
        values.push(Value::Null);
    }
    values.extend(number(text));
    if current.is_null() {
        values.push(Value::String(text.to_string()));
    }
    values
}

// Whole numbers only: the spec has no fractional field (and parsing floats would bring their
// tables into the start-up module).
fn number(text: &str) -> Option<Value> {
    text.trim().parse::<i64>().ok().map(Value::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::PRESETS;

    fn draft() -> (AppSpec, Draft) {
        (
            PRESETS[0].spec().unwrap(),
            Draft::new(PRESETS[0].json).unwrap(),
        )
    }

    #[test]
    fn sets_text_numbers_and_checkboxes_by_path() {
        let (spec, mut draft) = draft();
        let named = draft.set("app.name", Input::Text("shop")).unwrap();
        assert_eq!(named.app.name, "shop");
        assert_eq!(
            named.image, spec.image,
            "only the field at the path changes"
        );
        let scaled = draft.set("app.replicas", Input::Text(" 5 ")).unwrap();
        assert_eq!((scaled.app.name.as_str(), scaled.app.replicas), ("shop", 5));
        let on = !spec.service_account.enabled;
        let account = draft
            .set("service_account.enabled", Input::Checked(on))
            .unwrap();
        assert_eq!(account.service_account.enabled, on);
    }

    #[test]
    fn fields_the_file_leaves_out_take_the_type_the_spec_gives_them() {
        let (_, mut draft) = draft();
        // Not in the preset's file: an optional number, a choice, and (a whole probe left out) a
        // number under an object the file does not have either.
        let timeout = draft
            .set("probes.liveness.timeout_seconds", Input::Text("4"))
            .unwrap();
        assert_eq!(timeout.probes.liveness.timeout_seconds, Some(4));
        let cleared = draft
            .set("probes.liveness.timeout_seconds", Input::Text(" "))
            .unwrap();
        assert_eq!(cleared.probes.liveness.timeout_seconds, None);
        let strategy = draft.set("app.strategy", Input::Text("Recreate")).unwrap();
        assert_eq!(strategy.app.strategy, crate::spec::DeployStrategy::Recreate);
        let startup = draft
            .set("probes.startup.failure_threshold", Input::Text("30"))
            .unwrap();
        assert_eq!(startup.probes.startup.failure_threshold, Some(30));
    }

    #[test]
    fn reaches_list_items_but_adds_none() {
        let (spec, mut draft) = draft();
        assert!(!spec.env.is_empty(), "the first preset has env vars");
        let edited = draft.set("env[0].name", Input::Text("PORT")).unwrap();
        assert_eq!(edited.env[0].name, "PORT");
        assert!(draft.set("env[999].name", Input::Text("X")).is_err());
    }

    #[test]
    fn refuses_what_the_field_cannot_hold_and_keeps_the_draft() {
        let (spec, mut draft) = draft();
        assert_eq!(
            draft.set("app.replicas", Input::Text("three")).unwrap_err(),
            "this control does not fit its field"
        );
        let refused = draft
            .set("app.strategy", Input::Text("hunter2"))
            .unwrap_err();
        assert!(!refused.contains("hunter2"), "{refused}");
        assert!(draft.set("app.nope", Input::Text("x")).is_err());
        assert!(draft.set("app.name", Input::Checked(true)).is_err());
        // Setting the target alone would leave the pull policy and Service type behind.
        assert!(draft.set("target", Input::Text("minikube")).is_err());
        let unchanged = draft.set("app.name", Input::Text(&spec.app.name)).unwrap();
        assert_eq!(unchanged, spec);
    }
}
