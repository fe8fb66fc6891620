//! The last stage: objects -> YAML text (all documents, and one file per object) and the ordered
//! command list. Everything the page and the CLI show comes from [`render`].

mod at_once;
pub mod blocks;
mod commands;
mod yaml;

pub use at_once::{ApplyFrom, ALL_FILE};
pub use commands::{commands, commands_for, commands_text, join_words, split_words, Command};
pub use yaml::{join_documents, to_yaml, to_yaml_documents};

// The page's paths to the line maps and the annotated view, which live with the teaching aids.
pub use crate::teach::{annotate, lines, sources};

use std::ops::Range;

use rand_core::OsRng;

use crate::k8s::{self, Object};
use crate::seal::{Seal, SealStatus, Sealer};
use crate::spec::AppSpec;

/// One object offered as a file.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    /// File name, e.g. `deployment.yaml`.
    pub name: String,
    /// The object's kind, e.g. `Deployment`.
    pub kind: String,
    /// The object's `metadata.name`.
    pub object_name: String,
    /// The object as a YAML document.
    pub yaml: String,
}

/// Everything derived from one spec.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    /// One file per object, in apply order.
    pub files: Vec<File>,
    /// All objects as one multi-document YAML stream, in apply order.
    pub all: String,
    /// The commands, in the order they must run, applying [`Rendered::files`] one at a time.
    pub commands: Vec<Command>,
    /// The same steps applying [`Rendered::all`] saved as [`ALL_FILE`] in one go: what the
    /// all-documents view's copy and download give.
    pub commands_all: Vec<Command>,
    /// Whether the secrets were sealed, and if sealing failed, why (shown beside the certificate).
    pub seal: SealStatus,
}

impl Rendered {
    /// The commands as shell text: each preceded by its `#` comment.
    pub fn commands_text(&self) -> String {
        commands_text(&self.commands)
    }

    /// The commands that go with the view the user copies from: all documents, or one file each.
    pub fn commands_of(&self, all_documents: bool) -> &[Command] {
        if all_documents {
            &self.commands_all
        } else {
            &self.commands
        }
    }

    /// The lines of [`Rendered::all`] that hold the file named `name` (its `---` left out), so a
    /// view of one file keeps the stream's line numbers and everything keyed by them.
    pub fn line_range(&self, name: &str) -> Option<Range<usize>> {
        let mut start = 0;
        for file in &self.files {
            let end = start + file.yaml.lines().count();
            if file.name == name {
                return Some(start..end);
            }
            // The `---` line that join_documents puts before the next document.
            start = end + 1;
        }
        None
    }
}

/// Spec -> objects -> YAML and commands. Never panics: whatever the user typed is rendered as typed.
/// A spec with a sealing certificate is sealed with the operating system's CSPRNG.
pub fn render(spec: &AppSpec) -> Rendered {
    render_with(spec, &mut Sealer::new(OsRng))
}

/// [`render`] with a [`Sealer`] kept between calls, so an unchanged secret keeps its sealed text (the
/// page renders on every keystroke).
pub fn render_with<S: Seal + ?Sized>(spec: &AppSpec, sealer: &mut S) -> Rendered {
    let (objects, seal) = k8s::objects_with(spec, sealer);
    let files: Vec<File> = objects
        .iter()
        .map(|object| File {
            name: object.file_name(),
            kind: object.kind().to_string(),
            object_name: object.name().to_string(),
            yaml: to_yaml(object),
        })
        .collect();
    Rendered {
        all: join_documents(files.iter().map(|f| f.yaml.as_str())),
        commands: commands(spec, &objects),
        commands_all: commands_for(spec, &objects, ApplyFrom::Stream(ALL_FILE)),
        files,
        seal,
    }
}

/// Just the multi-document YAML.
pub fn render_yaml(spec: &AppSpec) -> String {
    to_yaml_documents(&k8s::objects(spec))
}

#[doc(hidden)]
pub fn _objects_for_tests(spec: &AppSpec) -> Vec<Object> {
    k8s::objects(spec)
}

#[cfg(test)]
mod tests {
    use crate::presets::PRESETS;

    #[test]
    fn each_file_has_its_lines_in_the_stream() {
        for preset in PRESETS {
            let rendered = super::render(&preset.spec().unwrap());
            let lines: Vec<&str> = rendered.all.lines().collect();
            for file in &rendered.files {
                let range = rendered.line_range(&file.name).unwrap();
                assert_eq!(
                    lines[range.clone()].join("\n") + "\n",
                    file.yaml,
                    "{} {}",
                    preset.id,
                    file.name
                );
                // Between two files, exactly the separator.
                assert!(range.end == lines.len() || lines[range.end] == "---");
            }
            assert_eq!(rendered.line_range("nothing.yaml"), None);
        }
    }
}
