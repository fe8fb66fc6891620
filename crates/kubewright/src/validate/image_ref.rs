//! Image references as container runtimes parse them (the grammar of `distribution/reference`,
//! reference.go): `[host[:port]/]path[:tag][@digest]`. The API server only checks that the image has
//! no surrounding spaces; a reference outside this grammar fails on the node (`InvalidImageName`).

/// A path component: `[a-z0-9]+` joined by `.`, `_`, `__` or any run of `-`.
fn path_component(text: &str) -> bool {
    let bytes = text.as_bytes();
    let alnum = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    if bytes.is_empty() || !alnum(bytes[0]) || !alnum(bytes[bytes.len() - 1]) {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        if alnum(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !alnum(bytes[i]) {
            i += 1;
        }
        let separator = &text[start..i];
        let ok = matches!(separator, "." | "_" | "__") || separator.bytes().all(|b| b == b'-');
        if !ok {
            return false;
        }
    }
    true
}

/// A registry host: DNS-ish components (any case) joined by '.', an optional `:port`, or `[ipv6]`.
fn domain(text: &str) -> bool {
    let (host, port) = match text.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || text.starts_with('[') => (h, Some(p)),
        _ => (text, None),
    };
    if let Some(port) = port {
        if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return !inner.is_empty() && inner.chars().all(|c| c.is_ascii_hexdigit() || c == ':');
    }
    !host.is_empty()
        && host.split('.').all(|c| {
            let b = c.as_bytes();
            !b.is_empty()
                && b[0].is_ascii_alphanumeric()
                && b[b.len() - 1].is_ascii_alphanumeric()
                && b.iter().all(|x| x.is_ascii_alphanumeric() || *x == b'-')
        })
}

/// The repository part (no tag, no digest).
pub fn repository(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err("is empty: name the image, e.g. ghcr.io/acme/web".into());
    }
    if text.trim() != text || text.contains(char::is_whitespace) {
        return Err("has spaces".into());
    }
    if text.contains('@') {
        return Err("has '@': put a digest in the Digest field".into());
    }
    let mut parts: Vec<&str> = text.split('/').collect();
    // The first part is a registry when it looks like a host, as docker decides it.
    if parts.len() > 1 {
        let first = parts[0];
        if first.contains(['.', ':'])
            || first == "localhost"
            || first.chars().any(|c| c.is_ascii_uppercase())
        {
            if !domain(first) {
                return Err(format!("'{first}' is not a registry host (host[:port])"));
            }
            parts.remove(0);
        }
    }
    if let Some(last) = parts.last() {
        if last.contains(':') {
            return Err("has ':' in the name: put the tag in the Tag field".into());
        }
    }
    if let Some(bad) = parts.iter().find(|p| !path_component(p)) {
        return Err(if bad.chars().any(|c| c.is_ascii_uppercase()) {
            format!("'{bad}' has uppercase letters; image names are lowercase")
        } else if bad.is_empty() {
            "has an empty part between slashes".into()
        } else {
            format!("'{bad}' is not a valid name part: lowercase letters and digits, separated by '.', '_', '__' or '-'")
        });
    }
    if text.len() > 255 {
        return Err(format!(
            "is {} characters long; at most 255 are allowed",
            text.len()
        ));
    }
    Ok(())
}

/// A tag: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. Empty is allowed (no tag).
pub fn tag(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Ok(());
    }
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    if text.len() > 128 {
        return Err(format!(
            "is {} characters long; at most 128 are allowed",
            text.len()
        ));
    }
    if !text.starts_with(word) {
        return Err("must start with a letter, digit or '_'".into());
    }
    match text.chars().find(|c| !(word(*c) || *c == '.' || *c == '-')) {
        Some('@') => Err("has '@': put a digest in the Digest field".into()),
        Some(bad) => Err(format!(
            "has '{bad}': use letters, digits, '_', '.' and '-' only"
        )),
        None => Ok(()),
    }
}

/// A digest: `algorithm:hex`, e.g. `sha256:` and 64 lowercase hex digits. Empty is allowed.
pub fn digest(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Ok(());
    }
    let Some((algorithm, encoded)) = text.split_once(':') else {
        return Err("must look like sha256:<64 hex digits>".into());
    };
    let alg_ok = !algorithm.is_empty()
        && algorithm.split(['+', '.', '_', '-']).all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if !alg_ok {
        return Err(format!(
            "'{algorithm}' is not a digest algorithm such as sha256"
        ));
    }
    let hex = |n: usize| {
        encoded.len() == n
            && encoded
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    };
    match algorithm {
        "sha256" if !hex(64) => Err("a sha256 digest is 64 lowercase hex digits".into()),
        "sha512" if !hex(128) => Err("a sha512 digest is 128 lowercase hex digits".into()),
        _ if encoded.len() < 32 || !encoded.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Err("the digest needs at least 32 hex digits".into())
        }
        _ => Ok(()),
    }
}
