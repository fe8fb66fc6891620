//! The `probes` tab: liveness, readiness and startup, each none / exec / httpGet / tcpSocket.

use kubewright::spec::{AppSpec, Probe, ProbeAction};
use leptos::prelude::*;

use super::fields::{
    parse_opt_int, parse_words, show_opt_int, show_words, FieldIssues, ParsedField, TextField,
};
use crate::ui::teach::explain::Explain;
use crate::ui::use_ui;

#[component]
pub fn ProbesTab() -> impl IntoView {
    view! {
        <h2>"Probes"</h2>
        <ProbeEditor which="liveness" probe=|s| &s.probes.liveness probe_mut=|s| &mut s.probes.liveness
            intro="Fails -> the container is restarted. Check only that the app is alive, not its database." />
        <ProbeEditor which="readiness" probe=|s| &s.probes.readiness probe_mut=|s| &mut s.probes.readiness
            intro="Fails -> the pod gets no traffic from the Service until it passes again." />
        <ProbeEditor which="startup" probe=|s| &s.probes.startup probe_mut=|s| &mut s.probes.startup
            intro="For slow starts: the other probes wait until this one passes once." />
        <super::shutdown::ShutdownSection />
    }
}

#[component]
fn ProbeEditor(
    which: &'static str,
    probe: fn(&AppSpec) -> &Probe,
    probe_mut: fn(&mut AppSpec) -> &mut Probe,
    intro: &'static str,
) -> impl IntoView {
    let spec = use_ui().spec;
    let kind = Memo::new(move |_| spec.with(|s| probe(s).action.kind()));
    // What each kind held before the user switched away, so exec -> none -> exec gets the command back.
    let earlier = StoredValue::new(Vec::<ProbeAction>::new());
    let set_kind = move |k: String| {
        spec.update(|s| {
            let current = std::mem::take(&mut probe_mut(s).action);
            let kept = earlier.with_value(|e| e.iter().find(|a| a.kind() == k).cloned());
            earlier.update_value(|e| {
                e.retain(|a| a.kind() != current.kind());
                e.push(current);
            });
            probe_mut(s).action = kept.unwrap_or_else(|| ProbeAction::default_for(&k, &s.port));
        })
    };
    view! {
        <fieldset class="probe" data-testid=format!("probe-{which}")>
            <legend>{which}</legend>
            <p class="intro">{intro}</p>
            <label class="field">
                <span class="label">"Check"<Explain path=format!("probes.{which}.action") label="Check" /></span>
                <select data-testid=format!("probe-{which}-kind") data-path=format!("probes.{which}.action") prop:value=move || kind.get() on:change=move |ev| set_kind(event_target_value(&ev))>
                    {ProbeAction::KINDS.map(|k| view! { <option value=k selected=move || kind.get() == k>{k}</option> }).collect_view()}
                </select>
                <FieldIssues path=format!("probes.{which}.action") />
            </label>
            {move || action_fields(which, probe, probe_mut, kind.get())}
            {move || (kind.get() != "none").then(|| timings(which, probe, probe_mut))}
        </fieldset>
    }
}

/// The fields of the chosen kind of check: the command, or the path and port, or the port.
fn action_fields(
    which: &'static str,
    probe: fn(&AppSpec) -> &Probe,
    probe_mut: fn(&mut AppSpec) -> &mut Probe,
    kind: &'static str,
) -> AnyView {
    let spec = use_ui().spec;
    match kind {
        "exec" => view! {
            <ParsedField
                label="Command"
                path=format!("probes.{which}.action.command")
                testid=format!("probe-{which}-command")
                hint="Run in the container without a shell; exit code 0 passes. Quote words with spaces."
                get=Signal::derive(move || spec.with(|s| match &probe(s).action { ProbeAction::Exec { command } => command.clone(), _ => Vec::new() }))
                set=move |v| spec.update(|s| if let ProbeAction::Exec { command } = &mut probe_mut(s).action { *command = v })
                parse=parse_words
                show=show_words
            />
        }.into_any(),
        "httpGet" => view! {
            <TextField
                label="Path"
                path=format!("probes.{which}.action.path")
                testid=format!("probe-{which}-path")
                hint="Any 2xx or 3xx answer passes."
                get=Signal::derive(move || spec.with(|s| match &probe(s).action { ProbeAction::HttpGet { path, .. } => path.clone(), _ => String::new() }))
                set=move |v| spec.update(|s| if let ProbeAction::HttpGet { path, .. } = &mut probe_mut(s).action { *path = v })
            />
            <PortField which=which probe=probe probe_mut=probe_mut />
        }.into_any(),
        "tcpSocket" => view! { <PortField which=which probe=probe probe_mut=probe_mut /> }.into_any(),
        _ => ().into_any(),
    }
}

/// The timings of a probe that checks something; empty ones keep Kubernetes' defaults.
fn timings(
    which: &'static str,
    probe: fn(&AppSpec) -> &Probe,
    probe_mut: fn(&mut AppSpec) -> &mut Probe,
) -> impl IntoView {
    let spec = use_ui().spec;
    let timing = move |label: &'static str,
                       field: &'static str,
                       hint: &'static str,
                       get: fn(&Probe) -> Option<i64>,
                       set: fn(&mut Probe, Option<i64>)| {
        view! {
            <ParsedField
                label=label
                path=format!("probes.{which}.{field}")
                testid=format!("probe-{which}-{field}")
                placeholder="default"
                hint=hint
                get=Signal::derive(move || spec.with(|s| get(probe(s))))
                set=move |v| spec.update(|s| set(probe_mut(s), v))
                parse=parse_opt_int
                show=show_opt_int
            />
        }
    };
    view! {
        <div class="timings">
            {timing("initialDelaySeconds", "initial_delay_seconds", "Wait after start before the first check (default 0).", |p| p.initial_delay_seconds, |p, v| p.initial_delay_seconds = v)}
            {timing("periodSeconds", "period_seconds", "Seconds between checks (default 10).", |p| p.period_seconds, |p, v| p.period_seconds = v)}
            {timing("timeoutSeconds", "timeout_seconds", "A check slower than this fails (default 1).", |p| p.timeout_seconds, |p, v| p.timeout_seconds = v)}
            {timing("failureThreshold", "failure_threshold", "Failures in a row before acting (default 3).", |p| p.failure_threshold, |p, v| p.failure_threshold = v)}
            {timing("successThreshold", "success_threshold", "Passes in a row to recover (default 1; must be 1 for liveness and startup).", |p| p.success_threshold, |p, v| p.success_threshold = v)}
        </div>
    }
}

/// The port of an httpGet or tcpSocket probe: the container port's name or a number.
#[component]
fn PortField(
    which: &'static str,
    probe: fn(&AppSpec) -> &Probe,
    probe_mut: fn(&mut AppSpec) -> &mut Probe,
) -> impl IntoView {
    let spec = use_ui().spec;
    view! {
        <TextField
            label="Port"
            path=format!("probes.{which}.action.port")
            testid=format!("probe-{which}-port")
            hint="The container port's name (http) or number (4000)."
            get=Signal::derive(move || spec.with(|s| match &probe(s).action {
                ProbeAction::HttpGet { port, .. } | ProbeAction::TcpSocket { port } => port.clone(),
                _ => String::new(),
            }))
            set=move |v| spec.update(|s| match &mut probe_mut(s).action {
                ProbeAction::HttpGet { port, .. } | ProbeAction::TcpSocket { port } => *port = v,
                _ => {}
            })
        />
    }
}
