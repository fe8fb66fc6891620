//! The controller's certificate -> its RSA public key, with a message a newcomer can act on for
//! everything else that might be pasted.

use rsa::{BigUint, RsaPublicKey};
use x509_cert::der::asn1::{PrintableStringRef, Utf8StringRef};
use x509_cert::der::DecodePem;
use x509_cert::name::Name;
use x509_cert::Certificate;

/// rsaEncryption: the only key type the sealed-secrets controller makes (4096 bits by default).
const RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";
/// Smaller keys are refused: not safe, and never made by the controller.
const MIN_BITS: usize = 2048;
/// The rsa crate's default limit is 4096; a controller configured for larger keys still works.
const MAX_BITS: usize = 16384;

/// The public key from a sealed-secrets certificate, and what the page shows about it.
#[derive(Clone, Debug)]
pub struct SealingKey {
    key: RsaPublicKey,
    bits: usize,
    subject: String,
    not_after: String,
}

impl SealingKey {
    /// Reads the first `CERTIFICATE` PEM block of `text` (what `kubeseal --fetch-cert` prints; text
    /// around it is ignored). Errors are one sentence saying what was pasted and what is needed.
    pub fn from_pem(text: &str) -> Result<SealingKey, String> {
        let pem = certificate_block(text)?;
        let cert = Certificate::from_pem(pem.as_bytes())
            .map_err(|e| format!("The certificate could not be read ({e}): paste the whole block, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----."))?;
        let tbs = &cert.tbs_certificate;
        let spki = &tbs.subject_public_key_info;
        let oid = spki.algorithm.oid.to_string();
        if oid != RSA_ENCRYPTION {
            return Err(format!(
                "This certificate holds {} key, not an RSA key; the sealed-secrets controller's certificate always holds an RSA key. Is it the right certificate?",
                key_kind(&oid)
            ));
        }
        let bytes = spki
            .subject_public_key
            .as_bytes()
            .ok_or("The certificate's RSA key is malformed.")?;
        let pkcs1 = rsa::pkcs1::RsaPublicKey::try_from(bytes)
            .map_err(|e| format!("The certificate's RSA key is malformed ({e})."))?;
        let n = BigUint::from_bytes_be(pkcs1.modulus.as_bytes());
        let e = BigUint::from_bytes_be(pkcs1.public_exponent.as_bytes());
        let bits = n.bits();
        if bits < MIN_BITS {
            return Err(format!(
                "This certificate's RSA key has only {bits} bits; at least {MIN_BITS} are needed (the controller makes 4096-bit keys)."
            ));
        }
        let key = RsaPublicKey::new_with_max_size(n, e, MAX_BITS)
            .map_err(|e| format!("The certificate's RSA key cannot be used ({e})."))?;
        Ok(SealingKey {
            key,
            bits,
            subject: names(&tbs.subject),
            not_after: tbs.validity.not_after.to_date_time().to_string(),
        })
    }

    /// A key without a certificate (tests, or a key read some other way).
    pub fn from_public_key(key: RsaPublicKey) -> SealingKey {
        use rsa::traits::PublicKeyParts;
        SealingKey {
            bits: key.n().bits(),
            key,
            subject: String::new(),
            not_after: "(no certificate)".into(),
        }
    }

    pub fn public_key(&self) -> &RsaPublicKey {
        &self.key
    }

    /// E.g. `RSA 4096-bit key of O=sealed-secret, CN=sealed-secret, valid until 2036-11-22T08:00:00Z`.
    pub fn describe(&self) -> String {
        let subject = if self.subject.is_empty() {
            "an unnamed subject"
        } else {
            &self.subject
        };
        format!(
            "RSA {}-bit key of {subject}, valid until {}",
            self.bits, self.not_after
        )
    }
}

