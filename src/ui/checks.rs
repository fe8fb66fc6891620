//! When the checks run. A spec the size of an ordinary app is validated in the keystroke's own
//! update, so the message beside the field shows with the YAML. A big one (over [`BIG_LINES`] lines
//! of YAML, e.g. 10,000 env vars) is validated at the start of the next frame instead: validation
//! then costs as much as rendering, and the keystroke's frame would wait for both. A loaded spec (a
//! preset, a file, undo) is checked at once, and so is the spec a copy or a download is about to
//! use.

use kubewright::validate::{self, Issue};
use kubewright::{AppSpec, Rendered};
use leptos::prelude::*;

use super::later::next_frame;

/// Above this many lines of YAML the stream is "big": its checks follow a frame after the YAML, and
/// the links between the form and the YAML lines are left out (they cost time on every keystroke).
pub const BIG_LINES: usize = 3000;

/// The checks' state: what is shown, and whether a newer spec waits for them.
#[derive(Clone, Copy)]
pub struct Checks {
    /// Whether the stream is over [`BIG_LINES`] lines.
    pub big: Memo<bool>,
    /// Every validation issue, errors first (of the spec the checks last ran on).
    pub issues: Memo<Vec<Issue>>,
    /// Bumped to run the checks of a big spec.
    run: RwSignal<u64>,
    /// Whether the last run left the spec untracked (big): edits then wait for `run`.
    deferred: StoredValue<bool>,
    /// An edit of a big spec waits for its checks.
    pending: StoredValue<bool>,
}

impl Checks {
    pub fn new(spec: RwSignal<AppSpec>, rendered: Memo<Rendered>) -> Self {
        let big = Memo::new(move |_| rendered.with(|r| r.all.lines().count() > BIG_LINES));
        let run = RwSignal::new(0u64);
        let deferred = StoredValue::new(false);
        let issues = Memo::new(move |_| {
            run.track();
            let later = big.get_untracked();
            deferred.set_value(later);
            if later {
                spec.with_untracked(validate::validate)
            } else {
                spec.with(validate::validate)
            }
        });
        Checks {
            big,
            issues,
            run,
            deferred,
            pending: StoredValue::new(false),
        }
    }

    /// Schedules the checks of a big spec after each edit (once per frame however fast the typing),
    /// and runs them at once for a loaded spec. Call once, with the generation that a load bumps.
    pub fn follow(self, spec: RwSignal<AppSpec>, generation: RwSignal<u32>) {
        Effect::new(move |checked_generation: Option<u32>| {
            spec.track();
            let now = generation.get();
            if !self.deferred.get_value() {
                return now;
            }
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
