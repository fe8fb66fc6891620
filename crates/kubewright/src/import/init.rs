//! A wait-for-the-database init container (any init container that runs `pg_isready`) -> the
//! form's wait: its image and the host it polls. The form writes its own loop, resources and
//! securityContext, which the report says. Other init containers stay in the report as dropped.

use serde_yaml::Value;

use super::container::POD;
use super::tree::{scalar_text, Tree};
use super::ReportItem;
use crate::spec::AppSpec;

/// Reads the first `pg_isready` init container of the app's pod into `spec.init`.
pub(super) fn take(t: &mut Tree, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let Some(i) = find_wait(t) else { return };
    let at = format!("{POD}.initContainers.{i}");
    let host = host_of(t, &at);
    let Some(image) = t.get(&format!("{at}.image")).and_then(scalar_text) else {
        return;
    };
    let init = &mut spec.init;
    init.wait_for_database = true;
    init.wait_image = image;
    init.wait_host = host.unwrap_or_default();
    // Said only when the form's own wait differs from what was pasted.
    let written = crate::k8s::init_containers(spec)
        .first()
        .and_then(|c| serde_yaml::to_value(c).ok());
    if written.as_ref() != t.get(&at) {
        report.push(ReportItem::adjusted(
            t.at(&at),
            "read as the form's wait for the database: its own pg_isready loop, resources and \
             securityContext",
        ));
    }
    remove(t, i);
}

/// In a Job's or CronJob's pod: takes the wait the app's pods have too.
pub(super) fn take_same(t: &mut Tree, pod: &str, spec: &AppSpec) {
    if !spec.init.wait_for_database {
        return;
    }
    if let Some(i) = find_wait_at(t, pod) {
        take_at(t, pod, i);
    }
}

/// After the database is read: a wait for the database's own Service is the form's default.
pub(super) fn settle_host(spec: &mut AppSpec) {
    if spec.init.wait_host.is_empty() {
        return;
    }
    if spec.database.host(spec.namespace()).as_deref() == Some(spec.init.wait_host.as_str()) {
        spec.init.wait_host.clear();
    }
}

fn find_wait(t: &Tree) -> Option<usize> {
    find_wait_at(t, POD)
}

fn find_wait_at(t: &Tree, pod: &str) -> Option<usize> {
    let list = format!("{pod}.initContainers");
    (0..t.len(&list)).find(|i| {
        let words = |field: &str| {
            t.get(&format!("{list}.{i}.{field}"))
                .and_then(Value::as_sequence)
                .map(|items| items.iter().filter_map(scalar_text).collect::<Vec<_>>())
                .unwrap_or_default()
        };
        words("command")
            .iter()
            .chain(words("args").iter())
            .any(|w| w.contains("pg_isready"))
    })
}

fn remove(t: &mut Tree, i: usize) {
    take_at(t, POD, i);
}

/// Takes the whole init container; the list goes too once nothing else is in it.
fn take_at(t: &mut Tree, pod: &str, i: usize) {
    let list = format!("{pod}.initContainers");
    if t.len(&list) == 1 {
        t.take(&list);
    } else {
        t.take(&format!("{list}.{i}"));
    }
}

/// The host: PGHOST in its env, else `-h HOST` / `--host=HOST` in its command line.
fn host_of(t: &Tree, at: &str) -> Option<String> {
    let env = format!("{at}.env");
    let from_env = (0..t.len(&env)).find_map(|j| {
        let name = t.get(&format!("{env}.{j}.name")).and_then(scalar_text)?;
        (name == "PGHOST")
            .then(|| t.get(&format!("{env}.{j}.value")).and_then(scalar_text))
            .flatten()
    });
    from_env.or_else(|| {
        let line: Vec<String> = ["command", "args"]
            .iter()
            .filter_map(|f| t.get(&format!("{at}.{f}")).and_then(Value::as_sequence))
            .flatten()
            .filter_map(scalar_text)
            .collect();
        let words: Vec<&str> = line.iter().flat_map(|l| l.split_whitespace()).collect();
        words.iter().enumerate().find_map(|(k, w)| match *w {
            "-h" | "--host" => words
                .get(k + 1)
                .map(|h| h.trim_matches(['"', '\'']).to_string()),
            _ => w.strip_prefix("--host=").map(str::to_string),
        })
    })
}
