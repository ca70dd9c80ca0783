//! The compare view: two versions of the scenario — kept variants, or the working copy — side
//! by side, for a room deciding between them ("what does RTO 4 h instead of 1 h save?"). A
//! dialog over the page with the two to compare, the verdict, the totals side by side, both
//! cost fronts on one plot, what changed per stage for a disruption type, and the warnings new
//! and gone. Everything shown is [`crate::compare::compare`]'s, over plans of both sides made
//! here with [`crate::engine::plan`]; opened and closed through the editor
//! (`Editor::comparing`, `Action::SetCompare`, Esc).

use super::results::{level_name, PlotFigure};
use super::state::{use_editor, use_plan};
use crate::compare::{compare, Achieved, Comparison, Money, Side, StageRow, Text};
use crate::editor::{Action, Editor};
use crate::engine::{self, Plan};
use crate::model::{Disruption, Scenario};
use crate::plot::{compare_fronts, Against};
use crate::text::whole_money;
use std::rc::Rc;
use web_sys::{HtmlElement, HtmlSelectElement};
use yew::prelude::*;

/// One of the versions that can be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    /// The scenario as it is being edited.
    Working,
    /// Kept variant `i`.
    Variant(usize),
}

impl Pick {
    fn key(self) -> String {
        match self {
            Pick::Working => "working".to_string(),
            Pick::Variant(i) => i.to_string(),
        }
    }

    fn from_key(key: &str) -> Pick {
        key.parse().map_or(Pick::Working, Pick::Variant)
    }
}

/// The versions on offer, with their names: every variant, and the working copy unless it is
/// the variant it was saved as (`Editor::variant_changed` says when it is not).
fn choices(editor: &Editor) -> Vec<(Pick, String)> {
    let scenario = &editor.scenario;
    let mut out: Vec<(Pick, String)> =
        scenario.variants.iter().enumerate().map(|(i, v)| (Pick::Variant(i), v.name.clone())).collect();
    if editor.current_variant().is_none() || editor.variant_changed() {
        out.push((Pick::Working, "The working copy".to_string()));
    }
    out
}

/// The scenario `pick` stands for.
fn scenario_of(working: &Rc<Scenario>, pick: Pick) -> Rc<Scenario> {
    match pick {
        Pick::Working => working.clone(),
        Pick::Variant(i) => working.variants.get(i).map_or_else(|| working.clone(), |v| Rc::new(v.scenario.clone())),
    }
}

/// What the memo of a comparison depends on; the scenario compared by identity (the editor
/// replaces it on every change), not member by member on every render.
struct Input {
    /// Only while the dialog is open is anything planned: a variant's plan costs as much as the
    /// working copy's, and the working copy changes with every edit.
    open: bool,
    working: Rc<Scenario>,
    a: Pick,
    b: Pick,
}

impl PartialEq for Input {
    fn eq(&self, other: &Self) -> bool {
        self.open == other.open && self.a == other.a && self.b == other.b && Rc::ptr_eq(&self.working, &other.working)
    }
}

/// Both sides planned and compared.
struct Compared {
    a: (String, Rc<Scenario>, Rc<Plan>),
    b: (String, Rc<Scenario>, Rc<Plan>),
    comparison: Comparison,
}

fn name_of(working: &Scenario, pick: Pick) -> String {
    match pick {
        Pick::Working => "the working copy".to_string(),
        Pick::Variant(i) => working.variants.get(i).map_or_else(|| "?".to_string(), |v| v.name.clone()),
    }
}

/// A cell that reads "A → B" when the two differ and "A" when they do not.
fn pair(a: Option<&str>, b: Option<&str>, changed: bool) -> Html {
    let (a, b) = (a.unwrap_or("—"), b.unwrap_or("—"));
    if changed {
        html! { <td class="changed"><span class="was">{ a }</span>{" → "}<span class="now">{ b }</span></td> }
    } else {
        html! { <td>{ a }</td> }
    }
}

fn text_cell(t: &Text) -> Html {
    pair(t.a.as_deref(), t.b.as_deref(), t.changed)
}

