//! The canvas, the middle pane where the platform is drawn: the `surface` (a dotted grid that
//! pans and zooms, and receives every pointer event), a `stage_card` per stage, the `flows`
//! between them, the `minimap` and the `toolbar`. The editor decides what pointer events mean;
//! the canvas only draws its state.

mod flows;
mod minimap;
mod stage_card;
mod surface;
mod toolbar;

pub use surface::{estimated_canvas_size, Canvas, SURFACE_ID};
