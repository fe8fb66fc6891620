//! Presets are plain spec files (`presets/*.json`, the same format as `--spec FILE.json`), compiled in
//! so the page and the CLI need nothing at run time.

use crate::spec::AppSpec;

mod first;
pub use first::first_spec;

/// A named, ready-made spec.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// Stable id used by `--preset ID` and the page's selector.
    pub id: &'static str,
    /// What the selector shows.
    pub title: &'static str,
    /// The spec as JSON.
    pub json: &'static str,
}

/// Every preset; the first is what the page shows on load.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "web-app",
        title: "Web app (generic starting point)",
        json: include_str!("../../presets/web-app.json"),
    },
    Preset {
        id: "phoenix",
        title: "Phoenix release (mix release) with CloudNativePG",
        json: include_str!("../../presets/phoenix.json"),
    },
    Preset {
        id: "rails",
        title: "Rails with PostgreSQL from a Helm chart",
        json: include_str!("../../presets/rails.json"),
    },
    Preset {
        id: "django",
        title: "Django with CloudNativePG",
        json: include_str!("../../presets/django.json"),
    },
    Preset {
        id: "phoenix-article",
        title: "Phoenix, as in the 2018 article (fixed for today)",
        json: include_str!("../../presets/phoenix-article.json"),
    },
];

impl Preset {
    /// Looks a preset up by id.
    pub fn find(id: &str) -> Option<Preset> {
        PRESETS.iter().copied().find(|p| p.id == id)
    }

    /// The preset's spec. The preset files are tested to parse, so this only fails if a file was
    /// edited without running the tests; the error then says which file.
    pub fn spec(&self) -> Result<AppSpec, String> {
        crate::spec_from_json(self.json).map_err(|e| format!("preset {}: {e}", self.id))
    }
}

/// The ids, for messages such as "unknown preset; choose one of ...".
pub fn ids() -> Vec<&'static str> {
    PRESETS.iter().map(|p| p.id).collect()
}
