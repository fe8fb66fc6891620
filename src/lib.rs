//! Kubewright's browser UI. The spec lives in one signal; everything shown is derived from it by the
//! core crate's pure functions, inside memos. Components only bind fields and show results.

pub mod panic_banner;
mod takeover;
pub mod ui;

/// Installs the panic banner and mounts the app on `<body>`, taking over the first screen the build
/// prerendered there, if any.
pub fn mount() {
    panic_banner::install();
    takeover::mount(ui::App);
}
