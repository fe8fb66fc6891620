//! The `security` tab: the container's securityContext (who it runs as, what it may do) and a
//! writable scratch directory for apps whose root filesystem is read-only.

use kubewright::spec::Security;
use leptos::prelude::*;

use super::fields::{parse_opt_int, show_opt_int, CheckField, ParsedField, TextField};
use crate::ui::use_ui;

#[component]
pub fn SecurityTab() -> impl IntoView {
    let spec = use_ui().spec;
    // Each switch reads and writes one bool of the spec's Security.
    let check = move |label: &'static str,
                      field: &'static str,
                      hint: &'static str,
                      get: fn(&Security) -> bool,
                      set: fn(&mut Security, bool)| {
        view! {
            <CheckField
                label=label
                path=format!("security.{field}")
                testid=format!("security-{}", field.replace('_', "-"))
                hint=hint
                get=Signal::derive(move || spec.with(|s| get(&s.security)))
                set=move |v| spec.update(|s| set(&mut s.security, v))
            />
        }
    };
    let id = move |label: &'static str,
                   field: &'static str,
                   hint: &'static str,
                   get: fn(&Security) -> Option<i64>,
                   set: fn(&mut Security, Option<i64>)| {
        view! {
            <ParsedField
                label=label
                path=format!("security.{field}")
                testid=format!("security-{}", field.replace('_', "-"))
                placeholder="the image's"
                hint=hint
                get=Signal::derive(move || spec.with(|s| get(&s.security)))
                set=move |v| spec.update(|s| set(&mut s.security, v))
                parse=parse_opt_int
                show=show_opt_int
            />
        }
    };
    view! {
        <h2>"Security"</h2>
        <p class="intro">
            "Applies to the app's pods and every Job. All off is Kubernetes' default: the image's user, a writable "
            "filesystem, the runtime's default capabilities. The warnings suggest the settings of the Pod Security "
            "Standard \"restricted\"; a Phoenix release built with mix phx.gen.release --docker runs as nobody (65534)."
        </p>
        <fieldset>
            <legend>"Who the app runs as (pod securityContext)"</legend>
            {check("runAsNonRoot", "run_as_non_root", "The kubelet refuses to start the container as root (uid 0); with runAsUser empty, the image's USER must be numeric.", |s| s.run_as_non_root, |s, v| s.run_as_non_root = v)}
            {id("runAsUser", "run_as_user", "The uid to run as, e.g. 65534 (nobody). Empty: the image's USER.", |s| s.run_as_user, |s, v| s.run_as_user = v)}
            {id("runAsGroup", "run_as_group", "The primary group id. Empty: the image's.", |s| s.run_as_group, |s, v| s.run_as_group = v)}
            {check("seccompProfile: RuntimeDefault", "seccomp_runtime_default", "The container runtime's filter of rare, dangerous system calls.", |s| s.seccomp_runtime_default, |s, v| s.seccomp_runtime_default = v)}
        </fieldset>
        <fieldset>
            <legend>"What the container may do (container securityContext)"</legend>
            {check("allowPrivilegeEscalation: false", "no_privilege_escalation", "No process can gain more privileges than it started with (setuid).", |s| s.no_privilege_escalation, |s, v| s.no_privilege_escalation = v)}
            {check("readOnlyRootFilesystem", "read_only_root_filesystem", "Nothing can change the image's files; give the app a writable /tmp below.", |s| s.read_only_root_filesystem, |s, v| s.read_only_root_filesystem = v)}
            {check("capabilities: drop ALL", "drop_all_capabilities", "No Linux capabilities (raw sockets, chown, ...); a web app on a port above 1024 needs none.", |s| s.drop_all_capabilities, |s, v| s.drop_all_capabilities = v)}
            <TextField
                label="Writable directory (emptyDir)"
                path="security.writable_tmp"
                testid="security-writable-tmp"
                placeholder="none, e.g. /tmp"
                hint="An empty directory mounted here, writable even with a read-only root, gone with the pod."
                get=Signal::derive(move || spec.with(|s| s.security.writable_tmp.clone()))
                set=move |v| spec.update(|s| s.security.writable_tmp = v)
            />
        </fieldset>
        <fieldset>
            <legend>"Who the pods run as (ServiceAccount)"</legend>
            <CheckField
                label="Own ServiceAccount, no API token"
                path="service_account.enabled"
                testid="service-account-enabled"
                hint="Adds a ServiceAccount named after the app that mounts no API token; the pods and Jobs run as it. A web app never calls the Kubernetes API."
                get=Signal::derive(move || spec.with(|s| s.service_account.enabled))
                set=move |v| spec.update(|s| s.service_account.enabled = v)
            />
        </fieldset>
    }
}
