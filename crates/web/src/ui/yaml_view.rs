//! The YAML as lines: each line lights up while the field that produced it is focused or hovered,
//! is marked for a moment when the last edit changed it, shows its comment in the annotated view,
//! and puts the cursor in its field when clicked. Its text is exactly the YAML (plus the comments
//! when annotated is on).

use leptos::prelude::*;

use super::learn::{focus_line, use_learn};

/// Lines `range` of the whole stream (`None`: all of them).
#[component]
pub fn YamlView(
    /// `data-testid` of the `<pre>`.
    testid: &'static str,
    /// First line and one past the last; `None` shows the whole stream.
    #[prop(into)]
    range: Signal<Option<(usize, usize)>>,
    #[prop(into)] hidden: Signal<bool>,
) -> impl IntoView {
    let learn = use_learn();
    let shown = move || {
        let (start, end) = range
            .get()
            .unwrap_or_else(|| (0, learn.lines.with(Vec::len)));
        learn.lines.with(|lines| {
            let comments = learn.comments.get();
            (start..end.min(lines.len()))
                .map(|i| {
                    let comment = comments.get(i).cloned().flatten().map(|c| {
                        let indent = lines[i].len() - lines[i].trim_start_matches(' ').len();
                        view! { <span class="yaml-comment">{format!("{}# {c}\n", " ".repeat(indent))}</span> }
                    });
                    let text = format!("{}\n", lines[i]);
                    view! {
                        {comment}
                        <span
                            class="ln"
                            class:hl=move || learn.highlighted.with(|h| h.get(i).copied().unwrap_or(false))
                            class:changed=move || learn.changed.with(|c| c.get(i).copied().unwrap_or(false))
                            on:click=move |_| focus_line(i)
                        >{text}</span>
                    }
                })
                .collect_view()
        })
    };
    view! {
        // Focusable, so the keyboard can scroll it.
        <pre class="yaml" data-testid=testid hidden=hidden tabindex="0" aria-label="YAML"
            title="Click a line to edit the field it comes from">{shown}</pre>
    }
}
