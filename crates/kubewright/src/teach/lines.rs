//! Where each line of the rendered YAML sits in its object: `spec.replicas`,
//! `spec.template.spec.containers[0].env[1].name`, `data.PORT`. Read from the YAML text we emit
//! (serde_yaml's block style: two-space indents, sequences at their key's indent, `|-` block scalars),
//! so the form can highlight the lines a field produced and a clicked line can find its field.

/// One step of a path inside an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Seg<'a> {
    /// A mapping key as written (quotes kept; borrowed from the YAML text, so the page's per-keystroke
    /// line mapping allocates no key strings), and its position among its siblings (the n-th key of
    /// `data` is the n-th env entry, whatever its name).
    Key(&'a str, usize),
    /// A sequence item.
    Index(usize),
}

/// Where one line of the YAML belongs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinePath<'a> {
    /// Which document (0-based) of the stream; the `---` line before a document belongs to it.
    pub doc: usize,
    /// The key or item that line opens or continues; empty for `---`.
    pub path: Vec<Seg<'a>>,
}

/// The path as text, e.g. `spec.template.spec.containers[0].image`.
pub fn path_text(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k, _) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// The path's keys as the rules match them: a key as written, `[]` for an item.
pub(crate) fn keys<'a>(path: &[Seg<'a>]) -> Vec<&'a str> {
    path.iter()
        .map(|s| match s {
            Seg::Key(k, _) => *k,
            Seg::Index(_) => "[]",
        })
        .collect()
}

struct Frame<'a> {
    /// Indent of the key (or, for an item, one more than its `- `).
    indent: usize,
    path: Vec<Seg<'a>>,
    /// Items or keys seen so far under this key.
    children: usize,
}

/// The path of every line of `yaml` (a stream as [`crate::render::to_yaml_documents`] writes it).
pub fn line_paths(yaml: &str) -> Vec<LinePath<'_>> {
    let mut reader = Reader::default();
    yaml.lines()
        .map(|line| {
            let path = reader.line(line);
            LinePath {
                doc: reader.doc,
                path,
            }
        })
        .collect()
}

/// Reads the stream line by line, keeping the open keys and items.
#[derive(Default)]
struct Reader<'a> {
    /// The current document (0-based).
    doc: usize,
    started: bool,
    stack: Vec<Frame<'a>>,
    root_children: usize,
    /// After a line with a scalar value: lines indented deeper (or blank) continue it.
    scalar: Option<(usize, Vec<Seg<'a>>)>,
}

impl<'a> Reader<'a> {
    /// The path of the next line.
    fn line(&mut self, line: &'a str) -> Vec<Seg<'a>> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some((owner, path)) = &self.scalar {
            if line.trim().is_empty() || indent > *owner {
                return path.clone();
            }
        }
        self.scalar = None;
        if line == "---" {
            if self.started {
                self.doc += 1;
            }
            self.started = true;
            self.stack.clear();
            self.root_children = 0;
            return Vec::new();
        }
        self.started = true;
        let (rest, at, path) = self.items(&line[indent..], indent);
        // A long key is written as `? key` with its value on a following `: value` line.
        if let Some(value) = rest.strip_prefix(": ").or((rest == ":").then_some("")) {
            if let Some(key_path) = self
                .stack
                .last()
                .filter(|f| f.indent == at)
                .map(|f| f.path.clone())
            {
                if !value.is_empty() {
                    self.scalar = Some((at, key_path.clone()));
                }
                return key_path;
            }
        }
        let complex = rest.strip_prefix("? ").map(|k| (k, ""));
        if let Some((key, value)) = complex.or_else(|| split_key(rest)) {
            let key_path = self.key(key, at);
            // The rest of a long key may continue on deeper lines.
            if !value.is_empty() || complex.is_some() {
                self.scalar = Some((at, key_path.clone()));
            }
            return key_path;
        }
        if !rest.is_empty() {
            // A scalar item (`- ping`), or text we cannot place: it belongs to the enclosing path.
            self.scalar = Some((at.saturating_sub(2), path.clone()));
        }
        path
    }

