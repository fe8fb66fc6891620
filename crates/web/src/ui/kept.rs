//! The review banner: every object the form does not model, what it can do and what in it is
//! dangerous, with include / leave out for each; and what the gate dropped from the last link,
//! spec file or import. Held objects are in no output until included.

use kubewright::kept;
use leptos::prelude::*;

use super::use_ui;

#[component]
pub fn KeptReview() -> impl IntoView {
    let ui = use_ui();
    let views = Memo::new(move |_| ui.spec.with(kept::views));
    let dropped = Memo::new(move |_| {
        ui.gate_notes.with(|notes| {
            notes
                .iter()
                .filter(|n| n.status != kubewright::import::Status::Held)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !views.with(Vec::is_empty) || !dropped.with(Vec::is_empty)>
            <section class="notice warn kept-review" aria-label="Objects from outside the form" data-testid="kept-review">
                <h2>"Objects the form does not model"</h2>
                <Show when=move || !views.with(Vec::is_empty)>
                    <p class="hint">
                        "Someone else's objects can do anything the cluster lets them. A held object is in "
                        "no YAML, file, zip, chart or command until you include it: read what it can do first."
                    </p>
                    <ul class="kept-list">
                        {move || views.get().into_iter().map(row).collect_view()}
                    </ul>
                </Show>
                <Show when=move || !dropped.with(Vec::is_empty)>
                    <ul class="report" data-testid="kept-dropped">
                        {move || dropped.get().into_iter().map(|n| view! {
                            <li class=format!("report-{}", n.status.as_str().split(' ').next().unwrap_or_default())>
                                <strong>{n.status.as_str()}</strong>" "<code>{n.path}</code>" — "{n.note}
                            </li>
                        }).collect_view()}
                    </ul>
                </Show>
            </section>
        </Show>
    }
}

fn row(view: kept::KeptView) -> impl IntoView {
    let ui = use_ui();
    let index = view.index;
    let include = view.include;
    let state = if include {
        "included"
    } else {
        "held for review"
    };
    let dangers = view.dangers;
    view! {
        <li data-testid="kept-item" data-state=if include { "included" } else { "held" }>
            <strong>{view.label.clone()}</strong>" in "{view.place}": "{view.does}". "
            <em class="kept-state">{state}</em>
            {(!dangers.is_empty()).then(|| view! {
                <ul class="dangers" data-testid="kept-dangers">
                    {dangers.into_iter().map(|d| view! {
                        <li><span class="rule">{d.rule}</span>" "{d.message}</li>
                    }).collect_view()}
                </ul>
            })}
            <div class="kept-actions">
                <button type="button" class="small" data-testid="kept-include" data-path=view.path
                    aria-label=format!("{} {}", if include { "Hold back" } else { "Include" }, view.label)
                    on:click=move |_| ui.spec.update(|s| s.include_kept(index, !include))>
                    {if include { "Hold back" } else { "Include" }}
                </button>
                <button type="button" class="small" data-testid="kept-leave-out"
                    aria-label=format!("Leave out {}", view.label)
                    on:click=move |_| ui.spec.update(|s| s.leave_out_kept(index))>
                    "Leave out"
                </button>
            </div>
        </li>
    }
}
