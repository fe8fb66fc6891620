//! The target switch in the header: Minikube with an image built on it, Minikube with an image from
//! a registry, or a real cluster. Switching sets the pull policy and the Service type the choice
//! needs (the core's `AppSpec::set_runs`); the commands follow it.

use kubewright::spec::{is_mutable_tag, Runs, Target};
use leptos::prelude::*;

use super::teach::explain::Explain;
use super::use_ui;

#[component]
pub fn TargetSwitch() -> impl IntoView {
    let ui = use_ui();
    let spec = ui.spec;
    let runs = Memo::new(move |_| spec.with(|s| s.runs()));
    let warning = Memo::new(move |_| {
        spec.with(|s| s.target == Target::Cluster && is_mutable_tag(&s.image.tag))
    });
    let choice = move |r: Runs| {
        view! {
            <label class="choice">
                <input type="radio" name="target" value=r.as_str() data-path="target"
                    data-testid=format!("target-{}", r.as_str())
                    prop:checked=move || runs.get() == r
                    on:change=move |_| {
                        ui.target_chosen.set_value(true);
                        spec.update(|s| s.set_runs(r));
                    } />
                <span>{r.label()}</span>
            </label>
        }
    };
    view! {
        <fieldset class="target" data-testid="target">
            <legend>"Runs on"<Explain path="target".to_string() label="Runs on" /></legend>
            {Runs::ALL.into_iter().map(choice).collect_view()}
            {move || warning.get().then(|| view! {
                <span class="message warning" data-testid="target-tag-warning">
                    "Use an immutable image tag (a version or commit), not latest: nodes cache images by tag."
                </span>
            })}
        </fieldset>
    }
}
