//! The page's wasm keeps the linker's relocations (`--emit-relocs`): the splitter (scripts/split.sh)
//! reads its call graph from them, and wasm-bindgen and wasm-opt drop them afterwards. Only for the
//! page's binary: the start-up module (crates/boot) and the tests are not split, and wasm-opt cannot
//! optimise a module that still has them.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=kubewright-web=--emit-relocs");
    }
}
