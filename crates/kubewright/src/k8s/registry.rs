//! The registry login as a `kubernetes.io/dockerconfigjson` Secret (plain or sealed): the JSON
//! `kubectl create secret docker-registry` writes, made here with serde_json and base64 so the
//! password never passes through a command line.

use base64::Engine;
use serde::Serialize;

use super::{SealedSecret, Secret};
use crate::seal::Seal;
use crate::spec::AppSpec;

/// The Secret's type and its one key.
pub const DOCKER_CONFIG_JSON: &str = "kubernetes.io/dockerconfigjson";
pub const DOCKER_CONFIG_KEY: &str = ".dockerconfigjson";

#[derive(Serialize)]
struct DockerConfig<'a> {
    auths: std::collections::BTreeMap<&'a str, Auth<'a>>,
}

// Fields in kubectl's order (DockerConfigEntry), so the bytes are the ones kubectl writes.
#[derive(Serialize)]
struct Auth<'a> {
    username: &'a str,
    password: &'a str,
    auth: String,
}

/// The `.dockerconfigjson` value for the spec's registry login, or `None` when it is off.
pub fn docker_config(spec: &AppSpec) -> Option<String> {
    let registry = &spec.registry;
    if !registry.enabled {
        return None;
    }
    let auth = base64::engine::general_purpose::STANDARD
        .encode(format!("{}:{}", registry.username, registry.password));
    let config = DockerConfig {
        auths: [(
            registry.server.as_str(),
            Auth {
                username: &registry.username,
                password: &registry.password,
                auth,
            },
        )]
        .into_iter()
        .collect(),
    };
    let json = serde_json::to_string(&config).ok()?;
    // Go's encoding/json escapes these inside strings; so does kubectl. Outside strings the JSON
    // has none of them, so replacing them everywhere keeps it the same JSON, byte for byte kubectl's.
    Some(
        json.replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029"),
    )
}

fn entries(spec: &AppSpec) -> Option<Vec<(String, String)>> {
    Some(vec![(DOCKER_CONFIG_KEY.to_string(), docker_config(spec)?)])
}

impl Secret {
    /// The registry login `<name>-registry`, or `None` when it is off.
    pub fn registry(spec: &AppSpec) -> Option<Self> {
        Some(Secret::new(
            spec,
            spec.registry_secret_name()?,
            DOCKER_CONFIG_JSON,
            entries(spec)?,
        ))
    }
}

impl SealedSecret {
    /// The registry login, sealed; `None` when it or sealing is off.
    pub fn registry<S: Seal + ?Sized>(
        spec: &AppSpec,
        sealer: &mut S,
    ) -> Option<Result<Self, String>> {
        let name = spec.registry_secret_name()?;
        Self::seal(spec, name, DOCKER_CONFIG_JSON, entries(spec)?, sealer)
    }
}
