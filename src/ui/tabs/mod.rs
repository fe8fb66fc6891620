//! The form: one tab per spec module, named as the module (the tab, the module and the tests use
//! the same word), and the form controls they share.

mod app;
mod database;
mod env;
mod fields;
mod image;
mod ingress;
mod jobs;
mod labels;
mod port;
mod probes;
mod registry;
mod resources;
pub mod seal;
mod secrets;
mod security;
mod service;

use leptos::prelude::*;

use super::teach::learn;
use crate::ui::use_ui;

/// The form tabs, in the order a newcomer fills them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    App,
    Image,
    Env,
    Secrets,
    Port,
    Probes,
    Resources,
    Service,
    Ingress,
    Jobs,
    Security,
    Database,
}

impl Tab {
    pub const ALL: [Tab; 12] = [
        Tab::App,
        Tab::Image,
        Tab::Env,
        Tab::Secrets,
        Tab::Port,
        Tab::Probes,
        Tab::Resources,
        Tab::Service,
        Tab::Ingress,
        Tab::Jobs,
        Tab::Security,
        Tab::Database,
    ];

    /// The tab holding the field at a path: the path's first word, the spec module's name.
    pub fn of_path(path: &str) -> Tab {
        let head = path.split(['.', '[']).next().unwrap_or_default();
        let head = match head {
            "downward" | "pod_env" => "env",
            "clustering" => "service",
            "service_account" => "security",
            "network_policy" => "ingress",
            "registry" => "image",
            other => other,
        };
        Tab::ALL
            .into_iter()
            .find(|t| t.name() == head)
            .unwrap_or(Tab::App)
    }

    /// The tab's label, also its spec module's name and its `data-testid` suffix.
    pub fn name(self) -> &'static str {
        match self {
            Tab::App => "app",
            Tab::Image => "image",
            Tab::Env => "env",
            Tab::Secrets => "secrets",
            Tab::Port => "port",
            Tab::Probes => "probes",
            Tab::Resources => "resources",
            Tab::Service => "service",
            Tab::Ingress => "ingress",
            Tab::Jobs => "jobs",
            Tab::Security => "security",
            Tab::Database => "database",
        }
    }
}

/// The tab bar and the open tab's fields. The field in focus or under the pointer lights up its YAML
/// lines.
#[component]
pub fn Form() -> impl IntoView {
    let ui = use_ui();
    let learn = learn::use_learn();
    let tab = ui.tab;
    view! {
        <section class="form" aria-label="Your app"
            on:focusin=move |ev| learn.focused.set(learn::path_of(&ev))
            on:mouseover=move |ev| learn.hovered.set(learn::path_of(&ev))
            on:mouseleave=move |_| learn.hovered.set(None)>
            <nav class="tabs" role="tablist">
                {Tab::ALL
                    .into_iter()
                    .map(|t| {
                        view! {
                            <button
                                type="button"
                                role="tab"
                                data-testid=format!("tab-{}", t.name())
                                aria-selected=move || (tab.get() == t).to_string()
                                class:active=move || tab.get() == t
                                on:click=move |_| tab.set(t)
                            >
                                {t.name()}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav>
            // Rebuilt when a preset is loaded, so no field keeps text typed for the old spec.
            {move || {
                ui.generation.track();
                view! { <div class="tab-panel" role="tabpanel">{move || panel(tab.get())}</div> }
            }}
        </section>
    }
}

fn panel(tab: Tab) -> AnyView {
    match tab {
        Tab::App => view! { <app::AppTab /> }.into_any(),
        Tab::Image => view! { <image::ImageTab /> }.into_any(),
        Tab::Env => view! { <env::EnvTab /> }.into_any(),
        Tab::Secrets => view! { <secrets::SecretsTab /> }.into_any(),
        Tab::Port => view! { <port::PortTab /> }.into_any(),
        Tab::Probes => view! { <probes::ProbesTab /> }.into_any(),
        Tab::Resources => view! { <resources::ResourcesTab /> }.into_any(),
        Tab::Service => view! { <service::ServiceTab /> }.into_any(),
        Tab::Ingress => view! { <ingress::IngressTab /> }.into_any(),
        Tab::Jobs => view! { <jobs::JobsTab /> }.into_any(),
        Tab::Security => view! { <security::SecurityTab /> }.into_any(),
        Tab::Database => view! { <database::DatabaseTab /> }.into_any(),
    }
}
