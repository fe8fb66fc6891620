//! Share links and autosave: the spec without its secret values, as compact text.
//!
//! A link carries the spec in the URL *fragment* (`#s=...`), which browsers never send to a server,
//! so it cannot end up in a server log. Secret entries keep their names and lose their values; whoever
//! opens the link is told which ones to fill in again.

use std::io::{Read, Write};

use base64::Engine;

use crate::spec::{AppSpec, DatabaseKind};

/// The fragment key: `#s=<payload>`.
pub const FRAGMENT_KEY: &str = "s=";
/// The largest decompressed spec a link may carry (a spec is a few KB).
pub const MAX_SPEC_BYTES: u64 = 1024 * 1024;

/// The spec with every secret value emptied (names kept): see [`AppSpec::without_secret_values`].
pub fn without_secret_values(spec: &AppSpec) -> AppSpec {
    spec.without_secret_values()
}

/// What a restored form asks to re-enter, in order: the names of the secrets that have no value,
/// then the database's passwords when a database is set up and they are empty.
pub fn missing_secret_values(spec: &AppSpec) -> Vec<String> {
    let mut out: Vec<String> = spec
        .secrets
        .iter()
        .filter(|s| s.value.is_empty())
        .map(|s| s.name.clone())
        .collect();
    let db = &spec.database;
    if db.kind != DatabaseKind::None && db.password.is_empty() {
        out.push(DATABASE_PASSWORD.into());
    }
    if db.kind == DatabaseKind::Helm && db.admin_password.is_empty() {
        out.push(DATABASE_ADMIN_PASSWORD.into());
    }
    if spec.registry.enabled && spec.registry.password.is_empty() {
        out.push(REGISTRY_PASSWORD.into());
    }
    out.extend(crate::spec::empty_secret_files(spec));
    out.extend(
        spec.extra
            .iter()
            .flat_map(crate::kept::missing_secret_values),
    );
    out
}

/// The name of every secret value the spec has a place for, set or not, in the order of
/// [`missing_secret_values`]: what a link leaves out and names.
pub fn secret_value_names(spec: &AppSpec) -> Vec<String> {
    missing_secret_values(&spec.without_secret_values())
}

/// How [`missing_secret_values`] names the database's passwords.
pub const DATABASE_PASSWORD: &str = "the database password";
pub const DATABASE_ADMIN_PASSWORD: &str = "the database superuser password";
/// How [`missing_secret_values`] names the registry's password.
pub const REGISTRY_PASSWORD: &str = "the registry password";

