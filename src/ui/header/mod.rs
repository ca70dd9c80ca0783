//! The header, the bar across the top of the page: the product name, the templates to start
//! from (`templates`), the scenario's name, edited in place, and the sharing controls (the
//! sharing area's `ShareMenu`), all laid out by `bar`.

mod bar;
mod templates;

pub use bar::Header;
