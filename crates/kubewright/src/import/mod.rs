//! Import: existing manifests (as kubectl or a repo has them) or a docker-compose file -> a spec.
//!
//! ```text
//! text -> guard (size, nesting) -> serde_yaml documents -> manifests::import | compose::import
//!      -> AppSpec + a report of everything the form could not take as it was
//! ```
//!
//! Nothing is silently lost: every field the importer did not read is in the report, either
//! "held for review" (whole objects Kubewright does not model, kept unchanged and emitted after the
//! app's own once the user includes them) or "dropped" (with the reason), and values changed to fit
//! the form are "adjusted".
//!
//! Each document is a `Tree` (`tree.rs`) whose fields are taken out as they are read, so what is left
//! is what the report lists. `manifests` orders the steps; each kind has its reader (`deployment`,
//! `service`, `job`, `secret`, `database`), and the container is read field group by field group
//! (`container`: image, port, probes, resources; `env`: env and envFrom; `security`).

mod compose;
mod container;
mod cron_job;
mod database;
mod deployment;
mod disruption;
mod doc;
mod env;
mod guard;
mod ingress;
mod init;
mod job;
mod manifests;
mod merge;
mod network_policy;
mod registry;
mod report;
mod route;
mod scaling;
mod secret;
mod security;
mod service;
mod service_account;
mod shutdown;
mod spreading;
mod tree;

pub use compose::SplitRule;
pub use container::split_image;
pub use guard::{MAX_BYTES, MAX_FLOW_DEPTH};
pub use merge::merge;
pub use report::{ReportItem, Status};
pub use tree::show_path;

use serde::Deserialize;
use serde_yaml::Value;

use crate::spec::AppSpec;

/// What kind of text was imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Kubernetes manifests (one or more YAML documents with `kind`).
    Manifests,
    /// A docker-compose file (`services:`).
    Compose,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Manifests => "Kubernetes manifests",
            Format::Compose => "docker-compose file",
        }
    }
}

/// A successful import.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub format: Format,
    pub spec: AppSpec,
    pub report: Vec<ReportItem>,
}

/// An input that could not be imported at all: the parser's message, and where when it knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub message: String,
    /// 1-based line and column of the problem, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl ImportError {
    pub fn new(message: impl Into<String>) -> Self {
        ImportError {
            message: message.into(),
            line: None,
            column: None,
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(f, "line {line}, column {column}: {}", self.message)
            }
            (Some(line), None) => write!(f, "line {line}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// Imports manifests or a compose file, whichever `text` is. `rule` splits compose environment
/// entries between the ConfigMap and the Secret (manifests say themselves which is which).
pub fn import(text: &str, rule: &SplitRule) -> Result<Imported, ImportError> {
    let documents = parse_documents(text)?;
    match detect(&documents)? {
        Format::Compose => Ok(compose::import(&documents[0], rule)),
        Format::Manifests => Ok(manifests::import(documents)),
    }
}

/// Which format the documents are: one mapping with `services` and no `kind` is a compose file;
/// documents with `kind` are manifests.
pub fn detect(documents: &[Value]) -> Result<Format, ImportError> {
    let is_compose = |d: &Value| d.get("services").is_some() && d.get("kind").is_none();
    match documents {
        [] => Err(ImportError::new("nothing to import: the text holds no YAML document")),
        [one] if is_compose(one) => Ok(Format::Compose),
        _ if documents.iter().any(|d| d.get("kind").is_some()) => Ok(Format::Manifests),
        _ => Err(ImportError::new(
            "this is neither Kubernetes manifests (no document has a `kind:`) nor a docker-compose \
             file (no `services:`)",
        )),
    }
}

/// The YAML documents in `text`, empty ones skipped, after the guard. Errors carry the parser's line
/// and column.
pub fn parse_documents(text: &str) -> Result<Vec<Value>, ImportError> {
    guard::check(text)?;
    let mut out = Vec::new();
    for document in serde_yaml::Deserializer::from_str(text) {
        let value = Value::deserialize(document).map_err(|e| {
            let location = e.location();
            // serde_yaml's message ends with "at line L column C": the location is said once, by us.
            let message = e.to_string();
            let message = match message.find(" at line ") {
                Some(i) if location.is_some() => message[..i].to_string(),
                _ => message,
            };
            ImportError {
                message: format!("not valid YAML: {message}"),
                line: location.as_ref().map(|l| l.line()),
                column: location.as_ref().map(|l| l.column()),
            }
        })?;
        if !value.is_null() {
            out.push(value);
        }
    }
    Ok(out)
}
