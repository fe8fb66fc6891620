use serde::{Deserialize, Serialize};

/// How the secret variables are written: as a plain Secret (`data` or `stringData`), or sealed into a
/// SealedSecret that only the cluster's sealed-secrets controller can open.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SecretOptions {
    /// Write the values under `stringData` as plain text instead of base64 under `data`. Default
    /// `false`. Either way the file must not be committed; ignored when the Secret is sealed (a
    /// SealedSecret always holds `encryptedData`).
    pub string_data: bool,
    /// Sealing with the cluster's sealed-secrets certificate. Default: not sealed.
    pub seal: SealOptions,
    /// Random key of the Secret's checksum in the pod template (`checksum/secret`, an HMAC, so the
    /// Deployment gives no way to test a guess of a secret value): a changed Secret then rolls the
    /// pods. Treated as a secret value (left out of share links and storage). The page makes one
    /// when a secret is edited, or with the warning's fix. Default empty: the Secret is left out of
    /// the checksum (a warning says so). Any text; random, e.g. `openssl rand -hex 16`.
    pub checksum_key: String,
}

/// Sealing for git with Bitnami's sealed-secrets: the values are encrypted to the controller's public
/// key, so the resulting SealedSecret can be committed; only the controller can decrypt it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SealOptions {
    /// The controller's public certificate, PEM, exactly as `kubeseal --fetch-cert` prints it. It is
    /// public (no secret in it). Empty (the default) means: do not seal, write a plain Secret.
    pub cert: String,
    /// Who may unseal it (the RSA-OAEP label). Default `strict`.
    pub scope: SealScope,
}

impl SealOptions {
    /// Sealing is on as soon as a certificate has been pasted (whitespace alone does not count).
    pub fn enabled(&self) -> bool {
        !self.cert.trim().is_empty()
    }
}

/// The sealed-secrets scopes: what the ciphertext is bound to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SealScope {
    /// Only a Secret with exactly this name in exactly this namespace can be made from it.
    #[default]
    #[serde(rename = "strict")]
    Strict,
    /// Any name, but only in this namespace (annotation `sealedsecrets.bitnami.com/namespace-wide`).
    #[serde(rename = "namespace-wide")]
    NamespaceWide,
    /// Any name in any namespace (annotation `sealedsecrets.bitnami.com/cluster-wide`).
    #[serde(rename = "cluster-wide")]
    ClusterWide,
}

impl SealScope {
    pub const ALL: [SealScope; 3] = [
        SealScope::Strict,
        SealScope::NamespaceWide,
        SealScope::ClusterWide,
    ];

    /// The name kubeseal's `--scope` takes, also used in spec files and the CLI.
    pub fn name(self) -> &'static str {
        match self {
            SealScope::Strict => "strict",
            SealScope::NamespaceWide => "namespace-wide",
            SealScope::ClusterWide => "cluster-wide",
        }
    }

    /// Parses a scope name (`strict`, `namespace-wide`, `cluster-wide`).
    pub fn parse(text: &str) -> Option<SealScope> {
        SealScope::ALL.into_iter().find(|s| s.name() == text)
    }
}
