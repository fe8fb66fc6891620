//! `kubewright`: the same core on the command line.
//!
//! ```text
//! kubewright render   --preset ID | --spec FILE.json   the multi-document YAML the page shows
//! kubewright commands --preset ID | --spec FILE.json   the commands, in order
//! kubewright spec     --preset ID | --spec FILE.json   the spec as JSON
//! kubewright presets                                   the preset ids
//! kubewright check    --preset ID | --spec FILE.json   one line per issue; exit 1 on any error
//! kubewright rules                                     the validation rules as a Markdown table
//! kubewright import FILE                               manifests or a docker-compose file -> spec JSON
//! kubewright export (--preset ID | --spec FILE.json) --zip OUT.zip | --chart DIR
//!                                                      the page's zip download, or a Helm chart
//!
//! render and commands also take --seal-cert CERT.pem [--seal-scope strict|namespace-wide|cluster-wide]:
//! the Secret is then sealed into a SealedSecret with the sealed-secrets controller's certificate.
//!
//! A spec file goes through the same gate as a link in the page: objects the form does not model are
//! held (listed on stderr, left out of the output) unless --include-kept includes them all.
//! ```

use crate::presets::{self, Preset};
use crate::seal::SealStatus;
use crate::spec::{AppSpec, SealScope};

pub const USAGE: &str = "usage: kubewright render|commands|spec|check (--preset ID | --spec FILE.json)\n                  [--seal-cert CERT.pem [--seal-scope strict|namespace-wide|cluster-wide]] [--include-kept]\n       kubewright presets|rules\n       kubewright import FILE.yaml\n       kubewright export (--preset ID | --spec FILE.json) (--zip OUT.zip | --chart DIR)";

/// Runs one CLI invocation: `Ok(stdout)` or `Err(message)` for stderr and a non-zero exit.
pub fn run(args: &[String]) -> Result<String, String> {
    let (command, rest) = args.split_first().ok_or_else(|| USAGE.to_string())?;
    match command.as_str() {
        "presets" if rest.is_empty() => Ok(presets::PRESETS
            .iter()
            .map(|p| format!("{}\t{}\n", p.id, p.title))
            .collect()),
        "render" => Ok(sealed(crate::render(&load(rest)?))?.all),
        "commands" => Ok(sealed(crate::render(&load(rest)?))?.commands_text()),
        "spec" => Ok(crate::spec_to_json(&load(rest)?)),
        "rules" if rest.is_empty() => Ok(rules_table()),
        "import" => crate::cli_io::import(rest),
        "export" => crate::cli_io::export(rest, load),
        "-h" | "--help" | "help" => Ok(format!("{USAGE}\n")),
        _ => Err(USAGE.to_string()),
    }
}

// A certificate that cannot be used is an error here: the page shows it beside the field instead.
fn sealed(rendered: crate::Rendered) -> Result<crate::Rendered, String> {
    match &rendered.seal {
        SealStatus::Failed(message) => Err(format!("cannot seal: {message}")),
        _ => Ok(rendered),
    }
}

// Exactly one of `--preset ID` or `--spec FILE`, then optionally `--seal-cert FILE` and `--seal-scope`.
fn load(args: &[String]) -> Result<AppSpec, String> {
    let (source, mut rest) = args.split_at(args.len().min(2));
    let mut spec = load_spec(source)?;
    let mut scope = None;
    loop {
        let (flag, value, more) = match rest {
            [] => break,
            [flag, more @ ..] if flag == "--include-kept" => {
                for kept in &mut spec.extra {
                    kept.include = true;
                }
                rest = more;
                continue;
            }
            [flag, value, more @ ..] => (flag, value, more),
            _ => return Err(USAGE.to_string()),
        };
        match flag.as_str() {
            "--seal-cert" => {
                spec.secret_options.seal.cert = std::fs::read_to_string(value)
                    .map_err(|e| format!("cannot read {value}: {e}"))?;
                if !spec.secret_options.seal.enabled() {
                    return Err(format!("{value} is empty: it should hold the certificate that `kubeseal --fetch-cert` prints"));
                }
            }
            "--seal-scope" => {
                scope = Some(SealScope::parse(value).ok_or_else(|| {
                    format!("unknown seal scope {value:?}; choose one of: strict, namespace-wide, cluster-wide")
                })?)
            }
            _ => return Err(USAGE.to_string()),
        }
        rest = more;
    }
    if !rest.is_empty() {
        return Err(USAGE.to_string());
    }
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

fn load_spec(args: &[String]) -> Result<AppSpec, String> {
    match args {
        [flag, id] if flag == "--preset" => Preset::find(id)
            .ok_or_else(|| {
                format!(
                    "unknown preset {id:?}; choose one of: {}",
                    presets::ids().join(", ")
                )
            })?
            .spec(),
        [flag, path] if flag == "--spec" => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            let spec = crate::spec_from_json(&text)
                .map_err(|e| format!("{path} is not a valid spec: {e}"))?;
            // What a file holds is someone's word: through the gate, its notes on stderr.
            let (spec, notes) = crate::kept::admit(spec, crate::kept::Origin::CommandLine);
            for note in notes {
                eprintln!(
                    "kubewright: {}: {} ({})",
                    note.status.as_str(),
                    note.path,
                    note.note
                );
            }
            Ok(spec)
        }
        _ => Err(USAGE.to_string()),
    }
}

/// `kubewright check`: the page's verdict, one `error|warning <path>: <message>` line per issue, and
/// the exit code: 1 when there is any error (an unreadable or unparsable spec is one), else 0.
pub fn check(args: &[String]) -> (String, i32) {
    let spec = match load(args) {
        Ok(spec) => spec,
        Err(message) if message == USAGE => return (format!("{USAGE}\n"), 2),
        Err(message) => return (format!("error spec: {message}\n"), 1),
    };
    let issues = crate::validate::validate(&spec);
    let mut text: String = issues
        .iter()
        .map(|i| format!("{} {}: {}\n", i.severity.as_str(), i.path, i.message))
        .collect();
    let verdict = crate::validate::Verdict::of(&issues);
    if verdict.dangerous > 0 {
        text.push_str(&format!("{}\n", verdict.headline()));
    }
    let code = i32::from(crate::validate::error_count(&issues) > 0);
    (text, code)
}

/// Every validation rule: id, severity and the upstream rule it mirrors (the README's table).
fn rules_table() -> String {
    let mut out = String::from("| rule | severity | mirrors |\n|---|---|---|\n");
    for rule in crate::validate::RULES {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            rule.id,
            rule.severity.as_str(),
            rule.upstream
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        ));
    }
    out
}
