//! The name and key syntaxes the API server checks, mirroring
//! `k8s.io/apimachinery/pkg/util/validation` (validation.go). Each returns `Err` with a plain-language
//! reason naming the first problem found, so the message beside the field says what to change.

/// Lowercase alphanumerics and '-', starting and ending alphanumeric: the shape of one DNS label.
fn label_shape(text: &str, first_letter: bool) -> Result<(), String> {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return Err("is empty".into());
    };
    if let Some(bad) = text
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(if bad.is_ascii_uppercase() {
            format!("has the uppercase letter '{bad}': use lowercase only")
        } else {
            format!("has '{bad}': use lowercase letters, digits and '-' only")
        });
    }
    if first_letter && !first.is_ascii_lowercase() {
        return Err("must start with a letter".into());
    }
    if first == b'-' || bytes[bytes.len() - 1] == b'-' {
        return Err("must start and end with a letter or digit, not '-'".into());
    }
    Ok(())
}

fn max_len(text: &str, max: usize) -> Result<(), String> {
    let len = text.len();
    if len > max {
        Err(format!(
            "is {len} characters long; at most {max} are allowed"
        ))
    } else {
        Ok(())
    }
}

/// RFC 1123 label (`IsDNS1123Label`): at most 63 of `[a-z0-9-]`, alphanumeric at both ends.
/// Namespace names, container names.
pub fn dns1123_label(text: &str) -> Result<(), String> {
    label_shape(text, false)?;
    max_len(text, 63)
}

/// RFC 1035 label (`IsDNS1035Label`): an RFC 1123 label that starts with a letter. Service names.
pub fn dns1035_label(text: &str) -> Result<(), String> {
    label_shape(text, true)?;
    max_len(text, 63)
}

/// RFC 1123 subdomain (`IsDNS1123Subdomain`): dot-separated labels, at most 253 characters.
/// ConfigMap, Secret, Deployment and Job names.
pub fn dns1123_subdomain(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err("is empty".into());
    }
    for part in text.split('.') {
        if part.is_empty() {
            return Err("has an empty part between dots".into());
        }
        label_shape(part, false)?;
    }
    max_len(text, 253)
}

/// Alphanumerics, '-', '_' and '.', alphanumeric at both ends: label values and label key names.
fn qualified_shape(text: &str) -> Result<(), String> {
    if let Some(bad) = text
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!(
            "has '{bad}': use letters, digits, '-', '_' and '.' only"
        ));
    }
    let ends_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if !ends_ok(text.chars().next()) || !ends_ok(text.chars().last()) {
        return Err("must start and end with a letter or digit".into());
    }
    Ok(())
}

/// Label value (`IsValidLabelValue`): empty, or at most 63 of `[A-Za-z0-9-_.]`, alphanumeric at both
/// ends.
pub fn label_value(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Ok(());
    }
    max_len(text, 63)?;
    qualified_shape(text)
}

/// Label key (`IsQualifiedName`): `[prefix/]name`, the prefix an RFC 1123 subdomain, the name at most
/// 63 of `[A-Za-z0-9-_.]`, alphanumeric at both ends.
pub fn label_key(text: &str) -> Result<(), String> {
    let (prefix, name) = match text.split_once('/') {
        Some((prefix, name)) => (Some(prefix), name),
        None => (None, text),
    };
    if let Some(prefix) = prefix {
        dns1123_subdomain(prefix).map_err(|e| format!("its prefix '{prefix}' {e}"))?;
    }
    if name.is_empty() {
        return Err("has no name".into());
    }
    max_len(name, 63).map_err(|e| format!("its name {e}"))?;
    qualified_shape(name)
}

/// ConfigMap and Secret data key (`IsConfigMapKey`): at most 253 of `[-._a-zA-Z0-9]`, not `.` or
/// `..`, not starting with `..`.
pub fn config_map_key(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err("is empty".into());
    }
    max_len(text, 253)?;
    if let Some(bad) = text
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(if bad == ' ' {
            "has a space: use letters, digits, '-', '_' and '.' only".into()
        } else {
            format!("has '{bad}': use letters, digits, '-', '_' and '.' only")
        });
    }
    if text == "." || text == ".." || text.starts_with("..") {
        return Err("must not be '.' or '..' or start with '..'".into());
    }
    Ok(())
}

/// Env var name as Kubernetes 1.32+ accepts it (`IsRelaxedEnvVarName`, KEP-4369: beta and on by
/// default in 1.32, GA in 1.34): any printable ASCII except '='.
pub fn env_name(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err("is empty".into());
    }
    match text.chars().find(|c| !(' '..='~').contains(c) || *c == '=') {
        Some('=') => Err("has '=': a variable name cannot contain it".into()),
        Some(bad) => Err(format!(
            "has '{}': only printable ASCII is allowed",
            bad.escape_default()
        )),
        None => Ok(()),
    }
}

/// Env var name as clusters before 1.32 accept it (`IsEnvVarName` then): `[-._a-zA-Z][-._a-zA-Z0-9]*`.
pub fn env_name_before_1_32(text: &str) -> Result<(), String> {
    let valid = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    match text.chars().next() {
        None => Err("is empty".into()),
        Some(c) if c.is_ascii_digit() => Err("starts with a digit".into()),
        _ => match text.chars().find(|c| !valid(*c)) {
            Some(bad) => Err(format!("has '{}'", bad.escape_default())),
            None => Ok(()),
        },
    }
}

/// Port name (`IsValidPortName`, an IANA service name): at most 15 of `[a-z0-9-]`, at least one
/// letter, no '-' at either end and no '--'.
pub fn port_name(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err("is empty".into());
    }
    max_len(text, 15)?;
    if let Some(bad) = text
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(format!(
            "has '{bad}': use lowercase letters, digits and '-' only"
        ));
    }
    if !text.chars().any(|c| c.is_ascii_lowercase()) {
        return Err("needs at least one letter (a number alone is a port number)".into());
    }
    if text.starts_with('-') || text.ends_with('-') {
        return Err("must not start or end with '-'".into());
    }
    if text.contains("--") {
        return Err("must not contain '--'".into());
    }
    Ok(())
}
