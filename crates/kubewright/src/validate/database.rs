//! Rules for the database section, clustering and container env (issue 5's fields).

use super::{names, quantity, Finding, Rule, Severity};
use crate::spec::DatabaseKind;

pub const DATABASE: Rule = Rule {
    id: "database",
    severity: Severity::Error,
    upstream: "Helm release names (53 characters, DNS label); CloudNativePG Cluster validation webhook; PostgreSQL",
    check: |spec| {
        let db = &spec.database;
        if db.kind == DatabaseKind::None {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut bad = |field: &str, message: String| {
            out.push(Finding::new(format!("database.{field}"), message))
        };
        if let Err(e) = names::dns1123_label(&db.name) {
            bad("name", format!("The name {e}."));
        } else if db.kind == DatabaseKind::Helm && db.name.len() > 53 {
            bad("name", "Helm release names are at most 53 characters.".into());
        }
        if db.user.is_empty() {
            bad("user", "The database user cannot be empty.".into());
        } else if db.user == "postgres" {
            bad("user", "postgres is the superuser; the app should connect as its own user.".into());
        }
        if db.database.is_empty() {
            bad("database", "The database name cannot be empty.".into());
        }
        if db.password.is_empty() {
            bad("password", "Set a password: the database Secret and DATABASE_URL need one.".into());
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
        if !db.url_env.is_empty() {
            if let Err(e) = names::env_name(&db.url_env) {
                bad("url_env", format!("The variable name {e}."));
            } else if spec.secrets.iter().any(|e| e.name == db.url_env) {
                bad(
                    "url_env",
                    format!(
                        "{} is also one of your secrets: the Secret would hold the key twice. Remove that secret (the URL is derived here) or name this variable differently.",
                        db.url_env
                    ),
                );
            }
        }
        if db.url_scheme.is_empty()
            || !db.url_scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        {
            bad("url_scheme", "A URL scheme is letters, digits, '+', '-' or '.', e.g. postgres.".into());
        }
        out
    },
};

pub const CONTAINER_ENV: Rule = Rule {
    id: "container-env",
    severity: Severity::Error,
    upstream: "validateEnv: IsRelaxedEnvVarName",
    check: |spec| {
        let mut out: Vec<Finding> = spec
            .pod_env
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                names::env_name(&e.name).err().map(|err| {
                    Finding::new(
                        format!("pod_env[{i}].name"),
                        format!("The variable name {err}."),
                    )
                })
            })
            .collect();
        if spec.clustering.enabled && !spec.clustering.query_env.is_empty() {
            if let Err(e) = names::env_name(&spec.clustering.query_env) {
                out.push(Finding::new(
                    "clustering.query_env",
                    format!("The variable name {e}."),
                ));
            }
        }
        out
    },
};

/// `$(NAME)` only expands when NAME is defined earlier in the container's env list.
pub const ENV_REFERENCE: Rule = Rule {
    id: "env-reference",
    severity: Severity::Warning,
    upstream: "Kubernetes dependent environment variables ($(VAR) expansion)",
    check: |spec| {
        let mut defined: Vec<&str> = spec.downward.iter().map(|d| d.name.as_str()).collect();
        let mut out = Vec::new();
        for (i, e) in spec.pod_env.iter().enumerate() {
            let mut rest = e.value.as_str();
            while let Some(start) = rest.find("$(") {
                let after = &rest[start + 2..];
                let Some(end) = after.find(')') else { break };
                let name = &after[..end];
                if !defined.contains(&name) && !rest[..start].ends_with('$') {
                    out.push(Finding::new(
                        format!("pod_env[{i}].value"),
                        format!("$({name}) stays as written: {name} is not defined above it (a Downward API variable or an earlier one here)."),
                    ));
                }
                rest = &after[end + 1..];
            }
            defined.push(&e.name);
        }
        out
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::Preset;
    use crate::spec::AppSpec;

    fn paths(rule: &Rule, spec: &AppSpec) -> Vec<String> {
        (rule.check)(spec).into_iter().map(|f| f.path).collect()
    }

    #[test]
    fn presets_are_clean_and_bad_database_settings_are_named() {
        for id in ["phoenix", "rails", "django"] {
            let spec = Preset::find(id).unwrap().spec().unwrap();
            for rule in [&DATABASE, &CONTAINER_ENV, &ENV_REFERENCE] {
                assert!(paths(rule, &spec).is_empty(), "{id} {}", rule.id);
            }
        }
        let mut spec = Preset::find("rails").unwrap().spec().unwrap();
        spec.database.name = "Bad_Name".into();
        spec.database.password.clear();
        spec.database.admin_password.clear();
        spec.database.url_env = "A=B".into();
        assert_eq!(
            paths(&DATABASE, &spec),
            [
                "database.name",
                "database.password",
                "database.admin_password",
                "database.url_env"
            ]
        );
        spec.database.kind = DatabaseKind::CloudNativePg;
        spec.database.name = "db".into();
        spec.database.password = "x".into();
        spec.database.instances = 0;
        spec.database.storage_size = "lots".into();
        assert_eq!(
            paths(&DATABASE, &spec),
            [
                "database.instances",
                "database.storage_size",
                "database.url_env"
            ]
        );
    }

    #[test]
    fn a_reference_to_a_later_variable_is_flagged() {
        let mut spec = Preset::find("phoenix").unwrap().spec().unwrap();
        spec.pod_env[0].value = "a@$(POD_IP) $(LATER) $$(ESCAPED)".into();
        let found = (ENV_REFERENCE.check)(&spec);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("$(LATER)"));
    }
}