/// The sentence asking for `missing` (from [`missing_secret_values`]) again, naming the tabs that
/// hold them.
pub fn reenter_sentence(missing: &[String]) -> String {
    let is_db = |m: &String| m == DATABASE_PASSWORD || m == DATABASE_ADMIN_PASSWORD;
    // "NAME in Kind/name": a value inside a kept object, which only a new paste brings back.
    let is_kept = |m: &String| m.contains(" in ");
    let (kept, missing): (Vec<&String>, Vec<&String>) = missing.iter().partition(|m| is_kept(m));
    let (registry, missing): (Vec<&String>, Vec<&String>) =
        missing.into_iter().partition(|m| *m == REGISTRY_PASSWORD);
    let (files, missing): (Vec<&String>, Vec<&String>) = missing
        .into_iter()
        .partition(|m| m.starts_with(crate::spec::SECRET_FILE_PREFIX));
    let (database, secrets): (Vec<&String>, Vec<&String>) =
        missing.into_iter().partition(|m| is_db(m));
    let list = |items: &[&String]| {
        items
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let parts: Vec<String> = [
        (!secrets.is_empty()).then(|| format!("{} in the secrets tab", list(&secrets))),
        (!database.is_empty()).then(|| format!("{} in the database tab", list(&database))),
        (!registry.is_empty()).then(|| format!("{} in the image tab", list(&registry))),
        (!files.is_empty()).then(|| format!("{} in the volumes tab", list(&files))),
        (!kept.is_empty()).then(|| {
            format!(
                "{} by importing those manifests again (kept objects are not edited here)",
                list(&kept)
            )
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    format!(
        "Secret values are never stored or shared: re-enter {}.",
        parts.join(", and ")
    )
}

/// The spec without secret values as JSON, deflated, base64url (no padding): the fragment payload.
pub fn encode(spec: &AppSpec) -> String {
    let json = crate::spec_to_json(&without_secret_values(spec));
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(json.as_bytes());
    let bytes = encoder.finish().unwrap_or_default();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A share link opened: [`decode`], then the gate ([`crate::kept::admit`]), whose notes say what
/// was held for review or dropped.
pub fn open(payload: &str) -> Result<(AppSpec, Vec<crate::import::ReportItem>), String> {
    Ok(crate::kept::admit(
        decode(payload)?,
        crate::kept::Origin::Link,
    ))
}

/// The spec from a fragment payload (with or without the leading `#s=`). Secret values are always
/// empty, even if someone hand-made a link with values in it (see [`open`] for the whole gate).
pub fn decode(payload: &str) -> Result<AppSpec, String> {
    let payload = payload.trim_start_matches('#');
    let payload = payload.strip_prefix(FRAGMENT_KEY).unwrap_or(payload);
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|e| format!("the link is damaged (not base64url: {e})"))?;
    let mut json = String::new();
    flate2::read::DeflateDecoder::new(bytes.as_slice())
        .take(MAX_SPEC_BYTES + 1)
        .read_to_string(&mut json)
        .map_err(|e| format!("the link is damaged (cannot inflate: {e})"))?;
    if json.len() as u64 > MAX_SPEC_BYTES {
        return Err("the link holds more than 1 MB: refused".into());
    }
    let spec =
        crate::spec_from_json(&json).map_err(|e| format!("the link holds no valid spec: {e}"))?;
    Ok(without_secret_values(&spec))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_restores_everything_but_secret_values() {
        for preset in crate::presets::PRESETS {
            let spec = preset.spec().unwrap();
            let payload = encode(&spec);
            assert!(payload
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
            let back = decode(&format!("#s={payload}")).unwrap();
            assert_eq!(back, without_secret_values(&spec));
            // Not in the link, not even deflated: the values are gone from the JSON it carries.
            let json = crate::spec_to_json(&back);
            let db = &spec.database;
            for value in spec
                .secrets
                .iter()
                .map(|s| &s.value)
                .chain([&db.password, &db.admin_password])
                // The article's password is its user's name, which the link does carry.
                .filter(|v| !v.is_empty() && **v != db.user)
            {
                assert!(!json.contains(value.as_str()), "{} in {json}", value);
            }
            let mut want: Vec<String> = spec.secrets.iter().map(|s| s.name.clone()).collect();
            if db.kind != DatabaseKind::None {
                want.push(DATABASE_PASSWORD.into());
            }
            if db.kind == DatabaseKind::Helm {
                want.push(DATABASE_ADMIN_PASSWORD.into());
            }
            assert_eq!(missing_secret_values(&back), want, "{}", preset.id);
        }
    }

    #[test]
    fn a_link_names_every_secret_value_it_leaves_out() {
        for preset in crate::presets::PRESETS {
            let spec = preset.spec().unwrap();
            let back = decode(&format!("#s={}", encode(&spec))).unwrap();
            assert_eq!(
                secret_value_names(&spec),
                missing_secret_values(&back),
                "{}",
                preset.id
            );
        }
    }

    #[test]
    fn a_secret_files_content_stays_out_of_a_link_and_is_asked_for_again() {
        use crate::spec::{ConfigFile, Volume, VolumeKind};
        let mut spec = AppSpec::default();
        spec.volumes.push(Volume {
            name: "certs".into(),
            kind: VolumeKind::SecretFiles,
            files: vec![ConfigFile {
                name: "tls.key".into(),
                content: "KEY-MATERIAL".into(),
            }],
            ..Volume::default()
        });
        let payload = encode(&spec);
        let back = decode(&payload).unwrap();
        assert!(!crate::spec_to_json(&back).contains("KEY-MATERIAL"));
        assert_eq!(back.volumes[0].files[0].name, "tls.key");
        let missing = missing_secret_values(&back);
        assert_eq!(missing, ["the secret file certs/tls.key"]);
        assert!(reenter_sentence(&missing).contains("certs/tls.key in the volumes tab"));
    }

    #[test]
    fn the_reenter_sentence_names_the_tabs() {
        let s = |items: &[&str]| {
            reenter_sentence(&items.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(
            s(&["A", "B"]),
            "Secret values are never stored or shared: re-enter A, B in the secrets tab."
        );
        assert_eq!(
            s(&["A", DATABASE_PASSWORD]),
            "Secret values are never stored or shared: re-enter A in the secrets tab, and the database password in the database tab."
        );
        assert_eq!(
            s(&[DATABASE_PASSWORD, DATABASE_ADMIN_PASSWORD]),
            "Secret values are never stored or shared: re-enter the database password, the database superuser password in the database tab."
        );
    }

    #[test]
    fn damaged_or_hostile_links_get_a_message() {
        assert!(decode("#s=***").unwrap_err().contains("not base64url"));
        assert!(decode("#s=AAAA").unwrap_err().contains("cannot inflate"));
        // A deflate bomb: 20 MB of spaces compress to a few KB.
        let mut encoder =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&vec![b' '; 20 << 20]).unwrap();
        let bomb =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(encoder.finish().unwrap());
        assert!(decode(&bomb).unwrap_err().contains("more than 1 MB"));
        // Secret values in a hand-made link are not taken.
        let mut spec = AppSpec::default();
        spec.secrets
            .push(crate::spec::EnvEntry::new("TOKEN", "s3cret"));
        let json = crate::spec_to_json(&spec);
        let mut encoder =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(json.as_bytes()).unwrap();
        let link =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(encoder.finish().unwrap());
        assert_eq!(decode(&link).unwrap().secrets[0].value, "");
    }
}
