//! The image: a reference the node can pull, an immutable tag, a pull policy the target can
//! honour.

use crate::spec::{is_mutable_tag, PullPolicy};
use crate::validate::{image_ref, Finding, Fix, Rule, Severity};

pub const IMAGE_REF: Rule = Rule {
    id: "image-ref",
    severity: Severity::Error,
    upstream:
        "distribution/reference grammar (the kubelet's InvalidImageName); the API server only \
               rejects surrounding spaces",
    check: |spec| {
        let image = &spec.image;
        [
            ("image.repository", image_ref::repository(&image.repository)),
            ("image.tag", image_ref::tag(&image.tag)),
            ("image.digest", image_ref::digest(&image.digest)),
        ]
        .into_iter()
        .filter_map(|(path, result)| {
            result.err().map(|e| {
                Finding::new(
                    path,
                    format!("The image reference {e}; the node cannot pull it."),
                )
            })
        })
        .collect()
    },
};

pub const LATEST_TAG: Rule = Rule {
    id: "latest-tag",
    severity: Severity::Warning,
    upstream: "kube-linter latest-tag; Polaris tagNotSpecified; kube-score container-image-tag",
    check: |spec| {
        let image = &spec.image;
        if !image.digest.is_empty() || !is_mutable_tag(&image.tag) {
            return Vec::new();
        }
        vec![Finding::new(
            "image.tag",
            "'latest' (or no tag) points at whatever was pushed last: pods started at different times \
             can run different code, and a rollback cannot go back. Use a version tag such as 1.4.2.",
        )]
    },
};

pub const PULL_POLICY_NEVER: Rule = Rule {
    id: "pull-policy-never",
    severity: Severity::Warning,
    upstream: "ours (Polaris pullPolicyNotAlways is the stricter cousin)",
    check: |spec| {
        // On Minikube, Never is the point: the image is built inside it.
        if spec.image.pull_policy != PullPolicy::Never
            || spec.target == crate::spec::Target::Minikube
        {
            return Vec::new();
        }
        vec![Finding::new(
            "image.pull_policy",
            "Never only works where the image was built on the node itself (Minikube after \
             `eval $(minikube docker-env)`); on any other cluster the pod stays in ErrImageNeverPull.",
        )
        .with_fix(Fix::PullPolicy(PullPolicy::IfNotPresent))]
    },
};
