use serde::Serialize;

use super::ObjectMeta;
use crate::spec::AppSpec;

/// `v1 ServiceAccount` the app's pods and Jobs run as, with no API token mounted.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceAccount {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub automount_service_account_token: bool,
}

impl ServiceAccount {
    /// The object's `kind`.
    pub const KIND: &str = "ServiceAccount";

    /// The app's ServiceAccount, or `None` when the spec leaves the pods on `default`.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        let name = spec.service_account_name()?;
        Some(ServiceAccount {
            api_version: "v1",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, name),
            // The pod sets it too: a pod's own setting wins over the account's.
            automount_service_account_token: false,
        })
    }
}
