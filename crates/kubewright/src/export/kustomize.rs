//! The manifests as a kustomization: `kubectl apply -k <folder>` applies them all.

use serde::Serialize;

use super::ExportFile;
use crate::render::render;
use crate::spec::AppSpec;

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
        readme(spec, &rendered.commands_text()),
    ));
    files
}

fn readme(spec: &AppSpec, commands: &str) -> String {
    let folder = super::folder_name(spec);
    format!(
        "# {name}: Kubernetes manifests\n\n\
         Made with Kubewright. One file per object; `kustomization.yaml` lists them all{ns}.\n\n\
         Preview everything, then apply it in one go (from the folder that holds `{folder}/`):\n\n\
         ```sh\nkubectl kustomize {folder}\nkubectl apply -k {folder}\n```\n\n\
         Or step by step, in this order, from inside `{folder}/` (the same commands the page shows):\n\n\
         ```sh\n{commands}```\n\n\
         `secret.yaml`, if present, holds the secret values (base64 is an encoding, not encryption):\n\
         keep it out of version control.\n",
        name = spec.app.name,
        ns = spec
            .namespace()
            .map(|ns| format!(" and puts them in the namespace `{ns}`"))
            .unwrap_or_default(),
    )
}
