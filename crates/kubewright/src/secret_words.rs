//! Which environment entries look secret, by their name or their value.
//!
//! One list for the two places that decide it: the compose importer's default split rule (which
//! entries go to the Secret) and the `env-var-secret` warning (a secret-looking entry in the
//! ConfigMap or the container's own env). They had a list each, and the lists drifted apart: the
//! warning knew COOKIE, the rule did not, so the importer put `RELEASE_COOKIE` in the ConfigMap and
//! the page then warned about what it had just done. One list keeps them saying the same thing.

/// The patterns, one a line in the import form's rule box, matched without regard to case:
/// - with `*` (any text, see [`glob`]): matched against the whole name. For words long enough to
///   rarely sit inside an unrelated word, so glued names count too: `*PASSWORD*` matches
///   `DBPASSWORD`, `*TOKEN*` matches `GITHUBTOKEN`.
/// - without `*`: a word that must be whole parts of the name, split on `_`, `-` and `.` (see
///   [`has_word`]). For short words that are also pieces of harmless ones: `KEY` matches `API_KEY`
///   and `KEY_ID`, not `KEYCLOAK_URL` or `MONKEY`; `PASS` matches `DB_PASS`, not `PASSPORT_URL` or
///   `BYPASS_CACHE`; `DSN` matches `SENTRY_DSN`.
pub const PATTERNS: &[&str] = &[
    "*PASSWORD*",
    "*PASSWD*",
    "*PASSPHRASE*",
    "*SECRET*",
    "*TOKEN*",
    "*COOKIE*",
    "*CREDENTIAL*",
    "*PRIVATE*",
    "*APIKEY*",
    "PASS",
    "PWD",
    "KEY",
    "KEYS",
    "DSN",
    "DATABASE_URL",
];

/// Whether `name` matches `pattern` (one of the two forms of [`PATTERNS`]), ignoring ASCII case
/// (env names are ASCII, and it keeps Unicode case tables out of the wasm).
pub fn matches(pattern: &str, name: &str) -> bool {
    let pattern = pattern.trim().to_ascii_uppercase();
    let name = name.to_ascii_uppercase();
    if pattern.is_empty() {
        false
    } else if pattern.contains('*') {
        glob(&pattern, &name)
    } else {
        has_word(&name, &pattern)
    }
}

/// The first of `patterns` that `name` matches.
pub fn matching<'a>(patterns: impl IntoIterator<Item = &'a str>, name: &str) -> Option<&'a str> {
    patterns.into_iter().find(|p| matches(p, name))
}

/// Why an env entry looks secret, for a message ("its name contains PASSWORD"), or `None`.
pub fn reason(name: &str, value: &str) -> Option<String> {
    if let Some(pattern) = matching(PATTERNS.iter().copied(), name) {
        Some(format!("its name contains {}", pattern.trim_matches('*')))
    } else if has_credentials(value) {
        Some("its value is a URL with a password".into())
    } else {
        None
    }
}

/// `scheme://user:password@host`: a URL with a password in it (`redis://:pw@host` too).
pub fn has_credentials(value: &str) -> bool {
    value.split("://").nth(1).is_some_and(|rest| {
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        authority
            .rsplit_once('@')
            .is_some_and(|(userinfo, _)| userinfo.contains(':'))
    })
}

/// Whether `word`'s parts (split on `_`, `-`, `.`) are consecutive whole parts of `name`'s.
pub fn has_word(name: &str, word: &str) -> bool {
    let split = |s: &str| -> Vec<String> {
        s.split(['_', '-', '.'])
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (parts, want) = (split(name), split(word));
    !want.is_empty() && parts.windows(want.len()).any(|w| w == want.as_slice())
}

/// `*` matches any run of characters; everything else matches itself. Iterative with one backtrack
/// point, so it is linear-ish and cannot blow up on many stars.
pub fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < t.len() {
        if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if i < p.len() && p[i] == t[j] {
            i += 1;
            j += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches_like_a_shell_pattern() {
        for (p, t, want) in [
            ("*PASSWORD*", "POSTGRES_PASSWORD", true),
            ("*PASSWORD*", "PASSWORD", true),
            ("*KEY*", "SECRET_KEY_BASE", true),
            ("DATABASE_URL", "DATABASE_URL", true),
            ("DATABASE_URL", "DATABASE_URL_2", false),
            ("*TOKEN", "TOKEN_TTL", false),
            ("A*B*C", "AXXBYYC", true),
            ("A*B*C", "AXXBYY", false),
            ("**", "", true),
        ] {
            assert_eq!(glob(p, t), want, "{p} vs {t}");
        }
    }

    #[test]
    fn a_word_is_whole_parts_of_the_name() {
        for (name, word, want) in [
            ("API_KEY", "KEY", true),
            ("KEY", "KEY", true),
            ("AWS_ACCESS_KEY_ID", "KEY", true),
            ("stripe-key", "KEY", false), // case is the caller's business (matches() folds it)
            ("STRIPE-KEY", "KEY", true),
            ("APP.KEY", "KEY", true),
            ("KEYCLOAK_URL", "KEY", false),
            ("MONKEY", "KEY", false),
            ("MY_DATABASE_URL", "DATABASE_URL", true),
            ("DATABASE_URL_2", "DATABASE_URL", true),
            ("DATABASE_HOST_URL", "DATABASE_URL", false),
            ("__", "KEY", false),
            ("KEY", "", false),
        ] {
            assert_eq!(has_word(name, word), want, "{word} in {name}");
        }
    }
}
