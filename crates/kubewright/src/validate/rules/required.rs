//! Values only the user has: a secret left empty, or a value still holding a stand-in such as
//! `change-me`. The API server accepts both, but the app would start with a key, password or URL
//! nobody chose, so they are errors: nothing leaves the page as "valid" with them.

use crate::validate::{Finding, Rule, Severity};

/// Words that mark a value as a stand-in to be replaced (compared in lower case).
const PLACEHOLDERS: [&str; 4] = ["replace-me", "change-me", "changeme", "replace_me"];

fn is_placeholder(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    PLACEHOLDERS.iter().any(|p| lower.contains(p))
}

pub const SECRET_REQUIRED: Rule = Rule {
    id: "secret-value-required",
    severity: Severity::Error,
    upstream:
        "none: the API server accepts an empty Secret value; the app would start with an empty \
               key, password or URL",
    check: |spec| {
        spec.secrets
            .iter()
            .enumerate()
            .filter(|(_, e)| e.value.is_empty())
            .map(|(i, e)| {
                Finding::new(
                    format!("secrets[{i}].value"),
                    format!(
                        "Required: {} is yours to set. {}",
                        e.name,
                        how_to_fill(&e.name)
                    ),
                )
            })
            .collect()
    },
};

// A key that must match something the app already has cannot be generated: say where it is.
fn how_to_fill(name: &str) -> &'static str {
    let upper = name.to_ascii_uppercase();
    if upper.contains("MASTER_KEY") {
        "Paste your app's own key (Rails: the contents of config/master.key); a new random one \
         cannot open your encrypted credentials."
    } else if upper.ends_with("_URL") || upper.ends_with("_DSN") {
        "Type or paste the address with its credentials."
    } else {
        "Type or paste your own value, or press the row's generate for a new random one."
    }
}

pub const PLACEHOLDER: Rule = Rule {
    id: "placeholder-value",
    severity: Severity::Error,
    upstream:
        "none: the API server accepts any text; a stand-in such as change-me would ship as the \
               real key or password",
    check: |spec| {
        let db = &spec.database;
        let secrets = spec
            .secrets
            .iter()
            .enumerate()
            .map(|(i, e)| (format!("secrets[{i}].value"), e.value.as_str()));
        let passwords = [
            ("database.password".to_string(), db.password.as_str()),
            (
                "database.admin_password".to_string(),
                db.admin_password.as_str(),
            ),
        ];
        secrets
            .chain(passwords)
            .filter(|(_, value)| is_placeholder(value))
            .map(|(path, _)| {
                Finding::new(
                    path,
                    "This is a stand-in, not a value: replace it with your own (or press generate).",
                )
            })
            .collect()
    },
};
