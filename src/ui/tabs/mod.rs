//! The form: one tab per spec module, named as the module (the tab, the module and the tests use
//! the same word), and the form controls they share.

mod app;
mod autoscaling;
mod cron_jobs;
mod database;
mod derived;
mod env;
mod fields;
mod image;
mod ingress;
mod init;
mod jobs;
mod labels;
mod port;
mod probes;
mod registry;
mod resources;
mod route;
pub mod seal;
mod secrets;
mod security;
mod service;
mod shutdown;
mod sidecars;

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
    Autoscaling,
    Service,
    Ingress,
    Jobs,
    CronJobs,
    Security,
    Database,
}

impl Tab {
    pub const ALL: [Tab; 14] = [
        Tab::App,
        Tab::Image,
        Tab::Env,
        Tab::Secrets,
        Tab::Port,
        Tab::Probes,
        Tab::Resources,
        Tab::Autoscaling,
        Tab::Service,
        Tab::Ingress,
        Tab::Jobs,
        Tab::CronJobs,
        Tab::Security,
        Tab::Database,
    ];

    /// The tab holding the field at a path: the path's first word, the spec module's name.
    pub fn of_path(path: &str) -> Tab {
        let head = path.split(['.', '[']).next().unwrap_or_default();
        let head = match head {
            "downward" | "pod_env" => "env",
            "clustering" => "service",
            "secret_options" => "secrets",
            "disruption_budget" => "autoscaling",
            "shutdown" => "probes",
            "init" => "database",
            "spreading" => "autoscaling",
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
            Tab::Autoscaling => "autoscaling",
            Tab::Service => "service",
            Tab::Ingress => "ingress",
            Tab::Jobs => "jobs",
            Tab::CronJobs => "cron_jobs",
            Tab::Security => "security",
            Tab::Database => "database",
        }
    }
}

/// The tab bar and the open tab's fields. The field in focus or under the pointer lights up its YAML
/// lines. The bar follows the ARIA tabs pattern: one Tab stop (the open tab), arrow keys, Home and
/// End move between tabs, the next Tab goes into the panel. F1 in a field opens or closes its
/// explanation (the "?" buttons are left out of the Tab order, so they do not double every stop).
#[component]
pub fn Form() -> impl IntoView {
    let ui = use_ui();
    let learn = learn::use_learn();
    let tab = ui.tab;
    view! {
        <section class="form" id="pane-form" aria-label="Your app"
            on:focusin=move |ev| learn.focused.set(learn::path_of(&ev))
            on:mouseover=move |ev| learn.hovered.set(learn::path_of(&ev))
            on:mouseleave=move |_| learn.hovered.set(None)
            on:keydown=help_key>
            <nav class="tabs" role="tablist" aria-label="Form sections" on:keydown=move |ev| arrow_key(&ev, tab)>
                {Tab::ALL
                    .into_iter()
                    .map(|t| {
                        view! {
                            <button
                                type="button"
                                role="tab"
                                id=format!("tab-{}", t.name())
                                aria-controls="tab-panel"
                                data-testid=format!("tab-{}", t.name())
                                aria-selected=move || (tab.get() == t).to_string()
                                tabindex=move || if tab.get() == t { "0" } else { "-1" }
                                class:active=move || tab.get() == t
                                on:click=move |_| tab.set(t)
                            >
                                {t.name()}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav>
            <p class="hint keys">"F1 in a field shows what it does."</p>
            // Rebuilt when a preset is loaded, so no field keeps text typed for the old spec.
            {move || {
                ui.generation.track();
                view! {
                    <div class="tab-panel" role="tabpanel" id="tab-panel"
                        aria-labelledby=move || format!("tab-{}", tab.get().name())>
                        {move || panel(tab.get())}
                    </div>
                }
            }}
        </section>
    }
}

// Left/Right (and Up/Down) move to the neighbouring tab, wrapping; Home and End to the ends. The
// tab opens as it gets focus (automatic activation: a tab's fields are cheap to show).
fn arrow_key(ev: &web_sys::KeyboardEvent, tab: RwSignal<Tab>) {
    let n = Tab::ALL.len();
    let at = Tab::ALL
        .iter()
        .position(|t| *t == tab.get_untracked())
        .unwrap_or(0);
    let next = match ev.key().as_str() {
        "ArrowRight" | "ArrowDown" => (at + 1) % n,
        "ArrowLeft" | "ArrowUp" => (at + n - 1) % n,
        "Home" => 0,
        "End" => n - 1,
        _ => return,
    };
    ev.prevent_default();
    let t = Tab::ALL[next];
    tab.set(t);
    if let Some(button) = document().get_element_by_id(&format!("tab-{}", t.name())) {
        if let Ok(button) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(button) {
            let _ = button.focus();
        }
    }
}

// F1 in a field toggles the explanation of that field (the "?" beside its label).
fn help_key(ev: web_sys::KeyboardEvent) {
    if ev.key() != "F1" {
        return;
    }
    let target = event_target::<web_sys::Element>(&ev);
    let explain = target
        .closest(".field, fieldset, .row, label")
        .ok()
        .flatten()
        .and_then(|field| field.query_selector("details.explain").ok().flatten());
    if let Some(details) = explain {
        ev.prevent_default();
        if details.has_attribute("open") {
            let _ = details.remove_attribute("open");
        } else {
            let _ = details.set_attribute("open", "");
        }
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
        Tab::Autoscaling => view! { <autoscaling::AutoscalingTab /> }.into_any(),
        Tab::Service => view! { <service::ServiceTab /> }.into_any(),
        Tab::Ingress => view! { <ingress::IngressTab /> }.into_any(),
        Tab::Jobs => view! { <jobs::JobsTab /> }.into_any(),
        Tab::CronJobs => view! { <cron_jobs::CronJobsTab /> }.into_any(),
        Tab::Security => view! { <security::SecurityTab /> }.into_any(),
        Tab::Database => view! { <database::DatabaseTab /> }.into_any(),
    }
}
