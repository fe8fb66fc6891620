//! The `secrets` tab: secret variables (-> the Secret, base64-encoded here in the page).

use kubewright::spec::AppSpec;
use leptos::prelude::*;

use super::env::EntryList;
use super::use_ui;

#[component]
pub fn SecretsTab() -> impl IntoView {
    view! {
        <h2>"Secrets"</h2>
        <p class="intro">
            "Passwords, keys and URLs with credentials. They go into the Secret "
            <code>{move || use_ui().spec.with(AppSpec::secret_name)}</code>
            ", base64-encoded right here in your browser, and reach the container through envFrom. "
            "Base64 is an encoding, not encryption: anyone with the file can read the values, so do not commit secret.yaml."
        </p>
        <EntryList list=|s| &s.secrets list_mut=|s| &mut s.secrets field="secrets" prefix="secret" masked=true />
    }
}
