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
                        "Required: {} is yours to set (your own key, password or URL). Type or \
                         paste it, or press generate where the row offers it.",
                        e.name
                    ),
                )
            })
            .collect()
    },
};

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
