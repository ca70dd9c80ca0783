//! The properties panel's fields as text: how each is shown ("4h", "1.5 TB", "365 days") and
//! how what the user types is read back, with a message that says what to type when it cannot
//! be. Pure, so the panel's rules are tested natively.
//!
//! The numbers' text is [`crate::text`]'s, the same as everywhere else (sizes, durations,
//! decimals, counted days), and so is reading sizes, durations and decimals back. What stays
//! here is the panel's own: which field shows what, days (`12w`, `1y`, empty for none), months,
//! yes/no, and the limits and hints of each field.

use crate::catalogue::{Service, PRICE_BOOK};
use crate::model::{Disruption, IncidentRates, LoadPattern, Scenario, Stage, StageKind, Targets};
use crate::text::{format_minutes, parse_decimal, parse_gb, parse_minutes, plural, Size, Trimmed};

/// The longest label or name accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 80;

/// A field of the properties panel.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// Stage: the name on the card.
    Label,
    /// Stage: its kind (a `StageKind` key).
    Kind,
    /// Stage: its catalogue service id; empty = the kind's default.
    Service,
    /// Stage: data held.
    Volume,
    /// Stage: data added or changed per day.
    DailyChange,
    /// Stage: processing is fully automated (`true` / `false`).
    Automated,
    /// Stage: files are modified in place (`true` / `false`).
    ModifiedInPlace,
    /// Stage: can be recreated from its sources (`true` / `false`).
    Recreatable,
    /// Its backups are encrypted with customer-managed keys.
    CustomerManagedKeys,
    /// Its backups are administered apart from the platform's identities.
    SeparateBackupAdmins,
    /// Stage: days the source keeps the data; empty = forever.
    SourceRetention,
    /// Stage: `daily_full` or `partitioned_incremental`.
    Load,
    /// Stage: days restored first; empty = all at once.
    HotWindow,
    /// Stage: how often new data arrives (`1h`, `1d`); empty = streaming or not known.
    Refresh,
    /// Stage (or the scenario's default): days a corruption goes unnoticed; empty = the
    /// scenario's (on a stage) or found at once (on the scenario).
    DetectionDelay,
    /// Stage (a system of record): the most that may be read from it per hour when the platform
    /// re-ingests or catches up (`0.5 TB/h`, `200 GB/h`); empty = no limit.
    ReadLimit,
    /// Stage: the vault its ransomware copies are kept in (a `catalogue::VAULTS` id); empty =
    /// the cheapest that meets its targets (see `editor::vault`).
    Vault,
    /// Stage (or the scenario's default): recovery point objective.
    Rpo(Disruption),
    /// Stage (or the scenario's default): recovery time objective.
    Rto(Disruption),
    /// Stage (or the scenario's default): the days a recent-data target covers; empty = none
    /// of its own (see `editor::recent`).
    RecentDays,
    /// Stage (or the scenario's default): the recent-data recovery point objective.
    RecentRpo(Disruption),
    /// Stage (or the scenario's default): the recent-data recovery time objective.
    RecentRto(Disruption),
    /// Scenario: its name.
    Name,
    /// Scenario: primary region.
    Primary,
    /// Scenario: secondary region.
    Secondary,
    /// Scenario: months costs are compared over.
    Span,
    /// Scenario: currency code.
    Currency,
    /// Scenario: expected disasters per year.
    DisastersPerYear,
    /// Scenario: expected incidents per year of one disruption type; empty = disasters per year.
    Incidents(Disruption),
    /// Scenario: features in public preview may be chosen (`true` / `false`).
    AllowPreview,
    /// Scenario: a price-book override, by key; empty removes it.
    Override(String),
}

