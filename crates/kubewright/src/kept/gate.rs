//! The one gate for a spec from outside the page: a share link, a spec file, an import, the
//! command line's `--spec`, and (trusted for its review choices only) this browser's saved copy.
//!
//! Whatever comes in, objects the form does not model are held for review (a link or a file cannot
//! approve itself), anything that may not be kept at all is dropped with the reason, and a link's
//! secret values are dropped: links never carry them, so a link that does was made by hand.

use super::{screen, Kept};
use crate::import::{ReportItem, Status};
use crate::spec::AppSpec;

/// Where a spec came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A share link opened in the page.
    Link,
    /// A spec file opened in the page.
    SpecFile,
    /// Pasted or dropped manifests or a compose file.
    Import,
    /// `kubewright ... --spec FILE`.
    CommandLine,
    /// This browser's autosaved copy: written by this page, so the user's include choices stand.
    Saved,
}

impl Origin {
    /// How the notes name it: "the link", "the spec file", ...
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Link => "the link",
            Origin::SpecFile => "the spec file",
            Origin::Import => "the import",
            Origin::CommandLine => "the spec",
            Origin::Saved => "this browser's saved copy",
        }
    }
}

/// `spec` as it may enter, and a note for each object held or dropped and each secret value
/// that needs the user's eyes.
pub fn admit(mut spec: AppSpec, origin: Origin) -> (AppSpec, Vec<ReportItem>) {
    let mut notes = Vec::new();
    let mut kept = Vec::new();
    for item in std::mem::take(&mut spec.extra) {
        let mut flat = Vec::new();
        screen::unwrap_lists(item.object, &mut flat, &mut notes);
        kept.extend(flat.into_iter().map(|object| Kept {
            include: item.include,
            object,
        }));
    }
    for mut item in kept {
        if let Some(why) = screen::refusal(&item.object) {
            notes.push(note(Status::Dropped, &item, why));
            continue;
        }
        if origin != Origin::Saved {
            item.include = false;
            // The importer's own report already says so, object by object.
            if origin != Origin::Import {
                notes.push(note(
                    Status::Held,
                    &item,
                    "not modelled by the form: held for review, and not in the YAML, files or commands until you include it".into(),
                ));
            }
        }
        spec.extra.push(item);
    }
    match origin {
        Origin::Link | Origin::Saved => spec = spec.without_secret_values(),
        Origin::SpecFile => notes.extend(planted(&spec)),
        Origin::Import | Origin::CommandLine => {}
    }
    (spec, notes)
}

fn note(status: Status, item: &Kept, why: String) -> ReportItem {
    ReportItem {
        status,
        path: item.label(),
        note: why,
    }
}

// A spec file may set secret values (the command line writes them): someone else's file may set
// ones they know. Say which, so the user checks or regenerates them.
fn planted(spec: &AppSpec) -> Option<ReportItem> {
    let mut names: Vec<&str> = spec
        .secrets
        .iter()
        .filter(|s| !s.value.is_empty())
        .map(|s| s.name.as_str())
        .collect();
    let db = &spec.database;
    if !db.password.is_empty() {
        names.push("the database password");
    }
    if !db.admin_password.is_empty() {
        names.push("the database superuser password");
    }
    (!names.is_empty()).then(|| ReportItem {
        status: Status::Check,
        path: "secrets".into(),
        note: format!(
            "the file sets {}: whoever wrote it knows them. Unless it is your own file, type or generate new ones",
            names.join(", ")
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::EnvEntry;

    fn object(text: &str) -> Kept {
        Kept {
            include: true,
            object: serde_yaml::from_str(text).unwrap(),
        }
    }

    #[test]
    fn nothing_from_outside_is_included_and_secrets_never_pass() {
        let mut spec = AppSpec::default();
        spec.secrets.push(EnvEntry::new("TOKEN", "planted"));
        spec.extra = vec![
            object("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n"),
            object("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {a: b}\n"),
            object(
                "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n  - {apiVersion: v1, kind: Secret, metadata: {name: deep}, stringData: {p: q}}\n  - {apiVersion: v1, kind: ServiceAccount, metadata: {name: sa}}\n",
            ),
        ];
        for origin in [
            Origin::Link,
            Origin::SpecFile,
            Origin::CommandLine,
            Origin::Import,
        ] {
            let (admitted, notes) = admit(spec.clone(), origin);
            let labels: Vec<String> = admitted.extra.iter().map(Kept::label).collect();
            assert_eq!(labels, ["Ingress/web", "ServiceAccount/sa"], "{origin:?}");
            assert!(admitted.extra.iter().all(|k| !k.include), "{origin:?}");
            let dropped: Vec<&str> = notes
                .iter()
                .filter(|n| n.status == Status::Dropped)
                .map(|n| n.path.as_str())
                .collect();
            assert_eq!(dropped, ["Secret/s", "Secret/deep"], "{origin:?}");
            let secret = &admitted.secrets[0].value;
            assert_eq!(secret.is_empty(), origin == Origin::Link, "{origin:?}");
        }
        let (_, notes) = admit(spec.clone(), Origin::SpecFile);
        assert!(notes.iter().any(|n| n.note.contains("the file sets TOKEN")));
        // The saved copy keeps the user's choices, and still never a Secret.
        let (saved, _) = admit(spec, Origin::Saved);
        assert_eq!(saved.extra.len(), 2);
        assert!(saved.extra.iter().all(|k| k.include));
        assert_eq!(saved.secrets[0].value, "");
    }
}
