//! The `secrets` tab: secret variables (-> the Secret, base64-encoded here in the page, or sealed into a
//! SealedSecret), values generated from the browser's CSPRNG, and the stringData option.
//!
//! Values live only in the spec signal and the YAML: nothing here writes to storage, the URL or the
//! console, and the status lines name what was generated, never the value.

use kubewright::generate::Generated;
use kubewright::seal::SealStatus;
use kubewright::spec::{AppSpec, DatabaseKind};
use leptos::prelude::*;

use super::derived::DerivedSecrets;
use super::env::EntryList;
use super::seal::SealSection;
use crate::ui::use_ui;

#[component]
pub fn SecretsTab() -> impl IntoView {
    let ui = use_ui();
    let sealed = Memo::new(move |_| {
        ui.rendered
            .with(|r| matches!(r.seal, SealStatus::Sealed(_)))
    });
    view! {
        <h2>"Secrets"</h2>
        <p class="intro">
            "Passwords, keys and URLs with credentials. They go into the Secret "
            <code>{move || ui.spec.with(AppSpec::secret_name)}</code>
            ", encoded right here in your browser, and reach the container through envFrom. "
            "They are never stored, sent anywhere or put in the commands."
        </p>
        {move || if sealed.get() {
            view! {
                <p class="note ok" data-testid="secret-warning">
                    {move || if ui.spec.with(|s| s.database.kind == DatabaseKind::None) {
                        "Sealed: sealedsecret.yaml holds the values encrypted for your cluster's controller, and is safe to commit."
                    } else {
                        "Sealed: sealedsecret.yaml and database-sealedsecret.yaml (the database's password) hold the values encrypted for your cluster's controller, and are safe to commit."
                    }}
                </p>
            }.into_any()
        } else {
            view! {
                <p class="note warn" data-testid="secret-warning">
                    <strong>"Base64 is an encoding, not encryption: "</strong>
                    "anyone with secret.yaml can read every value. Do not commit it. "
                    "To keep secrets in git, seal them (below)."
                </p>
            }.into_any()
        }}
        <Generators />
        <EntryList list=|s| &s.secrets list_mut=secrets_mut field="secrets" prefix="secret" masked=true tools=secret_tools />
        <DerivedSecrets />
        <StringDataOption sealed />
        <SealSection />
    }
}

/// The secrets, for an edit: an edited secret must reach the pods, so the spec gets its random
/// checksum key first (see `SecretOptions::checksum_key`).
fn secrets_mut(spec: &mut AppSpec) -> &mut Vec<kubewright::spec::EnvEntry> {
    spec.ensure_checksum_key();
    &mut spec.secrets
}

/// One button per kind of generated secret: fills the first row that kind fits (e.g. RELEASE_COOKIE
/// or ERLANG_COOKIE for the cookie), or adds a row with the usual name.
#[component]
fn Generators() -> impl IntoView {
    let spec = use_ui().spec;
    let status = RwSignal::new(String::new());
    let generate = move |kind: Generated| {
        let value = kind.fresh();
        let length = value.chars().count();
        let name = spec
            .try_update(|s| {
                s.ensure_checksum_key();
                s.set_generated(kind, value)
            })
            .unwrap_or_default();
        status.set(format!(
            "{name}: {length} new random characters from your browser's cryptographic random generator."
        ));
    };
    view! {
        <div class="generators">
            <span class="label">"Generate:"</span>
            {Generated::ALL
                .into_iter()
                .map(|kind| view! {
                    <button type="button" class="small"
                        data-testid=format!("secret-generate-{}", kind.default_name().to_ascii_lowercase().replace('_', "-"))
                        title=hint(kind)
                        on:click=move |_| generate(kind)>
                        {kind.title()}
                    </button>
                })
                .collect_view()}
            <span class="status" role="status" aria-live="polite" data-testid="secret-generated">{status}</span>
        </div>
    }
}

fn hint(kind: Generated) -> &'static str {
    match kind {
        Generated::SecretKeyBase => {
            "64 characters, made like `mix phx.gen.secret`: Phoenix signs and encrypts cookies with it"
        }
        Generated::ErlangCookie => {
            "48 letters and digits: every node of the app must share it to form a cluster"
        }
        Generated::Password => "32 letters and digits: safe inside a DATABASE_URL as it is",
    }
}

/// After a row's value: its size once decoded, and a button that fills it from the CSPRNG with the
/// kind of value its name asks for.
fn secret_tools(i: usize) -> AnyView {
    let spec = use_ui().spec;
    // What a container sees: the value's UTF-8 bytes (what the base64 in the YAML decodes to).
    let bytes = Memo::new(move |_| spec.with(|s| s.secrets.get(i).map_or(0, |e| e.value.len())));
    let kind = Memo::new(move |_| {
        spec.with(|s| {
            s.secrets
                .get(i)
                .and_then(|e| Generated::for_variable(&e.name))
        })
    });
    view! {
        <span class="secret-tools">
            <span class="bytes" data-testid="secret-bytes">
                {move || match bytes.get() {
                    0 => "empty".to_string(),
                    1 => "1 byte".to_string(),
                    n => format!("{n} bytes"),
                }}
            </span>
            // Not for a key the app already has: a random one would not open its credentials.
            <button type="button" class="small" data-testid="secret-generate"
                hidden=move || kind.get().is_none()
                title=move || kind.get().map(|k| format!("Fill with a new random {}", k.title()))
                on:click=move |_| {
                    if let Some(kind) = kind.get_untracked() {
                        let value = kind.fresh();
                        spec.update(|s| if let Some(e) = secrets_mut(s).get_mut(i) { e.value = value });
                    }
                }>
                "generate"
            </button>
        </span>
    }
    .into_any()
}

#[component]
fn StringDataOption(sealed: Memo<bool>) -> impl IntoView {
    let spec = use_ui().spec;
    let on = Memo::new(move |_| spec.with(|s| s.secret_options.string_data));
    view! {
        <label class="check">
            <input type="checkbox" data-testid="secret-string-data"
                prop:checked=on
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    spec.update(|s| s.secret_options.string_data = checked);
                } />
            <span>"Write the values as plain text (" <code>"stringData"</code> ") instead of base64 (" <code>"data"</code> ")"</span>
        </label>
        {move || match (on.get(), sealed.get()) {
            (true, true) => Some(view! {
                <p class="hint" data-testid="secret-string-data-note">
                    "Ignored while sealing: a SealedSecret always holds encryptedData."
                </p>
            }.into_any()),
            (true, false) => Some(view! {
                <p class="note warn" data-testid="secret-string-data-note">
                    "The values are then readable as they are in secret.yaml and on screen; the API server "
                    "stores them base64-encoded in data, just the same. Handle the file like the passwords themselves."
                </p>
            }.into_any()),
            _ => None,
        }}
    }
}
