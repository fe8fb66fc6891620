//! Which blocks of the YAML view its `<pre>` shows (any part of them): an edit updates those at
//! once and the others a frame later (blocks.rs). Measured when the view scrolls or changes size (a
//! phone's pane shown or hidden, a resize, wrapping) and after each deferred update, when the
//! browser lays the blocks out anyway: never in a keystroke.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ResizeObserver};

/// What the view showed when last measured.
#[derive(Clone, Copy)]
pub struct Onscreen {
    /// Block `i` shown: a block not measured yet counts as shown, so nothing waits on a
    /// measure that has not happened.
    shown: StoredValue<Vec<bool>>,
    /// The blocks' parent (its parent is the scrolling `<pre>`), once in the page.
    lines: StoredValue<Option<Element>, LocalStorage>,
    /// What measures: the `<pre>`'s scroll listener and size observer, once started.
    watching: StoredValue<Option<(JsValue, ResizeObserver)>, LocalStorage>,
}

impl Onscreen {
    /// Nothing measured yet ([`Onscreen::start`] once the blocks' parent is in the page); stops
    /// measuring when the current component is dropped.
    pub fn new() -> Self {
        let this = Onscreen {
            shown: StoredValue::new(Vec::new()),
            lines: StoredValue::new_local(None),
            watching: StoredValue::new_local(None),
        };
        on_cleanup(move || {
            let pre = this
                .lines
                .try_with_value(|l| l.as_ref().and_then(|l| l.parent_element()));
            let watching = this.watching.try_with_value(Clone::clone);
            if let (Some(Some(pre)), Some(Some((scrolled, observer)))) = (pre, watching) {
                let _ = pre.remove_event_listener_with_callback("scroll", scrolled.unchecked_ref());
                observer.disconnect();
            }
        });
        this
    }

    /// Measures now and whenever the `<pre>` around `lines` scrolls or changes size.
    pub fn start(self, lines: Element) {
        let Some(pre) = lines.parent_element() else {
            return;
        };
        self.lines.set_value(Some(lines));
        let scrolled = Closure::<dyn Fn()>::new(move || self.measure()).into_js_value();
        let _ = pre.add_event_listener_with_callback("scroll", scrolled.unchecked_ref());
        // It also reports the size it first sees, which makes the first measure.
        let resized = Closure::<dyn Fn()>::new(move || self.measure()).into_js_value();
        if let Ok(observer) = ResizeObserver::new(resized.unchecked_ref()) {
            observer.observe(&pre);
            self.watching.set_value(Some((scrolled, observer)));
        }
    }

    /// Which blocks are in the `<pre>`'s visible part, from their boxes as laid out (a hidden view
    /// shows none).
    pub fn measure(self) {
        let Some(Some(lines)) = self.lines.try_get_value() else {
            return;
        };
        let Some(pre) = lines.parent_element() else {
            return;
        };
        let (top, height) = (f64::from(pre.scroll_top()), f64::from(pre.client_height()));
        let blocks = lines.children();
        let shown = (0..blocks.length())
            .map(|i| {
                let Some(block) = blocks
                    .item(i)
                    .and_then(|b| b.dyn_into::<HtmlElement>().ok())
                else {
                    return true;
                };
                // Block boxes are placed from the `<pre>` (their offset parent), scrolling aside.
                let start = f64::from(block.offset_top());
                height > 0.0
                    && start + f64::from(block.offset_height()) > top
                    && start < top + height
            })
            .collect();
        self.shown.try_set_value(shown);
    }

    /// Whether block `i` was shown when last measured (or has not been measured).
    pub fn shows(self, i: usize) -> bool {
        self.shown
            .try_with_value(|flags| flags.get(i).copied().unwrap_or(true))
            .unwrap_or(true)
    }
}
