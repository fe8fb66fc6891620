//! The lint panel: every validation issue in one list, errors first. Clicking one opens its tab and
//! focuses its field; fixes apply in one click here too.

use leptos::prelude::*;

use crate::ui::use_ui;

#[component]
pub fn LintPanel() -> impl IntoView {
    let ui = use_ui();
    let issues = ui.issues;
    let verdict = ui.verdict;
    let errors = Memo::new(move |_| verdict.get().errors);
    let warnings = Memo::new(move |_| verdict.get().warnings);
    view! {
        <details class="lint" data-testid="lint" open=move || { errors.get() > 0 }>
            <summary>
                {move || if errors.get() > 0 {
                    view! { <span class="verdict error" data-testid="not-valid">{verdict.get().headline()}</span> }.into_any()
                } else {
                    view! { <span class="verdict ok" class:danger={move || verdict.get().dangerous > 0} data-testid="valid">{verdict.get().headline()}</span> }.into_any()
                }}
                {move || (warnings.get() > 0).then(|| format!(" · {} warning{}", warnings.get(), if warnings.get() == 1 { "" } else { "s" }))}
            </summary>
            <ul class="lint-list">
                {move || issues.with(|list| list.iter().map(|issue| {
                    let path = issue.path.clone();
                    let severity = issue.severity.as_str();
                    let fix = issue.fix.clone().map(|fix| {
                        let label = fix.label();
                        view! { <button type="button" class="small fix" data-testid="lint-fix"
                            on:click=move |_| ui.spec.update(|s| fix.apply(s))>{label}</button> }
                    });
                    view! {
                        <li class=severity data-testid="lint-item" data-rule=issue.rule>
                            <button type="button" class="link" data-testid="lint-goto"
                                title="Go to the field"
                                on:click={let path = path.clone(); move |_| ui.focus(&path)}>
                                <span class="severity">{severity}</span>" "
                                <code>{path.clone()}</code>
                            </button>
                            " "{issue.message.clone()}" "
                            <span class="rule">{issue.rule}</span>
                            {fix}
                        </li>
                    }
                }).collect_view())}
            </ul>
        </details>
    }
}