impl Field {
    /// A short name for element ids: `label`, `rto-region_outage`, `override-storage.hot_gb_month`.
    pub fn slug(&self) -> String {
        let plain = match self {
            Field::Label => "label",
            Field::Kind => "kind",
            Field::Service => "service",
            Field::Volume => "volume",
            Field::DailyChange => "daily-change",
            Field::Automated => "automated",
            Field::ModifiedInPlace => "modified-in-place",
            Field::Recreatable => "recreatable",
            Field::CustomerManagedKeys => "customer-managed-keys",
            Field::SeparateBackupAdmins => "separate-backup-admins",
            Field::SourceRetention => "source-retention",
            Field::Load => "load",
            Field::HotWindow => "hot-window",
            Field::Refresh => "refresh",
            Field::DetectionDelay => "detection-delay",
            Field::ReadLimit => "read-limit",
            Field::Vault => "vault",
            Field::Rpo(d) => return format!("rpo-{}", d.key()),
            Field::Rto(d) => return format!("rto-{}", d.key()),
            Field::RecentDays => "recent-days",
            Field::RecentRpo(d) => return format!("recent-rpo-{}", d.key()),
            Field::RecentRto(d) => return format!("recent-rto-{}", d.key()),
            Field::Name => "name",
            Field::Primary => "primary",
            Field::Secondary => "secondary",
            Field::Span => "span",
            Field::Currency => "currency",
            Field::DisastersPerYear => "disasters",
            Field::Incidents(d) => return format!("incidents-{}", d.key()),
            Field::AllowPreview => "allow-preview",
            Field::Override(key) => return format!("override-{key}"),
        };
        plain.to_string()
    }

    /// The words of the field's label, for undo steps ("RTO (region outage)").
    pub fn label(&self) -> String {
        match self {
            Field::Label => "label".into(),
            Field::Kind => "kind".into(),
            Field::Service => "service".into(),
            Field::Volume => "volume".into(),
            Field::DailyChange => "daily change".into(),
            Field::Automated => "automated".into(),
            Field::ModifiedInPlace => "modified in place".into(),
            Field::Recreatable => "recreatable".into(),
            Field::CustomerManagedKeys => "customer-managed keys".into(),
            Field::SeparateBackupAdmins => "separate backup administrators".into(),
            Field::SourceRetention => "source retention".into(),
            Field::Load => "load pattern".into(),
            Field::HotWindow => "hot window".into(),
            Field::Refresh => "refresh interval".into(),
            Field::DetectionDelay => "detection delay".into(),
            Field::ReadLimit => "read limit".into(),
            Field::Vault => "ransomware copies in".into(),
            Field::Rpo(d) => format!("RPO ({})", d.label().to_lowercase()),
            Field::Rto(d) => format!("RTO ({})", d.label().to_lowercase()),
            Field::RecentDays => "recent days".into(),
            Field::RecentRpo(d) => format!("recent RPO ({})", d.label().to_lowercase()),
            Field::RecentRto(d) => format!("recent RTO ({})", d.label().to_lowercase()),
            Field::Name => "name".into(),
            Field::Primary => "primary region".into(),
            Field::Secondary => "secondary region".into(),
            Field::Span => "time span".into(),
            Field::Currency => "currency".into(),
            Field::DisastersPerYear => "disasters per year".into(),
            Field::Incidents(d) => format!("incidents per year ({})", d.label().to_lowercase()),
            Field::AllowPreview => "allow preview features".into(),
            Field::Override(key) => format!("override {key}"),
        }
    }
}

/// A field of the scenario (`stage: None`) or of one stage.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldKey {
    /// The stage id, or `None` for the scenario.
    pub stage: Option<String>,
    /// The field.
    pub field: Field,
}

/// Text the user typed that could not be used, kept so the field shows it with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// What was typed.
    pub text: String,
    /// Why it cannot be used, and what to type instead.
    pub message: String,
}

/// `365 days`, `1 day`; empty for `None`.
pub(super) fn days_text(days: Option<u32>) -> String {
    days.map_or_else(String::new, |d| plural(u64::from(d), "day", "days"))
}

