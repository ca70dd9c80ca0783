//! Edits to the scenario, each one undo step with its announcement: rename it, add and delete
//! stages, connect and disconnect them, nudge them, set a field from what was typed (or keep the
//! text as a draft with the reason), apply a fix the plan offers, let a stage use the scenario's
//! targets again, and load a whole scenario.

use super::fields::{self, Draft, Field, FieldKey};
use super::geometry;
use super::{Editor, MAX_NAME_CHARS};
use crate::engine::Fix;
use crate::model::{Flow, Pos, Scenario, Stage, StageKind};
use std::collections::BTreeSet;
use std::rc::Rc;

impl Editor {
    /// Why the flow `from → to` cannot be added, or `None` if it can.
    pub fn connection_refusal(&self, from: &str, to: &str) -> Option<String> {
        let scenario = &self.scenario;
        let (Some(a), Some(b)) = (scenario.stage(from), scenario.stage(to)) else {
            return Some("That stage no longer exists.".into());
        };
        let (a, b) = (a.display_name(), b.display_name());
        if from == to {
            Some(format!("{a} cannot feed itself: a flow goes from one stage to another."))
        } else if scenario.flows.iter().any(|f| f.from == from && f.to == to) {
            Some(format!("{a} already flows to {b}."))
        } else if scenario.flow_would_cycle(from, to) {
            Some(format!("{a} → {b} would close a loop: {b} already feeds {a}. Data must flow one way."))
        } else {
            None
        }
    }

    /// Renames the scenario, unless the name is blank, too long or the same.
    pub(super) fn rename_scenario(&mut self, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS || name == self.scenario.name {
            return false;
        }
        let mut scenario = (*self.scenario).clone();
        scenario.name = name.to_string();
        self.commit(scenario, format!("rename the scenario to {name}"));
        true
    }

    pub(super) fn add_stage(&mut self, kind: StageKind, at_in_screen: Option<Pos>) {
        let centre_in_screen = at_in_screen.unwrap_or_else(|| self.view.centre_in_screen());
        let centre_in_world = self.view.world_from_screen(centre_in_screen);
        let mut pos =
            Pos { x: centre_in_world.x - geometry::CARD_W / 2.0, y: centre_in_world.y - geometry::CARD_H / 2.0 };
        if self.snap {
            pos = geometry::snap_to_grid(pos);
        }
        // Enter pressed twice must not hide one card exactly under the other.
        while self.scenario.stages.iter().any(|s| s.pos == pos) {
            pos = Pos { x: pos.x + geometry::GRID, y: pos.y + geometry::GRID };
        }
        let id = fresh_id(&self.scenario, kind);
        let mut stage = Stage::new(id.clone(), kind);
        stage.label = fresh_label(&self.scenario, kind);
        stage.pos = pos;
        let label = stage.label.clone();
        let mut scenario = (*self.scenario).clone();
        scenario.stages.push(stage);
        self.commit(scenario, format!("add {label}"));
        self.selection = Rc::new(BTreeSet::from([id]));
        self.selected_flow = None;
        self.announce(format!("Added {label}"));
    }

    pub(super) fn edit(&mut self, key: FieldKey, text: String) -> bool {
        let index = match &key.stage {
            Some(id) => match self.scenario.stages.iter().position(|s| s.id == *id) {
                Some(i) => Some(i),
                None => return false,
            },
            None => None,
        };
        let mut scenario = (*self.scenario).clone();
        match fields::set_field(&mut scenario, index, &key.field, &text) {
            Ok(changed) => {
                let had_draft = self.drafts.contains_key(&key);
                if had_draft {
                    Rc::make_mut(&mut self.drafts).remove(&key);
                }
                if changed {
                    let shown = fields::field_text(&scenario, index.and_then(|i| scenario.stages.get(i)), &key.field);
                    let whose = match &key.stage {
                        Some(id) => format!("of {}", self.name_of(id)),
                        None => "of the scenario".to_string(),
                    };
                    let shown = if shown.is_empty() { "nothing".to_string() } else { shown };
                    self.commit(scenario, format!("set {} {whose} to {shown}", key.field.label()));
                }
                changed || had_draft
            }
            Err(message) => {
                let draft = Draft { text, message };
                if self.drafts.get(&key) == Some(&draft) {
                    return false;
                }
                Rc::make_mut(&mut self.drafts).insert(key, draft);
                true
            }
        }
    }

    /// Forgets the drafts whose key matches.
    fn drop_drafts(&mut self, matches: impl Fn(&FieldKey) -> bool) {
        if self.drafts.keys().any(&matches) {
            Rc::make_mut(&mut self.drafts).retain(|k, _| !matches(k));
        }
    }

    pub(super) fn delete_selection(&mut self) -> bool {
        let doomed: BTreeSet<String> =
            self.scenario.stages.iter().filter(|s| self.selection.contains(&s.id)).map(|s| s.id.clone()).collect();
        if doomed.is_empty() {
            return false;
        }
        let what = self.names_of(&doomed);
        let mut scenario = (*self.scenario).clone();
        scenario.stages.retain(|s| !doomed.contains(&s.id));
        let flows_before = scenario.flows.len();
        scenario.flows.retain(|f| !doomed.contains(&f.from) && !doomed.contains(&f.to));
        let flows = flows_before - scenario.flows.len();
        self.commit(scenario, format!("delete {what}"));
        self.selection = Rc::default();
        self.drop_drafts(|k| k.stage.as_ref().is_some_and(|id| doomed.contains(id)));
        let flows = match flows {
            0 => String::new(),
            1 => " and 1 flow".to_string(),
            n => format!(" and {n} flows"),
        };
        self.announce(format!("Deleted {what}{flows}"));
        true
    }