    /// Opens a frame for each `- ` the line starts with (`- - ` for nested sequences): the rest of
    /// the line, its indent after them, and the innermost item's path.
    fn items(&mut self, mut rest: &'a str, mut at: usize) -> (&'a str, usize, Vec<Seg<'a>>) {
        let mut path = Vec::new();
        while let Some(after) =
            rest.strip_prefix("- ")
                .or(if rest == "-" { Some("") } else { None })
        {
            while self.stack.last().is_some_and(|f| f.indent > at) {
                self.stack.pop();
            }
            let (mut item_path, index) = match self.stack.last_mut() {
                Some(f) => {
                    f.children += 1;
                    (f.path.clone(), f.children - 1)
                }
                None => (Vec::new(), 0),
            };
            item_path.push(Seg::Index(index));
            self.stack.push(Frame {
                indent: at + 1,
                path: item_path.clone(),
                children: 0,
            });
            path = item_path;
            rest = after;
            at += 2;
        }
        (rest, at, path)
    }

    /// Opens the frame of `key` at indent `at`, closing deeper and sibling ones: its path.
    fn key(&mut self, key: &'a str, at: usize) -> Vec<Seg<'a>> {
        while self.stack.last().is_some_and(|f| f.indent >= at) {
            self.stack.pop();
        }
        let ordinal = match self.stack.last_mut() {
            Some(f) => {
                f.children += 1;
                f.children - 1
            }
            None => {
                self.root_children += 1;
                self.root_children - 1
            }
        };
        let mut key_path = self
            .stack
            .last()
            .map(|f| f.path.clone())
            .unwrap_or_default();
        key_path.push(Seg::Key(key, ordinal));
        self.stack.push(Frame {
            indent: at,
            path: key_path.clone(),
            children: 0,
        });
        key_path
    }
}

// `key: value` or `key:` -> (the key as written, the value text). A quoted key keeps its quotes: the
// rules only ever name plain keys (`metadata`, `spec`), positions identify data keys, and leaving
// YAML parsing out of the wasm keeps the page ~30 KB smaller.
fn split_key(text: &str) -> Option<(&str, &str)> {
    let end = match text.chars().next()? {
        '\'' => {
            let mut i = 1;
            let bytes = text.as_bytes();
            loop {
                let j = i + text[i..].find('\'')?;
                if bytes.get(j + 1) == Some(&b'\'') {
                    i = j + 2;
                } else {
                    break j + 1;
                }
            }
        }
        '"' => {
            let bytes = text.as_bytes();
            let mut i = 1;
            loop {
                match bytes.get(i)? {
                    b'\\' => i += 2,
                    b'"' => break i + 1,
                    _ => i += 1,
                }
            }
        }
        _ => {
            // A plain key ends at the first ": " or a final ':'.
            text.find(": ")
                .or_else(|| text.strip_suffix(':').map(|k| k.len()))?
        }
    };
    let after = &text[end..];
    let value = after
        .strip_prefix(": ")
        .or_else(|| (after == ":").then_some(""))?;
    Some((&text[..end], value))
}

/// Indices of the lines of `new` that were not in `old` at the same place (same object file and
/// path) with the same text: what the last edit changed. Runs on every keystroke, so a document
/// whose text did not change (most of them: an edit touches one or two objects) is skipped whole.
pub fn changed_lines(old: &str, new: &str) -> Vec<usize> {
    use std::collections::HashSet;
    let old_docs = documents(old);
    let mut out = Vec::new();
    let mut first_line = 0;
    for (i, doc) in documents(new).into_iter().enumerate() {
        let lines = doc.lines().count();
        let before = old_docs.get(i).copied();
        if before != Some(doc) {
            // Paths are per document (the stack starts afresh at `---`), so one document's
            // paths are the same read alone as in the stream.
            let before: HashSet<_> = keyed(before.unwrap_or_default()).into_iter().collect();
            out.extend(
                keyed(doc)
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| !before.contains(*k))
                    .map(|(j, _)| first_line + j),
            );
        }
        first_line += lines;
    }
    out
}

