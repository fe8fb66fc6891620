//! The `env` tab: plain variables (-> ConfigMap) and Downward API variables (-> the container's env).

use kubewright::spec::{AppSpec, DownwardEnv, DownwardField, EnvEntry};
use leptos::prelude::*;

use super::fields::{SelectField, TextField};
use crate::ui::use_ui;

#[component]
pub fn EnvTab() -> impl IntoView {
    view! {
        <h2>"Env"</h2>
        <p class="intro">
            "Plain settings for the app. They go into the ConfigMap "
            <code>{move || use_ui().spec.with(AppSpec::config_map_name)}</code>
            ", which the container reads whole with envFrom. Values are always strings: PORT 4000 is written \"4000\"."
        </p>
        <EntryList list=|s| &s.env list_mut=|s| &mut s.env field="env" prefix="env" masked=false />
        <h3>"From the pod (Downward API)"</h3>
        <p class="intro">"Values Kubernetes knows only once the pod runs, e.g. POD_IP for an Erlang node name."</p>
        <DownwardList />
        <h3>"Set on the container"</h3>
        <p class="intro">
            "Variables written into the container itself, after the ones above, so Kubernetes replaces $(POD_IP) "
            "in their values, e.g. RELEASE_NODE = app@$(POD_IP). In the ConfigMap it would stay literal text. "
            "(Issues about these rows name them pod_env, as the spec file does.)"
        </p>
        <EntryList list=|s| &s.pod_env list_mut=|s| &mut s.pod_env field="pod_env" prefix="pod_env" masked=false />
    }
}

/// Rows shown at once.
const PAGE: usize = 100;

