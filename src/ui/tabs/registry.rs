//! The private registry's login (part of the `image` tab): server, user and password become a
//! `kubernetes.io/dockerconfigjson` Secret, encoded here by the core, never a command line.

use leptos::prelude::*;

use super::fields::{CheckField, TextField};
use crate::ui::use_ui;

#[component]
pub fn RegistryFields() -> impl IntoView {
    let spec = use_ui().spec;
    let enabled = Memo::new(move |_| spec.with(|s| s.registry.enabled));
    view! {
        <fieldset>
            <legend>"Private registry"</legend>
            <CheckField
                label="Pull with a login (imagePullSecrets)"
                path="registry.enabled"
                testid="registry-enabled"
                hint="Adds the login Secret <name>-registry, made in this page: the password never goes on a command line."
                get=Signal::derive(move || enabled.get())
                set=move |v| spec.update(|s| s.registry.enabled = v)
            />
            {move || enabled.get().then(|| view! {
                <TextField
                    label="Server"
                    path="registry.server"
                    testid="registry-server"
                    placeholder="ghcr.io"
                    hint="The host the image is pulled from; https://index.docker.io/v1/ for Docker Hub."
                    get=Signal::derive(move || spec.with(|s| s.registry.server.clone()))
                    set=move |v| spec.update(|s| s.registry.server = v)
                />
                <TextField
                    label="User"
                    path="registry.username"
                    testid="registry-username"
                    get=Signal::derive(move || spec.with(|s| s.registry.username.clone()))
                    set=move |v| spec.update(|s| s.registry.username = v)
                />
                <TextField
                    label="Password or token"
                    path="registry.password"
                    testid="registry-password"
                    masked=true
                    hint="A read-only token is enough. Never stored, shared or put in the commands; sealed with the other secrets."
                    get=Signal::derive(move || spec.with(|s| s.registry.password.clone()))
                    set=move |v| spec.update(|s| s.registry.password = v)
                />
            })}
        </fieldset>
    }
}