fn reach_cell(r: &Achieved) -> Html {
    let words = |r: &Option<crate::compare::Reach>| {
        r.as_ref().map(|r| format!("{} / {} {}", r.achieved, r.target, if r.meets { "✓" } else { "✕" }))
    };
    let (a, b) = (words(&r.a), words(&r.b));
    pair(a.as_deref(), b.as_deref(), r.changed)
}

fn money_text(v: Option<f64>, currency: &str) -> Option<String> {
    v.map(|v| format!("{currency} {}", whole_money(v)))
}

fn money_cell(m: &Money, currency: &str) -> Html {
    let (a, b) = (money_text(m.a, currency), money_text(m.b, currency));
    pair(a.as_deref(), b.as_deref(), m.changed)
}

/// The change of a money row: `+4,677 (+55.2 %)`.
fn money_delta(m: &Money) -> String {
    match (m.delta, m.percent_text.as_deref()) {
        (Some(d), _) if d.abs() < 0.5 => "—".to_string(),
        (Some(d), Some(p)) => format!("{}{} ({p})", if d > 0.0 { "+" } else { "−" }, whole_money(d.abs())),
        (Some(d), None) => format!("{}{}", if d > 0.0 { "+" } else { "−" }, whole_money(d.abs())),
        (None, _) => "—".to_string(),
    }
}

fn count_delta(a: usize, b: usize) -> String {
    match b.cmp(&a) {
        std::cmp::Ordering::Equal => "—".to_string(),
        std::cmp::Ordering::Greater => format!("+{}", b - a),
        std::cmp::Ordering::Less => format!("−{}", a - b),
    }
}

/// The comparison dialog, shown while the editor says so.
#[component]
pub fn Compare() -> Html {
    let editor = use_editor();
    let plan = use_plan();
    let open = editor.as_ref().is_some_and(|h| h.editor.comparing);
    let working = editor.as_ref().map(|h| h.editor.scenario.clone()).unwrap_or_default();
    // Only while open: the offer compares the working copy with its variant, and the dialog
    // renders with every edit, a drag's included.
    let offered = match editor.as_ref() {
        Some(h) if open => choices(&h.editor),
        _ => Vec::new(),
    };
    let picked = use_state(|| None::<(Pick, Pick)>);
    let disruption = use_state(|| editor.as_ref().map_or(Disruption::DataCorruption, |h| h.editor.results.disruption));
    let close_button = use_node_ref();
    {
        let close_button = close_button.clone();
        use_effect_with(open, move |open| {
            if *open {
                if let Some(button) = close_button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    // The default pair: the first variant against the version being worked on (the working copy
    // when it is not saved, else the current variant, else the next one).
    let current = editor.as_ref().and_then(|h| h.editor.current_variant());
    let default_pair = {
        let first = offered.first().map_or(Pick::Working, |(p, _)| *p);
        let then = offered
            .iter()
            .map(|(p, _)| *p)
            .find(|p| *p == Pick::Working)
            .or(current.map(Pick::Variant).filter(|p| *p != first))
            .or(offered.get(1).map(|(p, _)| *p))
            .unwrap_or(first);
        (first, then)
    };
    let valid = |p: Pick| offered.iter().any(|(o, _)| *o == p);
    let (a, b) = picked.filter(|(a, b)| valid(*a) && valid(*b)).unwrap_or(default_pair);
    let compared = use_memo(Input { open, working: working.clone(), a, b }, {
        let plan = plan.clone();
        move |input: &Input| {
            if !input.open {
                return None;
            }
            let side = |pick: Pick| {
                let scenario = scenario_of(&input.working, pick);
                // The working copy's plan is the app's (which carries the curves while the
                // comparison is open: `ui::app`); a variant is planned here.
                let app_plan = (pick == Pick::Working && !plan.0.curves.platform.is_empty()).then(|| plan.0.clone());
                let planned = app_plan.unwrap_or_else(|| Rc::new(engine::plan(&scenario)));
                (name_of(&input.working, pick), scenario, planned)
            };
            let (a, b) = (side(input.a), side(input.b));
            let comparison = compare(
                Side { label: &a.0, scenario: &a.1, plan: &a.2 },
                Side { label: &b.0, scenario: &b.1, plan: &b.2 },
                None,
            );
            Some(Compared { a, b, comparison })
        }
    });
    let Some(handle) = editor else { return Html::default() };
    if !open {
        return Html::default();
    }
    let close = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| handle.dispatch(Action::SetCompare(false)))
    };
    let choose = |side_a: bool| {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            let pick = Pick::from_key(&e.target_unchecked_into::<HtmlSelectElement>().value());
            picked.set(Some(if side_a { (pick, b) } else { (a, pick) }));
        })
    };
    let select = |side_a: bool, now: Pick| {
        html! {
            <select class="compare-pick" aria-label={if side_a { "Compare" } else { "with" }} onchange={choose(side_a)}>
                { for offered.iter().map(|(p, name)| html! {
                    <option value={p.key()} selected={*p == now}>{ name.clone() }</option>
                }) }
            </select>
        }
    };
    let d = *disruption;
    let switch = Disruption::ALL.into_iter().map(|option| {
        let disruption = disruption.clone();
        html! {
            <label key={option.key()} class={classes!("switch-option", (option == d).then_some("on"))}>
                <input type="radio" name="compare-disruption" value={option.key()} checked={option == d}
                    onchange={Callback::from(move |_: Event| disruption.set(option))} />
                { option.label() }
            </label>
        }
    });
    let body = match compared.as_ref() {
        Some(c) if a != b => view_comparison(c, d),
        _ => html! { <p class="compare-same">{"Pick two different versions to compare."}</p> },
    };
    html! {
        <div class="help-backdrop compare-backdrop">
            <div class="compare" role="dialog" aria-modal="true" aria-labelledby="compare-title">
                <div class="compare-head">
                    <h2 id="compare-title">{"Compare"}</h2>
                    { select(true, a) }
                    <span>{"with"}</span>
                    { select(false, b) }
                    <fieldset class="disruption-switch">
                        <legend class="visually-hidden">{"Disruption type"}</legend>
                        { for switch }
                    </fieldset>
                    <button type="button" class="help-close" ref={close_button} onclick={close}>{"Close"}</button>
                </div>
                { body }
            </div>
        </div>
    }
}