/// Reads days: `90`, `90 days`, `12w`, `1y` (365 days); empty = `None`.
pub fn parse_days(text: &str) -> Result<Option<u32>, String> {
    let hint = "enter days such as 90, 12w or 1y, or leave empty";
    let t = text.trim().to_ascii_lowercase();
    if t.is_empty() {
        return Ok(None);
    }
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let n: u32 = number.parse().map_err(|_| hint.to_string())?;
    let scale = match unit.trim() {
        "" | "d" | "day" | "days" => 1,
        "w" | "wk" | "week" | "weeks" => 7,
        "m" | "mo" | "month" | "months" => 30,
        "y" | "yr" | "year" | "years" => 365,
        other => return Err(format!("unknown unit \"{other}\": {hint}")),
    };
    n.checked_mul(scale).filter(|d| *d <= 100 * 365).map(Some).ok_or_else(|| format!("too long: {hint}"))
}

/// The refresh intervals the panel offers, as the field shows them: streaming (empty) to weekly.
pub const REFRESH_PRESETS: [(&str, &str); 6] = [
    ("", "streaming or not known"),
    ("15m", "every 15 minutes"),
    ("1h", "hourly"),
    ("4h", "every 4 hours"),
    ("1d", "daily"),
    ("7d", "weekly"),
];

/// Reads a refresh interval: a duration such as `15m`, `1h`, `1d` or `1w`; empty = `None`
/// (streaming or not known). At least a minute and at most a year (`model::MAX_REFRESH_MINUTES`).
pub fn parse_refresh(text: &str) -> Result<Option<u32>, String> {
    let hint = "enter how often new data arrives, such as 15m, 1h, 1d or 1w, or leave empty for streaming";
    if text.trim().is_empty() {
        return Ok(None);
    }
    let minutes = parse_minutes(text).map_err(|_| hint.to_string())?;
    if minutes == 0 || minutes > crate::model::MAX_REFRESH_MINUTES {
        return Err(hint.into());
    }
    Ok(Some(minutes))
}

/// Reads a detection delay in days (`14`, `2w`, `1m`); empty = `None` (on a stage: the
/// scenario's; on the scenario: found at once). At most `model::MAX_DETECTION_DELAY_DAYS`.
pub fn parse_detection_delay(text: &str) -> Result<Option<u32>, String> {
    let hint = "enter days such as 0, 14 or 2w, or leave empty";
    match parse_days(text) {
        Ok(days) if days.is_none_or(|d| d <= crate::model::MAX_DETECTION_DELAY_DAYS) => Ok(days),
        _ => Err(format!("{hint} (at most ten years)")),
    }
}

/// A read rate as the panel shows it: `0.5 TB/h`, or `200 GB/h` below a terabyte.
fn rate_text(tb_per_hour: f64) -> String {
    if tb_per_hour < 1.0 {
        format!("{} GB/h", Trimmed::<1>(tb_per_hour * 1000.0))
    } else {
        format!("{} TB/h", Trimmed::<3>(tb_per_hour))
    }
}

/// Reads a rate in TB per hour: `0.5`, `0.5 TB/h`, `200 GB/h`; empty = `None` (no limit).
pub fn parse_rate(text: &str) -> Result<Option<f64>, String> {
    let hint = "enter a rate such as 200 GB/h or 0.5 TB/h, or leave empty for no limit";
    let t = text.trim().to_ascii_lowercase();
    if t.is_empty() {
        return Ok(None);
    }
    let t = t.strip_suffix("/h").or_else(|| t.strip_suffix("/hour")).unwrap_or(&t).trim_end();
    let (number, scale) = if let Some(n) = t.strip_suffix("tb") {
        (n, 1.0)
    } else if let Some(n) = t.strip_suffix("gb") {
        (n, 0.001)
    } else {
        (t, 1.0)
    };
    let v = parse_decimal(number.trim()).ok_or_else(|| hint.to_string())? * scale;
    if v.is_finite() && v > 0.0 && v <= 1.0e6 {
        Ok(Some(v))
    } else {
        Err(hint.into())
    }
}

