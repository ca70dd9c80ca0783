//! Variants in the editor: save the scenario as a named variant, switch to one, rename and
//! delete them — each one undo step with its announcement, like every other edit. The variants
//! live in the scenario (`Scenario::variants`), so the autosave, plan files, links and undo carry
//! them without anything of their own.
//!
//! Switching replaces the working copy with the variant, keeping the list; what was being edited
//! and not saved is one Undo away, and the announcement says so.

use super::Editor;
use crate::model::{same_as_saved, variant_name_problem, Scenario, Variant, MAX_VARIANTS};
use std::collections::BTreeSet;
use std::rc::Rc;

impl Editor {
    /// The variant the working copy was last saved as or switched to, if it is still kept.
    pub fn current_variant(&self) -> Option<usize> {
        self.scenario.variant.as_deref().and_then(|name| self.scenario.find_variant(name)).map(|(i, _)| i)
    }

    /// Whether the working copy differs from the variant it was saved as or switched to.
    pub fn variant_changed(&self) -> bool {
        self.current_variant()
            .and_then(|i| self.scenario.variants.get(i))
            .is_some_and(|v| !same_as_saved(&v.scenario, &self.scenario))
    }

    /// Saves the working copy as `name`: a new variant, or over the one with that name.
    pub(super) fn save_variant(&mut self, name: &str) -> bool {
        let name = name.trim();
        let existing = self.scenario.find_variant(name).map(|(i, _)| i);
        if let Some(problem) = variant_name_problem(&self.scenario.variants, name, existing) {
            self.refuse(problem);
            return true;
        }
        if existing.is_none() && self.scenario.variants.len() >= MAX_VARIANTS {
            self.refuse(format!("Keel keeps at most {MAX_VARIANTS} variants: delete one first."));
            return true;
        }
        let mut scenario = (*self.scenario).clone();
        if existing.is_some_and(|i| scenario.variants.get(i).is_some_and(|v| same_as_saved(&v.scenario, &scenario)))
            && scenario.variant.as_deref() == Some(name)
        {
            return false;
        }
        let saved = Variant::of(name, &scenario);
        match existing.and_then(|i| scenario.variants.get_mut(i)) {
            Some(slot) => *slot = saved,
            None => scenario.variants.push(saved),
        }
        scenario.variant = Some(name.to_string());
        let what = if existing.is_some() { "update variant" } else { "save as variant" };
        self.commit(scenario, format!("{what} {name}"));
        self.announce(format!(
            "{} variant \u{201c}{name}\u{201d} ({} kept)",
            if existing.is_some() { "Updated" } else { "Saved" },
            self.scenario.variants.len()
        ));
        true
    }

    /// Makes variant `index` the working copy, keeping every variant.
    pub(super) fn switch_variant(&mut self, index: usize) -> bool {
        let Some(variant) = self.scenario.variants.get(index) else { return false };
        let name = variant.name.clone();
        let unsaved = self.variant_changed() || (self.current_variant().is_none() && !self.scenario.stages.is_empty());
        if self.current_variant() == Some(index) && !unsaved {
            return false;
        }
        let scenario = Scenario {
            variants: self.scenario.variants.clone(),
            variant: Some(name.clone()),
            ..variant.scenario.clone()
        };
        self.commit(scenario, format!("switch to variant {name}"));
        // Only stages that exist in the variant stay selected.
        let selection: BTreeSet<String> =
            self.selection.iter().filter(|id| self.scenario.stage(id).is_some()).cloned().collect();
        self.selection = Rc::new(selection);
        self.selected_flow = None;
        self.drafts = Rc::default();
        self.announce(if unsaved {
            format!("Switched to variant \u{201c}{name}\u{201d}; the changes not saved as a variant are one Undo away")
        } else {
            format!("Switched to variant \u{201c}{name}\u{201d}")
        });
        true
    }

    /// Renames variant `index` (and the working copy's link to it).
    pub(super) fn rename_variant(&mut self, index: usize, name: &str) -> bool {
        let name = name.trim();
        let Some(old) = self.scenario.variants.get(index).map(|v| v.name.clone()) else { return false };
        if old == name {
            return false;
        }
        if let Some(problem) = variant_name_problem(&self.scenario.variants, name, Some(index)) {
            self.refuse(problem);
            return true;
        }
        let mut scenario = (*self.scenario).clone();
        if let Some(v) = scenario.variants.get_mut(index) {
            v.name = name.to_string();
        }
        if scenario.variant.as_deref() == Some(old.as_str()) {
            scenario.variant = Some(name.to_string());
        }
        self.commit(scenario, format!("rename variant {old} to {name}"));
        self.announce(format!("Renamed variant \u{201c}{old}\u{201d} to \u{201c}{name}\u{201d}"));
        true
    }

