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
    matches_parts(pattern, name, &word_parts_of(name))
}

// `matches` with the name's parts split once by the caller: the lint runs every pattern against
// every env entry on each keystroke, and upper-cased copies and re-splitting made 10,000 entries
// take 28 ms (native).
fn matches_parts(pattern: &str, name: &str, parts: &[&str]) -> bool {
    let pattern = pattern.trim();
    if pattern.is_empty() {
        false
    } else if pattern.contains('*') {
        glob_ignoring_case(pattern.as_bytes(), name.as_bytes())
    } else {
        let want = || pattern.split(['_', '-', '.']).filter(|p| !p.is_empty());
        let n = want().count();
        n > 0
            && parts
                .windows(n)
                .any(|w| w.iter().zip(want()).all(|(a, b)| a.eq_ignore_ascii_case(b)))
    }
}

fn word_parts_of(s: &str) -> Vec<&str> {
    s.split(['_', '-', '.']).filter(|p| !p.is_empty()).collect()
}

// [`glob`] on bytes, ASCII letters compared without case. The same answer as on characters: `*`
// is ASCII, and a literal's UTF-8 lead byte can never equal a continuation byte, so a match never
// starts inside a character.
fn glob_ignoring_case(p: &[u8], t: &[u8]) -> bool {
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < t.len() {
        if i < p.len() && p[i] == b'*' {
            star = Some((i, j));
            i += 1;
        } else if i < p.len() && p[i].eq_ignore_ascii_case(&t[j]) {
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
    p[i..].iter().all(|&c| c == b'*')
}

/// The first of `patterns` that `name` matches.
pub fn matching<'a>(patterns: impl IntoIterator<Item = &'a str>, name: &str) -> Option<&'a str> {
    let parts = word_parts_of(name);
    patterns
        .into_iter()
        .find(|p| matches_parts(p, name, &parts))
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
    fn matching_in_place_agrees_with_upper_cased_copies() {
        let names = [
            "db_password",
            "DBPASSWORD",
            "api-key",
            "Keycloak_URL",
            "MY_DATABASE_URL",
            "database_url_2",
            "pässwort_key",
            "ÄPI_TOKEN",
            "",
            "_",
            "a..b",
            "KEY",
            "x-KEY-y",
            "release_cookie",
        ];
        let patterns = PATTERNS.iter().copied().chain([
            "*ä*",
            "Pä*",
            "database_url",
            "a.b",
            " KEY ",
            "*",
            "**",
            "*a*b*",
            "",
        ]);
        for p in patterns {
            for n in names {
                let (up_p, up_n) = (p.trim().to_ascii_uppercase(), n.to_ascii_uppercase());
                let want = if up_p.is_empty() {
                    false
                } else if up_p.contains('*') {
                    glob(&up_p, &up_n)
                } else {
                    has_word(&up_n, &up_p)
                };
                assert_eq!(matches(p, n), want, "{p:?} vs {n:?}");
            }
        }
    }

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
