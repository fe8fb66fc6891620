//! Writes generated valid specs as JSON files, for the external validators (tests/oracles):
//! `cargo run -p kubewright --features testgen --example generate-specs -- OUT_DIR COUNT [SEED]`.
//! The same seed gives the same specs, so a failure can be reproduced.

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: generate-specs OUT_DIR COUNT [SEED]";
    let dir = args.first().ok_or(usage)?;
    let count: usize = args.get(1).ok_or(usage)?.parse().map_err(|_| usage)?;
    let seed: u64 = args
        .get(2)
        .map(|s| s.parse().map_err(|_| usage))
        .transpose()?
        .unwrap_or(1);
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = kubewright::testgen::valid_spec();
    for i in 0..count {
        let spec = strategy
            .new_tree(&mut runner)
            .map_err(|e| e.to_string())?
            .current();
        let path = format!("{dir}/generated-{i:03}.json");
        std::fs::write(&path, kubewright::spec_to_json(&spec)).map_err(|e| e.to_string())?;
    }
    println!("wrote {count} specs to {dir} (seed {seed})");
    Ok(())
}