// Each line's path (as text: a key that moved among its siblings is still the same key) and text.
fn keyed(text: &str) -> Vec<(String, &str)> {
    line_paths(text)
        .into_iter()
        .zip(text.lines())
        .map(|(lp, line)| (path_text(&lp.path), line))
        .collect()
}

// The documents of a stream, each with the `---` line that starts it, as slices of `yaml`.
fn documents(yaml: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    for line in yaml.split_inclusive('\n') {
        if line.trim_end_matches(['\n', '\r']) == "---" && at > 0 {
            out.push(&yaml[start..at]);
            start = at;
        }
        at += line.len();
    }
    if start < yaml.len() || out.is_empty() {
        out.push(&yaml[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(yaml: &str) -> Vec<(usize, String)> {
        line_paths(yaml)
            .into_iter()
            .map(|l| (l.doc, path_text(&l.path)))
            .collect()
    }

    #[test]
    fn keys_items_and_block_scalars_get_their_paths() {
        let yaml = "apiVersion: v1\nkind: ConfigMap\ndata:\n  A: '4000'\n  'x: y': |-\n    line one\n\n    line three\n  B: b\n---\nspec:\n  containers:\n  - name: web\n    args:\n    - migrate\n    - --all\n    env:\n    - name: POD_IP\n      valueFrom:\n        fieldRef:\n          fieldPath: status.podIP\n  volumes:\n  - name: tmp\n    emptyDir: {}\n";
        let got = texts(yaml);
        let want: Vec<(usize, &str)> = vec![
            (0, "apiVersion"),
            (0, "kind"),
            (0, "data"),
            (0, "data.A"),
            (0, "data.'x: y'"),
            (0, "data.'x: y'"),
            (0, "data.'x: y'"),
            (0, "data.'x: y'"),
            (0, "data.B"),
            (1, ""),
            (1, "spec"),
            (1, "spec.containers"),
            (1, "spec.containers[0].name"),
            (1, "spec.containers[0].args"),
            (1, "spec.containers[0].args[0]"),
            (1, "spec.containers[0].args[1]"),
            (1, "spec.containers[0].env"),
            (1, "spec.containers[0].env[0].name"),
            (1, "spec.containers[0].env[0].valueFrom"),
            (1, "spec.containers[0].env[0].valueFrom.fieldRef"),
            (1, "spec.containers[0].env[0].valueFrom.fieldRef.fieldPath"),
            (1, "spec.volumes"),
            (1, "spec.volumes[0].name"),
            (1, "spec.volumes[0].emptyDir"),
        ];
        let got: Vec<(usize, &str)> = got.iter().map(|(d, p)| (*d, p.as_str())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn data_keys_know_their_position() {
        let paths = line_paths("data:\n  B: x\n  A: y\n");
        assert_eq!(paths[2].path[1], Seg::Key("A", 1));
    }

    #[test]
    fn changed_lines_are_the_ones_whose_text_moved_or_changed() {
        let old = "a: 1\nb:\n  c: 2\n";
        let new = "a: 1\nb:\n  c: 3\n  d: 4\n";
        assert_eq!(changed_lines(old, new), [2, 3]);
        assert!(changed_lines(new, new).is_empty());
        // Across documents: an unchanged one is skipped, line numbers count the whole stream, and
        // a document that is new (or moved to another position) is all changed.
        let old = "a: 1\n---\nb: 2\nc: 3\n";
        let new = "a: 1\n---\nb: 2\nc: 4\n---\nd: 5\n";
        assert_eq!(changed_lines(old, new), [3, 4, 5]);
        assert_eq!(changed_lines(new, old), [3]);
        assert_eq!(
            documents(new),
            ["a: 1\n", "---\nb: 2\nc: 4\n", "---\nd: 5\n"]
        );
        assert_eq!(documents("---\na: 1\n"), ["---\na: 1\n"]);
        assert_eq!(documents(""), [""]);
    }
}
