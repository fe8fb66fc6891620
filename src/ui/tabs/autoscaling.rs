//! The `autoscaling` tab: a HorizontalPodAutoscaler that sets the replica count from CPU (and
//! memory) use, and the PodDisruptionBudget that keeps pods up through node drains.

use leptos::prelude::*;

use kubewright::spec::{BudgetLimit, SpreadMode, WhenUnsatisfiable};

use super::fields::{
    parse_int, parse_opt_int, show_int, show_opt_int, CheckField, ParsedField, SelectField,
    TextField,
};
use crate::ui::use_ui;

#[component]
pub fn AutoscalingTab() -> impl IntoView {
    let spec = use_ui().spec;
    let on = Memo::new(move |_| spec.with(|s| s.autoscaling.enabled));
    view! {
        <h2>"Autoscaling"</h2>
        <p class="intro">
            "A HorizontalPodAutoscaler adds pods when their average CPU use is above the target and removes "
            "them when it falls. It then owns the replica count: the Deployment leaves replicas out, because "
            "each apply of a fixed count would reset the number it chose. The cluster needs metrics-server."
        </p>
        <CheckField
            label="Scale on CPU use (HorizontalPodAutoscaler)"
            path="autoscaling.enabled"
            testid="autoscaling-enabled"
            get=Signal::derive(move || on.get())
            set=move |v| spec.update(|s| s.autoscaling.enabled = v)
        />
        <Show when=move || on.get()>
            <ParsedField label="Min replicas" path="autoscaling.min_replicas" testid="autoscaling-min"
                hint="The fewest pods, also when idle; 2 or more keeps the app up during a node drain."
                get=Signal::derive(move || spec.with(|s| s.autoscaling.min_replicas))
                set=move |v| spec.update(|s| s.autoscaling.min_replicas = v)
                parse=parse_int show=show_int />
            <ParsedField label="Max replicas" path="autoscaling.max_replicas" testid="autoscaling-max"
                hint="The most pods under load: a cap on cost and on database connections."
                get=Signal::derive(move || spec.with(|s| s.autoscaling.max_replicas))
                set=move |v| spec.update(|s| s.autoscaling.max_replicas = v)
                parse=parse_int show=show_int />
            <ParsedField label="CPU target (%)" path="autoscaling.cpu_utilization" testid="autoscaling-cpu"
                hint="Average CPU use to aim for, in percent of each pod's CPU request (set one on the resources tab)."
                get=Signal::derive(move || spec.with(|s| s.autoscaling.cpu_utilization))
                set=move |v| spec.update(|s| s.autoscaling.cpu_utilization = v)
                parse=parse_int show=show_int />
            <ParsedField label="Memory target (%)" path="autoscaling.memory_utilization" testid="autoscaling-memory"
                placeholder="none: CPU only" hint="Optional: also scale on memory use, in percent of the memory request."
                get=Signal::derive(move || spec.with(|s| s.autoscaling.memory_utilization))
                set=move |v| spec.update(|s| s.autoscaling.memory_utilization = v)
                parse=parse_opt_int show=show_opt_int />
            <ParsedField label="Scale-down window (s)" path="autoscaling.scale_down_stabilization_seconds" testid="autoscaling-window"
                placeholder="default (300)" hint="Seconds of lower use before pods are removed, so a short dip keeps the capacity a returning spike needs."
                get=Signal::derive(move || spec.with(|s| s.autoscaling.scale_down_stabilization_seconds))
                set=move |v| spec.update(|s| s.autoscaling.scale_down_stabilization_seconds = v)
                parse=parse_opt_int show=show_opt_int />
        </Show>
        <DisruptionBudget />
        <Spreading />
    }
}

/// Spreading the pods over nodes and zones, so one failure does not take every replica.
#[component]
fn Spreading() -> impl IntoView {
    let spec = use_ui().spec;
    let mode = Memo::new(move |_| spec.with(|s| s.spreading.mode));
    let constrained = move || matches!(mode.get(), SpreadMode::Nodes | SpreadMode::NodesAndZones);
    view! {
        <fieldset>
            <legend>"Spreading"</legend>
            <SelectField label="Spread the pods" path="spreading.mode" testid="spreading-mode"
                options=SpreadMode::ALL.to_vec() name=SpreadMode::name
                hint="nodes / nodes_and_zones: topologySpreadConstraints; prefer_other_nodes: a preferred pod anti-affinity."
                get=Signal::derive(move || mode.get())
                set=move |v| spec.update(|s| s.spreading.mode = v) />
            <Show when=constrained>
                <ParsedField label="maxSkew" path="spreading.max_skew" testid="spreading-max-skew"
                    hint="The largest difference in pod count between two nodes (or zones)."
                    get=Signal::derive(move || spec.with(|s| s.spreading.max_skew))
                    set=move |v| spec.update(|s| s.spreading.max_skew = v)
                    parse=parse_int show=show_int />
                <SelectField label="whenUnsatisfiable" path="spreading.when_unsatisfiable" testid="spreading-when"
                    options=WhenUnsatisfiable::ALL.to_vec() name=WhenUnsatisfiable::as_str
                    hint="ScheduleAnyway places the pod as evenly as it can; DoNotSchedule leaves it Pending until a node keeps the skew."
                    get=Signal::derive(move || spec.with(|s| s.spreading.when_unsatisfiable))
                    set=move |v| spec.update(|s| s.spreading.when_unsatisfiable = v) />
            </Show>
        </fieldset>
    }
}

/// The budget: how many of the app's pods a node drain may take down at once.
#[component]
fn DisruptionBudget() -> impl IntoView {
    let spec = use_ui().spec;
    let on = Memo::new(move |_| spec.with(|s| s.disruption_budget.enabled));
    view! {
        <fieldset>
            <legend>"Disruption budget"</legend>
            <CheckField
                label="Keep pods up through node drains (PodDisruptionBudget)"
                path="disruption_budget.enabled"
                testid="pdb-enabled"
                hint="A drain or cluster upgrade evicts pods only as far as the budget allows. A crash ignores it."
                get=Signal::derive(move || on.get())
                set=move |v| spec.update(|s| s.disruption_budget.enabled = v)
            />
            <Show when=move || on.get()>
                <SelectField label="Bound" path="disruption_budget.limit" testid="pdb-limit"
                    options=BudgetLimit::ALL.to_vec() name=BudgetLimit::as_str
                    get=Signal::derive(move || spec.with(|s| s.disruption_budget.limit))
                    set=move |v| spec.update(|s| s.disruption_budget.limit = v) />
                <TextField label="Pods" path="disruption_budget.value" testid="pdb-value"
                    hint="A number of pods or a percentage (50%). minAvailable = replicas, or maxUnavailable 0, blocks every drain."
                    get=Signal::derive(move || spec.with(|s| s.disruption_budget.value.clone()))
                    set=move |v| spec.update(|s| s.disruption_budget.value = v) />
            </Show>
        </fieldset>
    }
}
