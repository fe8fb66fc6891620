//! A changed Secret reaches the pods only through the keyed checksum on the pod template.

use crate::validate::{Finding, Fix, Rule, Severity};

pub const SECRET_CHECKSUM_KEY: Rule = Rule {
    id: "secret-checksum-key",
    severity: Severity::Warning,
    upstream:
        "kubelet: envFrom is read when a container starts (Helm's checksum/secret annotation idiom)",
    check: |spec| {
        let secret_files = spec
            .volumes
            .iter()
            .any(|v| v.kind == crate::spec::VolumeKind::SecretFiles && !v.files.is_empty());
        if (spec.secret_entries().is_empty() && !secret_files)
            || !spec.secret_options.checksum_key.is_empty()
        {
            return Vec::new();
        }
        vec![Finding::new(
            "secret_options.checksum_key",
            "No checksum key: a changed secret value will not roll the pods, which keep the old \
             values until they restart. Add a random key (the page adds one when you edit a \
             secret; in a spec file set secret_options.checksum_key to e.g. the output of \
             `openssl rand -hex 16`).",
        )
        .with_fix(Fix::ChecksumKey)]
    },
};
