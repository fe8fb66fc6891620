//! Sealing in the `secrets` tab: the sealed-secrets certificate and scope, what became of them, and
//! the banner above the YAML when the Secret had to be left out.
//!
//! Sealing is randomized, and the page renders on every keystroke. The one sealer lives as long
//! as the page and remembers each value's sealed text, so typing in one value changes only that
//! value's line; the other lines stay as they were (no flicker, and a diff against a committed
//! SealedSecret shows only what really changed within one visit).
//!
//! The sealer (RSA-OAEP and AES-GCM) is a part fetched on first use (`src/ui/lazy.rs`): in idle
//! time once the page runs, or when a certificate is pasted. Until it has come the page renders
//! with [`NotLoaded`] (neither a plain Secret nor an empty SealedSecret) and says it is loading.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use kubewright::seal::{NotLoaded, Seal, SealStatus};
use kubewright::spec::{AppSpec, SealScope};
use kubewright::validate::Severity;
use kubewright::Rendered;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::fields::{FieldIssues, SelectField};
use crate::ui::lazy;
use crate::ui::teach::explain::Explain;
use crate::ui::use_ui;

/// Where the sealing part is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealPart {
    /// Not asked for yet.
    Waiting,
    Loading,
    Ready,
    /// Could not be fetched: why. Asked for again only by the "Try again" button.
    Failed(String),
}

/// The page's sealer (the browser's CSPRNG) once its part has come, shared by the render memo.
#[derive(Default)]
pub struct SharedSealer {
    sealer: Mutex<Option<Box<dyn Seal + Send>>>,
    /// A fetch was started: the memo asks once, however often it runs; after a failure only
    /// [`SharedSealer::retry`] (the banner's button) asks again.
    asked: AtomicBool,
}

impl SharedSealer {
    /// A build without the split (the wasm tests, a native build) has the sealer from the start.
    /// (Not `cfg!`: the sealer must not be named in the split page's own module at all.)
    pub fn new() -> (Arc<Self>, SealPart) {
        let shared = Arc::new(SharedSealer::default());
        #[cfg(not(feature = "split"))]
        {
            *shared.sealer.lock().unwrap_or_else(|e| e.into_inner()) = Some(lazy::os_sealer());
            shared.asked.store(true, Ordering::Relaxed);
            (shared, SealPart::Ready)
        }
        #[cfg(feature = "split")]
        (shared, SealPart::Waiting)
    }

    /// Renders with the sealer, or with [`NotLoaded`] before it has come; says whether sealing is
    /// asked for and the sealer is missing. A poisoned lock (a panic mid-render) still holds a
    /// usable cache.
    pub fn render(&self, spec: &AppSpec) -> (Rendered, bool) {
        let mut sealer = self.sealer.lock().unwrap_or_else(|e| e.into_inner());
        match sealer.as_mut() {
            Some(sealer) => (kubewright::render::render_with(spec, &mut **sealer), false),
            None => (
                kubewright::render::render_with(spec, &mut NotLoaded),
                spec.secret_options.seal.enabled(),
            ),
        }
    }

    /// Fetches the sealing part unless it was asked for already; `part` follows it (and the render
    /// memo follows `part`).
    pub fn load(self: &Arc<Self>, part: RwSignal<SealPart>) {
        if self.asked.swap(true, Ordering::Relaxed) {
            return;
        }
        let shared = Arc::clone(self);
        spawn_local(async move {
            part.set(SealPart::Loading);
            match lazy::sealer().await {
                Ok(sealer) => {
                    *shared.sealer.lock().unwrap_or_else(|e| e.into_inner()) = Some(sealer);
                    part.set(SealPart::Ready);
                }
                Err(e) => part.set(SealPart::Failed(e.to_string())),
            }
        });
    }

    /// Fetches the sealing part again after a failure.
    pub fn retry(self: &Arc<Self>, part: RwSignal<SealPart>) {
        if matches!(part.get_untracked(), SealPart::Failed(_)) {
            self.asked.store(false, Ordering::Relaxed);
        }
        self.load(part);
    }
}

const CERT_PATH: &str = "secret_options.seal.cert";

