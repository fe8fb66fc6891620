use serde::Serialize;

use super::ObjectMeta;
use crate::spec::AppSpec;

/// `gateway.networking.k8s.io/v1beta1 ReferenceGrant`, in the app's namespace: lets the Gateway in
/// another namespace use the TLS Secret here. Without it the listener refuses the reference
/// (`RefNotPermitted`). Routes attaching to a Gateway elsewhere need none (the Gateway's
/// `allowedRoutes` decides).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceGrant {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: ReferenceGrantSpec,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReferenceGrantSpec {
    pub from: Vec<GrantFrom>,
    pub to: Vec<GrantTo>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GrantFrom {
    pub group: &'static str,
    pub kind: &'static str,
    pub namespace: String,
}

/// The core group is the empty string.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GrantTo {
    pub group: &'static str,
    pub kind: &'static str,
    pub name: String,
}

impl ReferenceGrant {
    /// The object's `kind`.
    pub const KIND: &str = "ReferenceGrant";

    /// The grant for the written Gateway's certificate, when it needs one.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        let name = spec.reference_grant_name()?;
        let route = &spec.route;
        Some(ReferenceGrant {
            api_version: "gateway.networking.k8s.io/v1beta1",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, name),
            spec: ReferenceGrantSpec {
                from: vec![GrantFrom {
                    group: "gateway.networking.k8s.io",
                    kind: super::Gateway::KIND,
                    namespace: route.gateway_namespace.clone(),
                }],
                to: vec![GrantTo {
                    group: "",
                    kind: "Secret",
                    name: route.tls_secret.clone(),
                }],
            },
        })
    }
}
