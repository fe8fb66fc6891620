//! Adding an import to the form instead of replacing it: what the form already has stays as the
//! user left it; rows, Jobs, a database and kept objects it lacks are added.

use crate::spec::{AppSpec, DatabaseKind, EnvEntry};

/// `imported` added to `current`: env, secret and container env rows under new names, Jobs under
/// new names, the database when the form has none, and every kept object (held, as anything from
/// outside). Returns the merged spec and one line per thing added, for the report.
pub fn merge(current: &AppSpec, imported: AppSpec) -> (AppSpec, Vec<String>) {
    let mut out = current.clone();
    let mut added = Vec::new();
    add_rows(&mut out.env, imported.env, "env", &mut added);
    add_rows(&mut out.secrets, imported.secrets, "secrets", &mut added);
    add_rows(&mut out.pod_env, imported.pod_env, "pod_env", &mut added);
    for job in imported.jobs {
        if out.jobs.iter().all(|j| j.name != job.name) {
            added.push(format!("jobs: {}", job.name));
            out.jobs.push(job);
        }
    }
    if out.database.kind == DatabaseKind::None && imported.database.kind != DatabaseKind::None {
        added.push(format!("database: {}", imported.database.name));
        out.database = imported.database;
    }
    for kept in imported.extra {
        added.push("a kept object, held for review".to_string());
        out.extra.push(kept);
    }
    (out, added)
}

fn add_rows(to: &mut Vec<EnvEntry>, rows: Vec<EnvEntry>, list: &str, added: &mut Vec<String>) {
    for row in rows {
        if to.iter().all(|e| e.name != row.name) {
            added.push(format!("{list}: {}", row.name));
            to.push(row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::Preset;

    #[test]
    fn what_the_form_has_stays_and_what_it_lacks_is_added() {
        let current = Preset::find("rails").unwrap().spec().unwrap();
        let mut imported = Preset::find("web-app").unwrap().spec().unwrap();
        imported.app.name = "other".into();
        imported.env.push(EnvEntry::new("RAILS_ENV", "development"));
        let (merged, added) = merge(&current, imported);
        assert_eq!(merged.app.name, "shop");
        assert_eq!(merged.database, current.database);
        let rails_env = merged.env.iter().find(|e| e.name == "RAILS_ENV").unwrap();
        assert_eq!(rails_env.value, "production");
        assert!(merged.env.iter().any(|e| e.name == "PORT"));
        assert!(added.contains(&"env: PORT".to_string()), "{added:?}");
        assert!(
            added.contains(&"secrets: DATABASE_URL".to_string()),
            "{added:?}"
        );
    }
}
