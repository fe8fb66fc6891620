//! Extra labels (part of the `app` tab): key/value rows put on every object and pod.

use kubewright::spec::Label;
use leptos::prelude::*;

use super::fields::TextField;
use crate::ui::use_ui;

#[component]
pub fn LabelList() -> impl IntoView {
    let spec = use_ui().spec;
    let len = Memo::new(move |_| spec.with(|s| s.app.labels.len()));
    let get = move |i: usize, part: fn(&Label) -> &String| {
        Signal::derive(move || {
            spec.with(|s| {
                s.app
                    .labels
                    .get(i)
                    .map(|l| part(l).clone())
                    .unwrap_or_default()
            })
        })
    };
    view! {
        <fieldset>
            <legend>"Extra labels"</legend>
            <p class="intro">"On every object and pod, after app: <name>. Selectors keep using app only, so these can change later."</p>
            <div class="rows">
                {move || (0..len.get()).map(|i| view! {
                    <div class="row" data-testid="label-row">
                        <TextField label="Key" path=format!("app.labels[{i}].key") testid="label-key"
                            placeholder="app.kubernetes.io/part-of"
                            get=get(i, |l| &l.key)
                            set=move |v| spec.update(|s| if let Some(l) = s.app.labels.get_mut(i) { l.key = v }) />
                        <TextField label="Value" path=format!("app.labels[{i}].value") testid="label-value"
                            get=get(i, |l| &l.value)
                            set=move |v| spec.update(|s| if let Some(l) = s.app.labels.get_mut(i) { l.value = v }) />
                        <button type="button" class="small remove" data-testid="label-remove" aria-label="remove this label"
                            on:click=move |_| spec.update(|s| { if i < s.app.labels.len() { s.app.labels.remove(i); } })>"remove"</button>
                    </div>
                }).collect_view()}
                <button type="button" data-testid="label-add"
                    on:click=move |_| spec.update(|s| s.app.labels.push(Label::default()))>"+ add label"</button>
            </div>
        </fieldset>
    }
}
