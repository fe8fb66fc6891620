//! Secret values inside a kept object: found for the warning and the review banner, emptied in
//! whatever is stored or shared, exactly like the app's own secret values.
//!
//! Secret-looking, by the shared word list ([`crate::secret_words`]): an env entry `{name, value}`
//! anywhere (any pod template, a CronJob's, a custom resource's); an entry of the object's own
//! `data` or `stringData` (a ConfigMap's, or an object that is a Secret in all but its kind); and,
//! by value alone, any text holding a private key or a URL with a password.

use serde_yaml::Value;

use super::Kept;
use crate::secret_words;

/// One readable secret value in a kept object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecretValue {
    /// Where, e.g. `spec.template.spec.containers[0].env[1].value`.
    pub at: String,
    /// The entry's name (an env name or a data key), or the field's key for a value found by its
    /// content.
    pub name: String,
    /// Why it looks secret, e.g. "its name contains PASSWORD".
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Key(Value),
    Index(usize),
}

/// Every readable secret value in `object` (empty ones are not readable and are left out).
pub fn secret_values(object: &Value) -> Vec<SecretValue> {
    let mut found = Vec::new();
    walk(object, &mut Vec::new(), &mut |path, name, value, reason| {
        if !value.is_empty() {
            found.push(SecretValue {
                at: show(path),
                name: name.to_string(),
                reason,
            });
        }
    });
    found
}

/// Empties every secret value in `object` (what [`secret_values`] finds), for storage and links.
pub fn blank_secret_values(object: &mut Value) {
    let mut paths = Vec::new();
    walk(object, &mut Vec::new(), &mut |path, _, value, _| {
        if !value.is_empty() {
            paths.push(path.to_vec());
        }
    });
    for path in paths {
        if let Some(slot) = at_mut(object, &path) {
            *slot = Value::String(String::new());
        }
    }
}

/// The entries of `kept` that look secret by name and have no value: emptied when the form was
/// stored or shared, so a restored form names them ("POSTGRES_PASSWORD in StatefulSet/db").
pub fn missing_secret_values(kept: &Kept) -> Vec<String> {
    let mut out = Vec::new();
    walk(&kept.object, &mut Vec::new(), &mut |_, name, value, _| {
        if value.is_empty() {
            out.push(format!("{name} in {}", kept.label()));
        }
    });
    out
}

type Visit<'a> = dyn FnMut(&[Step], &str, &str, String) + 'a;

fn walk(node: &Value, path: &mut Vec<Step>, visit: &mut Visit) {
    match node {
        Value::Mapping(map) => {
            for (key, value) in map {
                path.push(Step::Key(key.clone()));
                let key_text = key.as_str().unwrap_or("");
                if let ("env", Value::Sequence(items)) = (key_text, value) {
                    env_entries(items, path, visit);
                }
                if path.len() == 1 && matches!(key_text, "data" | "stringData") {
                    data_entries(value, path, visit);
                }
                walk(value, path, visit);
                path.pop();
            }
        }
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                walk(item, path, visit);
                path.pop();
            }
        }
        Value::Tagged(tagged) => walk(&tagged.value, path, visit),
        Value::String(text) => {
            if let Some(reason) = by_content(text) {
                let name = match path.last() {
                    Some(Step::Key(k)) => k.as_str().unwrap_or("").to_string(),
                    _ => String::new(),
                };
                visit(path, &name, text, reason);
            }
        }
        _ => {}
    }
}

fn env_entries(items: &[Value], path: &mut Vec<Step>, visit: &mut Visit) {
    for (i, item) in items.iter().enumerate() {
        let (Some(name), Some(value)) = (
            item.get("name").and_then(Value::as_str),
            item.get("value").and_then(Value::as_str),
        ) else {
            continue;
        };
        // Found by its content anyway, in the walk below.
        if by_content(value).is_some() {
            continue;
        }
        if let Some(reason) = secret_words::reason(name, value) {
            path.extend([Step::Index(i), Step::Key("value".into())]);
            visit(path, name, value, reason);
            path.truncate(path.len() - 2);
        }
    }
}

fn data_entries(data: &Value, path: &mut Vec<Step>, visit: &mut Visit) {
    let Value::Mapping(data) = data else { return };
    for (key, value) in data {
        let (Some(name), Some(text)) = (key.as_str(), value.as_str()) else {
            continue;
        };
        if by_content(text).is_some() {
            continue;
        }
        if let Some(reason) = secret_words::reason(name, text) {
            path.push(Step::Key(key.clone()));
            visit(path, name, text, reason);
            path.pop();
        }
    }
}

// A value that is secret whatever its name says.
fn by_content(text: &str) -> Option<String> {
    if text.contains("PRIVATE KEY-----") {
        Some("it holds a private key".into())
    } else if secret_words::has_credentials(text) {
        Some("its value is a URL with a password".into())
    } else {
        None
    }
}

fn at_mut<'a>(mut node: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    for step in path {
        if let Value::Tagged(tagged) = node {
            node = &mut tagged.value;
        }
        node = match (step, node) {
            (Step::Key(key), Value::Mapping(map)) => map.get_mut(key)?,
            (Step::Index(i), Value::Sequence(items)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

fn show(path: &[Step]) -> String {
    let segments: Vec<String> = path
        .iter()
        .map(|step| match step {
            Step::Key(k) => k.as_str().map_or_else(|| "?".into(), str::to_string),
            Step::Index(i) => i.to_string(),
        })
        .collect();
    crate::import::show_path(&segments)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_and_blanks_env_data_keys_and_urls() {
        let mut object: Value = serde_yaml::from_str(
            r#"
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, annotations: {note: "postgres://u:hunter2@db/x"}}
spec:
  template:
    spec:
      containers:
        - name: db
          env:
            - {name: POSTGRES_PASSWORD, value: hunter2}
            - {name: POSTGRES_DB, value: app}
data:
  tls.key: "-----BEGIN RSA PRIVATE KEY-----\nabc"
  API_TOKEN: t0ken
  colour: blue
"#,
        )
        .unwrap();
        let found = secret_values(&object);
        let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["note", "POSTGRES_PASSWORD", "API_TOKEN", "tls.key"]);
        assert_eq!(found[1].at, "spec.template.spec.containers[0].env[0].value");
        blank_secret_values(&mut object);
        assert!(secret_values(&object).is_empty());
        let text = serde_yaml::to_string(&object).unwrap();
        for secret in ["hunter2", "t0ken", "PRIVATE KEY"] {
            assert!(!text.contains(secret), "{text}");
        }
        assert!(text.contains("blue") && text.contains("app"));
        let missing = missing_secret_values(&Kept::held(object));
        assert_eq!(
            missing,
            [
                "POSTGRES_PASSWORD in StatefulSet/db",
                "tls.key in StatefulSet/db",
                "API_TOKEN in StatefulSet/db"
            ]
        );
    }
}
