//! The YAML as blocks of lines (an edit updates only the blocks it changed: see blocks.rs), with the
//! line marks drawn underneath as a few absolutely placed, empty boxes: the lines of the field in
//! focus or under the pointer, and the lines the last edit changed. A click is turned into a line
//! number from its position, and puts the cursor in that line's field. The `<pre>`'s text is exactly
//! the YAML (plus the comments when annotated is on): the marks hold no text.

use std::ops::Range;

use kubewright::render::annotate;
use leptos::prelude::*;

use super::blocks::{self, Blocks};
use crate::ui::teach::learn::{focus_line, use_learn};

/// What is shown: the stream as it is, or rows of it (a range, or with comments) and their line map.
#[derive(Clone, PartialEq)]
enum Shown {
    Stream(String),
    Rows(annotate::Rows),
}

impl Shown {
    fn text(&self) -> &str {
        match self {
            Shown::Stream(text) => text,
            Shown::Rows(rows) => &rows.text,
        }
    }

    fn row_of(&self, line: usize) -> Option<usize> {
        match self {
            Shown::Stream(_) => Some(line),
            Shown::Rows(rows) => rows.row_of(line),
        }
    }

    fn line_at(&self, row: usize) -> Option<usize> {
        match self {
            Shown::Stream(_) => Some(row),
            Shown::Rows(rows) => rows.line_at(row),
        }
    }
}

/// Lines `range` of the whole stream (`None`: all of them).
#[component]
pub fn YamlView(
    /// `data-testid` of the `<pre>`.
    testid: &'static str,
    /// First line and one past the last; `None` shows the whole stream.
    #[prop(into)]
    range: Signal<Option<Range<usize>>>,
    #[prop(into)] hidden: Signal<bool>,
) -> impl IntoView {
    let learn = use_learn();
    let rendered = crate::ui::use_ui().rendered;
    let shown = Memo::new(move |_| {
        let annotated = learn.annotated.get();
        match range.get() {
            // The common case reads the stream as it is: no per-line work.
            None if !annotated => Shown::Stream(rendered.with(|r| r.all.clone())),
            range => learn.lines.with(|lines| {
                let range = range.unwrap_or(0..lines.len());
                learn
                    .comments
                    .with(|comments| Shown::Rows(annotate::rows(lines, comments, range)))
            }),
        }
    });
    // (row, line, class) of every mark to draw.
    let marks = move || {
        shown.with(|s| {
            let mut out = Vec::new();
            for (flags, class) in [
                (Signal::from(learn.highlighted), "mark hl"),
                (learn.changed_marks(), "mark changed"),
            ] {
                flags.with(|f| {
                    for (line, _) in f.iter().enumerate().filter(|(_, on)| **on) {
                        if let Some(row) = s.row_of(line) {
                            out.push((row, line, class));
                        }
                    }
                });
            }
            out
        })
    };
    let blocks = Memo::new(move |_| {
        shown.with(|s| {
            blocks::blocks(s.text())
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
    });
    // Which view this is (the file's first line, annotated or not, shown or not): when it changes,
    // every block changes at once (see blocks.rs), as for a load.
    let view = Signal::derive(move || {
        let first = range.with(|r| r.as_ref().map_or(0, |r| r.start as u64 + 1));
        first * 4 + u64::from(learn.annotated.get()) * 2 + u64::from(hidden.get())
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(line) =
            clicked_row(&ev).and_then(|row| shown.with_untracked(|s| s.line_at(row)))
        {
            focus_line(line);
        }
    };
    view! {
        // Focusable, so the keyboard can scroll it.
        // The row height is set here, not only in the stylesheet: the click handler depends on it.
        // (`style:` sets properties through the CSSOM, which the page's CSP allows; a `style`
        // attribute would be refused.)
        <pre class="yaml" data-testid=testid hidden=hidden tabindex="0" aria-label="YAML"
            style:line-height="var(--lh, 1.45em)"
            title="Click a line to edit the field it comes from" on:click=on_click>
            <span class="marks" aria-hidden="true">
                // Keyed: a mark that stays (the focused field's lines while typing in it) is not
                // touched; rebuilding every mark's element was most of a keystroke's DOM work.
                <For each=marks key=|mark| *mark children=|(row, line, class)| view! {
                    <span class=class data-line=line style:top=format!("calc(var(--pad, 0px) + {row} * var(--lh, 1.45em))")
                        style:height="var(--lh, 1.45em)"></span>
                } />
            </span>
            <Blocks blocks=blocks view=view />
        </pre>
    }
}

/// The row of a `<pre class="yaml">` a click landed on, from its position and the row height and
/// top padding as the browser laid them out.
fn clicked_row(ev: &web_sys::MouseEvent) -> Option<usize> {
    // The event's target is the `<pre>` (its text is a plain text node); events are delegated, so
    // `currentTarget` cannot be relied on.
    let pre = event_target::<web_sys::Element>(ev).closest("pre").ok()??;
    let style = window().get_computed_style(&pre).ok()??;
    let px = |name: &str| {
        style
            .get_property_value(name)
            .ok()
            .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
    };
    let (line_height, padding) = (px("line-height")?, px("padding-top")?);
    let top = pre.get_bounding_client_rect().top();
    let y = f64::from(ev.client_y()) - top + f64::from(pre.scroll_top()) - padding;
    if y < 0.0 || line_height <= 0.0 {
        return None;
    }
    Some((y / line_height) as usize)
}
