//! Form <-> YAML: which field the user is on (focus or hover), the lines it produced, the lines the
//! last edit changed, and the annotated view. Shared as a context next to [`crate::ui::Ui`]; every line
//! fact comes from the core (`kubewright::render::{sources, lines, annotate}`). The lines of a field
//! and the changed-line marks follow an edit a frame later (`later.rs`): a keystroke's frame shows
//! its YAML without waiting for them.

use std::time::Duration;

use kubewright::render::{annotate, lines, sources};
use leptos::prelude::*;

use crate::ui::use_ui;

#[derive(Clone, Copy)]
pub struct Learn {
    /// The field path under the pointer, else the focused one.
    pub hovered: RwSignal<Option<String>>,
    pub focused: RwSignal<Option<String>>,
    /// Show YAML comments on the non-obvious lines (off: the YAML is exactly what gets copied).
    pub annotated: RwSignal<bool>,
    /// The lines of the whole YAML stream.
    pub lines: Memo<Vec<String>>,
    /// Per line of the stream: the form fields behind it (computed only when asked for).
    pub sources: Memo<Vec<Vec<String>>>,
    /// Per line: highlighted because it came from the field under the pointer or in focus.
    pub highlighted: Memo<Vec<bool>>,
    /// Per line: changed by the last edit (cleared after a moment).
    pub changed: RwSignal<Vec<bool>>,
    /// Per line: its comment in the annotated view.
    pub comments: Memo<Vec<Option<String>>>,
}

/// Creates the context; call once, after [`crate::ui::Ui`] is provided.
pub fn provide() -> Learn {
    let ui = use_ui();
    let rendered = ui.rendered;
    let lines = Memo::new(move |_| {
        rendered.with(|r| r.all.lines().map(str::to_string).collect::<Vec<_>>())
    });
    let settled = ui.settled;
    let sources = Memo::new(move |_| {
        settled.track();
        rendered.with_untracked(|r| ui.spec.with_untracked(|s| sources::line_sources(s, &r.all)))
    });
    // For a big stream the links and marks are left out: they cost time on every keystroke (the form
    // stays fast with 10,000 env rows).
    let big = ui.checks.big;
    let hovered = RwSignal::new(None::<String>);
    let focused = RwSignal::new(None::<String>);
    let highlighted = Memo::new(move |_| {
        let field = hovered.get().or_else(|| focused.get());
        if big.get() {
            return Vec::new();
        }
        match field {
            Some(f) => {
                // One entry per line: its length is the line count, without `lines`' copy of every
                // line on each keystroke.
                let (on, count) = sources.with(|s| (sources::lines_of(&f, s), s.len()));
                let mut out = vec![false; count];
                for i in on {
                    if let Some(x) = out.get_mut(i) {
                        *x = true;
                    }
                }
                out
            }
            None => Vec::new(),
        }
    });
    let annotated = RwSignal::new(false);
    let comments = Memo::new(move |_| {
        if annotated.get() {
            rendered.with(|r| ui.spec.with_untracked(|s| annotate::comments(s, &r.all)))
        } else {
            Vec::new()
        }
    });
    let changed = RwSignal::new(Vec::<bool>::new());
    mark_changed_lines(changed, big, settled);
    let learn = Learn {
        hovered,
        focused,
        annotated,
        lines,
        sources,
        highlighted,
        changed,
        comments,
    };
    provide_context(learn);
    learn
}

/// Marks the lines the last edit changed in `changed` (when `settled` says, a frame after it), then
/// lets the marks fade: a newer edit restarts it. A preset replaces everything, which is not an edit:
/// nothing is marked then. Nothing is marked either while the stream is `big`.
fn mark_changed_lines(changed: RwSignal<Vec<bool>>, big: Memo<bool>, settled: ReadSignal<u64>) {
    let ui = use_ui();
    let rendered = ui.rendered;
    let previous = StoredValue::new(None::<(u32, String)>);
    let round = StoredValue::new(0u32);
    Effect::new(move |_| {
        settled.track();
        let now = rendered.with_untracked(|r| r.all.clone());
        let generation = ui.generation.get_untracked();
        if big.get_untracked() {
            previous.set_value(None);
            changed.set(Vec::new());
            return;
        }
        // The text is kept for the next edit's comparison: taken out and put back, not copied.
        let before = previous
            .try_update_value(Option::take)
            .flatten()
            .filter(|(g, _)| *g == generation)
            .map(|(_, text)| text);
        let marks = before.map(|before| {
            let mut marks = vec![false; now.lines().count()];
            for i in lines::changed_lines(&before, &now) {
                marks[i] = true;
            }
            marks
        });
        previous.set_value(Some((generation, now)));
        let Some(marks) = marks else {
            changed.set(Vec::new());
            return;
        };
        changed.set(marks);
        round.update_value(|r| *r += 1);
        let mine = round.get_value();
        set_timeout(
            move || {
                if round.get_value() == mine {
                    changed.set(Vec::new());
                }
            },
            Duration::from_millis(1500),
        );
    });
}

impl Learn {
    /// The changed-line flags as a signal the view can read.
    pub fn changed_marks(&self) -> Signal<Vec<bool>> {
        self.changed.into()
    }
}

pub fn use_learn() -> Learn {
    expect_context::<Learn>()
}

/// The `data-path` of the form control an event happened in, if any.
pub fn path_of(ev: &web_sys::Event) -> Option<String> {
    event_target::<web_sys::Element>(ev)
        .closest("[data-path]")
        .ok()??
        .get_attribute("data-path")
}

/// Puts the cursor in the form field behind YAML line `line`.
pub fn focus_line(line: usize) {
    let learn = use_learn();
    let source = learn
        .sources
        .with_untracked(|s| s.get(line).and_then(|f| f.first().cloned()));
    if let Some(path) = source {
        use_ui().focus(&field_of(&path));
    }
}

// A row (`env[2]`) is edited through one of its boxes: the value, or the pod field.
fn field_of(source: &str) -> String {
    if !source.ends_with(']') {
        return source.to_string();
    }
    if source.starts_with("downward[") {
        format!("{source}.field")
    } else {
        format!("{source}.value")
    }
}
