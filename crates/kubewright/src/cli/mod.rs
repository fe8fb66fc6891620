//! The subcommands and their arguments, and [`run`], which does any one of them.

mod check;
mod files;
mod source;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use kubewright::import::{self, ReportItem, SplitRule};
use kubewright::presets::PRESETS;
use kubewright::render::{commands_for, commands_text, ApplyFrom};
use kubewright::seal::SealStatus;
use kubewright::{export, AppSpec, Rendered};

use source::SpecArgs;

/// Kubewright's core on the command line: an app spec -> Kubernetes manifests and the commands that
/// apply them, exactly as the page shows them.
///
/// A spec file goes through the same gate as a link in the page: objects the form does not model are
/// held (named on stderr, left out of the output) unless --include-kept includes them all.
#[derive(Parser)]
#[command(name = "kubewright", version, arg_required_else_help = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the multi-document YAML the page shows, or write one file per object with --out
    Render {
        #[command(flatten)]
        spec: SpecArgs,
        /// Write one file per object into DIR (created if missing), named as the page names them,
        /// and print the paths written
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Print the commands that apply the manifests, in the order they must run
    Commands {
        #[command(flatten)]
        spec: SpecArgs,
        /// How the manifests were saved: one file per object (`render --out`), all in
        /// manifests.yaml (`render > manifests.yaml`), or the zip's folder (`export --zip`)
        #[arg(long = "for", value_enum, default_value_t = SavedAs::Files)]
        saved_as: SavedAs,
    },
    /// Print the spec as JSON (the spec file format)
    Spec {
        #[command(flatten)]
        spec: SpecArgs,
    },
    /// List the preset ids and titles
    Presets,
    /// Print one `error|warning <field path>: <message>` line per issue; exit 1 on any error
    Check {
        #[command(flatten)]
        spec: SpecArgs,
    },
    /// Print the validation rules as a Markdown table
    Rules,
    /// Turn Kubernetes manifests or a docker-compose file into a spec: the JSON on stdout, the
    /// report (kept as-is / dropped / adjusted) on stderr
    Import {
        /// The manifests or compose file, or - for standard input
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Write the page's zip download or a Helm chart
    Export {
        #[command(flatten)]
        spec: SpecArgs,
        #[command(flatten)]
        to: ExportTo,
    },
}

#[derive(Args)]
#[group(required = true, multiple = false)]
struct ExportTo {
    /// The page's zip download (a kustomize folder) into this file
    #[arg(long, value_name = "OUT.zip")]
    zip: Option<PathBuf>,
    /// A Helm chart into this folder
    #[arg(long, value_name = "DIR")]
    chart: Option<PathBuf>,
}

/// Runs one invocation: its exit code, or a message for stderr (the caller exits 2).
pub fn run(cli: Cli) -> Result<ExitCode, String> {
    let text = match cli.command {
        Command::Render { spec, out: None } => rendered(&spec)?.all,
        Command::Render {
            spec,
            out: Some(dir),
        } => {
            let files = rendered(&spec)?.files;
            files::write_all(
                &dir,
                files.iter().map(|f| (f.name.as_str(), f.yaml.as_str())),
            )?
        }
        Command::Commands { spec, saved_as } => {
            let rendered = rendered(&spec)?;
            match saved_as {
                SavedAs::Files => commands_text(&rendered.commands),
                SavedAs::All => commands_text(&rendered.commands_all),
                SavedAs::Zip => zip_commands(&spec.load()?),
            }
        }
        Command::Spec { spec } => kubewright::spec_to_json(&spec.load()?),
        Command::Presets => PRESETS
            .iter()
            .map(|p| format!("{}\t{}\n", p.id, p.title))
            .collect(),
        Command::Check { spec } => return Ok(check::check(&spec)),
        Command::Rules => check::rules_table(),
        Command::Import { file } => import(&file)?,
        Command::Export { spec, to } => export(&spec.load()?, &to)?,
    };
    write_stdout(&text);
    Ok(ExitCode::SUCCESS)
}

// A certificate that cannot be used is an error here: the page shows it beside the field instead.
fn rendered(spec: &SpecArgs) -> Result<Rendered, String> {
    let rendered = kubewright::render(&spec.load()?);
    match &rendered.seal {
        SealStatus::Failed(message) => Err(format!("cannot seal: {message}")),
        _ => Ok(rendered),
    }
}

/// How the manifests were saved, for `commands --for`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum SavedAs {
    Files,
    All,
    Zip,
}

// The zip's README commands: its folder applied with `kubectl apply -k`.
fn zip_commands(spec: &AppSpec) -> String {
    let folder = export::folder_name(spec);
    let objects = kubewright::k8s::objects_layout(spec);
    commands_text(&commands_for(spec, &objects, ApplyFrom::Kustomize(&folder)))
}

// stdout holds only the spec JSON, so it stays a valid spec file; the report goes to stderr.
fn import(path: &Path) -> Result<String, String> {
    let text = files::read(path)?;
    let imported = import::import(&text, &SplitRule::default())
        .map_err(|e| format!("{}: {e}", files::name(path)))?;
    report(&imported.report);
    Ok(kubewright::spec_to_json(&imported.spec))
}

fn export(spec: &AppSpec, to: &ExportTo) -> Result<String, String> {
    match (&to.zip, &to.chart) {
        (Some(out), _) => {
            let bytes = export::zip(&export::folder_name(spec), &export::kustomize::bundle(spec))?;
            std::fs::write(out, &bytes)
                .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            Ok(format!("wrote {} ({} bytes)\n", out.display(), bytes.len()))
        }
        (None, Some(dir)) => {
            let files = export::helm::chart(spec);
            files::write_all(
                dir,
                files.iter().map(|f| (f.path.as_str(), f.contents.as_str())),
            )
        }
        // clap requires one of the two; said here too so no path panics.
        (None, None) => Err("export needs --zip OUT.zip or --chart DIR".into()),
    }
}

/// What the import and the spec-file gate say about each object: one stderr line per item, such as
/// `kubewright: dropped: Secret/web-extra (...)`.
fn report(items: &[ReportItem]) {
    for item in items {
        eprintln!(
            "kubewright: {}: {} ({})",
            item.status.as_str(),
            item.path,
            item.note
        );
    }
}

fn write_stdout(text: &str) {
    // A closed pipe (`kubewright render | head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(text.as_bytes());
}
