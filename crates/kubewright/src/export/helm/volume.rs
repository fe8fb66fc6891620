//! The volumes in the chart: a claim's size in values.yaml and the claim kept on uninstall; the
//! secret files' content in values.yaml like the other secrets; the files' checksums computed by
//! Helm from the rendered templates.

use serde_yaml::Value;

use super::{go_string, slot, Lifter, HOOK_RESOURCE_POLICY};
use crate::k8s::{self, Object};
use crate::spec::AppSpec;

/// The claim's size under `persistence.<volume>.size`, and `helm.sh/resource-policy: keep`: the
/// data must not go with a `helm uninstall` (delete the claim yourself when you mean it). The
/// secret files' content under `<app>-<volume>` in values.yaml, as the env secrets are.
pub(super) fn lift(spec: &AppSpec, object: &Object, doc: &mut Value, lift: &mut Lifter) {
    match object {
        Object::PersistentVolumeClaim(pvc) => {
            let prefix = format!("{}-", spec.app.name);
            let volume = pvc.metadata.name.strip_prefix(&prefix).unwrap_or_default();
            lift.string(
                doc,
                &["spec", "resources", "requests", "storage"],
                &["persistence", volume, "size"],
            );
            if let Some(Value::Mapping(metadata)) = doc.get_mut("metadata") {
                let annotations = metadata
                    .entry("annotations".into())
                    .or_insert_with(|| Value::Mapping(Default::default()));
                if let Value::Mapping(annotations) = annotations {
                    annotations.insert(HOOK_RESOURCE_POLICY.into(), "keep".into());
                }
            }
        }
        Object::FilesSecret(secret) => {
            let entries = k8s::volume::files_of(spec, crate::spec::VolumeKind::SecretFiles)
                .find(|(name, _)| *name == secret.metadata.name)
                .map(|(_, files)| files)
                .unwrap_or_default();
            lift.secret(spec, doc, &secret.metadata.name, entries);
        }
        _ => {}
    }
}

/// The files' checksum annotations as Helm expressions over the rendered file objects.
pub(super) fn checksums(spec: &AppSpec, objects: &[Object], doc: &mut Value, lift: &mut Lifter) {
    let annotations = ["spec", "template", "metadata", "annotations"];
    let includes = |pick: fn(&Object) -> bool| {
        objects
            .iter()
            .filter(|o| pick(o))
            .map(|o| {
                format!(
                    "(include (print $.Template.BasePath {}) .)",
                    go_string(&format!("/{}", o.file_name()))
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let files = [&annotations[..], &[k8s::checksum::FILES_ANNOTATION]].concat();
    if slot(doc, &files).is_some() {
        let all = includes(|o| matches!(o, Object::FilesConfigMap(_)));
        lift.expression(doc, &files, format!("{{{{ print {all} | sha256sum }}}}"));
    }
    let secret = [&annotations[..], &[k8s::checksum::SECRET_FILES_ANNOTATION]].concat();
    if slot(doc, &secret).is_none() {
        return;
    }
    let sealed = includes(|o| matches!(o, Object::FilesSealedSecret(_)));
    let expression = if sealed.is_empty() {
        lift.set_value(
            &["checksumKey"],
            spec.secret_options.checksum_key.clone().into(),
        );
        let all = includes(|o| matches!(o, Object::FilesSecret(_)));
        format!("{{{{ print .Values.checksumKey {all} | sha256sum }}}}")
    } else {
        format!("{{{{ print {sealed} | sha256sum }}}}")
    };
    lift.expression(doc, &secret, expression);
}

/// The README's words on the volumes, empty without claims or files.
pub(super) fn readme(spec: &AppSpec) -> String {
    let claims: Vec<String> = spec
        .volumes
        .iter()
        .filter(|v| v.kind == crate::spec::VolumeKind::Claim)
        .map(|v| spec.volume_object_name(v))
        .collect();
    if claims.is_empty() {
        return String::new();
    }
    format!(
        "\n## Storage\n\n\
         The PersistentVolumeClaims ({}) carry `helm.sh/resource-policy: keep`: `helm uninstall`\n\
         leaves them and their data. Delete one yourself (`kubectl delete pvc <name>`) when the data\n\
         should go. Their sizes are under `persistence` in `values.yaml`; most storage classes can\n\
         grow a claim but never shrink it.\n",
        claims.join(", ")
    )
}
