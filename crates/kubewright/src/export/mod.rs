//! Export: what the page offers to download besides single files.
//!
//! - [`kustomize::bundle`]: one file per object, a `kustomization.yaml` listing them and a README with
//!   the commands (`kubectl apply -k`).
//! - [`helm::chart`]: a Helm chart: Chart.yaml, values.yaml with the form's values, one template per
//!   object, the Jobs as pre-install/pre-upgrade hooks.
//! - [`zip()`]: files into one zip archive (deflate, made by the `zip` crate).

pub mod helm;
mod hook_env;
pub mod kustomize;

use std::io::Write;

use crate::spec::AppSpec;

/// One file of an export, with its path inside the archive or folder (always `/`-separated, relative).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub path: String,
    pub contents: String,
}

impl ExportFile {
    pub fn new(path: impl Into<String>, contents: impl Into<String>) -> Self {
        ExportFile {
            path: path.into(),
            contents: contents.into(),
        }
    }
}

/// The folder an export unpacks into: the app's name when it is a usable folder name, else `app`.
pub fn folder_name(spec: &AppSpec) -> String {
    let name = &spec.app.name;
    let usable = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !name.starts_with('-');
    if usable {
        name.clone()
    } else {
        "app".into()
    }
}

/// Whether the exported files hold secret values readably: unsealed, the Secrets carry them as
/// base64 (the chart's values.yaml as plain text).
pub fn holds_readable_secrets(spec: &AppSpec) -> bool {
    !spec.secret_options.seal.enabled() && !crate::share::secret_value_names(spec).is_empty()
}

/// The files as a zip archive, every entry under `folder/`. Entries carry the zip format's
/// earliest date (1980-01-01) rather than the clock, so the same spec always gives the same bytes.
pub fn zip(folder: &str, files: &[ExportFile]) -> Result<Vec<u8>, String> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    for file in files {
        writer
            .start_file(format!("{folder}/{}", file.path), options)
            .map_err(|e| format!("zip: {e}"))?;
        writer
            .write_all(file.contents.as_bytes())
            .map_err(|e| format!("zip: {e}"))?;
    }
    let cursor = writer.finish().map_err(|e| format!("zip: {e}"))?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::EnvEntry;

    #[test]
    fn secret_values_are_readable_unless_sealed() {
        let mut spec = AppSpec::default();
        spec.secrets.clear();
        spec.database.kind = crate::spec::DatabaseKind::None;
        assert!(!holds_readable_secrets(&spec), "no secret at all");
        spec.secrets.push(EnvEntry {
            name: "API_TOKEN".into(),
            value: "t".into(),
        });
        assert!(holds_readable_secrets(&spec));
        spec.secret_options.seal.cert = "-----BEGIN CERTIFICATE-----".into();
        assert!(!holds_readable_secrets(&spec), "sealed");
    }
}