/// The text a field shows for the scenario or for `stage`.
pub fn field_text(scenario: &Scenario, stage: Option<&Stage>, field: &Field) -> String {
    let targets = stage.map_or(scenario.targets, |s| scenario.targets_of(s));
    match (stage, field) {
        (_, Field::Rpo(d)) => format_minutes(targets.get(*d).rpo_minutes),
        (_, Field::Rto(d)) => format_minutes(targets.get(*d).rto_minutes),
        (_, Field::RecentDays | Field::RecentRpo(_) | Field::RecentRto(_)) => {
            super::recent::text(scenario, stage, field)
        }
        (Some(s), Field::Label) => s.label.clone(),
        (Some(s), Field::Kind) => s.kind.key().into(),
        (Some(s), Field::Service) => s.service.clone().unwrap_or_default(),
        (Some(s), Field::Volume) => Size(s.volume_gb).to_string(),
        (Some(s), Field::DailyChange) => Size(s.daily_change_gb).to_string(),
        (Some(s), Field::Automated) => s.automated.to_string(),
        (Some(s), Field::ModifiedInPlace) => s.modified_in_place.to_string(),
        (Some(s), Field::Recreatable) => s.recreatable.to_string(),
        (Some(s), Field::CustomerManagedKeys) => s.customer_managed_keys.to_string(),
        (Some(s), Field::SeparateBackupAdmins) => s.separate_backup_admins.to_string(),
        (Some(s), Field::SourceRetention) => days_text(s.source_retention_days),
        (Some(s), Field::Load) => load_key(s.load).into(),
        (Some(s), Field::HotWindow) => days_text(s.hot_window_days),
        (Some(s), Field::Refresh) => s.refresh_minutes.map(format_minutes).unwrap_or_default(),
        (Some(s), Field::DetectionDelay) => days_text(s.detection_delay_days),
        (None, Field::DetectionDelay) => days_text(scenario.detection_delay_days),
        (Some(s), Field::ReadLimit) => s.read_limit_tb_per_hour.map(rate_text).unwrap_or_default(),
        (Some(s), Field::Vault) => super::vault::text(s),
        (_, Field::Name) => scenario.name.clone(),
        (_, Field::Primary) => scenario.regions.primary.clone(),
        (_, Field::Secondary) => scenario.regions.secondary.clone(),
        (_, Field::Span) => plural(u64::from(scenario.span_months), "month", "months"),
        (_, Field::Currency) => scenario.currency.clone(),
        (_, Field::DisastersPerYear) => Trimmed::<3>(scenario.disasters_per_year).to_string(),
        (_, Field::Incidents(d)) => scenario
            .incidents_per_year
            .map(|r| Trimmed::<3>(r.get_or(*d, scenario.disasters_per_year)).to_string())
            .unwrap_or_default(),
        (_, Field::AllowPreview) => scenario.allow_preview.to_string(),
        // Prices go to the hundredth of a cent and below (0.0036 per GB-month): six places.
        (_, Field::Override(key)) => {
            scenario.overrides.get(key).map(|v| Trimmed::<6>(*v).to_string()).unwrap_or_default()
        }
        (None, _) => String::new(),
    }
}

/// The file name of a load pattern, as the panel's list box uses it.
pub fn load_key(load: LoadPattern) -> &'static str {
    match load {
        LoadPattern::DailyFull => "daily_full",
        LoadPattern::PartitionedIncremental { .. } => "partitioned_incremental",
    }
}

fn parse_bool(text: &str) -> Result<bool, String> {
    match text.trim() {
        "true" | "on" | "yes" => Ok(true),
        "false" | "off" | "no" => Ok(false),
        _ => Err("choose yes or no".into()),
    }
}

fn parse_text(text: &str, what: &str) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        Err(format!("enter {what}"))
    } else if t.chars().count() > MAX_TEXT_CHARS {
        Err(format!("use at most {MAX_TEXT_CHARS} characters"))
    } else {
        Ok(t.to_string())
    }
}

