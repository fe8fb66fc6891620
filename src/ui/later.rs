//! Work a keystroke does not wait for: what runs at the start of the frame after the one that shows
//! the keystroke's YAML, so that frame is painted first (the picture, the line marks, the commands,
//! the checks). Typing faster than frames are drawn runs it once per frame.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;

/// Work queued for the next frame.
type Job = Box<dyn FnOnce()>;

thread_local! {
    /// The work waiting for the next frame, and its batch's number: all of it runs together, from one
    /// pair of animation frames and one fallback timer (a keystroke asks from several places).
    static QUEUE: RefCell<(u64, Vec<Job>)> = RefCell::new((0, Vec::new()));
}

/// Runs `f` once, at the start of the frame after the one being prepared, or after 100 ms if the
/// page is not drawing frames (a hidden tab).
pub fn next_frame(f: impl FnOnce() + 'static) {
    let batch = QUEUE.with_borrow_mut(|(batch, jobs)| {
        jobs.push(Box::new(f));
        (jobs.len() == 1).then_some(*batch)
    });
    // The first job of a batch schedules it; the others join it.
    let Some(batch) = batch else { return };
    request_animation_frame(move || request_animation_frame(move || run_batch(batch)));
    set_timeout(move || run_batch(batch), Duration::from_millis(100));
}

/// Runs batch `batch` unless it ran already (by frame or by timer).
fn run_batch(batch: u64) {
    let jobs = QUEUE.with_borrow_mut(|(current, jobs)| {
        if *current != batch {
            return Vec::new();
        }
        *current += 1;
        std::mem::take(jobs)
    });
    // Taken out first: a job may queue work for the frame after (a new batch).
    for job in jobs {
        job();
    }
}

/// A count that follows what `watch` reads a frame late: after an edit it goes up once, in
/// [`next_frame`], however many edits came in between. A load (a new `generation`: a preset, a
/// file, undo) is not an edit: it goes up at once, and so it does on the first run (what changed
/// between creation and then, a take-over's carried text or a load, is not missed). Memos that
/// track it instead of the spec are recomputed after the keystroke's frame.
pub fn a_frame_later(watch: impl Fn() + 'static, generation: RwSignal<u32>) -> ReadSignal<u64> {
    let count = RwSignal::new(0u64);
    let scheduled = StoredValue::new(false);
    Effect::new(move |seen_generation: Option<u32>| {
        watch();
        let now = generation.get();
        if seen_generation != Some(now) {
            count.update(|n| *n += 1);
        } else if !scheduled.get_value() {
            scheduled.set_value(true);
            next_frame(move || {
                // Gone with its component meanwhile: nothing to follow.
                if scheduled.try_set_value(false).is_none() {
                    count.try_update(|n| *n += 1);
                }
            });
        }
        now
    });
    count.read_only()
}

/// A job run once edits have stopped for a while (keeping an undo step, saving the form): each
/// [`Quiet::poke`] moves it back, and one timer serves a whole burst of keystrokes (firing early, it
/// waits out the rest) instead of a timer set and a closure made on every keystroke.
#[derive(Clone, Copy)]
pub struct Quiet {
    wait: f64,
    /// When the job is due (ms since the epoch), while it is.
    due: StoredValue<Option<f64>>,
    /// Whether a timer is set.
    armed: StoredValue<bool>,
    job: StoredValue<Box<dyn Fn()>, LocalStorage>,
}

impl Quiet {
    /// Runs `job` `wait` after the last poke.
    pub fn new(wait: Duration, job: impl Fn() + 'static) -> Self {
        Quiet {
            wait: wait.as_secs_f64() * 1000.0,
            due: StoredValue::new(None),
            armed: StoredValue::new(false),
            job: StoredValue::new_local(Box::new(job)),
        }
    }

    /// An edit: the job runs `wait` from now, unless poked again meanwhile.
    pub fn poke(self) {
        self.due.set_value(Some(js_sys::Date::now() + self.wait));
        if !self.armed.get_value() {
            self.armed.set_value(true);
            self.arm(self.wait);
        }
    }

    fn arm(self, ms: f64) {
        set_timeout(
            move || self.fire(),
            Duration::from_secs_f64(ms.max(0.0) / 1000.0),
        );
    }

    fn fire(self) {
        // Gone with its component meanwhile: nothing to do.
        let Some(due) = self.due.try_get_value() else {
            return;
        };
        let left = due.map_or(0.0, |due| due - js_sys::Date::now());
        if left > 0.0 {
            return self.arm(left);
        }
        self.armed.set_value(false);
        self.due.set_value(None);
        self.job.with_value(|job| job());
    }
}
