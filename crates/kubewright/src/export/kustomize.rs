//! The manifests as a kustomization: `kubectl apply -k <folder>` applies them all.

use serde::Serialize;

use super::ExportFile;
use crate::k8s;
use crate::render::render;
use crate::render::{commands_for, commands_text, ApplyFrom};
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

// The kustomization's namespace, the app's; none when a Gateway is written into another
// namespace, which kustomize would move (every object names its own namespace anyway).
fn namespace(spec: &AppSpec) -> Option<&str> {
    let elsewhere = spec.route.writes_gateway() && spec.route.gateway_elsewhere(spec).is_some();
    spec.namespace().filter(|_| !elsewhere)
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
        // kustomize would move a Gateway written into another namespace: every object names its
        // own namespace then.
        namespace: spec
            .namespace()
            .filter(|_| {
                spec.route.gateway_elsewhere(spec).is_none() || !spec.route.writes_gateway()
            })
            .map(str::to_string),
        resources: rendered.files.iter().map(|f| f.name.clone()).collect(),
    };
    files.push(ExportFile::new(
        "kustomization.yaml",
        serde_yaml::to_string(&kustomization).unwrap_or_default(),
    ));
    // The commands apply the folder, as unpacked: the same steps as the page's, the files in one go.
    let folder = super::folder_name(spec);
    let commands = commands_for(
        spec,
        &k8s::objects_layout(spec),
        ApplyFrom::Kustomize(&folder),
    );
    files.push(ExportFile::new(
        "README.md",
        readme(
            spec,
            &commands_text(&commands),
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
         Run these in order from the folder that holds `{folder}/` (the build step in your app's own\n\
         folder, where its Dockerfile is). `kubectl kustomize {folder}` shows what `apply -k` sends.\n\n\
         ```sh\n{commands}```\n{secrets}",
        name = spec.app.name,
        ns = namespace(spec)
            .map(|ns| format!(" and puts them in the namespace `{ns}`"))
            .unwrap_or_default(),
    )
}
