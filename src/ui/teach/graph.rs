//! The object diagram: boxes for the objects (and the pods and image they lead to), arrows for the
//! references between them, laid out in columns as an inline SVG. The graph comes from the core,
//! which reads it off the rendered objects.

use kubewright::graph::{self, Graph};
use leptos::prelude::*;

use crate::ui::later::a_frame_later;
use crate::ui::use_ui;

// Whole pixels: integer formatting only (f64 formatting would add ~11 KB to the wasm).
const BOX_W: i32 = 190;
const BOX_H: i32 = 42;
const GAP_X: i32 = 70;
const GAP_Y: i32 = 16;

struct Placed {
    x: i32,
    y: i32,
}

fn layout(g: &Graph) -> (Vec<Placed>, i32, i32) {
    let mut rows = [0usize; 4];
    let placed: Vec<Placed> = g
        .nodes
        .iter()
        .map(|n| {
            let c = usize::from(n.column.min(3));
            let row = rows[c];
            rows[c] += 1;
            Placed {
                x: c as i32 * (BOX_W + GAP_X) + 4,
                y: row as i32 * (BOX_H + GAP_Y) + 4,
            }
        })
        .collect();
    let height = *rows.iter().max().unwrap_or(&1) as i32 * (BOX_H + GAP_Y) + 8;
    // Room right of the last column for the curve between two boxes of one column (it bulges 40 px
    // to the right of them), so no edge leaves the drawing.
    let width = 4 * (BOX_W + GAP_X) - GAP_X + 8 + 44;
    (placed, width, height)
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

/// One box as drawn: what its `<g>` shows.
#[derive(Clone, Default, PartialEq)]
struct NodeBox {
    id: String,
    class: String,
    /// The kind, and the file the object is in.
    kind: String,
    name: String,
    title: String,
    x: i32,
    y: i32,
}

/// One arrow as drawn.
#[derive(Clone, Default, PartialEq)]
struct Arrow {
    path: String,
    title: String,
}

/// What the SVG shows of the graph: its size and label, the boxes and the arrows.
#[derive(Clone, Default, PartialEq)]
struct Drawing {
    width: i32,
    height: i32,
    label: String,
    boxes: Vec<NodeBox>,
    arrows: Vec<Arrow>,
    /// The arrows as text, under the drawing.
    edges: Vec<String>,
}

impl Drawing {
    fn boxes(&self) -> &Vec<NodeBox> {
        &self.boxes
    }

    fn arrows(&self) -> &Vec<Arrow> {
        &self.arrows
    }

    fn edges(&self) -> &Vec<String> {
        &self.edges
    }
}

fn draw(g: &Graph) -> Drawing {
    let (placed, width, height) = layout(g);
    let at = |id: &str| g.nodes.iter().position(|n| n.id == id);
    let description = g
        .edges
        .iter()
        .map(|e| format!("{} -> {} ({})", e.from, e.to, e.label))
        .collect::<Vec<_>>()
        .join("; ");
    let arrows = g.edges.iter().filter_map(|e| {
        let (a, b) = (&placed[at(&e.from)?], &placed[at(&e.to)?]);
        // Left to right between columns; within a column, side to side.
        let (x1, y1, x2, y2) = if a.x == b.x {
            (a.x + BOX_W, a.y + BOX_H / 2, b.x + BOX_W, b.y + BOX_H / 2)
        } else if a.x < b.x {
            (a.x + BOX_W, a.y + BOX_H / 2, b.x, b.y + BOX_H / 2)
        } else {
            (a.x, a.y + BOX_H / 2, b.x + BOX_W, b.y + BOX_H / 2)
        };
        let path = if a.x == b.x {
            format!("M {x1} {y1} C {} {y1} {} {y2} {x2} {y2}", x1 + 40, x2 + 40)
        } else {
            format!("M {x1} {y1} L {x2} {y2}")
        };
        Some(Arrow {
            path,
            title: format!("{} -> {}: {}", e.from, e.to, e.label),
        })
    });
    let boxes = g.nodes.iter().zip(&placed).map(|(n, p)| NodeBox {
        id: n.id.clone(),
        class: format!("node kind-{}", n.kind.to_ascii_lowercase()),
        kind: format!(
            "{}{}",
            n.kind,
            n.file
                .as_ref()
                .map(|f| format!(" · {f}"))
                .unwrap_or_default()
        ),
        name: short(&n.name, 24),
        title: format!("{} {}", n.kind, n.name),
        x: p.x,
        y: p.y,
    });
    Drawing {
        width,
        height,
        label: format!("Object diagram: {description}"),
        boxes: boxes.collect(),
        arrows: arrows.collect(),
        edges: g
            .edges
            .iter()
            .map(|e| format!("{} → {}: {}", e.from, e.to, e.label))
            .collect(),
    }
}

/// The drawing of the spec's graph. A new spec (a preset, a file, undo) is drawn at once; an edit
/// within it is drawn in the frame after the one that shows its YAML (`later.rs`), so a keystroke's
/// frame does not wait for the graph and the picture.
fn drawing() -> Memo<Drawing> {
    let ui = use_ui();
    let settled = a_frame_later(move || ui.spec.track(), ui.generation);
    Memo::new(move |_| {
        settled.track();
        ui.spec.with_untracked(|s| draw(&graph::graph(s)))
    })
}

/// The `i`th item of a list in `drawing`, as its own memo: an element drawn for it is updated only
/// when that item changes (typing a name changes a few texts, not the whole drawing).
fn item<T: Clone + Default + PartialEq + Send + Sync + 'static>(
    drawing: Memo<Drawing>,
    list: fn(&Drawing) -> &Vec<T>,
    i: usize,
) -> Memo<T> {
    Memo::new(move |_| drawing.with(|d| list(d).get(i).cloned().unwrap_or_default()))
}