// The subject's O and CN (`O=sealed-secret, CN=sealed-secret` for the controller's certificate).
// Not `Name`'s Display: that names every attribute through const-oid's whole OID database, which
// would add ~40 KB to the wasm for a line of text.
fn names(name: &Name) -> String {
    const O: &str = "2.5.4.10";
    const CN: &str = "2.5.4.3";
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter_map(|attribute| {
            let oid = attribute.oid.to_string();
            let key = [(O, "O"), (CN, "CN")]
                .into_iter()
                .find(|(o, _)| *o == oid)
                .map(|(_, key)| key)?;
            let value = Utf8StringRef::try_from(&attribute.value)
                .map(|s| s.as_str().to_string())
                .or_else(|_| {
                    PrintableStringRef::try_from(&attribute.value).map(|s| s.as_str().to_string())
                })
                .ok()?;
            Some(format!("{key}={value}"))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
const END: &str = "-----END CERTIFICATE-----";

/// Only the `CERTIFICATE` blocks of `text`, each followed by a newline: the part of the certificate
/// box that may be stored or shared. Anything else pasted with them (a private key, a key backup)
/// is left out.
pub fn public_certificates(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(BEGIN) {
        let Some(end) = rest[start..].find(END) else {
            break;
        };
        out.push_str(&rest[start..start + end + END.len()]);
        out.push('\n');
        rest = &rest[start + end + END.len()..];
    }
    out
}

// The first CERTIFICATE block, or a message saying what was pasted instead. Text holding a private
// key is refused even with a certificate in it: the key opens every SealedSecret, so the page says
// so instead of quietly using the certificate.
fn certificate_block(text: &str) -> Result<&str, String> {
    let private = text.match_indices("-----BEGIN ").find_map(|(i, _)| {
        let rest = &text[i + 11..];
        rest.find("-----")
            .map(|j| &rest[..j])
            .filter(|label| label.contains("PRIVATE KEY"))
    });
    let cert = text.find(BEGIN);
    match (private, cert) {
        (Some(label), Some(_)) => {
            return Err(format!(
                "Besides the certificate, this text holds a private key ({label}): remove it. The key opens every SealedSecret sealed for your cluster, so it must stay with the controller; this page does not keep or share it."
            ))
        }
        (None, _) if text.contains("tls.key") => {
            return Err("This looks like the controller's key backup (it has tls.key, the private key): paste only the certificate that `kubeseal --fetch-cert` prints, and keep the backup secret.".into())
        }
        _ => {}
    }
    if let Some(start) = cert {
        let end = text[start..]
            .find(END)
            .ok_or("The certificate is cut off: -----END CERTIFICATE----- is missing.")?;
        return Ok(&text[start..start + end + END.len()]);
    }
    let label = text
        .find("-----BEGIN ")
        .map(|i| &text[i + 11..])
        .and_then(|rest| rest.find("-----").map(|j| &rest[..j]));
    Err(match label {
        Some(label) if label.contains("PRIVATE KEY") => format!(
            "This is a private key ({label}): it must stay secret, so remove it and never share it. Sealing needs the public certificate that `kubeseal --fetch-cert` prints."
        ),
        Some(label) => format!(
            "This is a {label} block, not a certificate: paste the certificate that `kubeseal --fetch-cert` prints (-----BEGIN CERTIFICATE----- ...)."
        ),
        None => "This is not a PEM certificate: paste what `kubeseal --fetch-cert` prints, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.".into(),
    })
}

// A readable name for the public key algorithms a certificate commonly holds.
fn key_kind(oid: &str) -> String {
    match oid {
        "1.2.840.10045.2.1" => "an elliptic-curve (EC)".into(),
        "1.3.101.112" => "an Ed25519".into(),
        "1.3.101.113" => "an Ed448".into(),
        "1.2.840.113549.1.1.10" => "an RSA-PSS-only".into(),
        "1.2.840.10040.4.1" => "a DSA".into(),
        other => format!("a {other}"),
    }
}
