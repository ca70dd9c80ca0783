//! The header, the bar across the top of the page: the product name, the templates to start
//! from (`templates`), the scenario's name, edited in place, its variants (`variants`: save,
//! switch, rename, delete, compare), presentation mode and the sharing controls (the sharing
//! area's `ShareMenu`), all laid out by `bar`.

mod bar;
mod templates;
mod variants;

pub use bar::Header;
