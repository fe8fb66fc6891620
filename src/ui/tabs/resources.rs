//! The `resources` tab: CPU and memory requests and limits.

use kubewright::spec::{AppSpec, CpuMemory};
use leptos::prelude::*;

use super::fields::TextField;
use crate::ui::use_ui;

#[component]
pub fn ResourcesTab() -> impl IntoView {
    view! {
        <h2>"Resources"</h2>
        <p class="intro">"Empty fields are left out of the YAML. Jobs get the same values as the app."</p>
        <crate::ui::teach::qos::QosBadge />
        <Pair which="requests" pair=|s| &s.resources.requests pair_mut=|s| &mut s.resources.requests
            intro="Reserved for the container: the scheduler only places the pod on a node with this much free." />
        <Pair which="limits" pair=|s| &s.resources.limits pair_mut=|s| &mut s.resources.limits
            intro="The ceiling: CPU above it is throttled; memory above it gets the container killed (OOMKilled)." />
    }
}

#[component]
fn Pair(
    which: &'static str,
    pair: fn(&AppSpec) -> &CpuMemory,
    pair_mut: fn(&mut AppSpec) -> &mut CpuMemory,
    intro: &'static str,
) -> impl IntoView {
    let spec = use_ui().spec;
    view! {
        <fieldset>
            <legend>{which}</legend>
            <p class="intro">{intro}</p>
            <TextField
                label="CPU"
                path=format!("resources.{which}.cpu")
                testid=format!("resources-{which}-cpu")
                placeholder="e.g. 250m"
                hint="Cores: 1 = one core, 250m = a quarter."
                get=Signal::derive(move || spec.with(|s| pair(s).cpu.clone()))
                set=move |v| spec.update(|s| pair_mut(s).cpu = v)
            />
            <TextField
                label="Memory"
                path=format!("resources.{which}.memory")
                testid=format!("resources-{which}-memory")
                placeholder="e.g. 256Mi"
                hint="Bytes with a suffix: 128Mi, 1Gi (binary) or 500M (decimal)."
                get=Signal::derive(move || spec.with(|s| pair(s).memory.clone()))
                set=move |v| spec.update(|s| pair_mut(s).memory = v)
            />
        </fieldset>
    }
}
