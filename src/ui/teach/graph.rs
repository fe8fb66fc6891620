//! The object diagram: boxes for the objects (and the pods and image they lead to), arrows for the
//! references between them, laid out in columns as an inline SVG. The graph comes from the core,
//! which reads it off the rendered objects.

use kubewright::graph::{self, Graph};
use leptos::prelude::*;

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

#[component]
pub fn ObjectDiagram() -> impl IntoView {
    let spec = use_ui().spec;
    let g = Memo::new(move |_| spec.with(graph::graph));
    view! {
        <figure class="diagram" data-testid="diagram">
            <figcaption>"How the objects use each other (arrows point at what is used, selected or created)"</figcaption>
            {move || g.with(|g| {
                let (placed, width, height) = layout(g);
                let at = |id: &str| g.nodes.iter().position(|n| n.id == id);
                let description = g.edges.iter().map(|e| format!("{} -> {} ({})", e.from, e.to, e.label)).collect::<Vec<_>>().join("; ");
                view! {
                    <svg viewBox=format!("0 0 {width} {height}") width=width height=height role="img"
                        aria-label=format!("Object diagram: {description}")>
                        <defs>
                            <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                                <path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead" />
                            </marker>
                        </defs>
                        {g.edges.iter().filter_map(|e| {
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
                            Some(view! {
                                <path d=path class="edge" marker-end="url(#arrow)">
                                    <title>{format!("{} -> {}: {}", e.from, e.to, e.label)}</title>
                                </path>
                            })
                        }).collect_view()}
                        {g.nodes.iter().zip(&placed).map(|(n, p)| {
                            let kind = n.kind;
                            view! {
                                <g class=format!("node kind-{}", kind.to_ascii_lowercase()) data-testid="diagram-node" data-node=n.id.clone()>
                                    <rect x=p.x y=p.y width=BOX_W height=BOX_H rx="6" />
                                    <text x=p.x + 8 y=p.y + 16 class="kind">{kind}{n.file.clone().map(|f| format!(" · {f}"))}</text>
                                    <text x=p.x + 8 y=p.y + 33 class="name">{short(&n.name, 24)}</text>
                                    <title>{format!("{} {}", n.kind, n.name)}</title>
                                </g>
                            }
                        }).collect_view()}
                    </svg>
                    <ul class="edges">
                        {g.edges.iter().map(|e| view! {
                            <li data-testid="diagram-edge">{format!("{} → {}: {}", e.from, e.to, e.label)}</li>
                        }).collect_view()}
                    </ul>
                }
            })}
        </figure>
    }
}