    pub(super) fn disconnect(&mut self, from: &str, to: &str) -> bool {
        let Some(i) = self.scenario.flows.iter().position(|f| f.from == from && f.to == to) else { return false };
        let (a, b) = (self.name_of(from), self.name_of(to));
        let mut scenario = (*self.scenario).clone();
        scenario.flows.remove(i);
        self.commit(scenario, format!("remove the flow {a} → {b}"));
        self.selected_flow = None;
        self.announce(format!("Removed the flow {a} → {b}"));
        true
    }

    pub(super) fn connect(&mut self, from: &str, to: &str) {
        if let Some(reason) = self.connection_refusal(from, to) {
            self.refuse(format!("Not connected: {reason}"));
            return;
        }
        let (a, b) = (self.name_of(from), self.name_of(to));
        let mut scenario = (*self.scenario).clone();
        scenario.flows.push(Flow { from: from.to_string(), to: to.to_string() });
        self.commit(scenario, format!("connect {a} to {b}"));
        self.announce(format!("Connected {a} → {b}"));
    }

    pub(super) fn nudge(&mut self, dx: i32, dy: i32) -> bool {
        if self.selection.is_empty() || (dx == 0 && dy == 0) {
            return false;
        }
        let (dx, dy) = (f64::from(dx) * geometry::GRID, f64::from(dy) * geometry::GRID);
        let mut scenario = (*self.scenario).clone();
        let mut moved = Vec::new();
        for stage in scenario.stages.iter_mut().filter(|s| self.selection.contains(&s.id)) {
            let mut pos = Pos { x: stage.pos.x + dx, y: stage.pos.y + dy };
            if self.snap {
                pos = geometry::snap_to_grid(pos);
            }
            stage.pos = pos;
            moved.push(stage.id.clone());
        }
        let what = self.names_of(&moved);
        let place = match moved.as_slice() {
            [one] => scenario.stage(one).map(|s| format!(" to {}, {}", s.pos.x, s.pos.y)).unwrap_or_default(),
            _ => String::new(),
        };
        self.commit(scenario, format!("move {what}"));
        self.announce(format!("Moved {what}{place}"));
        true
    }

    /// Keeps the ransomware copies of the fix's stage in the fix's vault, as one undo step; a
    /// vault that does not take its copies is refused with the reason.
    pub(super) fn apply_fix(&mut self, fix: &Fix) -> bool {
        let Some(i) = self.scenario.stages.iter().position(|s| s.id == fix.stage) else { return false };
        let mut scenario = (*self.scenario).clone();
        let name = self.name_of(&fix.stage);
        match fields::set_field(&mut scenario, Some(i), &Field::Vault, &fix.vault) {
            Ok(true) => {}
            Ok(false) => return false,
            Err(reason) => {
                self.refuse(format!("Not applied to {name}: {reason}"));
                return true;
            }
        }
        self.commit(scenario, format!("apply the fix for {name}: {}", fix.label));
        self.drop_drafts(|k| k.stage.as_deref() == Some(fix.stage.as_str()) && k.field == Field::Vault);
        self.announce(format!("Applied to {name}: {}", fix.label));
        true
    }

    /// Lets stage `stage` inherit the scenario's targets again.
    pub(super) fn reset_targets(&mut self, stage: &str) -> bool {
        let Some(i) = self.scenario.stages.iter().position(|s| s.id == stage) else { return false };
        if self.scenario.stages[i].targets.is_none() {
            return false;
        }
        let name = self.name_of(stage);
        let mut scenario = (*self.scenario).clone();
        scenario.stages[i].targets = None;
        self.commit(scenario, format!("use the scenario's targets for {name}"));
        self.drop_drafts(|k| k.stage.as_deref() == Some(stage));
        self.announce(format!("{name} uses the scenario's targets"));
        true
    }

    /// Replaces the whole scenario with `scenario` (a template, a file, a link), as one undo step.
    pub(super) fn load(&mut self, scenario: Scenario, what: String) -> bool {
        self.gesture = None;
        self.drafts = Rc::default();
        self.commit(scenario, what.clone());
        self.selection = Rc::default();
        self.selected_flow = None;
        // Fitted now, or as soon as the canvas has a size.
        if self.view.size.w > 0.0 {
            self.fit(false);
        } else {
            self.fit_pending = true;
        }
        self.announce(format!("Opened {what}"));
        true
    }
}

/// A stage id not yet used in `scenario`: the kind's key, then `key_2`, `key_3`, …
fn fresh_id(scenario: &Scenario, kind: StageKind) -> String {
    let base = kind.key();
    (1..)
        .map(|n| if n == 1 { base.to_string() } else { format!("{base}_{n}") })
        .find(|id| scenario.stage(id).is_none())
        .unwrap_or_else(|| base.to_string())
}

/// A label not yet used in `scenario`: the kind's name, then "Raw zone 2", "Raw zone 3", …
fn fresh_label(scenario: &Scenario, kind: StageKind) -> String {
    let base = kind.label();
    (1..)
        .map(|n| if n == 1 { base.to_string() } else { format!("{base} {n}") })
        .find(|label| !scenario.stages.iter().any(|s| s.label == *label))
        .unwrap_or_else(|| base.to_string())
}
