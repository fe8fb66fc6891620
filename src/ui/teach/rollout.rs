//! The rolling-update picture: for the chosen replicas, maxSurge and maxUnavailable, one row per step
//! with a square per pod (old, new starting, new ready), from the core's simulation of the controller.

use kubewright::rollout;
use leptos::prelude::*;

use crate::ui::use_ui;

#[component]
pub fn RolloutPicture() -> impl IntoView {
    let spec = use_ui().spec;
    let result = Memo::new(move |_| {
        spec.with(|s| rollout::rollout(s.app.replicas, &s.app.max_surge, &s.app.max_unavailable))
    });
    view! {
        <figure class="rollout" data-testid="rollout">
            <figcaption>
                "What a rollout does, step by step "
                <span class="legend">
                    <span class="pod old" aria-hidden="true"></span>" old "
                    <span class="pod starting" aria-hidden="true"></span>" new, starting "
                    <span class="pod ready" aria-hidden="true"></span>" new, ready"
                </span>
            </figcaption>
            {move || result.with(|r| match r {
                Err(e) => view! { <p class="message warning" data-testid="rollout-error">{e.clone()}</p> }.into_any(),
                Ok(r) if r.replicas > 40 => view! {
                    <p class="intro">{format!("{} steps for {} replicas: too many pods to draw.", r.steps.len(), r.replicas)}</p>
                }.into_any(),
                Ok(r) => {
                    let limits = r.limits;
                    let summary = format!(
                        "At most {} pods at once (replicas + maxSurge {}), at least {} ready (replicas - maxUnavailable {}){}.",
                        r.replicas + limits.surge,
                        limits.surge,
                        (r.replicas - limits.unavailable).max(0),
                        limits.unavailable,
                        if limits.fencepost { "; both rounded to 0, so Kubernetes lets 1 be unavailable" } else { "" }
                    );
                    view! {
                        <p class="intro" data-testid="rollout-summary">{summary}</p>
                        <ol class="steps">
                            {r.steps.iter().map(|s| {
                                let label = format!("{}: {} old, {} new ({} ready), {} serving", s.note, s.old, s.new, s.new_ready, s.ready());
                                view! {
                                    <li data-testid="rollout-step" aria-label=label.clone() title=label>
                                        <span class="pods" aria-hidden="true">
                                            {(0..s.old).map(|_| view! { <span class="pod old"></span> }).collect_view()}
                                            {(0..s.new_ready).map(|_| view! { <span class="pod ready"></span> }).collect_view()}
                                            {(s.new_ready..s.new).map(|_| view! { <span class="pod starting"></span> }).collect_view()}
                                        </span>
                                        <span class="note">{s.note.clone()}" · "{s.ready()}" serving"</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }
            })}
        </figure>
    }
}
