//! Downloads of the whole set: a zip for `kubectl apply -k`, a Helm chart (zipped), and a share link.

use kubewright::export;
use kubewright::share;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::ui::lazy::bundle;
use crate::ui::{browser, use_ui};

#[component]
pub fn ExportButtons() -> impl IntoView {
    let ui = use_ui();
    let status = RwSignal::new(String::new());
    let link = RwSignal::new(None::<String>);
    // Built on click only: zipping on every keystroke would cost for nothing. The zip writer and the
    // chart's templates are a part of their own (see `bundle`), fetched on the first click.
    let download = move |chart: bool| {
        let spec = ui.spec.get_untracked();
        // Unsealed secret values are in the files as base64 (in the chart: values.yaml, plain).
        let readable = export::holds_readable_secrets(&spec);
        status.set("Preparing the download…".to_owned());
        spawn_local(async move {
            let (name, bytes) = match bundle(spec, chart).await {
                Ok(made) => made,
                Err(e) => return status.set(format!("Could not prepare the download: {e}")),
            };
            status.set(
                match bytes.and_then(|b| browser::download_bytes(&name, &b, "application/zip")) {
                    Ok(()) if readable => format!(
                        "Downloaded {name}. It holds your secret values readably: keep it out of version control, or seal them first (secrets tab)."
                    ),
                    Ok(()) => format!("Downloaded {name}."),
                    Err(e) => format!("Could not download {name}: {e}"),
                },
            );
        });
    };
    let share_link = move |_| {
        let url = format!(
            "{}#{}{}",
            browser::page_url(),
            share::FRAGMENT_KEY,
            ui.spec.with(share::encode)
        );
        link.set(Some(url.clone()));
        // Secret entries and database passwords alike: the link names what to re-enter.
        let secrets = ui.spec.with(|s| share::secret_value_names(s).len());
        spawn_local(async move {
            let copied = browser::copy(url).await.is_ok();
            status.set(format!(
                "{}{}",
                if copied {
                    "Link copied. "
                } else {
                    "Link below. "
                },
                if secrets > 0 {
                    "It names the secrets, never their values."
                } else {
                    ""
                }
            ));
        });
    };
    view! {
        <div class="export">
            <button type="button" data-testid="download-zip" on:click=move |_| download(false)
                title="One file per object, kustomization.yaml and a README: kubectl apply -k">"Download zip"</button>
            <button type="button" data-testid="download-chart" on:click=move |_| download(true)
                title="Chart.yaml, values.yaml with the form's values, one template per object">"Download Helm chart"</button>
            <button type="button" data-testid="share-link" on:click=share_link
                title="The form in the link's #fragment, which browsers never send to a server">"Share link"</button>
            <span class="status" role="status" data-testid="export-status">{status}</span>
            {move || link.get().map(|url| view! {
                <input class="share-url" readonly data-testid="share-url" prop:value=url aria-label="Share link"
                    on:focus=move |ev| { event_target::<web_sys::HtmlInputElement>(&ev).select(); } />
            })}
        </div>
    }
}
