use serde::Serialize;

use super::{ObjectMeta, Pairs};
use crate::spec::{AppSpec, LETS_ENCRYPT_PRODUCTION, LETS_ENCRYPT_STAGING};

/// cert-manager's `cert-manager.io/v1 ClusterIssuer` for Let's Encrypt, solving HTTP-01 through
/// the Ingress's class or the Gateway's HTTP listener. Cluster-scoped: no namespace.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterIssuer {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: IssuerSpec,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IssuerSpec {
    pub acme: Acme,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Acme {
    pub server: &'static str,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    pub private_key_secret_ref: SecretRef,
    pub solvers: Vec<Solver>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SecretRef {
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Solver {
    pub http01: Http01,
}

/// Exactly one of the two: through the Ingress's class, or a Gateway's HTTP listener.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Http01 {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ingress: Option<Http01Ingress>,
    #[serde(rename = "gatewayHTTPRoute", skip_serializing_if = "Option::is_none")]
    pub gateway_http_route: Option<Http01Gateway>,
}

/// cert-manager's temporary HTTPRoute for the challenge attaches to these Gateway listeners.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Http01Gateway {
    pub parent_refs: Vec<super::ParentRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Http01Ingress {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ingress_class_name: Option<String>,
}

impl ClusterIssuer {
    /// The object's `kind`.
    pub const KIND: &str = "ClusterIssuer";

    /// The ClusterIssuer the Ingress or the written Gateway names, when the spec writes it.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        let ingress = &spec.ingress;
        let (issuer, http01) = if spec.route.creates_issuer() {
            let http01 = Http01 {
                ingress: None,
                gateway_http_route: Some(Http01Gateway {
                    parent_refs: vec![super::ParentRef::gateway_http(spec)],
                }),
            };
            (&spec.route.issuer, http01)
        } else if ingress.creates_issuer() {
            let http01 = Http01 {
                ingress: Some(Http01Ingress {
                    ingress_class_name: Some(ingress.class_name.clone()).filter(|c| !c.is_empty()),
                }),
                gateway_http_route: None,
            };
            (&ingress.issuer, http01)
        } else {
            return None;
        };
        Some(ClusterIssuer {
            api_version: "cert-manager.io/v1",
            kind: Self::KIND,
            metadata: ObjectMeta {
                name: issuer.name.clone(),
                namespace: None,
                labels: Pairs(spec.labels()),
                annotations: Pairs::default(),
            },
            spec: IssuerSpec {
                acme: Acme {
                    server: if issuer.staging {
                        LETS_ENCRYPT_STAGING
                    } else {
                        LETS_ENCRYPT_PRODUCTION
                    },
                    email: issuer.email.clone(),
                    // The ACME account's key, which cert-manager creates in its own namespace.
                    private_key_secret_ref: SecretRef {
                        name: format!("{}-account-key", issuer.name),
                    },
                    solvers: vec![Solver { http01 }],
                },
            },
        })
    }
}
