//! The target switch in the header: Minikube or a real cluster. Switching sets the pull policy and
//! the Service type the target needs (the core's `AppSpec::set_target`); the commands follow it.

use kubewright::spec::{is_mutable_tag, Target};
use leptos::prelude::*;

use super::teach::explain::Explain;
use super::use_ui;

#[component]
pub fn TargetSwitch() -> impl IntoView {
    let spec = use_ui().spec;
    let target = Memo::new(move |_| spec.with(|s| s.target));
    let warning = Memo::new(move |_| {
        spec.with(|s| s.target == Target::Cluster && is_mutable_tag(&s.image.tag))
    });
    let choice = move |t: Target, label: &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="target" value=t.as_str() data-path="target"
                    data-testid=format!("target-{}", t.as_str())
                    prop:checked=move || target.get() == t
                    on:change=move |_| spec.update(|s| s.set_target(t)) />
                " "{label}
            </label>
        }
    };
    view! {
        <fieldset class="target" data-testid="target">
            <legend>"Runs on"<Explain path="target".to_string() label="Runs on" /></legend>
            {choice(Target::Minikube, "Minikube (local image, NodePort)")}
            {choice(Target::Cluster, "a real cluster (registry image)")}
            {move || warning.get().then(|| view! {
                <span class="message warning" data-testid="target-tag-warning">
                    "Use an immutable image tag (a version or commit), not latest: nodes cache images by tag."
                </span>
            })}
        </fieldset>
    }
}
