//! The plan file: a versioned JSON envelope holding a scenario and, on output, its plan.
//!
//! ```json
//! { "type": "keel-plan", "version": 1, "source": "keel 0.1.0", "scenario": { … }, "plan": { … } }
//! ```
//!
//! Reading is strict about what it cannot understand and lenient about what it can: a wrong
//! `type`, a newer `version`, malformed JSON or a bad field is a [`DecodeError`] that names the
//! place (`stages[2].kind`, stage "raw"), while missing optional fields take their defaults and
//! older versions are migrated. A bare scenario object (no envelope) is accepted too. The
//! `plan` member is ignored on input: it is always recomputed. An optional `view` keeps how the
//! results were shown (the autosave writes it; [`decode_with_view`] reads it, leniently). See
//! docs/plan-format.md.

mod link;
mod patch;
mod runbook;
mod sla;

pub use link::{
    decode_link, decode_link_with_view, encode_link, encode_link_with_view, LinkError, LINK_PREFIX_V1,
    MAX_INFLATED_BYTES,
};
pub use runbook::{escape_markdown, runbook_markdown};
pub use sla::{miss_runs, sla_basis, sla_markdown, sla_statement, ServiceLevel, SlaSection, SlaStatement, SLA_INTRO};

use crate::engine::Plan;
use crate::model::{Diagnostic, Scenario, Severity, MAX_VARIANTS};
use crate::results::ResultsView;
use serde::Serialize;
use serde_json::Value;

/// The envelope's `type`.
pub const FILE_TYPE: &str = "keel-plan";
/// The current envelope `version`.
pub const FILE_VERSION: u64 = 1;
/// The largest file Keel reads, in bytes.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// The most stages a scenario may hold.
pub const MAX_STAGES: usize = 5000;
/// The most flows a scenario may hold.
pub const MAX_FLOWS: usize = 20_000;

