//! How the app is reached and what it may reach: its ServiceAccount, Ingress, NetworkPolicy and
//! registry credentials.

use crate::validate::{Finding, Fix, Rule, Severity};

pub const SERVICE_ACCOUNT_TOKEN: Rule = Rule {
    id: "automountServiceAccountToken",
    severity: Severity::Warning,
    upstream: "Polaris automountServiceAccountToken, checkov CKV_K8S_38 (tokens only where \
               needed) and CKV_K8S_41 (no default service account)",
    check: |spec| {
        if spec.service_account.enabled {
            return Vec::new();
        }
        vec![Finding::new(
            "service_account.enabled",
            "The pods run as the namespace's default account with its Kubernetes API token \
             mounted; a web app never calls the API, so anyone who breaks into it would get a \
             credential for nothing. Run it as its own account with no token.",
        )
        .with_fix(Fix::ServiceAccount)]
    },
};
