//! Writes every preset's YAML after all its one-click fixes, for the best-practice scanner
//! (tests/oracles/checkov.sh): `cargo run -p kubewright --example fixed-presets -- OUT_DIR`.

fn main() -> Result<(), String> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: fixed-presets OUT_DIR")?;
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    for preset in kubewright::presets::PRESETS {
        let mut spec = preset.spec()?;
        // A fix can make another issue appear (or go): apply until none is left, a few rounds at most.
        for _ in 0..8 {
            let fixes: Vec<_> = kubewright::validate::validate(&spec)
                .into_iter()
                .filter_map(|i| i.fix)
                .collect();
            if fixes.is_empty() {
                break;
            }
            for fix in fixes {
                fix.apply(&mut spec);
            }
        }
        let path = format!("{dir}/{}.yaml", preset.id);
        std::fs::write(&path, kubewright::render(&spec).all).map_err(|e| e.to_string())?;
        println!("{path}");
    }
    Ok(())
}
