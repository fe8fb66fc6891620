//! One input document, read field by field: every field read is taken out, so whatever is left at
//! the end is exactly what the form did not take, and goes into the report with its path.

use std::collections::HashSet;

use serde_yaml::Value;

use super::{ReportItem, Status};

#[derive(Clone)]
pub struct Tree {
    /// What is left of the document.
    pub rest: Value,
    /// `Kind/name` (or `services.web` for compose), the start of every reported path.
    pub label: String,
    /// Paths of the maps and lists something was taken from: left-over keys under them are reported
    /// one by one; anything else left is reported as one whole subtree.
    touched: HashSet<String>,
}

/// A path for the report: `spec.template.spec.containers[0].args`; keys that are not plain words
/// (annotation keys such as `kubernetes.io/change-cause`) are shown quoted in brackets.
pub fn show_path(segments: &[String]) -> String {
    let mut out = String::new();
    for segment in segments {
        if segment.parse::<usize>().is_ok() {
            out.push_str(&format!("[{segment}]"));
        } else if segment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            && !segment.is_empty()
        {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(segment);
        } else {
            out.push_str(&format!("[{segment:?}]"));
        }
    }
    out
}

impl Tree {
    pub fn new(document: Value, label: String) -> Self {
        Tree {
            rest: document,
            label,
            touched: HashSet::new(),
        }
    }

    /// A path for the report: the object's label, then `rel` inside it.
    pub fn at(&self, rel: &str) -> String {
        format!("{} {rel}", self.label)
    }

    /// Takes the value at `path` (keys separated by '.', list indexes as numbers) out of the
    /// document. A taken list element becomes null, so later indexes stay valid.
    pub fn take(&mut self, path: &str) -> Option<Value> {
        let segments: Vec<&str> = path.split('.').collect();
        let (last, parents) = segments.split_last()?;
        let mut node = &mut self.rest;
        let mut walked: Vec<String> = Vec::new();
        for segment in parents {
            node = child(node, segment)?;
            walked.push(segment.to_string());
            self.touched.insert(show_path(&walked));
        }
        self.touched.insert(show_path(&walked));
        let taken = match node {
            Value::Mapping(map) => map.remove(*last)?,
            Value::Sequence(items) => {
                let item = items.get_mut(last.parse::<usize>().ok()?)?;
                std::mem::replace(item, Value::Null)
            }
            _ => return None,
        };
        (!taken.is_null()).then_some(taken)
    }

    /// Takes a string (numbers and booleans as their text, as a ConfigMap value is meant).
    pub fn take_string(&mut self, path: &str) -> Option<String> {
        self.take(path).and_then(|v| scalar_text(&v))
    }

    /// Takes a whole number (or a string holding one); anything else stays in and is reported.
    pub fn take_i64(&mut self, path: &str) -> Option<i64> {
        let value = self.get(path)?;
        let n = match value {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }?;
        self.take(path);
        Some(n)
    }

    /// Takes an int-or-string field (a port, maxSurge) as text.
    pub fn take_int_or_string(&mut self, path: &str) -> Option<String> {
        match self.get(path)? {
            Value::Number(_) | Value::String(_) => self.take_string(path),
            _ => None,
        }
    }

    /// Takes a list of strings (a command, args); a list with anything else in it stays in.
    pub fn take_strings(&mut self, path: &str) -> Option<Vec<String>> {
        let list = self.get(path)?.as_sequence()?;
        let strings: Option<Vec<String>> = list.iter().map(scalar_text).collect();
        let strings = strings?;
        self.take(path);
        Some(strings)
    }

    /// Takes `path` only if it holds exactly `expected` (e.g. `strategy.type: RollingUpdate`).
    pub fn take_if(&mut self, path: &str, expected: &str) -> bool {
        if self.get(path).and_then(Value::as_str) == Some(expected) {
            self.take(path);
            true
        } else {
            false
        }
    }

