//! The CLI commands that read or write files other than a spec: `import` and `export`.

use crate::export;
use crate::import::{self, SplitRule};
use crate::spec::AppSpec;

/// `import FILE`: the spec JSON on stdout; the report on stderr-like lines is part of the output's
/// error channel only when nothing could be imported, so stdout stays a valid spec file.
pub fn import(args: &[String]) -> Result<String, String> {
    let [path] = args else {
        return Err(crate::cli::USAGE.to_string());
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let imported =
        import::import(&text, &SplitRule::default()).map_err(|e| format!("{path}: {e}"))?;
    for item in &imported.report {
        eprintln!(
            "kubewright: {}: {} ({})",
            item.status.as_str(),
            item.path,
            item.note
        );
    }
    Ok(crate::spec_to_json(&imported.spec))
}

/// `export (--preset ID | --spec FILE) (--zip OUT.zip | --chart DIR)`.
pub fn export(
    args: &[String],
    load: fn(&[String]) -> Result<AppSpec, String>,
) -> Result<String, String> {
    let usage = || crate::cli::USAGE.to_string();
    let (source, target) = match args {
        [a, b, c, d] => ([a.clone(), b.clone()], [c.clone(), d.clone()]),
        _ => return Err(usage()),
    };
    let spec = load(&source)?;
    match (target[0].as_str(), &target[1]) {
        ("--zip", out) => {
            let bytes = export::zip(
                &export::folder_name(&spec),
                &export::kustomize::bundle(&spec),
            )?;
            std::fs::write(out, &bytes).map_err(|e| format!("cannot write {out}: {e}"))?;
            Ok(format!("wrote {out} ({} bytes)\n", bytes.len()))
        }
        ("--chart", dir) => {
            let files = export::helm::chart(&spec);
            for file in &files {
                let path = std::path::Path::new(dir).join(&file.path);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
                }
                std::fs::write(&path, &file.contents)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            Ok(files
                .iter()
                .map(|f| format!("{dir}/{}\n", f.path))
                .collect())
        }
        _ => Err(usage()),
    }
}
