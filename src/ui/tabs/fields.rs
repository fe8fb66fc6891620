//! Form controls bound to one spec value through a getter and a setter. Text that cannot be turned
//! into the value (e.g. `abc` for a number) is kept in the box with a message beside it, and reported
//! to the output panel; the spec keeps its last valid value.
//!
//! Every control carries its field path (`app.name`, `env[2].name`, the spec file's JSON path) as
//! `data-path`, and shows the validation issues for that path beside it, with their one-click fixes.

use kubewright::validate::{Issue, Severity};
use leptos::prelude::*;

use crate::ui::teach::explain::Explain;
use crate::ui::use_ui;

/// The validation issues of one field, as a memo (re-rendered only when they change).
fn issues_at(path: String) -> Memo<Vec<Issue>> {
    let ui = use_ui();
    Memo::new(move |_| {
        ui.issues_by_path.with(|sorted| {
            let start = sorted.partition_point(|i| i.path < path);
            sorted[start..]
                .iter()
                .take_while(|i| i.path == path)
                .cloned()
                .collect()
        })
    })
}

fn has_error(issues: &[Issue]) -> bool {
    issues.iter().any(|i| i.severity == Severity::Error)
}

/// The messages under a field: each issue with its rule id and, where there is one, its fix.
#[component]
pub fn FieldIssues(
    /// The field's path.
    #[prop(into)]
    path: String,
) -> impl IntoView {
    let issues = issues_at(path);
    view! { <IssueList issues /> }
}

#[component]
fn IssueList(issues: Memo<Vec<Issue>>) -> impl IntoView {
    let ui = use_ui();
    move || {
        issues.with(|list| {
            list.iter()
                .map(|issue| {
                    let severity = issue.severity.as_str();
                    let fix = issue.fix.clone().map(|fix| {
                        let label = fix.label();
                        view! {
                            <button type="button" class="small fix" data-testid="fix"
                                on:click=move |_| ui.spec.update(|s| fix.apply(s))>{label}</button>
                        }
                    });
                    view! {
                        <span class=format!("message {severity}") data-testid=format!("issue-{severity}") data-rule=issue.rule>
                            <span class="severity">{severity}</span>" "{issue.message.clone()}" "
                            <span class="rule">{issue.rule}</span>
                            {fix}
                        </span>
                    }
                })
                .collect_view()
        })
    }
}

/// A text box for a string field.
#[component]
pub fn TextField(
    /// The visible label.
    label: &'static str,
    /// Field path, e.g. `app.name`: validation issues for it show beside the box.
    #[prop(into)]
    path: String,
    /// Current value.
    #[prop(into)]
    get: Signal<String>,
    /// Called with the new text on every keystroke.
    #[prop(into)]
    set: Callback<String>,
    /// `data-testid` for tests and tooling.
    #[prop(optional, into)]
    testid: Option<String>,
    /// One line under the box saying what the field is for.
    #[prop(optional)]
    hint: Option<&'static str>,
    #[prop(optional)] placeholder: Option<&'static str>,
    /// Masks the value (`type=password`).
    #[prop(optional, into)]
    masked: Signal<bool>,
) -> impl IntoView {
    let issues = issues_at(path.clone());
    let explained = path.clone();
    // A memo, so a keystroke elsewhere (every keystroke changes the spec) does not rewrite this box:
    // with 10,000 env rows, rewriting every box was most of a keystroke's time.
    let get = Memo::new(move |_| get.get());
    view! {
        <label class="field" class:invalid=move || issues.with(|i| has_error(i))>
            <span class="label">{label}<Explain path=explained label=label /></span>
            <input
                type=move || if masked.get() { "password" } else { "text" }
                // Chrome ignores "off" for password boxes and offers to save them; "new-password"
                // and the password managers' own opt-outs keep secret values out of them.
                autocomplete=move || if masked.get() { "new-password" } else { "off" }
                data-1p-ignore=move || masked.get().then_some("")
                data-lpignore=move || masked.get().then_some("true")
                spellcheck="false"
                placeholder=placeholder
                data-testid=testid
                data-path=path
                aria-invalid=move || issues.with(|i| has_error(i)).to_string()
                prop:value=get
                on:input=move |ev| set.run(event_target_value(&ev))
            />
            <IssueList issues />
            {hint.map(|h| view! { <span class="hint">{h}</span> })}
        </label>
    }
}

/// A text box for a value that has to be parsed (numbers, optional numbers, argument lists).
///
/// Generic only on the outside: it turns the typed value into text plus a "parse and set" callback and
/// hands them to [`ParsedInput`], so the view code exists once in the wasm instead of once per type.
#[component]
pub fn ParsedField<T: Send + Sync + 'static>(
    label: &'static str,
    /// Field path for messages, e.g. `app.replicas`.
    #[prop(into)]
    path: String,
    #[prop(into)] get: Signal<T>,
    #[prop(into)] set: Callback<T>,
    /// Text -> value, or a message saying what is expected.
    parse: fn(&str) -> Result<T, String>,
    /// Value -> text shown in the box.
    show: fn(&T) -> String,
    #[prop(optional, into)] testid: Option<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] placeholder: Option<&'static str>,
) -> impl IntoView {
    // A memo for the same reason as in TextField.
    let text = Memo::new(move |_| get.with(show)).into();
    let apply = Callback::new(move |input: String| parse(&input).map(|value| set.run(value)));
    view! { <ParsedInput label path text apply testid=testid hint=hint placeholder=placeholder /> }
}