fn view_comparison(c: &Compared, d: Disruption) -> Html {
    let cmp = &c.comparison;
    let t = &cmp.totals;
    let currency = cmp.a.currency.as_str();
    let (a_name, b_name) = (c.a.0.as_str(), c.b.0.as_str());
    let verdict = if cmp.verdict.worse {
        html! {
            <div class="compare-verdict worse" role="status">
                <strong>{ format!("{b_name} is worse than {a_name}:") }</strong>
                <ul>{ for cmp.verdict.reasons.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ul>
            </div>
        }
    } else if cmp.changed() {
        html! { <p class="compare-verdict" role="status">{ format!("{b_name} misses no more targets than {a_name} and has no new critical warning.") }</p> }
    } else {
        html! { <p class="compare-verdict" role="status">{ format!("{a_name} and {b_name} give the same plan.") }</p> }
    };
    let row = |what: String, a: String, b: String, delta: String, changed: bool| {
        html! {
            <tr class={classes!(changed.then_some("changed"))}>
                <th scope="row">{ what }</th><td>{ a }</td><td>{ b }</td><td class="delta">{ delta }</td>
            </tr>
        }
    };
    let money_row = |what: String, m: &Money| {
        row(
            what,
            money_text(m.a, currency).unwrap_or_default(),
            money_text(m.b, currency).unwrap_or_default(),
            money_delta(m),
            m.changed,
        )
    };
    let count_row = |what: &str, c: &crate::compare::Count| {
        row(what.to_string(), c.a.to_string(), c.b.to_string(), count_delta(c.a, c.b), c.changed)
    };
    let recovery = t.recovery.iter().find(|r| r.disruption == d);
    let totals = html! {
        <table class="compare-totals">
            <caption class="visually-hidden">{"Totals side by side"}</caption>
            <thead><tr><th scope="col">{""}</th><th scope="col">{ a_name.to_string() }</th><th scope="col">{ b_name.to_string() }</th><th scope="col">{"Change"}</th></tr></thead>
            <tbody>
                { money_row("Monthly cost".to_string(), &t.monthly) }
                { money_row(format!("Over {} months", cmp.b.span_months), &t.span) }
                { count_row("Stages meeting every target", &t.stages_meeting) }
                { count_row("Targets missed (stage × disruption)", &t.targets_missed) }
                { count_row("Critical warnings", &t.critical_warnings) }
                if let Some(r) = recovery {
                    { row(format!("First service after {}", d.label().to_lowercase()), r.first_service.a.clone().unwrap_or_default(), r.first_service.b.clone().unwrap_or_default(), String::new(), r.first_service.changed) }
                    { row(format!("Full restore after {}", d.label().to_lowercase()), r.full_restore.a.clone().unwrap_or_default(), r.full_restore.b.clone().unwrap_or_default(), String::new(), r.full_restore.changed) }
                }
            </tbody>
        </table>
    };
    let plots = [(Against::DataLoss, "compare-rpo"), (Against::RecoveryTime, "compare-rto")].map(|(against, what)| {
        compare_fronts((a_name, &c.a.2, &c.a.1), (b_name, &c.b.2, &c.b.1), d, against)
            .map(|f| html! { <PlotFigure figure={Rc::new(f)} {what} /> })
            .unwrap_or_default()
    });
    let changed: Vec<&StageRow> = cmp
        .stages
        .iter()
        .filter(|s| s.disruptions.iter().any(|r| r.disruption == d && r.changed) || s.service.changed)
        .collect();
    let stage_rows = changed.iter().map(|s| {
        let r = s.disruptions.iter().find(|r| r.disruption == d);
        let presence = match s.presence {
            crate::compare::Presence::Both => "",
            crate::compare::Presence::Added => " (only in B)",
            crate::compare::Presence::Removed => " (only in A)",
        };
        html! {
            <tr key={s.id.clone()}>
                <th scope="row">{ format!("{}{presence}", s.name) }</th>
                if let Some(r) = r {
                    { text_cell(&r.backup) }
                    { text_cell(&r.strategy) }
                    { reach_cell(&r.rpo) }
                    { reach_cell(&r.rto) }
                    { money_cell(&r.monthly, currency) }
                } else {
                    <td colspan="5">{"—"}</td>
                }
            </tr>
        }
    });
    let warnings = &cmp.warnings;
    let warning_list = |title: &str, rows: &[crate::compare::WarningRow], class: &'static str| {
        if rows.is_empty() {
            return Html::default();
        }
        html! {
            <section class={classes!("compare-warnings", class)}>
                <h3>{ title.to_string() }</h3>
                <ul>{ for rows.iter().map(|w| html! { <li class={format!("level-{}", level_name(w.level))}>{ w.message.clone() }</li> }) }</ul>
            </section>
        }
    };
    html! {
        <div class="compare-body">
            { verdict }
            <div class="compare-grid">
                { totals }
                <div class="compare-plots">{ for plots }</div>
            </div>
            <h3>{ format!("What changes after {}", d.label().to_lowercase()) }</h3>
            if changed.is_empty() {
                <p class="compare-none">{ format!("No stage changes its protection against {}.", d.label().to_lowercase()) }</p>
            } else {
                <table class="compare-stages">
                    <thead><tr>
                        <th scope="col">{"Stage"}</th><th scope="col">{"Backup"}</th><th scope="col">{"Recovery"}</th>
                        <th scope="col">{"RPO achieved / target"}</th><th scope="col">{"Back after / RTO"}</th><th scope="col">{"Monthly cost"}</th>
                    </tr></thead>
                    <tbody>{ for stage_rows }</tbody>
                </table>
            }
            { warning_list(&format!("New in {b_name}"), &warnings.new, "new") }
            { warning_list(&format!("Gone in {b_name}"), &warnings.gone, "gone") }
        </div>
    }
}