/// Why a file could not be read. Every variant says what to do in its `Display`.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// Not JSON.
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's message.
        message: String,
    },
    /// JSON, but another kind of file.
    WrongType {
        /// The `type` found, if any.
        found: Option<String>,
    },
    /// Written by a newer Keel.
    TooNew {
        /// The version found.
        version: u64,
    },
    /// A keel-plan whose content is wrong: every problem, each naming its field.
    Invalid(Vec<Diagnostic>),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::TooLarge { bytes } => write!(
                f,
                "the file is {} MB; Keel reads plan files up to {} MB",
                crate::text::Fixed::<1>(*bytes as f64 / 1_048_576.0),
                MAX_FILE_BYTES / 1_048_576
            ),
            DecodeError::Json { line, column, message } => {
                write!(f, "not valid JSON (line {line}, column {column}): {message}")
            }
            DecodeError::WrongType { found: Some(t) } => {
                write!(f, "this is a \"{t}\" file, not a Keel plan (\"type\": \"{FILE_TYPE}\")")
            }
            DecodeError::WrongType { found: None } => write!(
                f,
                "this JSON is not a Keel plan: expected \"type\": \"{FILE_TYPE}\" or a scenario with \"stages\""
            ),
            DecodeError::TooNew { version } => write!(
                f,
                "this plan file is version {version}, made by a newer Keel; this one reads up to version {FILE_VERSION}"
            ),
            DecodeError::Invalid(diagnostics) => {
                write!(f, "the scenario has {}:", crate::text::Count(diagnostics.len() as u64, "problem", "problems"))?;
                for d in diagnostics {
                    write!(f, "\n  {d}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// The envelope as written.
#[derive(Serialize)]
struct Envelope<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    version: u64,
    source: String,
    scenario: &'a Scenario,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a Plan>,
    /// How the results were shown (`results::ResultsView`), when not the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    view: Option<Value>,
}

/// Writes a plan file: the scenario and, if given, its computed plan. Pretty-printed, so files
/// diff well in version control.
pub fn encode(scenario: &Scenario, plan: Option<&Plan>) -> String {
    encode_with_view(scenario, plan, &ResultsView::default())
}

/// Writes a plan file that also keeps how the results were shown (the autosave does, so a
/// reload opens the results as they were): the envelope's optional `view`, left out when it is
/// the default.
pub fn encode_with_view(scenario: &Scenario, plan: Option<&Plan>, view: &ResultsView) -> String {
    let envelope = Envelope {
        kind: FILE_TYPE,
        version: FILE_VERSION,
        source: format!("keel {}", env!("CARGO_PKG_VERSION")),
        scenario,
        plan,
        view: view.to_value(),
    };
    // Serializing plain data with string keys cannot fail; an empty string would be caught by
    // any reader as invalid JSON.
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

/// Reads a plan file (or a bare scenario). On success, returns the scenario and the warnings
/// found while reading it; errors in the scenario's content are a [`DecodeError::Invalid`].
pub fn decode(text: &str) -> Result<(Scenario, Vec<Diagnostic>), DecodeError> {
    decode_with_view(text).map(|(scenario, diagnostics, _)| (scenario, diagnostics))
}

/// Reads a plan file as [`decode`] does, and also how its results were shown (the envelope's
/// `view`; the default when there is none or it cannot be read — a view never refuses a file).
pub fn decode_with_view(text: &str) -> Result<(Scenario, Vec<Diagnostic>, ResultsView), DecodeError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(DecodeError::TooLarge { bytes: text.len() });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let (scenario_value, view) = unwrap_envelope(value)?;
    let view = ResultsView::read(view.as_ref());
    decode_scenario_value(scenario_value).map(|(scenario, diagnostics)| (scenario, diagnostics, view))
}

/// Checks the envelope and migrates its scenario to the current version; gives the scenario
/// and the envelope's `view`, if any.
fn unwrap_envelope(value: Value) -> Result<(Value, Option<Value>), DecodeError> {
    let Value::Object(mut top) = value else {
        return Err(DecodeError::WrongType { found: None });
    };
    match top.get("type") {
        Some(Value::String(t)) if t == FILE_TYPE => {}
        Some(Value::String(t)) => return Err(DecodeError::WrongType { found: Some(t.clone()) }),
        Some(_) => return Err(DecodeError::WrongType { found: None }),
        // A bare scenario: as written by hand or by other tools.
        None if top.contains_key("stages") => return Ok((Value::Object(top), None)),
        None => return Err(DecodeError::WrongType { found: None }),
    }
    let version = match top.get("version") {
        Some(v) => v.as_u64().filter(|v| *v >= 1).ok_or_else(|| {
            DecodeError::Invalid(vec![Diagnostic::error("version", None, "must be a whole number of 1 or more")])
        })?,
        None => return Err(DecodeError::Invalid(vec![Diagnostic::error("version", None, "is missing")])),
    };
    if version > FILE_VERSION {
        return Err(DecodeError::TooNew { version });
    }
    let scenario = top
        .remove("scenario")
        .ok_or_else(|| DecodeError::Invalid(vec![Diagnostic::error("scenario", None, "is missing")]))?;
    Ok((migrate(scenario, version), top.remove("view")))
}

/// Brings a scenario written by file version `from` to the current version, one step at a
/// time. Version 1 is the first: there is nothing to migrate yet, and each future version adds
/// its step here with a golden fixture in tests/fixtures/.
fn migrate(scenario: Value, from: u64) -> Value {
    let _ = from;
    scenario
}

/// Reads the scenario object, naming the field and stage of any problem.
fn decode_scenario_value(value: Value) -> Result<(Scenario, Vec<Diagnostic>), DecodeError> {
    let stage_ids: Vec<Option<String>> = value
        .get("stages")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(|s| s.get("id").and_then(Value::as_str).map(str::to_string)).collect())
        .unwrap_or_default();
    let counts = [("stages", MAX_STAGES), ("flows", MAX_FLOWS)];
    let variants = value.get("variants").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    if variants.len() > MAX_VARIANTS {
        return Err(DecodeError::Invalid(vec![Diagnostic::error(
            "variants",
            None,
            format!("has {} entries; Keel keeps at most {MAX_VARIANTS}", variants.len()),
        )]));
    }
    let scenarios = std::iter::once(("", &value))
        .chain(variants.iter().filter_map(|v| v.get("scenario")).map(|s| ("variants[].scenario.", s)));
    for (at, scenario) in scenarios {
        for (field, max) in counts {
            let n = scenario.get(field).and_then(Value::as_array).map_or(0, Vec::len);
            if n > max {
                return Err(DecodeError::Invalid(vec![Diagnostic::error(
                    format!("{at}{field}"),
                    None,
                    format!("has {n} entries; Keel plans at most {max}"),
                )]));
            }
        }
    }
    let scenario: Scenario = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let stage = stage_index(&path).and_then(|i| stage_ids.get(i).cloned().flatten());
        let message = tidy_serde_message(&e.inner().to_string());
        DecodeError::Invalid(vec![Diagnostic::error(path, stage.as_deref(), message)])
    })?;
    let mut diagnostics = scenario.validate();
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err(DecodeError::Invalid(diagnostics.into_iter().filter(|d| d.severity == Severity::Error).collect()));
    }
    // A variant's problems are warnings: it is checked again when switched to.
    diagnostics.extend(scenario.validate_variants());
    Ok((scenario, diagnostics))
}

/// The stage index in a path such as `stages[2].kind`.
fn stage_index(path: &str) -> Option<usize> {
    path.strip_prefix("stages[")?.split(']').next()?.parse().ok()
}

/// serde's messages, in the words of someone editing a plan file.
fn tidy_serde_message(message: &str) -> String {
    message
        .replace("unknown variant", "unknown value")
        .replace("invalid type: ", "wrong type: ")
        .replace("missing field", "missing required field")
}

#[cfg(test)]
mod tests;
