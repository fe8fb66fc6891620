//! Sealing: a pasted certificate the page cannot seal with is an error (no Secret is written then),
//! and so is a scope that binds to a namespace when the spec names none.

use super::{Finding, Rule, Severity};
use crate::seal::SealingKey;
use crate::spec::SealScope;

pub const SEAL_CERTIFICATE: Rule = Rule {
    id: "seal-certificate",
    severity: Severity::Error,
    upstream: "kubeseal: the certificate (kubeseal --fetch-cert) must hold the controller's RSA public key",
    check: |spec| {
        let seal = &spec.secret_options.seal;
        if !seal.enabled() {
            return Vec::new();
        }
        match SealingKey::from_pem(&seal.cert) {
            Ok(_) => Vec::new(),
            Err(message) => vec![Finding::new("secret_options.seal.cert", message)],
        }
    },
};

pub const SEAL_SCOPE_NAMESPACE: Rule = Rule {
    id: "seal-scope-namespace",
    severity: Severity::Error,
    upstream: "sealed-secrets EncryptionLabel: strict seals to namespace/name, namespace-wide to the namespace",
    check: |spec| {
        let seal = &spec.secret_options.seal;
        if seal.enabled() && seal.scope != SealScope::ClusterWide && spec.namespace().is_none() {
            vec![Finding::new(
                "secret_options.seal.scope",
                format!(
                    "Scope {} binds the sealed values to a namespace, and none is set: set the namespace (app tab), or choose cluster-wide.",
                    seal.scope.name()
                ),
            )]
        } else {
            Vec::new()
        }
    },
};
