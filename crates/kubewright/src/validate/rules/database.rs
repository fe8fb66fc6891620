//! The database section: its name, user, database, passwords and, for CloudNativePG, instances
//! and storage.

use crate::spec::{Database, DatabaseKind};
use crate::validate::{names, quantity, Finding, Rule, Severity};

pub const DATABASE: Rule = Rule {
    id: "database",
    severity: Severity::Error,
    upstream: "Helm release names (53 characters); CloudNativePG's cluster webhook validateName \
               (IsDNS1035Label, at most 50 characters); the chart's Service <name>-postgresql is a \
               Service name too (IsDNS1035Label); PostgreSQL",
    check: |spec| {
        let db = &spec.database;
        if db.kind == DatabaseKind::None {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut bad = |field: &str, message: String| {
            out.push(Finding::new(format!("database.{field}"), message))
        };
        if let Some(message) = name_problem(db) {
            bad("name", message);
        }
        if db.user.is_empty() {
            bad("user", "The database user cannot be empty.".into());
        } else if db.user == "postgres" {
            bad(
                "user",
                "postgres is the superuser; the app should connect as its own user.".into(),
            );
        }
        if db.database.is_empty() {
            bad("database", "The database name cannot be empty.".into());
        }
        if db.password.is_empty() {
            bad(
                "password",
                "Set a password: the database Secret and DATABASE_URL need one.".into(),
            );
        }
        match db.kind {
            DatabaseKind::Helm if db.admin_password.is_empty() => bad(
                "admin_password",
                "The chart reads the superuser's password from the same Secret (postgres-password): set one.".into(),
            ),
            DatabaseKind::CloudNativePg => {
                if db.instances < 1 {
                    bad("instances", format!("{} instances: a Cluster needs at least 1.", db.instances));
                }
                if let Err(e) = quantity::parse(&db.storage_size) {
                    bad("storage_size", format!("The storage size {e}. Example: 1Gi."));
                }
            }
            _ => {}
        }
        // Its syntax is a Secret key's: the data-key rule checks it.
        if !db.url_env.is_empty() && spec.secrets.iter().any(|e| e.name == db.url_env) {
            bad(
                "url_env",
                format!(
                    "{} is also one of your secrets: the Secret would hold the key twice. Remove that secret (the URL is derived here) or name this variable differently.",
                    db.url_env
                ),
            );
        }
        if db.url_scheme.is_empty()
            || !db
                .url_scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        {
            bad(
                "url_scheme",
                "A URL scheme is letters, digits, '+', '-' or '.', e.g. postgres.".into(),
            );
        }
        out
    },
};

/// What is wrong with the release or Cluster name, if anything. Both kinds name a Service after it
/// (`<name>-postgresql`, `<name>-rw`), so it must start with a letter.
pub(super) fn name_problem(db: &Database) -> Option<String> {
    let (max, why) = match db.kind {
        DatabaseKind::CloudNativePg => (50, "CloudNativePG's webhook allows at most 50 characters"),
        _ => (53, "Helm release names are at most 53 characters"),
    };
    if let Err(e) = names::dns1035_label(&db.name) {
        Some(format!(
            "The name {e}. It names the database's Service, so it must be an RFC 1035 label: \
             lowercase letters, digits and '-', starting with a letter."
        ))
    } else if db.name.len() > max {
        Some(format!("{why}; this one has {}.", db.name.len()))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::env::{CONTAINER_ENV, ENV_REFERENCE};
    use super::*;
    use crate::presets::Preset;
    use crate::spec::AppSpec;

    fn paths(rule: &Rule, spec: &AppSpec) -> Vec<String> {
        (rule.check)(spec).into_iter().map(|f| f.path).collect()
    }

    #[test]
    fn presets_are_clean_and_bad_database_settings_are_named() {
        for id in ["phoenix", "rails", "django"] {
            let mut spec = Preset::find(id).unwrap().spec().unwrap();
            // The passwords are the user's own: the presets leave them empty, and say so.
            assert_eq!(paths(&DATABASE, &spec)[0], "database.password", "{id}");
            spec.database.password = "pw".into();
            spec.database.admin_password = "admin-pw".into();
            for rule in [&DATABASE, &CONTAINER_ENV, &ENV_REFERENCE] {
                assert!(paths(rule, &spec).is_empty(), "{id} {}", rule.id);
            }
        }
        let mut spec = Preset::find("rails").unwrap().spec().unwrap();
        spec.database.name = "Bad_Name".into();
        spec.database.password.clear();
        spec.database.admin_password.clear();
        // The URL's variable becomes a Secret key: the data-key rule checks its syntax.
        spec.database.url_env = "A=B".into();
        assert_eq!(
            paths(&DATABASE, &spec),
            [
                "database.name",
                "database.password",
                "database.admin_password",
            ]
        );
        assert_eq!(
            paths(&super::super::env::ENV_KEY, &spec),
            ["database.url_env"]
        );
        spec.database.kind = DatabaseKind::CloudNativePg;
        spec.database.name = "db".into();
        spec.database.password = "x".into();
        spec.database.instances = 0;
        spec.database.storage_size = "lots".into();
        assert_eq!(
            paths(&DATABASE, &spec),
            ["database.instances", "database.storage_size"]
        );
    }
}
