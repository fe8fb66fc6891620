//! The app's ServiceAccount: the object, and the pod fields that run the Deployment's and Jobs'
//! pods as it. A pod that names another account keeps that name in the report: the form only makes
//! the account named after the app.

use super::doc::Docs;
use super::tree::Tree;
use super::ReportItem;
use crate::k8s;
use crate::spec::AppSpec;

/// The Deployment's pod: an account of the app's name (or none at all) is the form's.
pub(super) fn take_pod(t: &mut Tree, pod: &str, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let name_path = format!("{pod}.serviceAccountName");
    let Some(name) = t
        .get(&name_path)
        .and_then(|v| v.as_str())
        .map(str::to_string)
    else {
        return;
    };
    if name == spec.app.name {
        t.take(&name_path);
        spec.service_account.enabled = true;
        take_false(t, &format!("{pod}.automountServiceAccountToken"));
    } else {
        report.push(ReportItem::adjusted(
            t.at(&name_path),
            format!(
                "the pods run as {name}; the form's account is named after the app ({}), \
                 turn it on in the security tab",
                spec.app.name
            ),
        ));
    }
}

/// A Job's pod: taken when it runs as the account the app's pods run as.
pub(super) fn take_job_pod(t: &mut Tree, pod: &str, spec: &AppSpec) {
    let Some(name) = spec.service_account_name() else {
        return;
    };
    if t.take_if(&format!("{pod}.serviceAccountName"), &name) {
        take_false(t, &format!("{pod}.automountServiceAccountToken"));
    }
}

/// The ServiceAccount named after the app, which also turns the account on when the pods did not
/// name it (they then ran as `default`; from now on they run as this one).
pub(super) fn take_object(docs: &mut Docs, spec: &mut AppSpec, report: &mut Vec<ReportItem>) {
    let name = spec.app.name.clone();
    let Some(mut doc) = docs.take(|d| d.is(k8s::ServiceAccount::KIND) && d.name == name) else {
        return;
    };
    doc.take_app_meta(spec);
    let t = &mut doc.tree;
    if !take_false(t, "automountServiceAccountToken")
        && t.take("automountServiceAccountToken").is_some()
    {
        report.push(ReportItem::adjusted(
            t.at("automountServiceAccountToken"),
            "the app's account mounts no API token (a web app never calls the Kubernetes API)",
        ));
    }
    if !spec.service_account.enabled {
        spec.service_account.enabled = true;
        report.push(ReportItem::adjusted(
            format!("ServiceAccount/{name}"),
            "the app's pods and Jobs now run as this account",
        ));
    }
    doc.finish(report);
}

// Takes `path` when it is `false` (what the form writes); says whether it did.
fn take_false(t: &mut Tree, path: &str) -> bool {
    let is_false = t.get(path).and_then(|v| v.as_bool()) == Some(false);
    if is_false {
        t.take(path);
    }
    is_false
}
