//! The manifests as a kustomization: `kubectl apply -k <folder>` applies them all.

use serde::Serialize;

use super::ExportFile;
use crate::render::render;
use crate::spec::{AppSpec, DatabaseKind};

/// `kustomization.yaml`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Kustomization {
    api_version: &'static str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    namespace: Option<String>,
    resources: Vec<String>,
}

/// One file per object (as the page names them), `kustomization.yaml` and `README.md`.
pub fn bundle(spec: &AppSpec) -> Vec<ExportFile> {
    let rendered = render(spec);
    let mut files: Vec<ExportFile> = rendered
        .files
        .iter()
        .map(|f| ExportFile::new(f.name.clone(), f.yaml.clone()))
        .collect();
    let kustomization = Kustomization {
        api_version: "kustomize.config.k8s.io/v1beta1",
        kind: "Kustomization",
        namespace: spec.namespace().map(str::to_string),
        resources: rendered.files.iter().map(|f| f.name.clone()).collect(),
    };
    files.push(ExportFile::new(
        "kustomization.yaml",
        serde_yaml::to_string(&kustomization).unwrap_or_default(),
    ));
    files.push(ExportFile::new(
        "README.md",
        readme(
            spec,
            &rendered.commands_text(),
            &rendered
                .files
                .iter()
                .map(|f| f.name.clone())
                .collect::<Vec<_>>(),
        ),
    ));
    files
}

fn readme(spec: &AppSpec, commands: &str, files: &[String]) -> String {
    let folder = super::folder_name(spec);
    // `apply -k` sends every file at once; what that cannot do, said before the user tries it.
    let mut caveats = Vec::new();
    match spec.database.kind {
        DatabaseKind::None => {}
        DatabaseKind::Helm => caveats.push(
            "PostgreSQL comes from Bitnami's Helm chart, which `apply -k` does not install: run the\n  \
             `helm upgrade --install` step above once first."
                .to_string(),
        ),
        DatabaseKind::CloudNativePg => caveats.push(
            "The Cluster object needs the CloudNativePG operator installed first (the `helm upgrade\n  \
             --install cnpg` step above, once per cluster)."
                .to_string(),
        ),
    }
    if !spec.jobs.is_empty() {
        caveats.push(
            "Jobs start at the same moment as everything else (a migration may run before the\n  \
             database is up and retries), and a Job cannot be changed once created: bump its run\n  \
             number in the form before applying a new image."
                .to_string(),
        );
    }
    let caveats = if caveats.is_empty() {
        String::new()
    } else {
        format!(
            "\nKeep in mind:\n\n{}",
            caveats
                .iter()
                .map(|c| format!("- {c}\n"))
                .collect::<String>()
        )
    };
    // Every file that holds a secret value readably (a SealedSecret does not).
    let plain: Vec<String> = files
        .iter()
        .filter(|f| f.as_str() == "secret.yaml" || f.as_str() == "database-secret.yaml")
        .map(|f| format!("`{f}`"))
        .collect();
    let secrets = if plain.is_empty() {
        String::new()
    } else {
        format!(
            "\n{files} hold{s} secret values (base64 is an encoding, not encryption): keep {them} out of\n\
             version control, or seal {them} (paste your cluster's sealed-secrets certificate in the\n\
             page).\n",
            files = plain.join(" and "),
            s = if plain.len() == 1 { "s" } else { "" },
            them = if plain.len() == 1 { "it" } else { "them" },
        )
    };
    format!(
        "# {name}: Kubernetes manifests\n\n\
         Made with Kubewright. One file per object; `kustomization.yaml` lists them all{ns}.\n\n\
         Step by step, in this order, from inside `{folder}/` (the same commands the page shows):\n\n\
         ```sh\n{commands}```\n\n\
         Or, once those steps have run, preview everything and apply it in one go (from the folder\n\
         that holds `{folder}/`):\n{caveats}\n\
         ```sh\nkubectl kustomize {folder}\nkubectl apply -k {folder}\n```\n{secrets}",
        name = spec.app.name,
        ns = spec
            .namespace()
            .map(|ns| format!(" and puts them in the namespace `{ns}`"))
            .unwrap_or_default(),
    )
}
