//! Helpers the test modules share.

use std::io::Write;
use std::process::{Command, Stdio};

use kubewright::presets::Preset;
use kubewright::AppSpec;
use serde::Deserialize;
use serde_yaml::Value;

/// A preset's spec, by id.
pub fn preset(id: &str) -> AppSpec {
    Preset::find(id).unwrap().spec().unwrap()
}

/// The documents of a YAML stream, parsed by serde_yaml (panics, with the text, if one does not).
pub fn documents(yaml: &str) -> Vec<Value> {
    serde_yaml::Deserializer::from_str(yaml)
        .map(|doc| {
            Value::deserialize(doc).unwrap_or_else(|e| panic!("YAML does not parse: {e}\n{yaml}"))
        })
        .collect()
}

/// Runs the command line: exit code, stdout, stderr.
pub fn kubewright(args: &[&str]) -> (i32, String, String) {
    kubewright_reading(args, "")
}

/// Runs the command line with `input` on its standard input.
pub fn kubewright_reading(args: &[&str], input: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kubewright"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that does not read its input may exit first: a closed pipe is fine then.
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The article's preset with the secrets it leaves to the user typed in: the values the 2018
/// article published (public, so for tests only), the shape of a form a user has completed.
pub fn article() -> AppSpec {
    let mut spec = preset("phoenix-article");
    for entry in &mut spec.secrets {
        entry.value = match entry.name.as_str() {
            "ERLANG_COOKIE" => "cookie".into(),
            "SECRET_KEY_BASE" => {
                "fzBk8OEcI8thGxlypWPUqfR2w2WopdN8v8pmpuy2JNj2eerbYFnlecuVMrFPGYnW".into()
            }
            _ => std::mem::take(&mut entry.value),
        };
    }
    spec
}

/// The article's app with its `DATABASE_URL` typed into the secrets, as the 2018 article wrote it,
/// and no database set up here (the preset itself now installs its PostgreSQL): the shape many
/// tests of the Secret and its commands were written against.
pub fn article_with_typed_url() -> AppSpec {
    let mut spec = article();
    let url = spec.database_url().unwrap();
    spec.database = kubewright::spec::Database::default();
    spec.secrets
        .insert(0, kubewright::spec::EnvEntry::new("DATABASE_URL", &url));
    spec
}

/// What manifests carry of a spec: all of it but the settings that live only in the commands (the
/// Helm chart's image flags), which an import cannot see.
pub fn manifest_part(mut spec: AppSpec) -> AppSpec {
    spec.database.legacy_image = false;
    spec
}
