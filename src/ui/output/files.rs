//! Which file the YAML view shows (all documents, or one file), the tabs that choose it, and the
//! views themselves. A file's view is a range of the whole stream's lines (the core says which), so
//! its marks and clicks use the stream's line numbers.

use kubewright::render::{annotate, ALL_FILE};
use leptos::prelude::*;

use super::yaml_view::YamlView;
use crate::ui::teach::learn::use_learn;
use crate::ui::use_ui;

/// The name of the "all documents" view; its download is the core's [`ALL_FILE`].
const ALL: &str = "all";

/// The file chosen in the tabs.
#[derive(Clone, Copy)]
pub struct Shown {
    selected: RwSignal<String>,
    /// The chosen file's name and YAML; `None` shows all documents. The chosen file may disappear
    /// (e.g. the last env entry removed): all documents are shown then.
    file: Memo<Option<(String, String)>>,
}

impl Shown {
    pub fn new() -> Self {
        let rendered = use_ui().rendered;
        let selected = RwSignal::new(ALL.to_string());
        let file = Memo::new(move |_| {
            let name = selected.get();
            rendered.with(|r| {
                r.files
                    .iter()
                    .find(|f| f.name == name)
                    .map(|f| (f.name.clone(), f.yaml.clone()))
            })
        });
        Shown { selected, file }
    }

    /// Whether all documents are shown (no single file).
    pub fn is_all(&self) -> bool {
        self.file.with(Option::is_none)
    }

    /// The shown file's name, or the all-documents download's. The buttons only need the name:
    /// reading it must not clone the YAML on every keystroke.
    pub fn name(&self) -> String {
        self.file
            .with(|s| s.as_ref().map(|(name, _)| name.clone()))
            .unwrap_or_else(|| ALL_FILE.to_string())
    }

    /// What copy and download take: the shown file's name and text, with the comments when
    /// annotated is on.
    pub fn text(&self) -> (String, String) {
        let ui = use_ui();
        let (name, yaml) = self
            .file
            .get()
            .unwrap_or_else(|| (ALL_FILE.to_string(), ui.rendered.with(|r| r.all.clone())));
        if !use_learn().annotated.get_untracked() {
            return (name, yaml);
        }
        let text = ui.spec.with_untracked(|s| {
            if name == ALL_FILE {
                annotate::annotate(s, &yaml)
            } else {
                annotate::annotate_file(s, &name, &yaml)
            }
        });
        (name, text)
    }
}

/// One tab per file, and "all". A tablist with one Tab stop (the chosen file); arrow keys, Home
/// and End choose another, as in the form's tabs.
#[component]
pub fn FileTabs(shown: Shown) -> impl IntoView {
    let rendered = use_ui().rendered;
    let names = Memo::new(move |_| {
        let mut names = vec![ALL.to_string()];
        rendered.with(|r| names.extend(r.files.iter().map(|f| f.name.clone())));
        names
    });
    let file = shown.file;
    let selected = shown.selected;
    // The chosen tab: a file that disappeared falls back to "all".
    let current = move || file.with(|s| s.as_ref().map_or(ALL.to_string(), |(n, _)| n.clone()));
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let list = names.get_untracked();
        let at = list.iter().position(|n| *n == current()).unwrap_or(0);
        let n = list.len();
        let next = match ev.key().as_str() {
            "ArrowRight" => (at + 1) % n,
            "ArrowLeft" => (at + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        ev.prevent_default();
        selected.set(list[next].clone());
        focus_testid(&format!("file-{}", list[next]));
    };
    view! {
        <div class="files" role="tablist" aria-label="Files" on:keydown=on_key>
            {move || names.get().into_iter().map(|name| {
                let is = name.clone();
                let active = Memo::new(move |_| current() == is);
                let set = name.clone();
                let testid = format!("file-{name}");
                view! {
                    <button type="button" role="tab" data-testid=testid
                        aria-selected=move || active.get().to_string()
                        tabindex=move || if active.get() { "0" } else { "-1" }
                        class:active=active
                        on:click=move |_| selected.set(set.clone())>{name}</button>
                }
            }).collect_view()}
        </div>
    }
}

fn focus_testid(testid: &str) {
    let element = document()
        .query_selector(&format!("[data-testid=\"{testid}\"]"))
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// The whole stream, and the chosen file's lines when one is chosen.
#[component]
pub fn YamlViews(shown: Shown) -> impl IntoView {
    let rendered = use_ui().rendered;
    let file = shown.file;
    let range = Memo::new(move |_| {
        let name = file.with(|s| s.as_ref().map(|(n, _)| n.clone()))?;
        rendered.with(|r| r.line_range(&name))
    });
    view! {
        // Always in the page (hidden while one file is shown), so its text is the whole stream.
        <YamlView testid="yaml-all" range=Signal::derive(|| None)
            hidden=Signal::derive(move || file.with(Option::is_some)) />
        {move || range.get().map(|range| view! {
            <YamlView testid="yaml-file" range=Signal::derive(move || Some(range.clone())) hidden=Signal::derive(|| false) />
        })}
    }
}
