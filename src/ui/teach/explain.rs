//! The explanation beside a form field: what it does, its default, what goes wrong without it, the
//! `kubectl explain` path and a reference link. Collapsed until asked for, so the form stays short;
//! `<details>` opens with a click or tap; from the keyboard, F1 in the field opens it (see the form),
//! so the "?" is left out of the Tab order instead of adding a stop before every field.

use leptos::prelude::*;

/// The explanation of the field at `path` (a field path such as `env[2].value`), if there is one.
#[component]
pub fn Explain(path: String, label: &'static str) -> impl IntoView {
    kubewright::explain::explain(&path).map(|x| {
        view! {
            <details class="explain" data-testid="explain" data-explains=path>
                <summary tabindex="-1" aria-label=format!("What is {label}? (F1 in the field)")>"?"</summary>
                <p>{x.text}</p>
                <p><strong>"Default: "</strong>{x.default}</p>
                <p><strong>"Without it: "</strong>{x.without}</p>
                {x.explain.map(|e| view! { <p><code>{format!("kubectl explain {e}")}</code></p> })}
                <p><a href=x.link.clone() target="_blank" rel="noopener noreferrer">{reference(&x.link)}</a></p>
            </details>
        }
    })
}

// The link's text says where it goes.
fn reference(link: &str) -> &'static str {
    if link.starts_with("https://kubernetes.io/") {
        "Kubernetes documentation"
    } else if link.contains("cloudnative-pg") {
        "CloudNativePG documentation"
    } else if link.contains("bitnami") {
        "the chart's documentation"
    } else {
        "documentation"
    }
}
