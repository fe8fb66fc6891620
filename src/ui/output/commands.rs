//! The commands, in the order they must run, each under its `#` comment, with a copy button. They
//! follow the YAML view: all documents apply the one file its copy and download give, a single
//! file's view applies one file per object (the core makes both).

use leptos::prelude::*;

use super::copy::{ask, copy, ConfirmInvalid, Pending};
use super::files::Shown;
use crate::ui::use_ui;
use kubewright::render::ALL_FILE;

#[component]
pub fn Commands(
    /// Which view the YAML shows: the commands apply what it gives.
    shown: Shown,
    /// Where the copy button says how it went (shared with the YAML's buttons).
    status: RwSignal<String>,
) -> impl IntoView {
    let ui = use_ui();
    let rendered = ui.rendered;
    let all = Memo::new(move |_| shown.is_all());
    // Each command's comment and line. A keystroke in a name changes most of them (the name is in
    // every `kubectl` line), so the rows are kept by position and a changed one gets its new text in
    // place: rebuilding every row's elements was most of the commands' share of a keystroke.
    // An edit's commands follow a frame after its YAML (as the diagram does), so the keystroke's
    // frame waits for the YAML alone; a load shows them at once. Copy reads `rendered` itself.
    let commands = Memo::new(move |_| {
        ui.settled.track();
        rendered.with_untracked(|r| {
            r.commands_of(all.get())
                .iter()
                .map(|c| (c.comment.clone(), c.line.clone()))
                .collect::<Vec<_>>()
        })
    });
    let count = Memo::new(move |_| commands.with(Vec::len));
    let pending = RwSignal::new(None::<Pending>);
    let run = Callback::new(move |_: Pending| {
        let text = rendered
            .with(|r| kubewright::render::commands_text(r.commands_of(all.get_untracked())));
        copy(status, "the commands".into(), text)
    });
    view! {
        <div class="commands-head">
            <h2 id="commands-heading">"Commands"</h2>
            <button type="button" data-testid="copy-commands"
                on:click=move |_| ask(pending, Pending::Copy, |w| run.run(w))>"Copy commands"</button>
        </div>
        <ConfirmInvalid pending=pending run=run what="commands" />
        <p class="intro" data-testid="commands-intro">{move || if all.get() {
            format!("For {ALL_FILE} (the all-documents view's copy or download): run them in order in the folder where you saved it. None contains a secret value.")
        } else {
            "For the files one by one (the file views' downloads): run them in order in the folder that holds them. None contains a secret value.".to_string()
        }}</p>
        <pre class="commands" data-testid="commands" tabindex="0" aria-labelledby="commands-heading">
            <For each=move || 0..count.get() key=|i| *i children=move |i| {
                let command = Memo::new(move |_| commands.with(|c| c.get(i).cloned().unwrap_or_default()));
                view! {
                    {(i > 0).then_some("\n")}
                    <span class="comment">{move || command.with(|(comment, _)| format!("# {comment}\n"))}</span>
                    <span class="command">{move || command.with(|(_, line)| format!("{line}\n"))}</span>
                }
            } />
        </pre>
    }
}
