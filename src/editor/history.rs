//! Undo and redo as whole-state snapshots: before each change the editor keeps the scenario and
//! the selection as they were (both are shared `Rc`s, so a snapshot costs a few pointers).
//! Simple and robust, as egui's undoer; the stack keeps the last [`UNDO_LIMIT`] steps.

use crate::model::Scenario;
use std::collections::BTreeSet;
use std::rc::Rc;

/// How many steps can be undone.
pub const UNDO_LIMIT: usize = 100;

/// The state one step restores.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The scenario.
    pub scenario: Rc<Scenario>,
    /// The selected stage ids.
    pub selection: Rc<BTreeSet<String>>,
    /// What the step did, in words ("add Raw zone"), for "Undid …" announcements.
    pub what: String,
}

/// The undo and redo stacks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
}

impl History {
    /// Records the state before a new change; the redo stack is dropped, as everywhere.
    pub fn record(&mut self, before: Snapshot) {
        if self.undo.len() >= UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.undo.push(before);
        self.redo.clear();
    }

    /// Steps back: returns the state to restore, and keeps `current` for redo.
    pub fn undo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let previous = self.undo.pop()?;
        // The redo entry says what redoing does: the step being undone.
        self.redo.push(Snapshot { what: previous.what.clone(), ..current });
        Some(previous)
    }

    /// Steps forward again: returns the state to restore, and keeps `current` for undo.
    pub fn redo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let next = self.redo.pop()?;
        self.undo.push(Snapshot { what: next.what.clone(), ..current });
        Some(next)
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// How many steps can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// What undo would take back, if anything.
    pub fn next_undo(&self) -> Option<&str> {
        self.undo.last().map(|s| s.what.as_str())
    }

    /// What redo would do again, if anything.
    pub fn next_redo(&self) -> Option<&str> {
        self.redo.last().map(|s| s.what.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(name: &str, what: &str) -> Snapshot {
        Snapshot {
            scenario: Rc::new(Scenario { name: name.into(), ..Scenario::default() }),
            selection: Rc::default(),
            what: what.into(),
        }
    }

    #[test]
    fn undo_and_redo_walk_the_snapshots() {
        let mut h = History::default();
        h.record(snap("a", "rename to b"));
        h.record(snap("b", "rename to c"));
        assert_eq!(h.next_undo(), Some("rename to c"));
        let back = h.undo(snap("c", "")).expect("one step back");
        assert_eq!(back.scenario.name, "b");
        assert_eq!(h.next_redo(), Some("rename to c"));
        let back = h.undo(snap("b", "")).expect("two steps back");
        assert_eq!(back.scenario.name, "a");
        assert!(h.undo(snap("a", "")).is_none());
        let fwd = h.redo(snap("a", "")).expect("redo");
        assert_eq!(fwd.scenario.name, "b");
        assert_eq!(h.next_undo(), Some("rename to b"));
        // A new change drops what could be redone.
        h.record(snap("b", "rename to x"));
        assert_eq!(h.redo_len(), 0);
        assert!(h.redo(snap("x", "")).is_none());
    }

    #[test]
    fn the_stack_keeps_the_last_hundred_steps() {
        let mut h = History::default();
        for i in 0..UNDO_LIMIT + 5 {
            h.record(snap(&i.to_string(), &format!("step {i}")));
        }
        assert_eq!(h.undo_len(), UNDO_LIMIT);
        let mut oldest = None;
        while let Some(s) = h.undo(snap("now", "")) {
            oldest = Some(s.scenario.name.clone());
        }
        assert_eq!(oldest.as_deref(), Some("5"), "the five oldest steps were dropped");
    }
}
