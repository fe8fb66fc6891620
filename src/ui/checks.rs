//! When the checks run. An edit is validated at the start of the next frame, a frame after its YAML
//! (16 ms at 60 Hz): the keystroke's own frame then waits only for the YAML, and the messages beside
//! the fields, the verdict and the issues follow with the commands, the picture and the line marks
//! (with the commands, 0.3 ms less a keystroke's frame on the preset and 0.7 ms with 200 more env
//! rows; with 10,000 of them validation costs as much as rendering). A loaded spec (a preset, a file,
//! undo) is checked at once, and so is the spec a copy or a download is about to use.

use kubewright::validate::{self, Issue};
use kubewright::{AppSpec, Rendered};
use leptos::prelude::*;

use super::later::next_frame;

/// Above this many lines of YAML the stream is "big": the links between the form and the YAML lines
/// are left out (they cost time on every keystroke).
pub const BIG_LINES: usize = 3000;

/// The checks' state: what is shown, and whether a newer spec waits for them.
#[derive(Clone, Copy)]
pub struct Checks {
    /// Whether the stream is over [`BIG_LINES`] lines.
    pub big: Memo<bool>,
    /// Every validation issue, errors first (of the spec the checks last ran on).
    pub issues: Memo<Vec<Issue>>,
    /// Bumped to run the checks.
    run: RwSignal<u64>,
    /// An edit waits for its checks.
    pending: StoredValue<bool>,
}

impl Checks {
    pub fn new(spec: RwSignal<AppSpec>, rendered: Memo<Rendered>) -> Self {
        let big = Memo::new(move |_| rendered.with(|r| r.all.lines().count() > BIG_LINES));
        let run = RwSignal::new(0u64);
        // The spec untracked: an edit reaches the checks through `run` (see `follow`).
        let issues = Memo::new(move |_| {
            run.track();
            spec.with_untracked(validate::validate)
        });
        Checks {
            big,
            issues,
            run,
            pending: StoredValue::new(false),
        }
    }

    /// Schedules the checks after each edit (once per frame however fast the typing), and runs them
    /// at once for a loaded spec. Call once, with the generation that a load bumps.
    pub fn follow(self, spec: RwSignal<AppSpec>, generation: RwSignal<u32>) {
        Effect::new(move |checked_generation: Option<u32>| {
            spec.track();
            let now = generation.get();
            if checked_generation != Some(now) {
                self.check_now_always();
            } else if !self.pending.get_value() {
                self.pending.set_value(true);
                next_frame(move || self.check_now());
            }
            now
        });
    }

    /// Runs the checks now if an edit waits for them (before a copy or a download reads the verdict).
    pub fn check_now(self) {
        if self.pending.try_get_value() == Some(true) {
            self.check_now_always();
        }
    }

    fn check_now_always(self) {
        self.pending.try_set_value(false);
        self.run.try_update(|n| *n += 1);
    }
}
