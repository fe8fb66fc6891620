//! The YAML view's blocks of lines (cut by the core: `kubewright::render::blocks`), one element each.
//! A keystroke changes a few lines: only the blocks holding them get new text, and the browser lays
//! out those alone (each block is an inline-block, a formatting context of its own: style.css).
//! Joined, the blocks' texts are the text again, so the `<pre>`'s text stays exactly the YAML, and
//! the blocks are inline boxes, so `innerText` and a selection copy it unchanged too.

use leptos::prelude::*;

pub use kubewright::render::blocks::blocks;

/// The blocks of a text, one element each, kept by position: a block whose text did not change is
/// not touched, a changed one gets its new text in place (keying by text hashed and copied every
/// block on every keystroke, a 1 MB secret line included).
#[component]
pub fn Blocks(blocks: Memo<Vec<String>>) -> impl IntoView {
    let count = Memo::new(move |_| blocks.with(Vec::len));
    view! {
        <span class="yaml-lines">
            <For each=move || 0..count.get() key=|i| *i children=move |i| {
                let block = Memo::new(move |_| blocks.with(|b| b.get(i).cloned().unwrap_or_default()));
                view! { <span class="yaml-block">{move || block.get()}</span> }
            } />
        </span>
    }
}
