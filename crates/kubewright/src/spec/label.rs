use serde::{Deserialize, Serialize};

/// An extra label for every object and pod, e.g. `app.kubernetes.io/part-of: shop`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Label {
    /// `[prefix/]name`: an optional DNS subdomain prefix, then at most 63 letters, digits, '-', '_',
    /// '.', starting and ending with a letter or digit. Not `app` (set from the app's name).
    pub key: String,
    /// Empty, or at most 63 of the same characters, starting and ending with a letter or digit.
    pub value: String,
}

impl Label {
    pub fn new(key: &str, value: &str) -> Self {
        Label {
            key: key.into(),
            value: value.into(),
        }
    }
}
