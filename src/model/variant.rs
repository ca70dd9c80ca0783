//! Variants: named versions of a scenario kept beside it, so a workshop can keep "today", "RTO
//! 4 h" and "no standby" and compare them (docs/plan-format.md, "Variants").
//!
//! A variant is a whole scenario of its own (its own `variants` always empty); the scenario
//! being edited is the working copy, and `Scenario::variant` names the variant it was last saved
//! as or switched to. Variants never change the plan of the working copy: the engine ignores
//! them, and a problem in one is a warning that names it, never a reason to refuse the file.

use super::{Diagnostic, Scenario, Severity};
use serde::{Deserialize, Serialize};

/// The longest variant name, in characters (as long as a scenario name).
pub const MAX_VARIANT_NAME_CHARS: usize = 80;

/// The most variants one scenario keeps.
pub const MAX_VARIANTS: usize = 12;

/// A named version of the scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    /// What the room calls it ("today", "RTO 4 h").
    pub name: String,
    /// The scenario as saved under that name; its own `variants` are empty.
    pub scenario: Scenario,
}

impl Variant {
    /// `scenario` saved as `name`: without its variants and without the name of the variant it
    /// came from (a variant does not nest).
    pub fn of(name: &str, scenario: &Scenario) -> Variant {
        let mut scenario = scenario.clone();
        scenario.variants = Vec::new();
        scenario.variant = None;
        Variant { name: name.to_string(), scenario }
    }
}

/// What [`same_scenario`] makes of where the stages' cards are on the canvas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Positions {
    /// A card moved makes two scenarios differ: a variant is what was saved, layout included.
    Compared,
    /// Left out: the engine does not read them, so moving a card never changes the plan.
    Ignored,
}

/// Whether `a` and `b` are the same scenario: equal in everything but the variants each keeps
/// and the name of the one it is (neither is part of what a scenario is or plans), and where
/// its cards are when `positions` is [`Positions::Ignored`].
pub fn same_scenario(a: &Scenario, b: &Scenario, positions: Positions) -> bool {
    // Destructured, so that a new member of the scenario cannot be left out of the comparison.
    let Scenario {
        name,
        span_months,
        currency,
        regions,
        disasters_per_year,
        targets,
        stages,
        flows,
        overrides,
        allow_preview,
        incidents_per_year,
        detection_delay_days,
        recent,
        variants: _,
        variant: _,
    } = a;
    let same_stages = match positions {
        Positions::Compared => *stages == b.stages,
        // Only a stage whose card moved is copied to compare it at the other's place: this runs
        // on every frame of a drag, where one card of hundreds moves.
        Positions::Ignored => {
            stages.len() == b.stages.len()
                && stages.iter().zip(&b.stages).all(|(x, y)| {
                    x == y
                        || (x.pos != y.pos && {
                            let mut x = x.clone();
                            x.pos = y.pos;
                            x == *y
                        })
                })
        }
    };
    same_stages
        && *name == b.name
        && *span_months == b.span_months
        && *currency == b.currency
        && *regions == b.regions
        && disasters_per_year.to_bits() == b.disasters_per_year.to_bits()
        && *targets == b.targets
        && *flows == b.flows
        && *overrides == b.overrides
        && *allow_preview == b.allow_preview
        && *incidents_per_year == b.incidents_per_year
        && *detection_delay_days == b.detection_delay_days
        && *recent == b.recent
}

/// Whether `working` is what `variant` holds, its cards' places included.
pub fn same_as_saved(variant: &Scenario, working: &Scenario) -> bool {
    same_scenario(working, variant, Positions::Compared)
}

/// Why a name cannot be a variant's name, if it cannot: empty, too long, or taken by another
/// variant than `except` (the one being renamed).
pub fn name_problem(variants: &[Variant], name: &str, except: Option<usize>) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return Some("Give the variant a name.".into());
    }
    let chars = name.chars().count();
    if chars > MAX_VARIANT_NAME_CHARS {
        return Some(format!(
            "A variant's name has at most {MAX_VARIANT_NAME_CHARS} characters; this one has {chars}."
        ));
    }
    variants
        .iter()
        .enumerate()
        .any(|(i, v)| Some(i) != except && v.name.trim() == name)
        .then(|| format!("There is already a variant called \"{name}\"."))
}

impl Scenario {
    /// The variant called `name`, with its index.
    pub fn find_variant(&self, name: &str) -> Option<(usize, &Variant)> {
        self.variants.iter().enumerate().find(|(_, v)| v.name == name)
    }

