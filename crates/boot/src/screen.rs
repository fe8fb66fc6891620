//! The prerendered screen's parts this module reads and writes: a control's value, the YAML view
//! and the commands, in the markup the full page renders (src/ui/output), so that the take-over
//! finds them as it would have made them.

use kubewright::Rendered;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use web_sys::{HtmlOptionElement, HtmlTextAreaElement};

pub fn document() -> Option<Document> {
    web_sys::window()?.document()
}

pub fn body() -> Option<HtmlElement> {
    document()?.body()
}

/// What a control holds.
pub enum Value {
    Text(String),
    Checked(bool),
}

/// The value of a text box, select, text area, checkbox or chosen radio button (`None`: a radio
/// button being unchosen, a file input).
pub fn value_of(control: &HtmlElement) -> Option<Value> {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        return match input.type_().as_str() {
            "checkbox" => Some(Value::Checked(input.checked())),
            "radio" => input.checked().then(|| Value::Text(input.value())),
            "file" => None,
            _ => Some(Value::Text(input.value())),
        };
    }
    if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        return Some(Value::Text(select.value()));
    }
    let area = control.dyn_ref::<HtmlTextAreaElement>()?;
    Some(Value::Text(area.value()))
}

/// The controls with a `data-path` whose value differs from the one the HTML gave them (typed before
/// this module arrived).
pub fn edited_controls(body: &HtmlElement) -> Vec<HtmlElement> {
    let Ok(list) = body.query_selector_all("[data-path]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .filter(is_edited)
        .collect()
}

fn is_edited(control: &HtmlElement) -> bool {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        return match input.type_().as_str() {
            "checkbox" | "radio" => input.checked() != input.default_checked(),
            "file" => false,
            _ => input.value() != input.default_value(),
        };
    }
    if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        return area.default_value().is_ok_and(|d| d != area.value());
    }
    control
        .dyn_ref::<HtmlSelectElement>()
        .is_some_and(|select| {
            let options = select.options();
            (0..options.length())
                .filter_map(|i| options.item(i)?.dyn_into::<HtmlOptionElement>().ok())
                .any(|o| o.selected() != o.default_selected())
        })
}

/// Marks `<body>` with `attribute`, and the parts this module does not update (the checks and the
/// pictures) as busy until the full page replaces them.
pub fn mark_stale(attribute: &str) {
    let Some(body) = body() else {
        return;
    };
    body.set_attribute(attribute, "").ok();
    if let Ok(list) = body.query_selector_all(".lint, .diagram, .rollout") {
        for part in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()) {
            part.set_attribute("aria-busy", "true").ok();
        }
    }
}

/// Writes the whole stream into the all-documents view and the commands that apply it.
pub fn show(rendered: &Rendered) {
    let Some(document) = document() else {
        return;
    };
    if let Some(pre) = find(&document, "yaml-all") {
        set_text(&document, &pre, &rendered.all);
    }
    if let Some(pre) = find(&document, "commands") {
        commands(&document, &pre, rendered);
    }
}

fn find(document: &Document, testid: &str) -> Option<Element> {
    document
        .query_selector(&format!("pre[data-testid=\"{testid}\"]"))
        .ok()
        .flatten()
}

/// The `<pre>`'s text as the page writes it: blocks of lines (`kubewright::render::blocks`), one
/// `span.yaml-block` each inside `span.yaml-lines`, kept by position; a block whose text did not
/// change is not touched.
fn set_text(document: &Document, pre: &Element, text: &str) {
    let lines = match pre.query_selector(".yaml-lines").ok().flatten() {
        Some(lines) => lines,
        None => match span(document, "yaml-lines", None) {
            Some(lines) => {
                pre.append_child(&lines).ok();
                lines
            }
            None => return,
        },
    };
    let blocks = kubewright::render::blocks::blocks(text);
    let shown = lines.children();
    for (i, block) in blocks.iter().enumerate() {
        match shown.item(i as u32) {
            Some(old) if old.text_content().as_deref() == Some(block) => {}
            Some(old) => old.set_text_content(Some(block)),
            None => {
                if let Some(new) = span(document, "yaml-block", Some(block)) {
                    lines.append_child(&new).ok();
                }
            }
        }
    }
    while shown.length() as usize > blocks.len() {
        match shown.item(shown.length() - 1) {
            Some(extra) => extra.remove(),
            None => break,
        }
    }
}

/// A `<span>` of `class` holding `text`.
fn span(document: &Document, class: &str, text: Option<&str>) -> Option<Element> {
    let span = document.create_element("span").ok()?;
    span.set_class_name(class);
    span.set_text_content(text);
    Some(span)
}

/// Each command under its `#` comment, a blank line between them, as the full page writes them.
fn commands(document: &Document, pre: &Element, rendered: &Rendered) {
    pre.set_text_content(None);
    for (i, command) in rendered.commands_of(true).iter().enumerate() {
        if i > 0 {
            pre.append_child(&document.create_text_node("\n")).ok();
        }
        for (class, text) in [
            ("comment", format!("# {}\n", command.comment)),
            ("command", format!("{}\n", command.line)),
        ] {
            if let Some(span) = span(document, class, Some(&text)) {
                pre.append_child(&span).ok();
            }
        }
    }
}
