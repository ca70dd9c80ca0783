//! The results, the drawer under the panes: the plan of the platform being edited, live. The
//! `drawer` holds the bar (disruption type, `totals`, tabs) over four panels — the stages
//! `table`, the `warning_list`, the `plots` (each one a `plot_figure`) and the `sla` statement
//! for the platform's users, to copy or download; the table's rows and the warnings select stages
//! on the canvas through `reveal`. Views of the plan: they read the plan and the scenario it was
//! planned from, so they do not redraw while a card is dragged.

mod drawer;
mod plot_figure;
mod plots;
mod reveal;
mod sla;
mod table;
mod totals;
mod warning_list;

pub use drawer::{Results, Tab};
pub use plot_figure::PlotFigure;
pub use table::FIRST_ROWS;
pub use warning_list::level_name;
