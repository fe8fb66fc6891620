//! Checksums of the env the pods read, as annotations on the Deployment's pod template.
//!
//! `envFrom` is read when a container starts: a changed ConfigMap or Secret leaves the running pods
//! on the old values. A pod-template annotation that changes with the content makes `kubectl apply`
//! (and `helm upgrade`) roll the Deployment whenever the values change, and only then.
//!
//! Why a checksum annotation and not content-named objects (kustomize's generators): the objects keep
//! the stable names the commands, the import and the chart use, and an old ConfigMap is never left
//! behind. The ConfigMap's checksum is a plain SHA-256 (anyone who can read the Deployment may read
//! the ConfigMap). The Secret's is an HMAC-SHA256 keyed by a random per-spec key
//! ([`crate::spec::SecretOptions::checksum_key`]): a plain hash of a short secret (a 6-digit PIN, a
//! dictionary password) could be found by hashing guesses, by anyone who may read Deployments but
//! not Secrets. Without a key the Secret is left out of the checksum (validation warns). The key is
//! made only when asked (a secret edited in the page, the warning's fix), never while loading a
//! spec, so a spec renders the same in the page and on the command line.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::spec::{AppSpec, EnvEntry, VolumeKind};

/// The annotation holding the ConfigMap's checksum (the name Helm's documentation uses).
pub const CONFIG_ANNOTATION: &str = "checksum/config";
/// The annotation holding the Secret's keyed checksum.
pub const SECRET_ANNOTATION: &str = "checksum/secret";
/// The annotation holding the config files' checksum (mounted files do change in place, but an app
/// reads most config once, at start).
pub const FILES_ANNOTATION: &str = "checksum/files";
/// The annotation holding the secret files' keyed checksum.
pub const SECRET_FILES_ANNOTATION: &str = "checksum/secret-files";

/// The pod template's checksum annotations: the ConfigMap's when it has entries, the Secret's when
/// it has entries and the spec has a checksum key.
pub fn annotations(spec: &AppSpec) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let config = spec.config_map_entries();
    if !config.is_empty() {
        let digest = Sha256::digest(canonical(&config));
        out.push((CONFIG_ANNOTATION.to_string(), hex(&digest)));
    }
    if let Some(checksum) = secret_checksum(spec) {
        out.push((SECRET_ANNOTATION.to_string(), checksum));
    }
    let files = file_entries(spec, VolumeKind::ConfigFiles);
    if !files.is_empty() {
        let digest = Sha256::digest(canonical(&files));
        out.push((FILES_ANNOTATION.to_string(), hex(&digest)));
    }
    let secret_files = file_entries(spec, VolumeKind::SecretFiles);
    if let Some(checksum) = keyed(spec, &secret_files) {
        out.push((SECRET_FILES_ANNOTATION.to_string(), checksum));
    }
    out
}

/// The files of every volume of `kind`, named `<object>/<file>` so two volumes' files stay apart.
fn file_entries(spec: &AppSpec, kind: VolumeKind) -> Vec<EnvEntry> {
    super::volume::files_of(spec, kind)
        .flat_map(|(object, files)| {
            files.into_iter().map(move |(name, content)| EnvEntry {
                name: format!("{object}/{name}"),
                value: content,
            })
        })
        .collect()
}

/// HMAC-SHA256 of the Secret's entries keyed by the spec's checksum key; `None` without entries or
/// without a key.
pub fn secret_checksum(spec: &AppSpec) -> Option<String> {
    keyed(spec, &spec.secret_entries())
}

/// HMAC-SHA256 of `entries` keyed by the spec's checksum key; `None` without entries or key.
fn keyed(spec: &AppSpec, entries: &[EnvEntry]) -> Option<String> {
    let key = &spec.secret_options.checksum_key;
    if key.is_empty() || entries.is_empty() {
        return None;
    }
    // HMAC takes keys of any length: new_from_slice cannot fail for it.
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).ok()?;
    mac.update(&canonical(entries));
    Some(hex(&mac.finalize().into_bytes()))
}

/// The entries sorted by name, as JSON: the order of the form's rows does not change what the pods
/// see, so it must not roll them; JSON keeps every name and value apart unambiguously.
fn canonical(entries: &[EnvEntry]) -> Vec<u8> {
    let mut pairs: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e.name.as_str(), e.value.as_str()))
        .collect();
    pairs.sort();
    serde_json::to_vec(&pairs).unwrap_or_default()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(secret: &str, key: &str) -> AppSpec {
        let mut spec = AppSpec {
            secrets: vec![EnvEntry::new("PIN", secret)],
            ..AppSpec::default()
        };
        spec.secret_options.checksum_key = key.into();
        spec
    }

    #[test]
    fn the_secret_checksum_is_keyed_and_follows_the_values() {
        let a = secret_checksum(&spec("1234", "k1")).unwrap();
        assert_eq!(a.len(), 64);
        assert_ne!(a, secret_checksum(&spec("1235", "k1")).unwrap());
        // Another key, another checksum: without the key a guess cannot be checked.
        assert_ne!(a, secret_checksum(&spec("1234", "k2")).unwrap());
        // Not the plain hash of what it covers.
        let plain = hex(&Sha256::digest(canonical(&spec("1234", "").secrets)));
        assert_ne!(a, plain);
        assert_eq!(secret_checksum(&spec("1234", "")), None);
    }

    #[test]
    fn the_order_of_rows_does_not_change_the_checksum() {
        let row = |n: &str, v: &str| EnvEntry {
            name: n.into(),
            value: v.into(),
        };
        let mut spec = AppSpec {
            env: vec![row("A", "1"), row("B", "2")],
            ..AppSpec::default()
        };
        let before = annotations(&spec);
        spec.env.reverse();
        assert_eq!(before, annotations(&spec));
        spec.env[0].value = "3".into();
        assert_ne!(before, annotations(&spec));
        // A value moved from one name to another is a change ("A=1,B=" vs "A=,B=1").
        assert_ne!(
            canonical(&[row("A", "1"), row("B", "")]),
            canonical(&[row("A", ""), row("B", "1")])
        );
    }
}
