use serde::{Deserialize, Serialize};

/// How locked-down the app's container runs (the Deployment's and every Job's). Every switch defaults
/// to off, which is Kubernetes' own default: the image's user, a writable root filesystem, default
/// capabilities. The lint suggests turning them on (Pod Security Standard "restricted").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Security {
    /// Pod `runAsNonRoot: true`: the kubelet refuses to start the container as uid 0. Default off.
    pub run_as_non_root: bool,
    /// Pod `runAsUser`: the uid the container runs as, 0 or more (e.g. 65534, `nobody`, the user a
    /// `mix phx.gen.release --docker` image runs as). Default none (the image's USER).
    pub run_as_user: Option<i64>,
    /// Pod `runAsGroup`: the primary gid, 0 or more. Default none.
    pub run_as_group: Option<i64>,
    /// Pod `seccompProfile: RuntimeDefault`: the container runtime's syscall filter. Default off.
    pub seccomp_runtime_default: bool,
    /// Container `allowPrivilegeEscalation: false` (no setuid binaries gaining root). Default off.
    pub no_privilege_escalation: bool,
    /// Container `readOnlyRootFilesystem: true`. Default off. Apps that write temporary files need
    /// `writable_tmp` then.
    pub read_only_root_filesystem: bool,
    /// Container `capabilities: {drop: [ALL]}`. Default off.
    pub drop_all_capabilities: bool,
    /// Absolute path where an empty, writable `emptyDir` volume named `tmp` is mounted, e.g. `/tmp`.
    /// Default empty (no volume).
    pub writable_tmp: String,
}

impl Security {
    /// The recommended settings (Pod Security Standard "restricted" plus a read-only root). With
    /// `uid`, the container runs as that user and group (65534 is `nobody`, what a Phoenix release
    /// image runs as); without, the image's own non-root USER is used.
    pub fn restricted(uid: Option<i64>, writable_tmp: &str) -> Self {
        Security {
            run_as_non_root: true,
            run_as_user: uid,
            run_as_group: uid,
            seccomp_runtime_default: true,
            no_privilege_escalation: true,
            read_only_root_filesystem: true,
            drop_all_capabilities: true,
            writable_tmp: writable_tmp.into(),
        }
    }
}
