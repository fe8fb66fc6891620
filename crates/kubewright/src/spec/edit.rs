//! One field of the spec set from a form control, by the field's path (`app.name`: the spec file's
//! JSON path, which every control carries as `data-path`). The start-up module edits the first
//! screen with it before the full page has loaded. Each field goes through a slot of its own type,
//! so nothing here reads JSON: the start-up module carries no deserializer for the spec (with
//! serde_json, they were a third of it).

use super::{AppSpec, DeployStrategy};

/// What a control holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input<'a> {
    /// A text box's or a select's value.
    Text(&'a str),
    /// A checkbox.
    Checked(bool),
}

/// Where a control's value goes, typed as its field is.
pub enum Slot<'a> {
    /// Any text.
    Text(&'a mut String),
    /// A whole number: text that reads as one, spaces around it allowed.
    Whole(&'a mut i64),
    /// On or off.
    Checked(&'a mut bool),
    /// One of a few names, as the spec file spells them.
    Choice(&'a mut dyn Choose),
}

/// A field that holds one of a few named values.
pub trait Choose {
    /// Takes the value named `name`; false (and unchanged) when there is none by that name.
    fn choose(&mut self, name: &str) -> bool;
}

impl Choose for DeployStrategy {
    fn choose(&mut self, name: &str) -> bool {
        let found = DeployStrategy::ALL.into_iter().find(|s| s.as_str() == name);
        found.map(|s| *self = s).is_some()
    }
}

/// A field's slot in a spec.
pub type Field = fn(&mut AppSpec) -> Slot<'_>;

/// The fields [`set`] takes, by path: the first screen's, the app section. The target switch on
/// that screen is left out on purpose: it sets the pull policy and the Service type too
/// ([`AppSpec::set_runs`]), and the full page does that.
pub const FIELDS: &[(&str, Field)] = &[
    ("app.name", |s| Slot::Text(&mut s.app.name)),
    ("app.namespace", |s| Slot::Text(&mut s.app.namespace)),
    ("app.replicas", |s| Slot::Whole(&mut s.app.replicas)),
    ("app.revision_history_limit", |s| {
        Slot::Whole(&mut s.app.revision_history_limit)
    }),
    ("app.strategy", |s| Slot::Choice(&mut s.app.strategy)),
    ("app.max_surge", |s| Slot::Text(&mut s.app.max_surge)),
    ("app.max_unavailable", |s| {
        Slot::Text(&mut s.app.max_unavailable)
    }),
];

/// Sets the field at `path` to `input`, or says why it cannot (not a field listed in [`FIELDS`],
/// text that is no whole number for a number, a name the choice does not have); the spec is then
/// left as it was. The message never quotes the value, which may be a secret.
pub fn set(spec: &mut AppSpec, path: &str, input: Input) -> Result<(), String> {
    let Some((_, field)) = FIELDS.iter().find(|(p, _)| *p == path) else {
        return Err(format!("{path} is not set here: the full page sets it"));
    };
    let fits = match (field(spec), input) {
        (Slot::Text(slot), Input::Text(text)) => {
            *slot = text.to_string();
            true
        }
        (Slot::Whole(slot), Input::Text(text)) => text.trim().parse().map(|n| *slot = n).is_ok(),
        (Slot::Checked(slot), Input::Checked(on)) => {
            *slot = on;
            true
        }
        (Slot::Choice(slot), Input::Text(name)) => slot.choose(name),
        _ => false,
    };
    if fits {
        Ok(())
    } else {
        Err("this control does not fit its field".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::{first_spec, PRESETS};
    use serde::Deserialize;
    use serde_json::Value;

    // The spec file's own reading of the same edit: the field at `path` in the preset's JSON set
    // to the text (as a number when it reads as one, as text otherwise), then the whole file read
    // by serde. What `set` does must be what editing the file would do.
    fn through_the_file(path: &str, text: &str) -> Option<AppSpec> {
        let as_number = text.trim().parse::<i64>().ok().map(Value::from);
        [as_number, Some(Value::String(text.into()))]
            .into_iter()
            .flatten()
            .find_map(|value| {
                let mut json: Value = serde_json::from_str(PRESETS[0].json).unwrap();
                let mut node = &mut json;
                for name in path.split('.') {
                    node = node.as_object_mut()?.entry(name).or_insert(Value::Null);
                }
                *node = value;
                AppSpec::deserialize(&json).ok()
            })
    }

    const TEXTS: &[&str] = &[
        "shop",
        " 5 ",
        "5",
        "-1",
        "0",
        "",
        " ",
        "three",
        "Recreate",
        "RollingUpdate",
        "recreate",
        "25%",
        "9223372036854775808",
        "yes",
        "null",
        "~",
        "1e3",
        "0x10",
        "ünïcode",
    ];

    #[test]
    fn each_field_takes_what_the_spec_file_takes() {
        for (path, field) in FIELDS {
            let choice = matches!(field(&mut first_spec()), Slot::Choice(_));
            for text in TEXTS {
                // serde also reads a variant's index as the variant; no select sends one.
                if choice && text.trim().parse::<i64>().is_ok() {
                    continue;
                }
                let mut spec = first_spec();
                let set = set(&mut spec, path, Input::Text(text)).ok().map(|()| spec);
                assert_eq!(set, through_the_file(path, text), "{path} = {text:?}");
            }
        }
    }

    #[test]
    fn refuses_what_it_cannot_set_and_keeps_the_spec() {
        let mut spec = first_spec();
        let refused = set(&mut spec, "app.strategy", Input::Text("hunter2")).unwrap_err();
        assert!(!refused.contains("hunter2"), "{refused}");
        assert!(set(&mut spec, "app.replicas", Input::Text("three")).is_err());
        assert!(set(&mut spec, "app.nope", Input::Text("x")).is_err());
        assert!(set(&mut spec, "app.name", Input::Checked(true)).is_err());
        // Setting the target alone would leave the pull policy and Service type behind.
        assert!(set(&mut spec, "target", Input::Text("minikube")).is_err());
        assert_eq!(spec, first_spec());
        set(&mut spec, "app.strategy", Input::Text("Recreate")).unwrap();
        assert_eq!(spec.app.strategy, DeployStrategy::Recreate);
    }
}
