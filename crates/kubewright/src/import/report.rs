//! The import report: one line for every part of the input the form does not hold as it was.

/// What happened to one part of the input that the form does not hold as it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// A whole object the form does not model: kept unchanged, held for review until the user
    /// includes it (then emitted after the app's objects).
    Held,
    /// Not in the form and not in the output.
    Dropped,
    /// Taken, but changed to fit (a name made valid, an old apiVersion updated, a default filled in).
    Adjusted,
    /// Taken as it is, but worth the user's eyes (e.g. secret values someone else's file sets).
    Check,
}

impl Status {
    /// The words the report shows.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held for review",
            Status::Dropped => "dropped",
            Status::Adjusted => "adjusted",
            Status::Check => "check",
        }
    }
}

/// One line of the import report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportItem {
    pub status: Status,
    /// Where in the input, e.g. `Deployment/web spec.template.spec.volumes` or `services.postgres`.
    pub path: String,
    /// Why, in a few words.
    pub note: String,
}

impl ReportItem {
    /// A whole object kept unchanged, held for review.
    pub fn held(path: impl Into<String>, note: impl Into<String>) -> Self {
        Self::new(Status::Held, path, note)
    }

    /// A part left out of the form and the output.
    pub fn dropped(path: impl Into<String>, note: impl Into<String>) -> Self {
        Self::new(Status::Dropped, path, note)
    }

    /// A part taken, but changed to fit.
    pub fn adjusted(path: impl Into<String>, note: impl Into<String>) -> Self {
        Self::new(Status::Adjusted, path, note)
    }

    pub fn new(status: Status, path: impl Into<String>, note: impl Into<String>) -> Self {
        ReportItem {
            status,
            path: path.into(),
            note: note.into(),
        }
    }
}
