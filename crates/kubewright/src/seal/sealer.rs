use std::collections::HashMap;

use rand_core::{CryptoRngCore, OsRng};

use super::{seal_value, SealingKey};

/// Seals values with one RNG, remembering for each (label, key, value) the last sealed text, so that
/// re-rendering an unchanged value gives the same YAML (the page renders on every keystroke; a value
/// re-sealed each time would make every encrypted line change while the user types elsewhere).
/// Only the values of the latest render are kept (one render seals the app's Secret and the
/// database's, see [`Sealer::next_render`]); the parsed certificate is kept until it changes.
pub struct Sealer<R> {
    rng: R,
    cert: Option<(String, Result<SealingKey, String>)>,
    /// Sealed in the previous render, reusable in this one.
    sealed: HashMap<(String, String, String), String>,
    /// Sealed (or reused) in this render.
    current: HashMap<(String, String, String), String>,
}

impl<R: CryptoRngCore> Sealer<R> {
    pub fn new(rng: R) -> Self {
        Sealer {
            rng,
            cert: None,
            sealed: HashMap::new(),
            current: HashMap::new(),
        }
    }

    /// Starts a render: what the last render sealed stays reusable, anything older is forgotten (so
    /// the memory holds one render's values, not every value ever typed).
    pub fn next_render(&mut self) {
        self.sealed = std::mem::take(&mut self.current);
    }

    /// The key in `cert` (PEM), parsed once per distinct text. A new certificate forgets every
    /// remembered sealed value.
    pub fn key(&mut self, cert: &str) -> Result<&SealingKey, String> {
        if self.cert.as_ref().is_none_or(|(text, _)| text != cert) {
            self.sealed.clear();
            self.current.clear();
            self.cert = Some((cert.to_string(), SealingKey::from_pem(cert)));
        }
        match &self.cert {
            Some((_, Ok(key))) => Ok(key),
            Some((_, Err(message))) => Err(message.clone()),
            None => Err("no certificate".into()),
        }
    }

    /// Seals each `(key, value)` with `label`, reusing the text from this or the previous render when
    /// the same key held the same value under the same label. Keys are part of what is remembered, so two
    /// keys with the same value still get different texts (equal ciphertexts would tell a reader the
    /// values are equal).
    pub fn seal_all(
        &mut self,
        cert: &str,
        label: &str,
        entries: &[(String, String)],
    ) -> Result<Vec<(String, String)>, String> {
        self.key(cert)?;
        let Some((_, Ok(key))) = &self.cert else {
            return Err("no certificate".into());
        };
        let mut out = Vec::with_capacity(entries.len());
        for (name, value) in entries {
            let id = (label.to_string(), name.clone(), value.clone());
            let sealed = match self
                .current
                .get(&id)
                .cloned()
                .or_else(|| self.sealed.remove(&id))
            {
                Some(text) => text,
                None => seal_value(key, label, value.as_bytes(), &mut self.rng)?,
            };
            self.current.insert(id, sealed.clone());
            out.push((name.clone(), sealed));
        }
        Ok(out)
    }
}

/// What rendering asks of a sealer. Rendering is generic over it so that a module which never seals
/// (the start-up page, see [`NotLoaded`]) carries none of the RSA and AES code.
pub trait Seal {
    /// Starts a render (see [`Sealer::next_render`]).
    fn next_render(&mut self);
    /// What the key in `cert` is (for the page's banner), or why it cannot be used.
    fn describe_key(&mut self, cert: &str) -> Result<String, String>;
    /// See [`Sealer::seal_all`].
    fn seal_all(
        &mut self,
        cert: &str,
        label: &str,
        entries: &[(String, String)],
    ) -> Result<Vec<(String, String)>, String>;
}

impl<R: CryptoRngCore> Seal for Sealer<R> {
    fn next_render(&mut self) {
        Sealer::next_render(self);
    }

    fn describe_key(&mut self, cert: &str) -> Result<String, String> {
        self.key(cert).map(|key| key.describe())
    }

    fn seal_all(
        &mut self,
        cert: &str,
        label: &str,
        entries: &[(String, String)],
    ) -> Result<Vec<(String, String)>, String> {
        Sealer::seal_all(self, cert, label, entries)
    }
}

/// Checks the certificate like a sealer but leaves each sealed value empty, and has none of the RSA
/// and AES code: for code that needs only the objects' layout (kinds, names, keys), such as the form
/// <-> YAML line map, which runs on every keystroke (encrypting there for nothing cost ~13 ms a
/// keystroke), and for the page before its sealing part has come (`src/ui/lazy.rs`).
#[derive(Default)]
pub struct LayoutOnly {
    /// The certificate last asked about and what its key is (or why it cannot be used): a render
    /// asks once for the banner and once per sealed Secret, and parsing it is the costly part.
    key: Option<(String, Result<String, String>)>,
}

impl LayoutOnly {
    fn key(&mut self, cert: &str) -> Result<String, String> {
        match &self.key {
            Some((text, described)) if text == cert => described.clone(),
            _ => {
                let described = SealingKey::from_pem(cert).map(|key| key.describe());
                self.key = Some((cert.to_string(), described.clone()));
                described
            }
        }
    }
}

impl Seal for LayoutOnly {
    fn next_render(&mut self) {}

    fn describe_key(&mut self, cert: &str) -> Result<String, String> {
        self.key(cert)
    }

    fn seal_all(
        &mut self,
        cert: &str,
        _label: &str,
        entries: &[(String, String)],
    ) -> Result<Vec<(String, String)>, String> {
        self.key(cert)?;
        Ok(entries
            .iter()
            .map(|(name, _)| (name.clone(), String::new()))
            .collect())
    }
}

/// For a module that has no sealing in it: every seal fails with a sentence saying so, so a spec
/// with sealing on gets neither a plain Secret nor an empty SealedSecret there.
pub struct NotLoaded;

impl Seal for NotLoaded {
    fn next_render(&mut self) {}

    fn describe_key(&mut self, _cert: &str) -> Result<String, String> {
        Err("sealing is not loaded yet".into())
    }

    fn seal_all(
        &mut self,
        cert: &str,
        _label: &str,
        _entries: &[(String, String)],
    ) -> Result<Vec<(String, String)>, String> {
        self.describe_key(cert).map(|_| Vec::new())
    }
}

/// A sealer using the operating system's (in the browser: `crypto.getRandomValues`) CSPRNG.
impl Default for Sealer<OsRng> {
    fn default() -> Self {
        Sealer::new(OsRng)
    }
}