/// `0..n` for the list's length: the elements are keyed by position, so they stay while the list
/// keeps its length.
fn positions<T>(drawing: Memo<Drawing>, list: fn(&Drawing) -> &Vec<T>) -> Vec<usize> {
    (0..drawing.with(|d| list(d).len())).collect()
}

#[component]
pub fn ObjectDiagram() -> impl IntoView {
    let drawing = drawing();
    let (boxes, arrows, edges) = (Drawing::boxes, Drawing::arrows, Drawing::edges);
    view! {
        // Focusable: on a phone the drawing scrolls sideways, and the keyboard must be able to.
        <figure class="diagram" data-testid="diagram" tabindex="0">
            <figcaption>"How the objects use each other (arrows point at what is used, selected or created)"</figcaption>
            <svg viewBox=move || drawing.with(|d| format!("0 0 {} {}", d.width, d.height))
                width=move || drawing.with(|d| d.width) height=move || drawing.with(|d| d.height) role="img"
                aria-label=move || drawing.with(|d| d.label.clone())>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead" />
                    </marker>
                </defs>
                <For each=move || positions(drawing, arrows) key=|i| *i children=move |i| {
                    let a = item(drawing, arrows, i);
                    view! {
                        <path d=move || a.with(|a| a.path.clone()) class="edge" marker-end="url(#arrow)">
                            <title>{move || a.with(|a| a.title.clone())}</title>
                        </path>
                    }
                } />
                <For each=move || positions(drawing, boxes) key=|i| *i children=move |i| {
                    let b = item(drawing, boxes, i);
                    let (x, y) = (move || b.with(|b| b.x), move || b.with(|b| b.y));
                    view! {
                        <g class=move || b.with(|b| b.class.clone()) data-testid="diagram-node" data-node=move || b.with(|b| b.id.clone())>
                            <rect x=x y=y width=BOX_W height=BOX_H rx="6" />
                            <text x=move || x() + 8 y=move || y() + 16 class="kind">{move || b.with(|b| b.kind.clone())}</text>
                            <text x=move || x() + 8 y=move || y() + 33 class="name">{move || b.with(|b| b.name.clone())}</text>
                            <title>{move || b.with(|b| b.title.clone())}</title>
                        </g>
                    }
                } />
            </svg>
            <ul class="edges">
                <For each=move || positions(drawing, edges) key=|i| *i children=move |i| {
                    let e = item(drawing, edges, i);
                    view! { <li data-testid="diagram-edge">{move || e.get()}</li> }
                } />
            </ul>
        </figure>
    }
}
