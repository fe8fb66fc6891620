//! The files the command line reads (`-` is standard input) and the file sets it writes into a folder.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Component, Path};

/// `-` is standard input, as in most Unix tools.
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How a message names the file.
pub fn name(path: &Path) -> Cow<'_, str> {
    if is_stdin(path) {
        Cow::Borrowed("standard input")
    } else {
        path.to_string_lossy()
    }
}

/// The whole text of a file, or of standard input.
pub fn read(path: &Path) -> Result<String, String> {
    let text = if is_stdin(path) {
        std::io::read_to_string(std::io::stdin())
    } else {
        std::fs::read_to_string(path)
    };
    text.map_err(|e| format!("cannot read {}: {e}", name(path)))
}

/// Writes each `(relative path, contents)` under `dir`, creating folders as needed, and lists the
/// paths written, one a line.
pub fn write_all<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<String, String> {
    let files: Vec<(&str, &str)> = files.into_iter().collect();
    check_paths(files.iter().map(|(path, _)| *path))?;
    let mut written = String::new();
    for (relative, contents) in files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, contents)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push_str(&format!("{}\n", path.display()));
    }
    Ok(written)
}

// File names come from names in the spec, and a spec file is someone else's words: a name such as
// `../../x` must not reach outside the folder, and two objects must not silently share one file.
// Checked before anything is written, so a refused set leaves the folder as it was.
fn check_paths<'a>(paths: impl Iterator<Item = &'a str>) -> Result<(), String> {
    let mut seen = HashSet::new();
    for path in paths {
        let plain = Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if !plain || path.is_empty() {
            return Err(format!(
                "refusing to write {path:?}: not a plain file name inside the folder"
            ));
        }
        if !seen.insert(path) {
            return Err(format!("two objects would both be written to {path}"));
        }
    }
    Ok(())
}
