//! The YAML view's blocks of lines (cut by the core: `kubewright::render::blocks`), one element each.
//! A keystroke changes a few lines: only the blocks holding them get new text, and the browser lays
//! out those alone (each block is an inline-block, a formatting context of its own: style.css).
//! Joined, the blocks' texts are the text again, so the `<pre>`'s text stays exactly the YAML, and
//! the blocks are inline boxes, so `innerText` and a selection copy it unchanged too.
//!
//! An edit updates the blocks the browser shows at once and the others (scrolled out of the `<pre>`,
//! or in a phone's hidden pane) at the start of the next frame: laying out and painting the whole
//! YAML again was most of a keystroke's frame, and its name is on every block.

use leptos::prelude::*;

pub use kubewright::render::blocks::blocks;

use super::onscreen::Onscreen;
use crate::ui::later::next_frame;
use crate::ui::use_ui;

/// The blocks of a text, one element each, kept by position: a block whose text did not change is
/// not touched, a changed one gets its new text in place (keying by text hashed and copied every
/// block on every keystroke, a 1 MB secret line included).
#[component]
pub fn Blocks(
    blocks: Memo<Vec<String>>,
    /// Which view the blocks are of: a new one (another file, comments on or off) is shown at once.
    view: Signal<u64>,
) -> impl IntoView {
    let count = Memo::new(move |_| blocks.with(Vec::len));
    let onscreen = Onscreen::new();
    // Each block's text as shown, by position (made as the blocks come; a removed block's stays
    // behind, disposed, until a block takes its place again).
    let shown = StoredValue::new(Vec::<RwSignal<String>>::new());
    follow(blocks, view, shown, onscreen);
    let lines = NodeRef::<leptos::html::Span>::new();
    lines.on_load(move |lines| onscreen.start(lines.into()));
    view! {
        <span class="yaml-lines" node_ref=lines>
            <For each=move || 0..count.get() key=|i| *i children=move |i| {
                let text = RwSignal::new(blocks.with_untracked(|b| b.get(i).cloned().unwrap_or_default()));
                shown.update_value(|all| {
                    if all.len() <= i {
                        all.resize(i + 1, text);
                    }
                    all[i] = text;
                });
                view! { <span class="yaml-block">{move || text.get()}</span> }
            } />
        </span>
    }
}

/// Keeps `shown` following `blocks`: all at once for a load (a preset, a file, undo: a new
/// generation) or another view, the blocks on screen at once for an edit and the others at the
/// start of the next frame.
fn follow(
    blocks: Memo<Vec<String>>,
    view: Signal<u64>,
    shown: StoredValue<Vec<RwSignal<String>>>,
    onscreen: Onscreen,
) {
    let generation = use_ui().generation;
    let queued = StoredValue::new(false);
    // Sets the changed blocks' text (`all`, or those on screen); true if some were left for later.
    let show = move |all: bool| {
        let mut left = false;
        blocks.with_untracked(|blocks| {
            shown.with_value(|shown| {
                for (i, (text, signal)) in blocks.iter().zip(shown).enumerate() {
                    if signal.try_with_untracked(|t| t == text) != Some(false) {
                        continue;
                    }
                    if all || onscreen.shows(i) {
                        signal.set(text.clone());
                    } else {
                        left = true;
                    }
                }
            })
        });
        left
    };
    Effect::new(move |seen: Option<(u32, u64)>| {
        blocks.track();
        let now = (generation.get(), view.get());
        let load = seen != Some(now);
        let left = show(load);
        // After a load (new blocks, new places) and once the rest is shown, the next frame measures
        // again, where its layout is needed anyway.
        if (load || left) && !queued.get_value() {
            queued.set_value(true);
            next_frame(move || {
                // Gone with its view meanwhile: nothing to show.
                if queued.try_set_value(false).is_none() {
                    show(true);
                    onscreen.measure();
                }
            });
        }
        now
    });
}
