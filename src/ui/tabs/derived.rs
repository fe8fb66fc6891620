//! Secret entries the form derives from other tabs (the database URL), shown read-only in the
//! secrets list where people look for them, each leading to the tab that sets it.

use leptos::prelude::*;

use crate::ui::teach::explain::Explain;
use crate::ui::use_ui;

#[component]
pub fn DerivedSecrets() -> impl IntoView {
    let ui = use_ui();
    // The variable's name and the URL with its password masked; None without a database.
    let derived = Memo::new(move |_| {
        ui.spec.with(|s| {
            let url = s.database.masked_url(s.namespace())?;
            (!s.database.url_env.is_empty()).then(|| (s.database.url_env.clone(), url))
        })
    });
    move || {
        derived.get().map(|(name, url)| {
            view! {
                <div class="field derived-secret" data-testid="derived-secret" data-path="database.url_env">
                    <span class="label"><code>{name}</code>" (derived)"<Explain path="database.url_env".to_string() label="URL variable" /></span>
                    <code class="derived-value">{url}</code>
                    <span class="hint">"Built from the database tab and added to the Secret; its password is the database's."</span>
                    <button type="button" class="small" data-testid="derived-goto"
                        on:click=move |_| ui.focus("database.url_env")>"Edit in the database tab"</button>
                </div>
            }
        })
    }
}
