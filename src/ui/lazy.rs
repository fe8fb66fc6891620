//! The parts of the page fetched when first used (every Trunk build splits them into wasm files of
//! their own: `split` feature, scripts/split.sh): the zip and chart export, the importer, the
//! sealer. Each is a plain function here; a build without the feature (the wasm tests, a native
//! build) calls it directly.

use kubewright::export::{self, helm, kustomize};
use kubewright::import::{self, ImportError, Imported, SplitRule};
use kubewright::seal::{OsSealer, Seal};
use kubewright::spec::AppSpec;

use super::Ui;

/// Why a part could not be used: its file did not arrive (offline before it was fetched), or it
/// failed itself.
#[derive(Debug)]
pub struct PartError(pub String);

impl std::fmt::Display for PartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PartError {
    fn from(e: leptos::wasm_split::SplitLoaderError) -> Self {
        PartError(format!(
            "this part of the page could not be loaded ({e}); check the connection and try again"
        ))
    }
}

/// Fetches every part when the browser is first idle after the page has started, so that each then
/// works at once and offline. A failed fetch is not kept: the part's first use tries again.
pub fn prefetch(ui: Ui) {
    leptos::leptos_dom::helpers::request_idle_callback(move || {
        // The sealer is made at once (the render memo waits for it; see tabs/seal.rs).
        ui.load_sealer();
        leptos::task::spawn_local(async {
            // Each part's own first use says what went wrong, if it still cannot be fetched then.
            let _ = preload_bundle().await;
            let _ = preload_import().await;
        })
    });
}

/// Declares `pub async fn $name(args) -> Result<T, PartError>` whose body runs in the wasm part
/// `$part`, and `pub async fn $preload()` that fetches the part without running anything.
macro_rules! part {
    ($part:ident, $preload:ident, fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, preload($preload), fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$out, PartError> $body

        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$out, PartError> $body

        // (The sealer's is not called: the page makes the sealer itself in idle time.)
        #[cfg(not(feature = "split"))]
        #[allow(dead_code)]
        pub async fn $preload() -> Result<(), PartError> {
            Ok(())
        }
    };
}

part!(
    export,
    preload_bundle,
    fn bundle(spec: AppSpec, chart: bool) -> (String, Result<Vec<u8>, String>) {
        let folder = export::folder_name(&spec);
        Ok(if chart {
            (
                format!("{folder}-chart.zip"),
                export::zip(&folder, &helm::chart(&spec)),
            )
        } else {
            (
                format!("{folder}.zip"),
                export::zip(&folder, &kustomize::bundle(&spec)),
            )
        })
    }
);

part!(
    import,
    preload_import,
    fn read_import(text: String, rule: SplitRule) -> Result<Imported, ImportError> {
        Ok(import::import(&text, &rule))
    }
);

/// The page's sealer: RSA-OAEP and AES-GCM with the browser's CSPRNG.
pub fn os_sealer() -> Box<dyn Seal + Send> {
    Box::new(OsSealer::default())
}

part!(
    seal,
    preload_seal,
    fn sealer() -> Box<dyn Seal + Send> {
        Ok(os_sealer())
    }
);
