//! Values generated for secrets from a CSPRNG (the browser's `crypto.getRandomValues` through
//! `getrandom`, or the operating system's), never from a predictable generator.

use base64::Engine;
use rand::distributions::{Alphanumeric, DistString};
use rand_core::{CryptoRngCore, OsRng};

use crate::spec::{AppSpec, EnvEntry};

/// The kinds of secret the secrets tab can generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generated {
    /// Phoenix's `SECRET_KEY_BASE`: 64 characters, made as `mix phx.gen.secret` makes them (64 random
    /// bytes, base64 without padding, the first 64 characters: ~384 bits).
    SecretKeyBase,
    /// The Erlang distribution cookie (`RELEASE_COOKIE` / `ERLANG_COOKIE`) that lets the app's nodes
    /// connect: 48 letters and digits (~285 bits), so no shell or Erlang quoting is ever needed.
    ErlangCookie,
    /// A database password: 32 letters and digits (~190 bits), safe inside a `DATABASE_URL` as is.
    Password,
}

impl Generated {
    pub const ALL: [Generated; 3] = [
        Generated::SecretKeyBase,
        Generated::ErlangCookie,
        Generated::Password,
    ];

    /// The variable a new row gets when nothing matching exists yet.
    pub fn default_name(self) -> &'static str {
        match self {
            Generated::SecretKeyBase => "SECRET_KEY_BASE",
            Generated::ErlangCookie => "RELEASE_COOKIE",
            Generated::Password => "DATABASE_PASSWORD",
        }
    }

    /// What the button says it makes.
    pub fn title(self) -> &'static str {
        match self {
            Generated::SecretKeyBase => "SECRET_KEY_BASE",
            Generated::ErlangCookie => "Erlang cookie",
            Generated::Password => "database password",
        }
    }

    /// The kind for a variable that a fresh random value can fill; `None` for a key that must match
    /// what the app already has (Rails' RAILS_MASTER_KEY opens its encrypted credentials).
    pub fn for_variable(name: &str) -> Option<Generated> {
        (!name.to_ascii_uppercase().contains("MASTER_KEY")).then(|| Generated::for_name(name))
    }

    /// The kind a variable name asks for: `SECRET_KEY_BASE`, `*COOKIE*`, anything else a password.
    pub fn for_name(name: &str) -> Generated {
        let name = name.to_ascii_uppercase();
        if name.contains("SECRET_KEY_BASE") {
            Generated::SecretKeyBase
        } else if name.contains("COOKIE") {
            Generated::ErlangCookie
        } else {
            Generated::Password
        }
    }

    /// Whether `name` is a variable this kind fills (so its button fills that row instead of adding one).
    pub fn fills(self, name: &str) -> bool {
        match self {
            Generated::Password => {
                let upper = name.to_ascii_uppercase();
                upper.contains("PASSWORD") || upper.ends_with("_PASS")
            }
            kind => Generated::for_name(name) == kind,
        }
    }

    /// A fresh value from the operating system's CSPRNG (in the browser: `crypto.getRandomValues`).
    pub fn fresh(self) -> String {
        self.generate(&mut OsRng)
    }

    /// A fresh value. `rng` must be a CSPRNG.
    pub fn generate(self, rng: &mut impl CryptoRngCore) -> String {
        match self {
            Generated::SecretKeyBase => {
                let mut bytes = [0u8; 64];
                rng.fill_bytes(&mut bytes);
                let mut text = base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes);
                text.truncate(64);
                text
            }
            Generated::ErlangCookie => Alphanumeric.sample_string(rng, 48),
            Generated::Password => Alphanumeric.sample_string(rng, 32),
        }
    }
}

impl AppSpec {
    /// Gives the spec a fresh checksum key when it has none (see
    /// [`crate::spec::SecretOptions::checksum_key`]): 32 letters and digits (~190 bits) from the
    /// operating system's CSPRNG. Returns whether it made one.
    pub fn ensure_checksum_key(&mut self) -> bool {
        if !self.secret_options.checksum_key.is_empty() {
            return false;
        }
        self.secret_options.checksum_key = Alphanumeric.sample_string(&mut OsRng, 32);
        true
    }

    /// Puts a generated `value` of `kind` in the first secret that kind fills (e.g. `RELEASE_COOKIE`
    /// or `ERLANG_COOKIE` for the cookie), else in a new secret with the kind's usual name. Returns
    /// the name of the secret that holds it.
    pub fn set_generated(&mut self, kind: Generated, value: String) -> String {
        match self.secrets.iter_mut().find(|e| kind.fills(&e.name)) {
            Some(entry) => {
                entry.value = value;
                entry.name.clone()
            }
            None => {
                let name = kind.default_name().to_string();
                self.secrets.push(EnvEntry {
                    name: name.clone(),
                    value,
                });
                name
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_key_the_app_already_has_is_never_generated() {
        use super::Generated;
        assert_eq!(Generated::for_variable("RAILS_MASTER_KEY"), None);
        assert_eq!(
            Generated::for_variable("SECRET_KEY_BASE"),
            Some(Generated::SecretKeyBase)
        );
    }

    use super::*;

    #[test]
    fn a_generated_value_fills_the_row_it_fits_or_adds_one() {
        let mut spec = AppSpec {
            secrets: vec![EnvEntry {
                name: "ERLANG_COOKIE".into(),
                value: "old".into(),
            }],
            ..AppSpec::default()
        };
        let name = spec.set_generated(Generated::ErlangCookie, "new".into());
        assert_eq!(name, "ERLANG_COOKIE");
        assert_eq!(spec.secrets.len(), 1);
        assert_eq!(spec.secrets[0].value, "new");
        let name = spec.set_generated(Generated::SecretKeyBase, "key".into());
        assert_eq!(name, "SECRET_KEY_BASE");
        assert_eq!(
            spec.secrets[1],
            EnvEntry {
                name: "SECRET_KEY_BASE".into(),
                value: "key".into()
            }
        );
    }
}