fn parse_number(text: &str, max: f64, hint: &str) -> Result<f64, String> {
    let v = parse_decimal(text).ok_or_else(|| hint.to_string())?;
    if v.is_finite() && (0.0..=max).contains(&v) {
        Ok(v)
    } else {
        Err(hint.to_string())
    }
}

/// Applies `text` to `field` of the scenario or of its stage at `index`. `Ok(true)` if the
/// scenario changed, `Ok(false)` if the text means the current value; `Err` says what to type.
pub fn set_field(scenario: &mut Scenario, index: Option<usize>, field: &Field, text: &str) -> Result<bool, String> {
    let before = scenario.clone();
    match index {
        Some(i) => {
            let defaults = scenario.targets;
            let recent = scenario.recent;
            let Some(stage) = scenario.stages.get_mut(i) else { return Err("that stage no longer exists".into()) };
            if matches!(field, Field::RecentDays | Field::RecentRpo(_) | Field::RecentRto(_)) {
                let inherited = super::recent::Inherited { targets: stage.targets.unwrap_or(defaults), recent };
                super::recent::set(&mut stage.recent, inherited, field, text)?;
            } else {
                set_stage_field(stage, defaults, field, text)?;
            }
        }
        None => set_scenario_field(scenario, field, text)?,
    }
    Ok(*scenario != before)
}

/// Sets an RPO or RTO of `targets`. A ransomware target equal to the corruption one is none of
/// its own (what files without one mean): it follows the corruption target again.
fn set_target(targets: &mut Targets, field: &Field, text: &str) -> Result<(), String> {
    let minutes = parse_minutes(text).map_err(|e| e.0)?;
    match field {
        Field::Rpo(d) => targets.get_mut(*d).rpo_minutes = minutes,
        Field::Rto(d) => targets.get_mut(*d).rto_minutes = minutes,
        _ => {}
    }
    if targets.ransomware == Some(targets.data_corruption) {
        targets.ransomware = None;
    }
    Ok(())
}

fn set_stage_field(stage: &mut Stage, defaults: Targets, field: &Field, text: &str) -> Result<(), String> {
    match field {
        Field::Label => stage.label = parse_text(text, "a name for the stage")?,
        Field::Kind => {
            let kind = StageKind::from_key(text.trim()).ok_or("choose a kind from the list")?;
            stage.kind = kind;
            // A service that cannot run the new kind falls back to the kind's default; so does a
            // vault that does not take its copies.
            if stage.service.as_deref().and_then(Service::find).is_some_and(|s| !s.fits.contains(&kind)) {
                stage.service = None;
            }
            super::vault::drop_if_unfit(stage);
        }
        Field::Service => {
            let id = text.trim();
            if id.is_empty() {
                stage.service = None;
            } else {
                let service = Service::find(id).ok_or("choose a service from the list")?;
                if !service.fits.contains(&stage.kind) {
                    return Err(format!("{} does not run a {} stage", service.name, stage.kind.label().to_lowercase()));
                }
                stage.service = Some(id.to_string());
            }
            super::vault::drop_if_unfit(stage);
        }
        Field::Volume => stage.volume_gb = parse_gb(text)?,
        Field::DailyChange => stage.daily_change_gb = parse_gb(text)?,
        Field::Automated => stage.automated = parse_bool(text)?,
        Field::ModifiedInPlace => stage.modified_in_place = parse_bool(text)?,
        Field::Recreatable => stage.recreatable = parse_bool(text)?,
        Field::CustomerManagedKeys => stage.customer_managed_keys = parse_bool(text)?,
        Field::SeparateBackupAdmins => stage.separate_backup_admins = parse_bool(text)?,
        Field::SourceRetention => stage.source_retention_days = parse_days(text)?,
        Field::HotWindow => stage.hot_window_days = parse_days(text)?,
        Field::Refresh => stage.refresh_minutes = parse_refresh(text)?,
        Field::DetectionDelay => stage.detection_delay_days = parse_detection_delay(text)?,
        Field::ReadLimit => stage.read_limit_tb_per_hour = parse_rate(text)?,
        Field::Vault => super::vault::set(stage, text)?,
        Field::Load => {
            stage.load = match text.trim() {
                "daily_full" => LoadPattern::DailyFull,
                "partitioned_incremental" => match stage.load {
                    keep @ LoadPattern::PartitionedIncremental { .. } => keep,
                    LoadPattern::DailyFull => LoadPattern::default(),
                },
                _ => return Err("choose a load pattern from the list".into()),
            }
        }
        Field::Rpo(_) | Field::Rto(_) => {
            // The first own target starts from the scenario's.
            let mut targets = stage.targets.unwrap_or(defaults);
            set_target(&mut targets, field, text)?;
            if stage.targets.is_some() || targets != defaults {
                stage.targets = Some(targets);
            }
        }
        _ => return Err("not a stage field".into()),
    }
    Ok(())
}

