//! Golden tests: each preset's full YAML and commands, compared with the reviewed files in
//! tests/golden/. To re-bless after an intended change:
//!
//! ```text
//! KUBEWRIGHT_BLESS=1 cargo test -p kubewright --test tests golden   # rewrites the files
//! git diff crates/kubewright/tests/golden                      # review every line, then commit
//! ```

use std::path::PathBuf;

use kubewright::presets::PRESETS;

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

fn check(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("KUBEWRIGHT_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing {}: run with KUBEWRIGHT_BLESS=1 and review it",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from the golden file (re-bless with KUBEWRIGHT_BLESS=1 if intended)\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}

#[test]
fn every_preset_matches_its_golden_yaml_and_commands() {
    for preset in PRESETS {
        let rendered = kubewright::render(&preset.spec().unwrap());
        check(&format!("{}.yaml", preset.id), &rendered.all);
        check(
            &format!("{}.commands.sh", preset.id),
            &rendered.commands_text(),
        );
    }
}

#[test]
fn every_golden_file_belongs_to_a_preset() {
    // A renamed or deleted preset must take its golden files with it.
    for entry in std::fs::read_dir(golden_path("")).unwrap() {
        let file = entry.unwrap().file_name().into_string().unwrap();
        let id = file
            .trim_end_matches(".commands.sh")
            .trim_end_matches(".yaml");
        assert!(
            PRESETS.iter().any(|p| p.id == id),
            "{file} has no preset {id}"
        );
    }
}
