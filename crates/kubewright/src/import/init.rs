//! The pod's init containers -> the form: native sidecars (`restartPolicy: Always`) field by
//! field, and a wait-for-the-database init container (any that runs `pg_isready`) as the form's
//! wait, its image and the host it polls (the form writes its own loop, resources and
//! securityContext, which the report says). Other init containers stay in the report as dropped.

use serde_yaml::Value;

use super::container::POD;
use super::tree::{scalar_text, Cursor, Tree};
use super::ReportItem;
use crate::spec::{AppSpec, EnvEntry, Sidecar};

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
        .last()
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

/// In a Job's or CronJob's pod: takes the init containers the app's pods have too, where they
/// are exactly as the form writes them.
pub(super) fn take_same(t: &mut Tree, pod: &str, spec: &AppSpec) {
    let list = format!("{pod}.initContainers");
    let written: Vec<Option<Value>> = crate::k8s::init_containers(spec)
        .iter()
        .map(|c| serde_yaml::to_value(c).ok())
        .collect();
    if written.len() != t.len(&list) {
        return;
    }
    let same = written
        .iter()
        .enumerate()
        .all(|(i, w)| w.as_ref() == t.get(&format!("{list}.{i}")));
    if same && !written.is_empty() {
        t.take(&list);
    }
}

/// The native sidecars (init containers with `restartPolicy: Always`): name, image, args, plain
/// TCP ports and plain env values; the rest stays in the report as dropped.
pub(super) fn take_sidecars(t: &mut Tree, spec: &mut AppSpec) {
    let list = format!("{POD}.initContainers");
    let security = crate::k8s::SecurityContext::from_spec(&spec.security)
        .and_then(|s| serde_yaml::to_value(s).ok());
    for i in 0..t.len(&list) {
        let at = format!("{list}.{i}");
        if t.get(&format!("{at}.restartPolicy"))
            .and_then(Value::as_str)
            != Some("Always")
        {
            continue;
        }
        let mut c = Cursor::new(t, at.clone());
        c.take("restartPolicy");
        let mut sidecar = Sidecar {
            name: c.take_string("name").unwrap_or_default(),
            image: c.take_string("image").unwrap_or_default(),
            args: c.take_strings("args").unwrap_or_default(),
            ..Sidecar::default()
        };
        c.take_if("imagePullPolicy", "IfNotPresent");
        if c.get("securityContext").cloned() == security {
            c.take("securityContext");
        }
        for j in 0..c.len("ports") {
            let port = format!("ports.{j}");
            let plain = c.get(&format!("{port}.name")).is_none()
                && matches!(c.str(&format!("{port}.protocol")), None | Some("TCP"));
            if let (true, Some(n)) = (plain, c.take_i64(&format!("{port}.containerPort"))) {
                c.take(&format!("{port}.protocol"));
                sidecar.ports.push(n);
            }
        }
        for j in 0..c.len("env") {
            let entry = format!("env.{j}");
            if c.get(&format!("{entry}.valueFrom")).is_some() {
                continue;
            }
            let name = c.take_string(&format!("{entry}.name")).unwrap_or_default();
            let value = c.take_string(&format!("{entry}.value")).unwrap_or_default();
            sidecar.env.push(EnvEntry { name, value });
        }
        super::container::take_resources_into(&mut c, &mut sidecar.resources);
        spec.init.sidecars.push(sidecar);
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
    let list = format!("{POD}.initContainers");
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

/// Takes the whole init container; the list goes too once nothing else is in it.
fn remove(t: &mut Tree, i: usize) {
    let list = format!("{POD}.initContainers");
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
