//! Native sidecars (shown on the database tab, beside the other init containers): containers that
//! start before the app's and run beside it.

use kubewright::spec::{EnvEntry, Resources, Sidecar};
use leptos::prelude::*;

use super::fields::{parse_words, show_words, ParsedField, TextField};
use crate::ui::use_ui;

/// Port numbers separated by spaces (range rules belong to validation).
fn parse_ports(text: &str) -> Result<Vec<i64>, String> {
    text.split_whitespace()
        .map(|w| w.parse().map_err(|_| format!("{w} is not a whole number")))
        .collect()
}

// `&Vec` because ParsedField takes `fn(&T) -> String`.
#[allow(clippy::ptr_arg)]
fn show_ports(ports: &Vec<i64>) -> String {
    ports
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `NAME=value` words, quoted as a shell would.
fn parse_env(text: &str) -> Result<Vec<EnvEntry>, String> {
    parse_words(text)?
        .iter()
        .map(|w| match w.split_once('=') {
            Some((name, value)) => Ok(EnvEntry::new(name, value)),
            None => Err(format!("{w}: write NAME=value")),
        })
        .collect()
}

#[allow(clippy::ptr_arg)]
fn show_env(env: &Vec<EnvEntry>) -> String {
    let words: Vec<String> = env
        .iter()
        .map(|e| format!("{}={}", e.name, e.value))
        .collect();
    show_words(&words)
}

#[component]
pub fn SidecarsSection() -> impl IntoView {
    let spec = use_ui().spec;
    let len = Memo::new(move |_| spec.with(|s| s.init.sidecars.len()));
    // The NetworkPolicy opens the sidecars' ports to one namespace only.
    let scraped = Memo::new(move |_| {
        spec.with(|s| {
            s.network_policy.enabled && s.init.sidecars.iter().any(|c| !c.ports.is_empty())
        })
    });
    view! {
        <fieldset>
            <legend>"Sidecars"</legend>
            <p class="intro">
                "A native sidecar (Kubernetes 1.29+) is an init container with restartPolicy: Always: "
                "it starts before the app's container and runs beside it, and it does not keep a Job's "
                "pod alive once the Job is done. A log shipper, a metrics exporter, a database proxy."
            </p>
            {move || (0..len.get()).map(|i| {
                let edit = move |f: Box<dyn FnOnce(&mut Sidecar)>| spec.update(|s| if let Some(c) = s.init.sidecars.get_mut(i) { f(c) });
                let get = move |f: fn(&Sidecar) -> String| Signal::derive(move || spec.with(|s| s.init.sidecars.get(i).map(f).unwrap_or_default()));
                view! {
                    <div class="sidecar" data-testid="sidecar">
                        <TextField label="Name" path=format!("init.sidecars[{i}].name") testid="sidecar-name"
                            hint="A DNS label no other container of the pod has."
                            get=get(|c| c.name.clone()) set=move |v: String| edit(Box::new(move |c| c.name = v)) />
                        <TextField label="Image" path=format!("init.sidecars[{i}].image") testid="sidecar-image"
                            hint="Pinned, e.g. prom/statsd-exporter:v0.28.0."
                            get=get(|c| c.image.clone()) set=move |v: String| edit(Box::new(move |c| c.image = v)) />
                        <ParsedField label="Args" path=format!("init.sidecars[{i}].args") testid="sidecar-args"
                            hint="Passed to the image's entrypoint. Quote words with spaces."
                            get=Signal::derive(move || spec.with(|s| s.init.sidecars.get(i).map(|c| c.args.clone()).unwrap_or_default()))
                            set=move |v| edit(Box::new(move |c| c.args = v)) parse=parse_words show=show_words />
                        <ParsedField label="Ports" path=format!("init.sidecars[{i}].ports") testid="sidecar-ports"
                            hint="TCP ports it listens on, separated by spaces; none the app uses."
                            get=Signal::derive(move || spec.with(|s| s.init.sidecars.get(i).map(|c| c.ports.clone()).unwrap_or_default()))
                            set=move |v| edit(Box::new(move |c| c.ports = v)) parse=parse_ports show=show_ports />
                        <ParsedField label="Env" path=format!("init.sidecars[{i}].env") testid="sidecar-env"
                            hint="NAME=value words, its own only (not the app's ConfigMap or Secret)."
                            get=Signal::derive(move || spec.with(|s| s.init.sidecars.get(i).map(|c| c.env.clone()).unwrap_or_default()))
                            set=move |v| edit(Box::new(move |c| c.env = v)) parse=parse_env show=show_env />
                        <SidecarResources i=i />
                        <button type="button" class="small remove" data-testid="sidecar-remove"
                            on:click=move |_| spec.update(|s| { if i < s.init.sidecars.len() { s.init.sidecars.remove(i); } })>"remove this sidecar"</button>
                    </div>
                }
            }).collect_view()}
            <button type="button" data-testid="sidecar-add" on:click=move |_| spec.update(|s| {
                s.init.sidecars.push(Sidecar::default());
            })>"+ add sidecar"</button>
            {move || scraped.get().then(|| view! {
                <TextField label="Who may reach the sidecars' ports" path="network_policy.monitoring_namespace"
                    testid="network-policy-monitoring-namespace"
                    hint="The NetworkPolicy lets only this namespace's pods in on those ports, e.g. monitoring for a Prometheus."
                    get=Signal::derive(move || spec.with(|s| s.network_policy.monitoring_namespace.clone()))
                    set=move |v| spec.update(|s| s.network_policy.monitoring_namespace = v) />
            })}
        </fieldset>
    }
}

/// The quantity `kind` (`requests`/`limits`) `what` (`cpu`/`memory`) of a container's resources.
fn quantity_mut<'a>(r: &'a mut Resources, kind: &str, what: &str) -> &'a mut String {
    let pair = if kind == "requests" {
        &mut r.requests
    } else {
        &mut r.limits
    };
    if what == "cpu" {
        &mut pair.cpu
    } else {
        &mut pair.memory
    }
}

/// One sidecar's CPU and memory, as on the resources tab.
#[component]
fn SidecarResources(i: usize) -> impl IntoView {
    let spec = use_ui().spec;
    let fields = [
        ("requests", "cpu", "CPU request", "e.g. 10m"),
        ("requests", "memory", "Memory request", "e.g. 32Mi"),
        ("limits", "cpu", "CPU limit", "e.g. 100m"),
        ("limits", "memory", "Memory limit", "e.g. 64Mi"),
    ];
    fields
        .into_iter()
        .map(|(kind, what, label, placeholder)| {
            let get = move |s: &kubewright::spec::AppSpec| {
                s.init
                    .sidecars
                    .get(i)
                    .map(|c| quantity_mut(&mut c.resources.clone(), kind, what).clone())
                    .unwrap_or_default()
            };
            view! {
                <TextField label=label path=format!("init.sidecars[{i}].resources.{kind}.{what}")
                    testid=format!("sidecar-{kind}-{what}") placeholder=placeholder
                    get=Signal::derive(move || spec.with(get))
                    set=move |v: String| spec.update(|s| if let Some(c) = s.init.sidecars.get_mut(i) { *quantity_mut(&mut c.resources, kind, what) = v }) />
            }
        })
        .collect_view()
}