    /// The problems of the kept variants, as warnings that name the variant: a variant is
    /// opened and planned on its own when switched to, so nothing in it stops the working copy
    /// from being planned (or the file from opening).
    pub fn validate_variants(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if self.variants.len() > MAX_VARIANTS {
            out.push(Diagnostic::warning(
                "variants",
                None,
                format!("has {} variants; Keel keeps at most {MAX_VARIANTS}", self.variants.len()),
            ));
        }
        for (i, v) in self.variants.iter().enumerate() {
            if let Some(problem) = name_problem(&self.variants[..i], &v.name, None) {
                out.push(Diagnostic::warning(format!("variants[{i}].name"), None, problem));
            }
            if !v.scenario.variants.is_empty() {
                out.push(Diagnostic::warning(
                    format!("variants[{i}].scenario.variants"),
                    None,
                    format!("variant \"{}\" keeps variants of its own; they are ignored", v.name),
                ));
            }
            for d in v.scenario.validate() {
                let severity = if d.severity == Severity::Error { "cannot be planned" } else { "warns" };
                out.push(Diagnostic {
                    severity: Severity::Warning,
                    path: format!("variants[{i}].scenario.{}", d.path),
                    stage: d.stage,
                    message: format!("variant \"{}\" {severity}: {}", v.name, d.message),
                });
            }
        }
        if let Some(name) = &self.variant {
            if self.find_variant(name).is_none() {
                out.push(Diagnostic::warning(
                    "variant",
                    None,
                    format!("names \"{name}\", which is not one of the variants; it is ignored"),
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Stage, StageKind};

    fn named(name: &str) -> Variant {
        Variant::of(name, &Scenario::default())
    }

    #[test]
    fn names_are_checked_as_the_room_types_them() {
        let kept = [named("today"), named("RTO 4 h")];
        let check = |name: &str, except: Option<usize>, expect: Option<&str>| {
            assert_eq!(name_problem(&kept, name, except).as_deref(), expect, "{name:?}");
        };
        check("no standby", None, None);
        check("  ", None, Some("Give the variant a name."));
        check(" today ", None, Some("There is already a variant called \"today\"."));
        check("today", Some(0), None);
        check(&"x".repeat(81), None, Some("A variant's name has at most 80 characters; this one has 81."));
        check(&"é".repeat(80), None, None);
    }

    #[test]
    fn scenarios_are_the_same_but_for_their_variants_and_where_asked_their_cards() {
        let mut base = Scenario::default();
        base.stages.push(Stage::new("raw", StageKind::Raw));
        let check = |what: &str, change: fn(&mut Scenario), compared: bool, ignored: bool| {
            let mut other = base.clone();
            change(&mut other);
            assert_eq!(same_scenario(&base, &other, Positions::Compared), compared, "{what}, cards compared");
            assert_eq!(same_scenario(&base, &other, Positions::Ignored), ignored, "{what}, cards ignored");
        };
        check("unchanged", |_| {}, true, true);
        check("a variant kept", |s| s.variants.push(Variant::of("today", &Scenario::default())), true, true);
        check("named as a variant", |s| s.variant = Some("today".into()), true, true);
        check("a card moved", |s| s.stages[0].pos.x += 40.0, false, true);
        check("a stage renamed", |s| s.stages[0].label = "Raw".into(), false, false);
        check(
            "a card moved and its stage renamed",
            |s| {
                s.stages[0].pos.x += 40.0;
                s.stages[0].label = "Raw".into();
            },
            false,
            false,
        );
        check("a stage added", |s| s.stages.push(Stage::new("curated", StageKind::Curated)), false, false);
        check("a target", |s| s.targets.data_corruption.rto_minutes += 60, false, false);
        check("the span", |s| s.span_months += 1, false, false);
    }

    #[test]
    fn a_saved_variant_does_not_nest() {
        let mut s = Scenario { variants: vec![named("today")], variant: Some("today".into()), ..Scenario::default() };
        s.stages.push(Stage::new("raw", StageKind::Raw));
        let v = Variant::of("next", &s);
        assert!(v.scenario.variants.is_empty());
        assert_eq!(v.scenario.variant, None);
        assert_eq!(v.scenario.stages, s.stages);
    }

    #[test]
    fn problems_in_a_variant_are_warnings_that_name_it() {
        let bad = Scenario { span_months: 0, ..Scenario::default() };
        let s = Scenario {
            variants: vec![Variant { name: "cheap".into(), scenario: bad }, named("cheap")],
            variant: Some("gone".into()),
            ..Scenario::default()
        };
        let found: Vec<(String, String)> = s.validate_variants().into_iter().map(|d| (d.path, d.message)).collect();
        assert!(s.validate_variants().iter().all(|d| d.severity == Severity::Warning));
        assert_eq!(
            found,
            vec![
                (
                    "variants[0].scenario.span_months".to_string(),
                    "variant \"cheap\" cannot be planned: 0 months is out of range: use 1 to 600".to_string()
                ),
                ("variants[1].name".to_string(), "There is already a variant called \"cheap\".".to_string()),
                ("variant".to_string(), "names \"gone\", which is not one of the variants; it is ignored".to_string()),
            ]
        );
        assert!(s.validate().is_empty(), "the working copy itself is fine");
    }
}
