//! Sealing: a pasted certificate the page cannot seal with is an error (no Secret is written then),
//! and so is a scope that binds to a namespace when the spec names none.

use crate::seal::{self, SealingKey};
use crate::spec::SealScope;
use crate::validate::{Finding, Rule, Severity};

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
        let options = &spec.secret_options.seal;
        if options.enabled() && options.scope != SealScope::ClusterWide && spec.namespace().is_none()
        {
            vec![Finding::new(
                "secret_options.seal.scope",
                seal::namespace_needed(options.scope),
            )]
        } else {
            Vec::new()
        }
    },
};
