//! Sharing and saving in the web app: the shelf (the offer to restore an autosave and the latest
//! message, in context below the root), the header's "Copy link" button and File menu, the
//! autosave, the address and dropped files, the notices about all of it, and the browser calls
//! they need. What to do is decided in `editor::persist`; this area only reads and writes.
//!
//! - `shelf`: the shelf as yew state, `use_shelf`, `tell`, and what to open on start;
//! - `menu`: `ShareMenu`, the header's Copy link and File menu (export, import, runbook, SLA
//!   statement), and `save`, a download with its message (the results' SLA tab saves with it);
//! - `persist`: `Persistence`, the autosave, the fragment, pasted links and dropped files;
//! - `notices`: `ShareNotices`, the offer and the messages, a pure view of its props;
//! - `io`: `localStorage`, the fragment, the clipboard, downloads and file reads.

mod io;
mod menu;
mod notices;
mod persist;
mod shelf;

pub use io::{copy, download};
pub use menu::{save, ShareMenu};
pub use notices::{ShareNotices, ShareNoticesProps};
pub use persist::Persistence;
pub use shelf::{tell, use_shelf, what_to_open, ShelfHandle, ShelfState};
