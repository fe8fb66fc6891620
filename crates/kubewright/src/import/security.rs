//! The pod's and container's securityContext and the writable scratch volume -> `spec.security`.
//! Only what the form's switches can say is taken (e.g. `runAsNonRoot: true`, not `false`); the rest
//! stays in the document and is reported.

use serde_yaml::Value;

use super::tree::Tree;
use crate::spec::Security;

/// The tmp volume's name, as the renderer writes it.
const TMP_VOLUME: &str = "tmp";

/// Reads the security settings of the pod template at `pod` (e.g. `spec.template.spec`) and its
/// container at `container`.
pub fn take(t: &mut Tree, pod: &str, container: &str) -> Security {
    let mut out = Security::default();
    let psc = format!("{pod}.securityContext");
    if t.get(&format!("{psc}.runAsNonRoot"))
        .and_then(Value::as_bool)
        == Some(true)
    {
        t.take(&format!("{psc}.runAsNonRoot"));
        out.run_as_non_root = true;
    }
    out.run_as_user = t.take_i64(&format!("{psc}.runAsUser"));
    out.run_as_group = t.take_i64(&format!("{psc}.runAsGroup"));
    out.seccomp_runtime_default =
        t.take_if(&format!("{psc}.seccompProfile.type"), "RuntimeDefault");
    let csc = format!("{container}.securityContext");
    if t.get(&format!("{csc}.allowPrivilegeEscalation"))
        .and_then(Value::as_bool)
        == Some(false)
    {
        t.take(&format!("{csc}.allowPrivilegeEscalation"));
        out.no_privilege_escalation = true;
    }
    if t.get(&format!("{csc}.readOnlyRootFilesystem"))
        .and_then(Value::as_bool)
        == Some(true)
    {
        t.take(&format!("{csc}.readOnlyRootFilesystem"));
        out.read_only_root_filesystem = true;
    }
    let drop = format!("{csc}.capabilities.drop");
    if t.get(&drop)
        .and_then(Value::as_sequence)
        .is_some_and(|d| d.len() == 1 && d[0].as_str() == Some("ALL"))
    {
        t.take(&drop);
        out.drop_all_capabilities = true;
    }
    // The scratch volume: exactly one emptyDir volume named tmp, mounted once.
    let is_tmp = t
        .get(&format!("{pod}.volumes.0.name"))
        .and_then(Value::as_str)
        == Some(TMP_VOLUME)
        && t.len(&format!("{pod}.volumes")) == 1
        && t.get(&format!("{pod}.volumes.0.emptyDir"))
            .and_then(Value::as_mapping)
            .is_some_and(|m| m.is_empty());
    let mount = format!("{container}.volumeMounts.0");
    if is_tmp
        && t.len(&format!("{container}.volumeMounts")) == 1
        && t.get(&format!("{mount}.name")).and_then(Value::as_str) == Some(TMP_VOLUME)
    {
        if let Some(path) = t.take_string(&format!("{mount}.mountPath")) {
            t.take(&format!("{mount}.name"));
            t.take(&format!("{pod}.volumes.0.name"));
            t.take(&format!("{pod}.volumes.0.emptyDir"));
            out.writable_tmp = path;
        }
    }
    out
}
