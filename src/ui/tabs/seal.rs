//! Sealing in the `secrets` tab: the sealed-secrets certificate and scope, what became of them, and
//! the banner above the YAML when the Secret had to be left out.
//!
//! Sealing is randomized, and the page renders on every keystroke. The one [`Sealer`] lives as long
//! as the page and remembers each value's sealed text, so typing in one value changes only that
//! value's line; the other lines stay as they were (no flicker, and a diff against a committed
//! SealedSecret shows only what really changed within one visit).

use std::sync::{Arc, Mutex};

use kubewright::seal::{OsSealer, SealStatus};
use kubewright::spec::{AppSpec, SealScope};
use kubewright::validate::Severity;
use kubewright::Rendered;
use leptos::prelude::*;

use super::fields::{FieldIssues, SelectField};
use crate::ui::teach::explain::Explain;
use crate::ui::use_ui;

/// The page's sealer (the browser's CSPRNG), shared by the render memo.
pub type SharedSealer = Arc<Mutex<OsSealer>>;

pub fn shared_sealer() -> SharedSealer {
    Arc::new(Mutex::new(OsSealer::default()))
}

/// Renders with the shared sealer. A poisoned lock (a panic mid-render) still holds a usable cache.
pub fn render(spec: &AppSpec, sealer: &SharedSealer) -> Rendered {
    let mut sealer = sealer.lock().unwrap_or_else(|e| e.into_inner());
    kubewright::render::render_with(spec, &mut *sealer)
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
                    let (class, text) = match status.get() {
                        SealStatus::Off => ("hint", "Not sealed: a plain Secret is written.".to_owned()),
                        SealStatus::Sealed(key) => ("hint ok", format!("Sealing with the {key}.")),
                        SealStatus::Failed(_) => return None,
                    };
                    Some(view! { <span class=class data-testid="seal-status">{text}</span> })
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

/// Above the YAML: the Secret was left out because sealing was asked for and failed.
#[component]
pub fn SealBanner() -> impl IntoView {
    let rendered = use_ui().rendered;
    move || {
        rendered.with(|r| match &r.seal {
            SealStatus::Failed(message) => Some(view! {
                <div class="input-errors" role="alert" data-testid="seal-banner">
                    <strong>"No Secret in the output: "</strong>
                    "sealing was asked for (secrets tab) but cannot be done. "
                    {message.clone()}
                </div>
            }),
            _ => None,
        })
    }
}
