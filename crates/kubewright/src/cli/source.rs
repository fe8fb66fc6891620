//! Where a command's spec comes from: a preset, a spec file or standard input, then the sealing
//! certificate and the kept objects the user includes.

use std::path::PathBuf;

use clap::Args;
use kubewright::kept::{self, Origin};
use kubewright::presets::{self, Preset};
use kubewright::spec::{AppSpec, SealScope};

use super::files;

/// The spec a command works on.
#[derive(Args)]
pub struct SpecArgs {
    #[command(flatten)]
    from: SpecFrom,
    /// Seal the Secrets into SealedSecrets with the sealed-secrets controller's certificate (what
    /// `kubeseal --fetch-cert` prints)
    #[arg(long, value_name = "CERT.pem")]
    seal_cert: Option<PathBuf>,
    /// Who may unseal: strict (the default, as kubeseal), namespace-wide or cluster-wide
    #[arg(long, value_name = "SCOPE")]
    seal_scope: Option<String>,
    /// Include every kept object the spec file holds for review (`kubewright check` names what each
    /// can do)
    #[arg(long)]
    include_kept: bool,
}

#[derive(Args)]
#[group(required = true, multiple = false)]
struct SpecFrom {
    /// A preset (`kubewright presets` lists them)
    #[arg(long, value_name = "ID")]
    preset: Option<String>,
    /// A spec file (JSON), or - for standard input
    #[arg(long, value_name = "FILE.json")]
    spec: Option<PathBuf>,
}

impl SpecArgs {
    /// The spec with the flags applied; what the gate held or dropped is said on stderr.
    pub fn load(&self) -> Result<AppSpec, String> {
        let mut spec = self.from.load()?;
        if self.include_kept {
            for kept in &mut spec.extra {
                kept.include = true;
            }
        }
        if let Some(path) = &self.seal_cert {
            spec.secret_options.seal.cert = files::read(path)?;
            if !spec.secret_options.seal.enabled() {
                return Err(format!(
                    "{} is empty: it should hold the certificate that `kubeseal --fetch-cert` prints",
                    files::name(path)
                ));
            }
        }
        let scope = self.seal_scope.as_deref().map(scope).transpose()?;
        let held = spec.extra.iter().filter(|k| !k.include).count();
        if held > 0 {
            eprintln!("kubewright: {held} kept object(s) held for review and left out: pass --include-kept to include them (read them first: `kubewright check` names what each can do)");
        }
        if let Some(scope) = scope {
            if !spec.secret_options.seal.enabled() {
                return Err(
                    "--seal-scope needs --seal-cert (or a certificate in the spec file)".into(),
                );
            }
            spec.secret_options.seal.scope = scope;
        }
        Ok(spec)
    }
}

impl SpecFrom {
    fn load(&self) -> Result<AppSpec, String> {
        match (&self.preset, &self.spec) {
            (Some(id), _) => Preset::find(id)
                .ok_or_else(|| {
                    format!(
                        "unknown preset {id:?}; choose one of: {}",
                        presets::ids().join(", ")
                    )
                })?
                .spec(),
            (None, Some(path)) => {
                let spec = kubewright::spec_from_json(&files::read(path)?)
                    .map_err(|e| format!("{} is not a valid spec: {e}", files::name(path)))?;
                // What a file holds is someone's word: through the gate, its notes on stderr.
                let (spec, notes) = kept::admit(spec, Origin::CommandLine);
                super::report(&notes);
                Ok(spec)
            }
            // clap requires one of the two; said here too so no path panics.
            (None, None) => Err("give --preset ID or --spec FILE.json".into()),
        }
    }
}

fn scope(name: &str) -> Result<SealScope, String> {
    SealScope::parse(name).ok_or_else(|| {
        let names: Vec<&str> = SealScope::ALL.iter().map(|s| s.name()).collect();
        format!(
            "unknown seal scope {name:?}; choose one of: {}",
            names.join(", ")
        )
    })
}
