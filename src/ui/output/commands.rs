//! The commands, in the order they must run, each under its `#` comment, with a copy button.

use leptos::prelude::*;

use super::copy::copy;
use crate::ui::use_ui;

#[component]
pub fn Commands(
    /// Where the copy button says how it went (shared with the YAML's buttons).
    status: RwSignal<String>,
) -> impl IntoView {
    let rendered = use_ui().rendered;
    view! {
        <div class="commands-head">
            <h2>"Commands"</h2>
            <button type="button" data-testid="copy-commands"
                on:click=move |_| copy(status, "the commands".into(), rendered.with(|r| r.commands_text()))>"Copy commands"</button>
        </div>
        <p class="intro">"Run them in order from the folder with the downloaded files. None contains a secret value."</p>
        <pre class="commands" data-testid="commands" tabindex="0" aria-label="Commands">
            {move || rendered.with(|r| r.commands.iter().enumerate().map(|(i, c)| view! {
                {(i > 0).then_some("\n")}
                <span class="comment">{format!("# {}\n", c.comment)}</span>
                <span class="command">{format!("{}\n", c.line)}</span>
            }).collect_view())}
        </pre>
    }
}
