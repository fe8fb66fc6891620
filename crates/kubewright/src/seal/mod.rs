//! Sealing secret values for Bitnami's sealed-secrets controller, exactly as `kubeseal` does, so the
//! result can be committed to git and only the controller (which holds the private key) can open it.
//!
//! Per value (the controller's `HybridEncrypt`): a fresh random 32-byte AES-256-GCM session key; the
//! value encrypted with it under a 12-byte all-zero nonce (safe: each key is used once) and no
//! additional data; the session key encrypted with RSA-OAEP (SHA-256, MGF1-SHA-256) whose label binds
//! it to a scope ([`label`]). The sealed value is `u16 big-endian length of the RSA ciphertext ||
//! RSA ciphertext || AES-GCM ciphertext and tag`, in standard base64.
//!
//! Sealing is randomized: the same value never seals to the same text twice. [`Sealer`] remembers
//! the last result per value, so a live preview does not change every line on each keystroke.

mod cert;
mod sealer;

pub use cert::{public_certificates, SealingKey};
pub use sealer::{LayoutOnly, NotLoaded, Seal, Sealer};

/// A [`Sealer`] on the operating system's CSPRNG (in the browser: `crypto.getRandomValues`).
pub type OsSealer = Sealer<rand_core::OsRng>;

use aes_gcm::aead::Nonce;
use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Key};
use base64::Engine;
use rand_core::CryptoRngCore;
use rsa::Oaep;
use sha2::Sha256;

use crate::spec::SealScope;

/// What became of sealing in one render, for the page and the CLI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealStatus {
    /// No certificate: a plain Secret.
    Off,
    /// Sealed (or ready to seal, with no secrets yet) with this key, e.g. `RSA 4096-bit key of ...`.
    Sealed(String),
    /// The certificate (or the namespace) cannot be used: the sentence to show beside the field.
    Failed(String),
}

/// The RSA-OAEP label for a scope: `namespace/name` (strict), `namespace` (namespace-wide) or empty
/// (cluster-wide). The controller decrypts with the label of where the Secret is to be created, so a
/// strict SealedSecret copied to another name or namespace cannot be opened.
pub fn label(scope: SealScope, namespace: &str, name: &str) -> String {
    match scope {
        SealScope::Strict => format!("{namespace}/{name}"),
        SealScope::NamespaceWide => namespace.to_string(),
        SealScope::ClusterWide => String::new(),
    }
}

/// The annotation that tells the controller which label to use; strict has none.
pub fn scope_annotation(scope: SealScope) -> Option<(&'static str, &'static str)> {
    match scope {
        SealScope::Strict => None,
        SealScope::NamespaceWide => Some(("sealedsecrets.bitnami.com/namespace-wide", "true")),
        SealScope::ClusterWide => Some(("sealedsecrets.bitnami.com/cluster-wide", "true")),
    }
}

/// Why strict and namespace-wide sealing need the spec's namespace (the render and the validation
/// rule say the same).
pub fn namespace_needed(scope: SealScope) -> String {
    format!(
        "Sealing with scope {} binds the values to a namespace, and none is set: set the namespace (app tab), or choose cluster-wide.",
        scope.name()
    )
}

/// Seals one value for `spec.encryptedData` (standard base64). `rng` must be a CSPRNG: it makes the
/// session key and the OAEP seed.
pub fn seal_value(
    key: &SealingKey,
    label: &str,
    plaintext: &[u8],
    rng: &mut impl CryptoRngCore,
) -> Result<String, String> {
    let mut session_key = Key::<Aes256Gcm>::default();
    rng.fill_bytes(&mut session_key);
    let rsa_ciphertext = key
        .public_key()
        .encrypt(rng, Oaep::new_with_label::<Sha256, _>(label), &session_key)
        .map_err(|e| format!("RSA-OAEP encryption failed: {e}"))?;
    let length = u16::try_from(rsa_ciphertext.len())
        .map_err(|_| "the RSA key is too large for the sealed-secrets format".to_string())?;
    let aes_ciphertext = Aes256Gcm::new(&session_key)
        .encrypt(&Nonce::<Aes256Gcm>::default(), plaintext)
        .map_err(|e| format!("AES-GCM encryption failed: {e}"))?;
    let mut out = Vec::with_capacity(2 + rsa_ciphertext.len() + aes_ciphertext.len());
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(&rsa_ciphertext);
    out.extend_from_slice(&aes_ciphertext);
    Ok(base64::engine::general_purpose::STANDARD.encode(out))
}