fn set_scenario_field(scenario: &mut Scenario, field: &Field, text: &str) -> Result<(), String> {
    match field {
        Field::Name => scenario.name = parse_text(text, "a name for the scenario")?,
        Field::Primary => scenario.regions.primary = parse_text(text, "the primary region")?,
        Field::Secondary => scenario.regions.secondary = parse_text(text, "the secondary region")?,
        Field::Span => {
            let hint = "enter months from 1 to 600, such as 36 or 3y";
            let t = text.trim().to_ascii_lowercase();
            let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
            let (n, unit) = t.split_at(split);
            let n: u32 = n.parse().map_err(|_| hint.to_string())?;
            let months = match unit.trim() {
                "" | "m" | "mo" | "month" | "months" => Some(n),
                "y" | "yr" | "year" | "years" => n.checked_mul(12),
                _ => return Err(hint.into()),
            };
            scenario.span_months = months.filter(|m| (1..=600).contains(m)).ok_or(hint)?;
        }
        Field::Currency => {
            let code = text.trim().to_ascii_uppercase();
            if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
                return Err("enter a three-letter currency code such as USD or EUR".into());
            }
            scenario.currency = code;
        }
        Field::DisastersPerYear => {
            scenario.disasters_per_year = parse_number(text, 365.0, "enter a number such as 0.2 (one every 5 years)")?;
        }
        Field::Incidents(d) => {
            // One rate set starts both from the single rate; empty gives this type the single rate
            // back, and rates both equal to it are no rates of their own (what older files mean).
            let single = scenario.disasters_per_year;
            let rate = if text.trim().is_empty() {
                single
            } else {
                parse_number(text, 365.0, "enter a number such as 4 (a year), or leave empty")?
            };
            let none_of_their_own = IncidentRates { data_corruption: single, region_outage: single, ransomware: None };
            let mut rates = scenario.incidents_per_year.unwrap_or(none_of_their_own);
            *rates.get_mut(*d, single) = rate;
            if rates.ransomware == Some(single) {
                rates.ransomware = None;
            }
            scenario.incidents_per_year = (rates != none_of_their_own).then_some(rates);
        }
        Field::AllowPreview => scenario.allow_preview = parse_bool(text)?,
        Field::DetectionDelay => scenario.detection_delay_days = parse_detection_delay(text)?,
        Field::Rpo(_) | Field::Rto(_) => set_target(&mut scenario.targets, field, text)?,
        Field::RecentDays | Field::RecentRpo(_) | Field::RecentRto(_) => {
            let inherited = super::recent::Inherited { targets: scenario.targets, recent: None };
            super::recent::set(&mut scenario.recent, inherited, field, text)?;
        }
        Field::Override(key) => {
            if !PRICE_BOOK.iter().any(|e| e.key == key) {
                return Err(format!("\"{key}\" is not in the price book"));
            }
            if text.trim().is_empty() {
                scenario.overrides.remove(key);
            } else {
                let v = parse_number(text, f64::MAX, "enter a number of zero or more")?;
                scenario.overrides.insert(key.clone(), v);
            }
        }
        _ => return Err("not a scenario field".into()),
    }
    Ok(())
}

#[cfg(test)]
mod tests;
