//! The YAML view's text cut into blocks of [`LINES`] lines. The page shows each block as an element
//! of its own, so a keystroke re-lays out only the blocks whose text it changed; the start-up module
//! writes the same blocks into the prerendered view. Joined, the blocks are the text again.

/// Lines per block.
pub const LINES: usize = 32;

/// `text` cut after every [`LINES`]th newline; the last block holds the rest.
pub fn blocks(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / (LINES * 24) + 1);
    let mut start = 0;
    for (n, (at, _)) in text.match_indices('\n').enumerate() {
        if (n + 1) % LINES == 0 {
            out.push(&text[start..=at]);
            start = at + 1;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_join_to_the_text_and_hold_at_most_their_lines() {
        for lines in [0, 1, LINES - 1, LINES, LINES + 1, 3 * LINES, 3 * LINES + 5] {
            let text: String = (0..lines).map(|i| format!("line {i}\n")).collect();
            let cut = blocks(&text);
            assert_eq!(cut.concat(), text, "{lines} lines");
            assert_eq!(cut.len(), lines.div_ceil(LINES), "{lines} lines");
            assert!(cut.iter().all(|b| b.matches('\n').count() <= LINES));
        }
        assert_eq!(blocks("no newline"), vec!["no newline"]);
    }
}
