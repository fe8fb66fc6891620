use serde::Serialize;

/// An object Kubewright does not model (an Ingress, a PersistentVolumeClaim, ...), kept as it was
/// imported and emitted unchanged after the app's own objects.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Extra {
    pub document: serde_yaml::Value,
}

impl Extra {
    fn field<'a>(&'a self, path: &[&str]) -> Option<&'a str> {
        let mut value = &self.document;
        for key in path {
            value = value.get(key)?;
        }
        value.as_str()
    }

    /// `kind`, or `Object` when the document has none.
    pub fn kind(&self) -> &str {
        self.field(&["kind"]).unwrap_or("Object")
    }

    /// `metadata.name`, or empty.
    pub fn name(&self) -> &str {
        self.field(&["metadata", "name"]).unwrap_or("")
    }

    /// `metadata.namespace` when the document names one.
    pub fn namespace(&self) -> Option<&str> {
        self.field(&["metadata", "namespace"])
    }

    /// `extra-<kind>-<name>.yaml` in lowercase, with anything but letters, digits, '-' and '.'
    /// replaced, so a strange name cannot make a path.
    pub fn file_name(&self) -> String {
        let clean = |s: &str| -> String {
            s.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                        c.to_ascii_lowercase()
                    } else {
                        '_'
                    }
                })
                .collect()
        };
        let name = self.name();
        if name.is_empty() {
            format!("extra-{}.yaml", clean(self.kind()))
        } else {
            format!("extra-{}-{}.yaml", clean(self.kind()), clean(name))
        }
    }
}
