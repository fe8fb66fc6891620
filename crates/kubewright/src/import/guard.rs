//! Limits checked before the YAML parser sees the text, so hostile input fails fast with a clear
//! message instead of freezing the tab.
//!
//! Measured with serde_yaml 0.9.34 (release build, native): an alias bomb ("billion laughs") is
//! refused by serde_yaml itself ("repetition limit exceeded", ~20 ms), and so is nesting deeper than
//! 128 levels ("recursion limit exceeded") — but only after libyaml has scanned the whole document,
//! and libyaml's scanner is quadratic in flow nesting: 200,000 nested `{a: ` (800 KB) took 122 s.
//! So the size is capped, and flow nesting (`[` / `{`) is counted here in one linear pass.

use super::ImportError;

/// The largest input taken: far more than the manifests of one app (a few KB), small enough that
/// parsing stays well under a second.
pub const MAX_BYTES: usize = 1024 * 1024;

/// The deepest flow nesting (`[[[...` / `{a: {b: ...`) taken. Kubernetes manifests rarely nest
/// flow collections more than a few levels.
pub const MAX_FLOW_DEPTH: usize = 64;

pub fn check(text: &str) -> Result<(), ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::new(format!(
            "the text is {:.1} MB; Kubewright imports at most {} MB (the manifests of one app are a few KB)",
            text.len() as f64 / 1e6,
            MAX_BYTES / (1024 * 1024)
        )));
    }
    flow_depth(text)
}

// A conservative count of open flow brackets outside quotes, comments and plain scalars. It does not
// parse YAML. In block context a bracket opens a flow collection only where a node starts (line
// start, after `key: `, `- `, `? ` or an `&anchor` / `!tag`); later in a plain scalar (`a[b`, as
// serde_yaml writes such strings) it is text. Where it cannot tell (a block scalar's line, a quoted
// string continued on the next line) it counts the bracket, which can only make it refuse a very
// unusual text, never let a deep one by.
fn flow_depth(text: &str) -> Result<(), ImportError> {
    let mut depth = 0usize;
    for (index, line) in text.lines().enumerate() {
        let mut quote: Option<char> = None;
        let mut node_start = true;
        let mut in_property = false;
        let mut previous = ' ';
        let mut chars = line.char_indices().peekable();
        while let Some((column, c)) = chars.next() {
            let space_follows = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
            let block = depth == 0;
            match quote {
                Some('"') if c == '\\' => {
                    chars.next();
                }
                Some('\'') if c == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') => {
                    chars.next();
                }
                Some(q) if c == q => quote = None,
                Some(_) => {}
                // `&anchor` / `!tag` end at whitespace; the node they belong to starts after it.
                None if in_property => in_property = !c.is_whitespace(),
                None => match c {
                    c if c.is_whitespace() => {}
                    '#' if previous.is_whitespace() => break,
                    '"' | '\''
                        if (block && node_start)
                            || (!block
                                && (previous.is_whitespace() || "[{,:".contains(previous))) =>
                    {
                        quote = Some(c);
                        node_start = false;
                    }
                    '[' | '{' if !block || node_start => {
                        depth += 1;
                        if depth > MAX_FLOW_DEPTH {
                            return Err(ImportError {
                                message: format!(
                                    "brackets nested deeper than {MAX_FLOW_DEPTH} levels: refused before parsing"
                                ),
                                line: Some(index + 1),
                                column: Some(line[..column].chars().count() + 1),
                            });
                        }
                    }
                    ']' | '}' if !block => {
                        depth -= 1;
                        node_start = false;
                    }
                    '&' | '!' if block && node_start => in_property = true,
                    // `: ` ends a key anywhere (a plain scalar cannot hold it); `- ` and `? ` are
                    // indicators only where a node starts, and text later in a plain scalar.
                    ':' if block && space_follows => node_start = true,
                    '-' | '?' if block && node_start && space_follows => {}
                    _ if block => node_start = false,
                    _ => {}
                },
            }
            previous = c;
        }
    }
    Ok(())
}
