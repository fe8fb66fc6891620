//! Kubewright's browser UI. The spec lives in one signal; everything shown is derived from it by the
//! core crate's pure functions, inside memos. Components only bind fields and show results.

pub mod panic_banner;
pub mod ui;

/// Installs the panic banner and mounts the app on `<body>`.
pub fn mount() {
    panic_banner::install();
    leptos::mount::mount_to_body(ui::App);
}