#[component]
fn ParsedInput(
    label: &'static str,
    path: String,
    /// The spec's value as text.
    text: Signal<String>,
    /// Parses the text and sets the value, or says what is wrong.
    apply: Callback<String, Result<(), String>>,
    testid: Option<String>,
    hint: Option<&'static str>,
    placeholder: Option<&'static str>,
) -> impl IntoView {
    let ui = use_ui();
    let issues = issues_at(path.clone());
    // The text as typed while it does not parse, with the message; `None` shows the spec's value.
    let pending: RwSignal<Option<(String, String)>> = RwSignal::new(None);
    let path_for_cleanup = path.clone();
    let data_path = path.clone();
    let explained = path.clone();
    on_cleanup(move || ui.set_input_error(&path_for_cleanup, None));
    let on_input = move |ev| {
        let input = event_target_value(&ev);
        match apply.run(input.clone()) {
            Ok(()) => {
                pending.set(None);
                ui.set_input_error(&path, None);
            }
            Err(message) => {
                ui.set_input_error(&path, Some(message.clone()));
                pending.set(Some((input, message)));
            }
        }
    };
    view! {
        <label class="field" class:invalid=move || pending.with(Option::is_some) || issues.with(|i| has_error(i))>
            <span class="label">{label}<Explain path=explained label=label /></span>
            <input
                type="text"
                autocomplete="off"
                spellcheck="false"
                placeholder=placeholder
                data-testid=testid
                data-path=data_path
                aria-invalid=move || (pending.with(Option::is_some) || issues.with(|i| has_error(i))).to_string()
                prop:value=move || pending.with(|p| p.as_ref().map(|(input, _)| input.clone())).unwrap_or_else(|| text.get())
                on:input=on_input
            />
            {move || pending.with(|p| p.as_ref().map(|(_, m)| view! { <span class="message error" role="alert">{m.clone()}</span> }))}
            // While the text does not parse, the spec's (old) value's issues would be misleading.
            {move || pending.with(Option::is_none).then(|| view! { <IssueList issues /> })}
            {hint.map(|h| view! { <span class="hint">{h}</span> })}
        </label>
    }
}

/// A drop-down for an enum field. Generic only on the outside, like [`ParsedField`].
#[component]
pub fn SelectField<T: Copy + PartialEq + Send + Sync + 'static>(
    label: &'static str,
    /// Field path, as for [`TextField`].
    #[prop(into)]
    path: String,
    /// Every choice, in display order.
    options: Vec<T>,
    /// Choice -> the text shown (also the option's value).
    name: fn(T) -> &'static str,
    #[prop(into)] get: Signal<T>,
    #[prop(into)] set: Callback<T>,
    #[prop(optional, into)] testid: Option<String>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let names: Vec<&'static str> = options.iter().map(|o| name(*o)).collect();
    let current = Signal::derive(move || name(get.get()));
    let choose = Callback::new(move |text: String| {
        if let Some(choice) = options.iter().copied().find(|c| name(*c) == text) {
            set.run(choice);
        }
    });
    view! { <SelectInput label path names current choose testid=testid hint=hint /> }
}

#[component]
fn SelectInput(
    label: &'static str,
    path: String,
    names: Vec<&'static str>,
    current: Signal<&'static str>,
    choose: Callback<String>,
    testid: Option<String>,
    hint: Option<&'static str>,
) -> impl IntoView {
    let issues = issues_at(path.clone());
    let explained = path.clone();
    view! {
        <label class="field">
            <span class="label">{label}<Explain path=explained label=label /></span>
            <select data-testid=testid data-path=path prop:value=current on:change=move |ev| choose.run(event_target_value(&ev))>
                {names
                    .into_iter()
                    .map(|n| view! { <option value=n selected=move || current.get() == n>{n}</option> })
                    .collect_view()}
            </select>
            <IssueList issues />
            {hint.map(|h| view! { <span class="hint">{h}</span> })}
        </label>
    }
}

/// A checkbox for a yes/no field.
#[component]
pub fn CheckField(
    label: &'static str,
    /// Field path, as for [`TextField`].
    #[prop(into)]
    path: String,
    #[prop(into)] get: Signal<bool>,
    #[prop(into)] set: Callback<bool>,
    #[prop(optional, into)] testid: Option<String>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let issues = issues_at(path.clone());
    let explained = path.clone();
    view! {
        <div class="field check">
            <label>
                <input type="checkbox" data-testid=testid data-path=path prop:checked=get
                    on:change=move |ev| set.run(event_target_checked(&ev)) />
                " "<span class="label">{label}</span>
            </label>
            <Explain path=explained label=label />
            <IssueList issues />
            {hint.map(|h| view! { <span class="hint">{h}</span> })}
        </div>
    }
}

/// Parses a whole number (negative allowed: range rules belong to validation, which can explain them).
pub fn parse_int(text: &str) -> Result<i64, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("\"{text}\" is not a whole number"))
}

/// Parses an optional whole number: empty means "not set" (Kubernetes' default applies).
pub fn parse_opt_int(text: &str) -> Result<Option<i64>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_int(text)
            .map(Some)
            .map_err(|m| format!("{m}; leave it empty for the default"))
    }
}

pub fn show_int(n: &i64) -> String {
    n.to_string()
}

pub fn show_opt_int(n: &Option<i64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// Parses words the way a shell would (`/app/bin/x ping`, `"a b" c`), without running one.
pub fn parse_words(text: &str) -> Result<Vec<String>, String> {
    kubewright::render::split_words(text)
        .ok_or_else(|| "an opening quote has no closing quote".to_string())
}

// `&Vec` because ParsedField takes `fn(&T) -> String` with `T = Vec<String>`.
#[allow(clippy::ptr_arg)]
pub fn show_words(words: &Vec<String>) -> String {
    kubewright::render::join_words(words.iter().map(String::as_str))
}
