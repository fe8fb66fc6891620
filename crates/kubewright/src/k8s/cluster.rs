use serde::Serialize;

use super::ObjectMeta;
use crate::spec::{AppSpec, DatabaseKind};

/// `postgresql.cnpg.io/v1 Cluster`: a PostgreSQL cluster run by the CloudNativePG operator. The
/// operator creates the Services `<name>-rw` (the primary, read-write), `-ro` and `-r`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cluster {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: ClusterSpec,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClusterSpec {
    pub instances: i64,
    pub bootstrap: Bootstrap,
    pub storage: Storage,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bootstrap {
    pub initdb: InitDb,
}

/// A new, empty database owned by the app's user, whose password is taken from `secret`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InitDb {
    pub database: String,
    pub owner: String,
    pub secret: SecretName,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SecretName {
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Storage {
    pub size: String,
}

impl Cluster {
    /// The object's `kind`.
    pub const KIND: &str = "Cluster";

    /// The Cluster, or `None` unless the spec's database is CloudNativePG.
    pub fn from_spec(spec: &AppSpec) -> Option<Self> {
        let db = &spec.database;
        if db.kind != DatabaseKind::CloudNativePg {
            return None;
        }
        Some(Cluster {
            api_version: "postgresql.cnpg.io/v1",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, db.name.clone()),
            spec: ClusterSpec {
                instances: db.instances,
                bootstrap: Bootstrap {
                    initdb: InitDb {
                        database: db.database.clone(),
                        owner: db.user.clone(),
                        secret: SecretName {
                            name: db.secret_name(),
                        },
                    },
                },
                storage: Storage {
                    size: db.storage_size.clone(),
                },
            },
        })
    }
}
