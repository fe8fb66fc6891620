//! Entry point of the wasm binary: only mounts the app.
fn main() {
    kubewright_web::mount();
}
