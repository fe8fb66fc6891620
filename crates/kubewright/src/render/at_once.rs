//! Applying every object in one go, from the one file the all-documents view gives or from the
//! zip's kustomization folder, instead of one file at a time.

use super::commands::{Command, Kubectl};
use crate::k8s::Object;
use crate::spec::AppSpec;

/// The name the all-documents view copies and downloads as.
pub const ALL_FILE: &str = "manifests.yaml";

/// Where the objects the commands apply were saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplyFrom<'a> {
    /// One file per object in the current folder, under the files view's names.
    Files,
    /// All objects in one multi-document file of this name.
    Stream(&'a str),
    /// A folder with a `kustomization.yaml` listing every object (the zip).
    Kustomize(&'a str),
}

/// The one command that applies everything: the Namespace comes first in the file, so the rest
/// finds it. Every object names its namespace itself; `-n` only places kept objects that name
/// none, and is left out when one names its own (kubectl refuses a `-n` that contradicts a file).
pub(super) fn apply_at_once(
    spec: &AppSpec,
    objects: &[Object],
    kubectl: &Kubectl,
    from: ApplyFrom,
) -> Command {
    let mut notes = Vec::new();
    let jobs: Vec<&str> = objects
        .iter()
        .filter(|o| matches!(o, Object::Job(_)))
        .map(Object::name)
        .collect();
    if !jobs.is_empty() {
        notes.push(format!(
            "Job {} starts now too and cannot be changed once created: bump its run number before applying a new image",
            jobs.join(", ")
        ));
    }
    if spec.database.service_name().is_some() {
        notes.push(
            "the app's pods may restart until the database is ready; that is expected".to_string(),
        );
    }
    let kept = objects
        .iter()
        .filter(|o| matches!(o, Object::Extra(_)))
        .count();
    if kept > 0 {
        notes.push(format!(
            "it includes the {kept} kept object(s) you reviewed, which Kubewright did not write"
        ));
    }
    let notes: String = notes.iter().map(|n| format!("; {n}")).collect();
    let file = match from {
        ApplyFrom::Kustomize(folder) => {
            return Command::new(
                format!(
                    "Apply every object listed in {folder}/kustomization.yaml in one go (run from the folder that holds {folder}/){notes}"
                ),
                &["kubectl", "apply", "-k", folder],
            )
        }
        ApplyFrom::Stream(file) => file,
        ApplyFrom::Files => ALL_FILE,
    };
    let own_namespace = objects.iter().any(|o| match o {
        Object::Extra(e) => e.namespace().is_some(),
        Object::Gateway(g) => g.metadata.namespace.as_deref() != kubectl.namespace,
        _ => false,
    });
    let comment = format!(
        "Apply all {} objects in {file} in one go, in file order (the Secret's values stay in the file, out of your shell history){notes}",
        objects.len()
    );
    if own_namespace || kubectl.namespace.is_none() {
        Command::new(comment, &["kubectl", "apply", "-f", file])
    } else {
        kubectl.run(comment, &["apply"], &["-f", file])
    }
}