    /// Deletes variant `index`; the working copy stays as it is.
    pub(super) fn delete_variant(&mut self, index: usize) -> bool {
        let Some(name) = self.scenario.variants.get(index).map(|v| v.name.clone()) else { return false };
        let mut scenario = (*self.scenario).clone();
        scenario.variants.remove(index);
        if scenario.variant.as_deref() == Some(name.as_str()) {
            scenario.variant = None;
        }
        self.commit(scenario, format!("delete variant {name}"));
        self.announce(format!("Deleted variant \u{201c}{name}\u{201d}; Undo brings it back"));
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::Action;
    use super::*;
    use crate::model::{Stage, StageKind, Target};

    fn lake() -> Editor {
        let mut s = Scenario { name: "Lake".into(), ..Scenario::default() };
        s.stages.push(Stage::new("raw", StageKind::Raw));
        s.stages.push(Stage::new("curated", StageKind::Curated));
        Editor::new(s)
    }

    fn apply(e: &Editor, action: Action) -> Editor {
        e.apply(action.clone()).unwrap_or_else(|| panic!("{action:?} changes something"))
    }

    fn notice(e: &Editor) -> &str {
        e.notice.as_ref().map_or("", |n| n.text.as_str())
    }

    fn names(e: &Editor) -> Vec<&str> {
        e.scenario.variants.iter().map(|v| v.name.as_str()).collect()
    }

    #[test]
    fn save_switch_rename_delete_and_undo_each() {
        let today = apply(&lake(), Action::SaveVariant("today".into()));
        assert_eq!(names(&today), ["today"]);
        assert_eq!(today.current_variant(), Some(0));
        assert!(!today.variant_changed());
        assert_eq!(notice(&today), "Saved variant \u{201c}today\u{201d} (1 kept)");

        // Loosen a target: the working copy now differs from "today"; save it as "RTO 4 h".
        let mut loose = (*today.scenario).clone();
        loose.targets.data_corruption = Target { rpo_minutes: 1440, rto_minutes: 240 };
        let edited = apply(&today, Action::Load { scenario: Box::new(loose), what: "loosen".into() });
        assert!(edited.variant_changed());
        let two = apply(&edited, Action::SaveVariant(" RTO 4 h ".into()));
        assert_eq!(names(&two), ["today", "RTO 4 h"]);
        assert_eq!(two.scenario.variant.as_deref(), Some("RTO 4 h"));

        // Switch back: today's targets, both variants kept; undo returns to "RTO 4 h".
        let back = apply(&two, Action::SwitchVariant(0));
        assert_eq!(back.scenario.targets, lake().scenario.targets);
        assert_eq!(names(&back), ["today", "RTO 4 h"]);
        assert_eq!(notice(&back), "Switched to variant \u{201c}today\u{201d}");
        let undone = apply(&back, Action::Undo);
        assert_eq!(undone.scenario, two.scenario);
        assert_eq!(back.apply(Action::SwitchVariant(0)), None, "already there, unchanged");
        assert_eq!(back.apply(Action::SwitchVariant(7)), None, "no such variant");

        let renamed = apply(&back, Action::RenameVariant { index: 0, name: "baseline".into() });
        assert_eq!(names(&renamed), ["baseline", "RTO 4 h"]);
        assert_eq!(renamed.scenario.variant.as_deref(), Some("baseline"), "the working copy follows its variant");

        let deleted = apply(&renamed, Action::DeleteVariant(0));
        assert_eq!(names(&deleted), ["RTO 4 h"]);
        assert_eq!(deleted.scenario.variant, None);
        assert_eq!(notice(&deleted), "Deleted variant \u{201c}baseline\u{201d}; Undo brings it back");
        assert_eq!(apply(&deleted, Action::Undo).scenario, renamed.scenario);
    }

    #[test]
    fn switching_away_from_unsaved_changes_says_they_are_one_undo_away() {
        let two = apply(&apply(&lake(), Action::SaveVariant("a".into())), Action::SaveVariant("b".into()));
        let mut changed = (*two.scenario).clone();
        changed.stages.pop();
        let changed = apply(&two, Action::Load { scenario: Box::new(changed), what: "drop a stage".into() });
        let switched = apply(&changed, Action::SwitchVariant(0));
        assert_eq!(switched.scenario.stages.len(), 2);
        assert_eq!(
            notice(&switched),
            "Switched to variant \u{201c}a\u{201d}; the changes not saved as a variant are one Undo away"
        );
        assert_eq!(apply(&switched, Action::Undo).scenario.stages.len(), 1);
    }

    /// Refusals leave the scenario as it is and say why: (kept, action) → notice.
    #[test]
    fn refusals_name_the_reason() {
        let kept = apply(&apply(&lake(), Action::SaveVariant("a".into())), Action::SaveVariant("b".into()));
        let check = |action: Action, expect: &str| {
            let after = apply(&kept, action.clone());
            assert_eq!(after.scenario, kept.scenario, "{action:?}");
            assert_eq!(notice(&after), expect, "{action:?}");
            assert!(after.notice.as_ref().is_some_and(|n| n.refusal));
        };
        check(Action::SaveVariant("  ".into()), "Give the variant a name.");
        check(Action::RenameVariant { index: 0, name: "b".into() }, "There is already a variant called \"b\".");
        check(Action::SaveVariant("x".repeat(81)), "A variant's name has at most 80 characters; this one has 81.");
        let mut full = kept.clone();
        for i in 0..MAX_VARIANTS - 2 {
            full = apply(&full, Action::SaveVariant(format!("v{i}")));
        }
        let refused = apply(&full, Action::SaveVariant("one more".into()));
        assert_eq!(notice(&refused), "Keel keeps at most 12 variants: delete one first.");
        assert_eq!(refused.scenario.variants.len(), MAX_VARIANTS);
        // Saving over an existing name is an update, even when the list is full.
        assert!(full.apply(Action::SaveVariant("a".into())).is_some());
    }

    #[test]
    fn saving_what_is_already_saved_changes_nothing() {
        let saved = apply(&lake(), Action::SaveVariant("today".into()));
        assert_eq!(saved.apply(Action::SaveVariant("today".into())), None);
    }
}
