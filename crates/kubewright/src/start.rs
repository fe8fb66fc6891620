//! Where the page's form comes from when it loads: a share link in the URL, else the copy the page
//! saved in this browser (unless saving was switched off), else the first preset. Only in the last
//! case is the first screen the build prerendered the visitor's own, so only then does the start-up
//! page make it editable before the full page has loaded.

use crate::share::FRAGMENT_KEY;

/// localStorage key of the autosaved spec (JSON, secret values cleared).
pub const SAVED: &str = "kubewright.spec";
/// localStorage key holding `off` after "forget": autosave stays off until switched on again.
pub const AUTOSAVE_OFF: &str = "kubewright.autosave-off";

/// Where the form comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    Link,
    Saved,
    Preset,
}

/// The start for a URL fragment (without `#`) and what localStorage holds under [`SAVED`] and
/// [`AUTOSAVE_OFF`].
pub fn start(fragment: &str, saved: Option<&str>, autosave_off: Option<&str>) -> Start {
    if fragment.starts_with(FRAGMENT_KEY) {
        Start::Link
    } else if saved.is_some() && autosave_off.is_none() {
        Start::Saved
    } else {
        Start::Preset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_wins_then_the_saved_copy_unless_saving_is_off() {
        assert_eq!(start("s=abc", Some("{}"), None), Start::Link);
        assert_eq!(start("", Some("{}"), None), Start::Saved);
        assert_eq!(start("", Some("{}"), Some("off")), Start::Preset);
        assert_eq!(start("", None, None), Start::Preset);
        assert_eq!(
            start("top", None, None),
            Start::Preset,
            "an anchor is no link"
        );
    }
}
