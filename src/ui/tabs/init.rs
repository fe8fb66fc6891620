//! Containers that run before the app's (shown on the database tab, beside the database they wait
//! for): the wait for the database.

use leptos::prelude::*;

use super::fields::{CheckField, TextField};
use crate::ui::use_ui;

#[component]
pub fn InitSection() -> impl IntoView {
    let spec = use_ui().spec;
    let on = Memo::new(move |_| spec.with(|s| s.init.wait_for_database));
    view! {
        <fieldset>
            <legend>"Wait for the database"</legend>
            <p class="intro">
                "The database and the app start together on a first install; an app that cannot "
                "connect at boot crashes and backs off for up to five minutes. An init container "
                "running pg_isready holds the app's container (and the Jobs') until PostgreSQL "
                "accepts connections."
            </p>
            <CheckField label="Wait for the database (init container)" path="init.wait_for_database"
                testid="init-wait"
                get=Signal::derive(move || on.get())
                set=move |v| spec.update(|s| s.init.wait_for_database = v) />
            <Show when=move || on.get()>
                <TextField label="Image" path="init.wait_image" testid="init-wait-image"
                    hint="Small and pinned, with pg_isready in it; runs as uid 70, read-only."
                    get=Signal::derive(move || spec.with(|s| s.init.wait_image.clone()))
                    set=move |v: String| spec.update(|s| s.init.wait_image = v) />
                <TextField label="Host" path="init.wait_host" testid="init-wait-host"
                    placeholder="the database's Service"
                    hint="Empty waits for the database set up above; port 5432."
                    get=Signal::derive(move || spec.with(|s| s.init.wait_host.clone()))
                    set=move |v: String| spec.update(|s| s.init.wait_host = v) />
            </Show>
        </fieldset>
    }
}