/// Rows of name/value pairs with add and remove; used for env and secrets.
#[component]
pub fn EntryList(
    /// The list this edits.
    list: fn(&AppSpec) -> &Vec<EnvEntry>,
    list_mut: fn(&mut AppSpec) -> &mut Vec<EnvEntry>,
    /// The list's name in field paths: `env` or `secrets`.
    field: &'static str,
    /// `env` or `secret`: the rows' `data-testid`s.
    prefix: &'static str,
    /// Secret values are masked until revealed.
    masked: bool,
    /// More controls for row `i`, after the value (the secrets tab's size and generate button).
    #[prop(optional)]
    tools: Option<fn(usize) -> AnyView>,
) -> impl IntoView {
    let ui = use_ui();
    let spec = ui.spec;
    // Only the row count (and the page) rebuilds rows; typing in a row must not re-create (and
    // unfocus) its input.
    let len = Memo::new(move |_| spec.with(|s| list(s).len()));
    // Rows are shown a page at a time: every shown row costs work on every keystroke, and 10,000
    // rows took a second per keystroke. A field opened from the lint panel brings its page up.
    let page_of = move |path: Option<String>| {
        path.and_then(|p| {
            p.strip_prefix(field)?
                .strip_prefix('[')?
                .split(']')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .map(|i| i / PAGE)
    };
    let page = RwSignal::new(page_of(ui.focus_path.get_untracked()).unwrap_or(0));
    Effect::new(move |_| {
        if let Some(p) = page_of(ui.focus_path.get()) {
            page.set(p);
        }
    });
    let pages = move || page_count(len.get());
    let row = move |i: usize| entry_row(i, list, list_mut, field, prefix, masked, tools);
    view! {
        <div class="rows">
            {move || (len.get() > PAGE).then(|| pager(prefix, page, len))}
            {move || {
                let start = page.get().min(pages() - 1) * PAGE;
                (start..(start + PAGE).min(len.get()))
                    .map(row)
                    .collect_view()
            }}
            <button type="button" data-testid=format!("{prefix}-add")
                on:click=move |_| {
                    spec.update(|s| list_mut(s).push(EnvEntry::default()));
                    // Show the new row.
                    page.set((len.get_untracked().saturating_sub(1)) / PAGE);
                }>
                {format!("+ add {prefix}")}
            </button>
        </div>
    }
}

/// How many pages `len` rows make (one when there are none).
fn page_count(len: usize) -> usize {
    len.div_ceil(PAGE).max(1)
}

/// "Rows 101-200 of 10000" with previous and next.
fn pager(prefix: &'static str, page: RwSignal<usize>, len: Memo<usize>) -> impl IntoView {
    let pages = move || page_count(len.get());
    view! {
        <div class="pager" data-testid=format!("{prefix}-pager")>
            {move || {
                let start = page.get() * PAGE;
                format!("Rows {}-{} of {}", start + 1, (start + PAGE).min(len.get()), len.get())
            }}
            " "
            <button type="button" class="small" disabled=move || page.get() == 0
                on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>"previous"</button>
            <button type="button" class="small" disabled=move || { page.get() + 1 >= pages() }
                on:click=move |_| page.update(|p| *p += 1)>"next"</button>
        </div>
    }
}

/// Row `i` of an [`EntryList`]: name, value (masked until shown), its tools and remove.
fn entry_row(
    i: usize,
    list: fn(&AppSpec) -> &Vec<EnvEntry>,
    list_mut: fn(&mut AppSpec) -> &mut Vec<EnvEntry>,
    field: &'static str,
    prefix: &'static str,
    masked: bool,
    tools: Option<fn(usize) -> AnyView>,
) -> impl IntoView {
    let spec = use_ui().spec;
    let revealed = RwSignal::new(!masked);
    view! {
        <div class="row" data-testid=format!("{prefix}-row")>
            <TextField
                label="Name"
                path=format!("{field}[{i}].name")
                testid=format!("{prefix}-name")
                get=Signal::derive(move || spec.with(|s| list(s).get(i).map(|e| e.name.clone()).unwrap_or_default()))
                set=move |v| spec.update(|s| if let Some(e) = list_mut(s).get_mut(i) { e.name = v })
            />
            <TextField
                label="Value"
                path=format!("{field}[{i}].value")
                testid=format!("{prefix}-value")
                masked=Signal::derive(move || !revealed.get())
                get=Signal::derive(move || spec.with(|s| list(s).get(i).map(|e| e.value.clone()).unwrap_or_default()))
                set=move |v| spec.update(|s| if let Some(e) = list_mut(s).get_mut(i) { e.value = v })
            />
            {tools.map(|tools| tools(i))}
            {masked.then(|| view! {
                <button type="button" class="small" data-testid=format!("{prefix}-reveal")
                    aria-pressed=move || revealed.get().to_string()
                    on:click=move |_| revealed.update(|r| *r = !*r)>
                    {move || if revealed.get() { "hide" } else { "show" }}
                </button>
            })}
            <button type="button" class="small remove" data-testid=format!("{prefix}-remove")
                aria-label=format!("remove this {prefix}")
                on:click=move |_| spec.update(|s| { if i < list(s).len() { list_mut(s).remove(i); } })>
                "remove"
            </button>
        </div>
    }
}

#[component]
fn DownwardList() -> impl IntoView {
    let spec = use_ui().spec;
    let len = Memo::new(move |_| spec.with(|s| s.downward.len()));
    view! {
        <div class="rows">
            {move || {
                (0..len.get())
                    .map(|i| view! {
                        <div class="row" data-testid="downward-row">
                            <TextField
                                label="Name"
                                path=format!("downward[{i}].name")
                                testid="downward-name"
                                get=Signal::derive(move || spec.with(|s| s.downward.get(i).map(|d| d.name.clone()).unwrap_or_default()))
                                set=move |v| spec.update(|s| if let Some(d) = s.downward.get_mut(i) { d.name = v })
                            />
                            <SelectField
                                label="Pod field"
                                path=format!("downward[{i}].field")
                                testid="downward-field"
                                options=DownwardField::ALL.to_vec()
                                name=DownwardField::field_path
                                get=Signal::derive(move || spec.with(|s| s.downward.get(i).map(|d| d.field).unwrap_or(DownwardField::PodIp)))
                                set=move |v| spec.update(|s| if let Some(d) = s.downward.get_mut(i) { d.field = v })
                            />
                            <button type="button" class="small remove" data-testid="downward-remove"
                                on:click=move |_| spec.update(|s| { if i < s.downward.len() { s.downward.remove(i); } })>
                                "remove"
                            </button>
                        </div>
                    })
                    .collect_view()
            }}
            <button type="button" data-testid="downward-add"
                on:click=move |_| spec.update(|s| s.downward.push(DownwardEnv::default()))>
                "+ add pod field"
            </button>
        </div>
    }
}