    /// Reads without taking.
    pub fn get(&self, path: &str) -> Option<&Value> {
        let mut node = &self.rest;
        for segment in path.split('.') {
            node = match node {
                Value::Mapping(map) => map.get(segment)?,
                Value::Sequence(items) => items.get(segment.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// The number of items of the list at `path` (0 when there is none).
    pub fn len(&self, path: &str) -> usize {
        self.get(path)
            .and_then(Value::as_sequence)
            .map_or(0, Vec::len)
    }

    /// Takes every key of the string map at `path` (labels, ConfigMap data), in order.
    pub fn take_pairs(&mut self, path: &str) -> Vec<(String, String)> {
        let Some(map) = self.get(path).and_then(Value::as_mapping) else {
            return Vec::new();
        };
        let keys: Vec<String> = map.keys().filter_map(scalar_text).collect();
        keys.into_iter()
            .filter_map(|k| {
                let value = self.get_key(path, &k).and_then(scalar_text)?;
                self.take_key(path, &k);
                Some((k, value))
            })
            .collect()
    }

    // A key that may contain dots, under `path`.
    fn get_key(&self, path: &str, key: &str) -> Option<&Value> {
        self.get(path)?.as_mapping()?.get(key)
    }

    /// Takes one key (which may contain dots) of the map at `path`.
    pub fn take_key(&mut self, path: &str, key: &str) -> Option<Value> {
        let mut node = &mut self.rest;
        let mut walked: Vec<String> = Vec::new();
        for segment in path.split('.') {
            node = child(node, segment)?;
            walked.push(segment.to_string());
            self.touched.insert(show_path(&walked));
        }
        node.as_mapping_mut()?.remove(key)
    }

    /// What is left, as report items: whole untouched subtrees, or the left-over keys of touched ones.
    pub fn leftovers(&self, status: Status, note: &str, out: &mut Vec<ReportItem>) {
        let mut path = Vec::new();
        self.walk(&self.rest, &mut path, status, note, out);
    }

    fn walk(
        &self,
        node: &Value,
        path: &mut Vec<String>,
        status: Status,
        note: &str,
        out: &mut Vec<ReportItem>,
    ) {
        let is_touched = self.touched.contains(&show_path(path));
        if !is_touched && !path.is_empty() {
            // Untouched: reported whole, even `{}` (in compose, `volumes: {data: {}}` declares one).
            if !node.is_null() {
                out.push(ReportItem {
                    status,
                    path: format!("{} {}", self.label, show_path(path)),
                    note: note.to_string(),
                });
            }
            return;
        }
        match node {
            Value::Mapping(map) => {
                for (key, value) in map {
                    path.push(scalar_text(key).unwrap_or_else(|| "?".into()));
                    self.walk(value, path, status, note, out);
                    path.pop();
                }
            }
            Value::Sequence(items) => {
                for (i, value) in items.iter().enumerate() {
                    path.push(i.to_string());
                    self.walk(value, path, status, note, out);
                    path.pop();
                }
            }
            _ if !node.is_null() => out.push(ReportItem {
                status,
                path: format!("{} {}", self.label, show_path(path)),
                note: note.to_string(),
            }),
            _ => {}
        }
    }
}

/// One part of a document (a container, one of its env entries, a probe), read as [`Tree`] reads
/// the whole: paths are relative to the part, so a field group's reader names only its own fields.
pub struct Cursor<'t> {
    pub tree: &'t mut Tree,
    /// The part's path in the document, e.g. `spec.template.spec.containers.0`.
    pub at: String,
}

impl<'t> Cursor<'t> {
    pub fn new(tree: &'t mut Tree, at: impl Into<String>) -> Self {
        Cursor {
            tree,
            at: at.into(),
        }
    }

    /// The document path of `rel`.
    pub fn path(&self, rel: &str) -> String {
        format!("{}.{rel}", self.at)
    }

    /// A cursor on the part at `rel` inside this one.
    pub fn child(&mut self, rel: &str) -> Cursor<'_> {
        let at = self.path(rel);
        Cursor::new(self.tree, at)
    }

    pub fn get(&self, rel: &str) -> Option<&Value> {
        self.tree.get(&self.path(rel))
    }

    /// The text at `rel`, left in.
    pub fn str(&self, rel: &str) -> Option<&str> {
        self.get(rel).and_then(Value::as_str)
    }

    pub fn take(&mut self, rel: &str) -> Option<Value> {
        self.tree.take(&self.path(rel))
    }

    pub fn take_string(&mut self, rel: &str) -> Option<String> {
        self.tree.take_string(&self.path(rel))
    }

    pub fn take_i64(&mut self, rel: &str) -> Option<i64> {
        self.tree.take_i64(&self.path(rel))
    }

    pub fn take_int_or_string(&mut self, rel: &str) -> Option<String> {
        self.tree.take_int_or_string(&self.path(rel))
    }

    pub fn take_strings(&mut self, rel: &str) -> Option<Vec<String>> {
        self.tree.take_strings(&self.path(rel))
    }

    pub fn take_if(&mut self, rel: &str, expected: &str) -> bool {
        self.tree.take_if(&self.path(rel), expected)
    }

    pub fn len(&self, rel: &str) -> usize {
        self.tree.len(&self.path(rel))
    }
}

fn child<'a>(node: &'a mut Value, segment: &str) -> Option<&'a mut Value> {
    match node {
        Value::Mapping(map) => map.get_mut(segment),
        Value::Sequence(items) => items.get_mut(segment.parse::<usize>().ok()?),
        _ => None,
    }
}

/// A scalar as text: strings as they are, numbers and booleans as YAML writes them.
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}
