//! Work a keystroke does not wait for: what runs at the start of the frame after the one that shows
//! the keystroke's YAML, so that frame is painted first (the picture, the line marks, a big spec's
//! checks). Typing faster than frames are drawn runs it once per frame.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

/// Work to run once, by whichever of its callbacks comes first.
type Job = Cell<Option<Box<dyn FnOnce()>>>;

/// Runs `f` once, at the start of the frame after the one being prepared, or after 100 ms if the
/// page is not drawing frames (a hidden tab).
pub fn next_frame(f: impl FnOnce() + 'static) {
    let job: Rc<Job> = Rc::new(Cell::new(Some(Box::new(f))));
    let by_frame = Rc::clone(&job);
    request_animation_frame(move || {
        request_animation_frame(move || {
            if let Some(f) = by_frame.take() {
                f();
            }
        })
    });
    set_timeout(
        move || {
            if let Some(f) = job.take() {
                f();
            }
        },
        Duration::from_millis(100),
    );
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
