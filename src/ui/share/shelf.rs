//! The shelf in the browser: the [`Shelf`] as yew state, shared through context below the root
//! (`ui::root::ShareRoot`), the hook that reads it, how a message is posted on it, and what to
//! open on start, read from the page's fragment and the autosave.
//!
//! The scenario itself stays in the one editor reducer of `App`; the shelf holds only the
//! standing offer to restore an autosave and the latest message about sharing or saving.

use super::io;
use crate::editor::persist::{self, Message, Shelf, ShelfEvent, AUTOSAVE_KEY, UNREADABLE_KEY};
use crate::model::Scenario;
use crate::results::ResultsView;
use std::rc::Rc;
use yew::prelude::*;

/// The shelf as yew state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShelfState(pub Shelf);

impl Reducible for ShelfState {
    type Action = ShelfEvent;

    fn reduce(self: Rc<Self>, event: ShelfEvent) -> Rc<Self> {
        let next = self.0.apply(event);
        if next == self.0 {
            self
        } else {
            Rc::new(ShelfState(next))
        }
    }
}

/// The shelf's handle, shared through context below the root.
pub type ShelfHandle = UseReducerHandle<ShelfState>;

/// Reads the page's fragment and the autosave, and decides (in `editor::persist::boot`) which
/// scenario opens and what the shelf starts with (browser only). An autosave that cannot be
/// read is set aside.
pub fn what_to_open() -> (Scenario, ResultsView, Shelf) {
    let fragment = io::fragment();
    persist::boot(&fragment, io::read(AUTOSAVE_KEY), |text| io::write(UNREADABLE_KEY, text))
}

/// The shelf from context (`None` outside the root: sharing and saving are off).
#[hook]
pub fn use_shelf() -> Option<ShelfHandle> {
    use_context::<ShelfHandle>()
}

/// Posts `message` on the shelf, or logs it where there is none.
pub fn tell(shelf: Option<&ShelfHandle>, message: Message) {
    match shelf {
        Some(shelf) => shelf.dispatch(ShelfEvent::Show(message)),
        None => web_sys::console::warn_1(&message.text.into()),
    }
}
