//! The `app` tab: name, namespace, replicas and the rollout settings.

use leptos::prelude::*;

use kubewright::spec::DeployStrategy;

use super::fields::{parse_int, show_int, ParsedField, SelectField, TextField};
use crate::ui::use_ui;

#[component]
pub fn AppTab() -> impl IntoView {
    let spec = use_ui().spec;
    view! {
        <h2>"App"</h2>
        <TextField
            label="Name"
            path="app.name"
            testid="app-name"
            hint="Names the Deployment, Service and container, and labels everything app: <name>."
            get=Signal::derive(move || spec.with(|s| s.app.name.clone()))
            set=move |v| spec.update(|s| s.app.name = v)
        />
        <TextField
            label="Namespace"
            path="app.namespace"
            testid="app-namespace"
            hint="Every object goes here; it is created first. Empty: kubectl's current namespace."
            get=Signal::derive(move || spec.with(|s| s.app.namespace.clone()))
            set=move |v| spec.update(|s| s.app.namespace = v)
        />
        <super::labels::LabelList />
        <ParsedField
            label="Replicas"
            path="app.replicas"
            testid="app-replicas"
            hint="How many pods run the app at once (with autoscaling on, the autoscaler sets the count instead)."
            get=Signal::derive(move || spec.with(|s| s.app.replicas))
            set=move |v| spec.update(|s| s.app.replicas = v)
            parse=parse_int
            show=show_int
        />
        <ParsedField
            label="Revision history limit"
            path="app.revision_history_limit"
            testid="app-revision-history-limit"
            hint="Old ReplicaSets kept so that kubectl rollout undo can go back to them."
            get=Signal::derive(move || spec.with(|s| s.app.revision_history_limit))
            set=move |v| spec.update(|s| s.app.revision_history_limit = v)
            parse=parse_int
            show=show_int
        />
        <fieldset>
            <legend>"Rolling update"</legend>
            <SelectField label="Strategy" path="app.strategy" testid="app-strategy"
                hint="RollingUpdate: new pods before old ones stop. Recreate: all old pods stop first."
                options=DeployStrategy::ALL.to_vec() name=DeployStrategy::as_str
                get=Signal::derive(move || spec.with(|s| s.app.strategy))
                set=move |v| spec.update(|s| s.app.strategy = v) />
            <TextField
                label="maxSurge"
                path="app.max_surge"
                testid="app-max-surge"
                hint="Extra pods allowed while a new version starts: a number or a percentage (10%)."
                get=Signal::derive(move || spec.with(|s| s.app.max_surge.clone()))
                set=move |v| spec.update(|s| s.app.max_surge = v)
            />
            <TextField
                label="maxUnavailable"
                path="app.max_unavailable"
                testid="app-max-unavailable"
                hint="Pods that may be missing during a rollout. 0 keeps full capacity the whole time."
                get=Signal::derive(move || spec.with(|s| s.app.max_unavailable.clone()))
                set=move |v| spec.update(|s| s.app.max_unavailable = v)
            />
            <crate::ui::teach::rollout::RolloutPicture />
            </fieldset>
    }
}