#[component]
pub fn SealSection() -> impl IntoView {
    let ui = use_ui();
    let spec = ui.spec;
    let status = Memo::new(move |_| ui.rendered.with(|r| r.seal.clone()));
    // The box is marked by its own issue only (a missing namespace is the scope's issue).
    let invalid = Memo::new(move |_| {
        ui.issues.with(|all| {
            all.iter()
                .any(|i| i.path == CERT_PATH && i.severity == Severity::Error)
        })
    });
    view! {
        <fieldset class="seal">
            <legend>"Seal for git (SealedSecret)"</legend>
            <p class="intro">
                "With Bitnami's sealed-secrets controller in your cluster, paste its public certificate "
                "(" <code>"kubeseal --fetch-cert > cert.pem"</code> " prints it). The page then encrypts each value "
                "to that certificate, right here, and writes a SealedSecret instead of the Secret: safe to commit, "
                "since only the controller can decrypt it. Clear the box to go back to a plain Secret."
            </p>
            <label class="field" class:invalid=invalid>
                <span class="label">"Controller certificate (PEM)"<Explain path=CERT_PATH.to_string() label="Controller certificate" /></span>
                <textarea
                    rows="5"
                    spellcheck="false"
                    autocomplete="off"
                    placeholder="-----BEGIN CERTIFICATE-----"
                    data-testid="seal-cert"
                    data-path=CERT_PATH
                    aria-invalid=move || invalid.get().to_string()
                    prop:value=move || spec.with(|s| s.secret_options.seal.cert.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        spec.update(|s| s.secret_options.seal.cert = text);
                    }
                ></textarea>
                // Why a certificate cannot be used is a validation issue (rule seal-certificate).
                <FieldIssues path=CERT_PATH />
                {move || {
                    let (class, text) = match (status.get(), ui.sealing.get()) {
                        (SealStatus::Off, _) => ("hint", "Not sealed: a plain Secret is written.".to_owned()),
                        (SealStatus::Sealed(key), _) => ("hint ok", format!("Sealing with the {key}.")),
                        (SealStatus::Failed(_), SealPart::Waiting | SealPart::Loading) => {
                            ("hint", "Loading the sealing code…".to_owned())
                        }
                        (SealStatus::Failed(_), _) => return None,
                    };
                    let busy = text.starts_with("Loading").then_some("true");
                    Some(view! { <span class=class aria-busy=busy data-testid="seal-status">{text}</span> })
                }}
            </label>
            <SelectField
                label="Scope"
                path="secret_options.seal.scope"
                testid="seal-scope"
                options=SealScope::ALL.to_vec()
                name=SealScope::name
                hint="strict: only this Secret name in this namespace can be made from it. namespace-wide: any name in this namespace. cluster-wide: anywhere."
                get=Signal::derive(move || spec.with(|s| s.secret_options.seal.scope))
                set=move |v| spec.update(|s| s.secret_options.seal.scope = v)
            />
        </fieldset>
    }
}

/// Above the YAML: the Secret left out while the sealing part comes (said as a status), or because
/// sealing was asked for and failed (an alert; for a part that could not be fetched, with a button
/// that fetches it again).
#[component]
pub fn SealBanner() -> impl IntoView {
    let ui = use_ui();
    move || {
        let part = ui.sealing.get();
        ui.rendered.with(|r| match (&r.seal, part) {
            (SealStatus::Failed(_), SealPart::Waiting | SealPart::Loading) => Some(view! {
                <div class="notice" role="status" aria-busy="true" data-testid="seal-loading">
                    <strong>"Sealing: "</strong>
                    "loading the sealing code; the SealedSecret follows in a moment."
                </div>
            }.into_any()),
            (SealStatus::Failed(_), SealPart::Failed(why)) => Some(view! {
                <div class="input-errors" role="alert" data-testid="seal-banner">
                    <strong>"No Secret in the output: "</strong>
                    {format!("sealing was asked for (secrets tab) but its code could not be loaded: {why}. ")}
                    <button type="button" data-testid="seal-retry" on:click=move |_| ui.retry_sealer()>"Try again"</button>
                </div>
            }.into_any()),
            (SealStatus::Failed(message), _) => Some(view! {
                <div class="input-errors" role="alert" data-testid="seal-banner">
                    <strong>"No Secret in the output: "</strong>
                    "sealing was asked for (secrets tab) but cannot be done. "
                    {message.clone()}
                </div>
            }.into_any()),
            _ => None,
        })
    }
}
