//! Security: the container's user, privileges and filesystem, and the writable scratch path.

use super::ports::probes;
use crate::spec::{AppSpec, ProbeAction, Security};
use crate::validate::{Finding, Fix, Rule, Severity};

pub const TMP_PATH: Rule = Rule {
    id: "mount-path",
    severity: Severity::Error,
    upstream: "ValidateVolumeMounts (mountPath), and container runtimes require an absolute path",
    check: |spec| {
        let path = &spec.security.writable_tmp;
        if path.is_empty() || (path.starts_with('/') && !path.split('/').any(|p| p == "..")) {
            return Vec::new();
        }
        vec![Finding::new(
            "security.writable_tmp",
            "The mount path must be absolute without '..', e.g. /tmp.",
        )]
    },
};

pub const NON_ROOT_UID: Rule = Rule {
    id: "non-root-uid",
    severity: Severity::Error,
    upstream: "the kubelet refuses to start a container whose runAsUser is 0 under runAsNonRoot",
    check: |spec| {
        let s = &spec.security;
        if s.run_as_non_root && s.run_as_user == Some(0) {
            vec![Finding::new(
                "security.run_as_user",
                "User 0 is root, which runAsNonRoot forbids: the pod would never start. Use e.g. \
                 65534 (nobody).",
            )]
        } else {
            Vec::new()
        }
    },
};

/// Whether the app looks like an Elixir release (Phoenix): its env or probes say so.
/// SECRET_KEY_BASE alone does not: Rails reads a variable of that name too.
fn is_release(spec: &AppSpec) -> bool {
    const RELEASE_NAMES: [&str; 5] = [
        "RELEASE_COOKIE",
        "ERLANG_COOKIE",
        "RELEASE_NODE",
        "PHX_HOST",
        "PHX_SERVER",
    ];
    let named = spec
        .env
        .iter()
        .chain(&spec.secrets)
        .any(|e| RELEASE_NAMES.contains(&e.name.as_str()));
    let release_bin = probes(spec).iter().any(|(_, p)| {
        matches!(&p.action, ProbeAction::Exec { command }
            if command.first().is_some_and(|c| c.contains("/bin/")))
    });
    named || release_bin
}

/// The recommended securityContext, Phoenix-aware: a `mix release` image built by
/// `mix phx.gen.release --docker` runs as `nobody` (uid 65534) and writes runtime files under
/// RELEASE_TMP, so it gets that uid, a writable /tmp and RELEASE_TMP=/tmp.
pub fn security_fix(spec: &AppSpec) -> Fix {
    let tmp = if spec.security.writable_tmp.is_empty() {
        "/tmp".to_string()
    } else {
        spec.security.writable_tmp.clone()
    };
    if is_release(spec) {
        Fix::Security {
            security: Security::restricted(Some(65534), &tmp),
            release_tmp: Some(tmp),
        }
    } else {
        Fix::Security {
            security: Security::restricted(spec.security.run_as_user, &tmp),
            release_tmp: None,
        }
    }
}

/// A securityContext warning for `path` when `ok` is false.
fn security_warning(spec: &AppSpec, ok: bool, path: &str, message: &str) -> Vec<Finding> {
    if ok {
        Vec::new()
    } else {
        vec![Finding::new(path, message).with_fix(security_fix(spec))]
    }
}

pub const RUN_AS_NON_ROOT: Rule = Rule {
    id: "run-as-non-root",
    severity: Severity::Warning,
    upstream:
        "kube-linter run-as-non-root; Polaris runAsRootAllowed; Pod Security Standard restricted",
    check: |spec| {
        security_warning(
            spec,
            spec.security.run_as_non_root,
            "security.run_as_non_root",
            "The container may run as root: a break-out of the app is then root inside the container.",
        )
    },
};

pub const RUN_AS_NON_ROOT_UID: Rule = Rule {
    id: "run-as-non-root-uid",
    severity: Severity::Warning,
    upstream:
        "kubelet: runAsNonRoot with an image USER that is not numeric (\"cannot verify user is \
               non-root\"); kube-score container-security-context-user-group-id",
    check: |spec| {
        let security = &spec.security;
        if !security.run_as_non_root || security.run_as_user.is_some() {
            return Vec::new();
        }
        vec![Finding::new(
            "security.run_as_user",
            "runAsNonRoot is on and no uid is set, so the kubelet checks the image's USER: it refuses \
             to start the container when that is root, or a name such as `app` rather than a number \
             (it cannot tell a name's uid). Set the uid the image runs as (`docker inspect -f \
             '{{.Config.User}}' IMAGE` shows it), e.g. 1000.",
        )]
    },
};

pub const PRIVILEGE_ESCALATION: Rule = Rule {
    id: "privilege-escalation-container",
    severity: Severity::Warning,
    upstream: "kube-linter privilege-escalation-container; Polaris privilegeEscalationAllowed",
    check: |spec| {
        security_warning(
            spec,
            spec.security.no_privilege_escalation,
            "security.no_privilege_escalation",
            "allowPrivilegeEscalation is not false: a setuid program in the image could gain root.",
        )
    },
};

pub const READ_ONLY_ROOT_FS: Rule = Rule {
    id: "no-read-only-root-fs",
    severity: Severity::Warning,
    upstream: "kube-linter no-read-only-root-fs; Polaris notReadOnlyRootFilesystem",
    check: |spec| {
        security_warning(
            spec,
            spec.security.read_only_root_filesystem,
            "security.read_only_root_filesystem",
            "The root filesystem is writable: an attacker can change the app's files. Make it \
             read-only, with a writable /tmp.",
        )
    },
};

pub const CAPABILITIES: Rule = Rule {
    id: "insecureCapabilities",
    severity: Severity::Warning,
    upstream:
        "Polaris insecureCapabilities / dangerousCapabilities; Pod Security Standard restricted",
    check: |spec| {
        security_warning(
            spec,
            spec.security.drop_all_capabilities,
            "security.drop_all_capabilities",
            "The container keeps the runtime's default Linux capabilities (e.g. NET_RAW); a web app \
             needs none. Drop ALL.",
        )
    },
};

pub const SECCOMP: Rule = Rule {
    id: "container-seccomp-profile",
    severity: Severity::Warning,
    upstream: "kube-score container-seccomp-profile; Pod Security Standard restricted",
    check: |spec| {
        security_warning(
            spec,
            spec.security.seccomp_runtime_default,
            "security.seccomp_runtime_default",
            "No seccomp profile: every system call is allowed. RuntimeDefault blocks the rare, \
             dangerous ones.",
        )
    },
};
