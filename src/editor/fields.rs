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
            Field::SourceRetention => "source-retention",
            Field::Load => "load",
            Field::HotWindow => "hot-window",
            Field::Refresh => "refresh",
            Field::DetectionDelay => "detection-delay",
            Field::ReadLimit => "read-limit",
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
            Field::SourceRetention => "source retention".into(),
            Field::Load => "load pattern".into(),
            Field::HotWindow => "hot window".into(),
            Field::Refresh => "refresh interval".into(),
            Field::DetectionDelay => "detection delay".into(),
            Field::ReadLimit => "read limit".into(),
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
        (Some(s), Field::SourceRetention) => days_text(s.source_retention_days),
        (Some(s), Field::Load) => load_key(s.load).into(),
        (Some(s), Field::HotWindow) => days_text(s.hot_window_days),
        (Some(s), Field::Refresh) => s.refresh_minutes.map(format_minutes).unwrap_or_default(),
        (Some(s), Field::DetectionDelay) => days_text(s.detection_delay_days),
        (None, Field::DetectionDelay) => days_text(scenario.detection_delay_days),
        (Some(s), Field::ReadLimit) => s.read_limit_tb_per_hour.map(rate_text).unwrap_or_default(),
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

fn set_target(targets: &mut Targets, field: &Field, text: &str) -> Result<(), String> {
    let minutes = parse_minutes(text).map_err(|e| e.0)?;
    match field {
        Field::Rpo(d) => targets.get_mut(*d).rpo_minutes = minutes,
        Field::Rto(d) => targets.get_mut(*d).rto_minutes = minutes,
        _ => {}
    }
    Ok(())
}

fn set_stage_field(stage: &mut Stage, defaults: Targets, field: &Field, text: &str) -> Result<(), String> {
    match field {
        Field::Label => stage.label = parse_text(text, "a name for the stage")?,
        Field::Kind => {
            let kind = StageKind::from_key(text.trim()).ok_or("choose a kind from the list")?;
            stage.kind = kind;
            // A service that cannot run the new kind falls back to the kind's default.
            if stage.service.as_deref().and_then(Service::find).is_some_and(|s| !s.fits.contains(&kind)) {
                stage.service = None;
            }
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
        }
        Field::Volume => stage.volume_gb = parse_gb(text)?,
        Field::DailyChange => stage.daily_change_gb = parse_gb(text)?,
        Field::Automated => stage.automated = parse_bool(text)?,
        Field::ModifiedInPlace => stage.modified_in_place = parse_bool(text)?,
        Field::Recreatable => stage.recreatable = parse_bool(text)?,
        Field::SourceRetention => stage.source_retention_days = parse_days(text)?,
        Field::HotWindow => stage.hot_window_days = parse_days(text)?,
        Field::Refresh => stage.refresh_minutes = parse_refresh(text)?,
        Field::DetectionDelay => stage.detection_delay_days = parse_detection_delay(text)?,
        Field::ReadLimit => stage.read_limit_tb_per_hour = parse_rate(text)?,
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
mod tests {
    use super::*;

    fn lake() -> Scenario {
        let mut s = Scenario::default();
        s.stages.push(Stage::new("raw", StageKind::Raw));
        s
    }

    #[test]
    fn sizes_show_as_everywhere_else() {
        let mut s = lake();
        for (gb, shown) in
            [(1500.0, "1.5 TB"), (500.0, "500 GB"), (0.0, "0 GB"), (2_500_000.0, "2.5 PB"), (10.123_456, "10 GB")]
        {
            s.stages[0].volume_gb = gb;
            assert_eq!(field_text(&s, s.stages.first(), &Field::Volume), shown, "{gb}");
        }
        // The panel shows the figure rounded; typing what it shows sets the figure to that.
        assert_eq!(set_field(&mut s, Some(0), &Field::Volume, "10 GB"), Ok(true), "10.123456 → 10");
        assert_eq!(set_field(&mut s, Some(0), &Field::Volume, "10 GB"), Ok(false));
        assert!(set_field(&mut s, Some(0), &Field::Volume, "lots").expect_err("refused").contains("500 GB or 2 TB"));
    }

    #[test]
    fn read_limits_read_and_show() {
        let mut s = Scenario::default();
        s.stages.push(Stage::new("erp", StageKind::SystemOfRecord));
        for (typed, value, shown) in [
            ("0.5", Some(0.5), "500 GB/h"),
            ("200 GB/h", Some(0.2), "200 GB/h"),
            ("2 TB/h", Some(2.0), "2 TB/h"),
            ("1.25tb", Some(1.25), "1.25 TB/h"),
            ("", None, ""),
        ] {
            assert_eq!(set_field(&mut s, Some(0), &Field::ReadLimit, typed).map(|_| ()), Ok(()), "{typed}");
            assert_eq!(s.stages[0].read_limit_tb_per_hour, value, "{typed}");
            assert_eq!(field_text(&s, s.stages.first(), &Field::ReadLimit), shown, "{typed}");
        }
        for bad in ["0", "-1 TB/h", "fast", "5 PB/h"] {
            assert!(parse_rate(bad).expect_err(bad).contains("200 GB/h"), "{bad}");
        }
    }

    #[test]
    fn days_read_and_show() {
        assert_eq!(parse_days(""), Ok(None));
        assert_eq!(parse_days("90"), Ok(Some(90)));
        assert_eq!(parse_days("12w"), Ok(Some(84)));
        assert_eq!(parse_days("1 year"), Ok(Some(365)));
        assert!(parse_days("soon").is_err());
        assert!(parse_days("500y").expect_err("refused").contains("too long"));
        assert_eq!(days_text(Some(365)), "365 days");
        assert_eq!(days_text(Some(1)), "1 day");
        assert_eq!(days_text(None), "");
    }

    #[test]
    fn stage_fields_round_trip_through_their_text() {
        let mut s = lake();
        let edits: [(Field, &str, &str); 11] = [
            (Field::Label, " Landing ", "Landing"),
            (Field::Volume, "2 TB", "2 TB"),
            (Field::DailyChange, "20", "20 GB"),
            (Field::Automated, "false", "false"),
            (Field::ModifiedInPlace, "true", "true"),
            (Field::SourceRetention, "1y", "365 days"),
            (Field::HotWindow, "7", "7 days"),
            (Field::Refresh, "24h", "1d"),
            (Field::Load, "daily_full", "daily_full"),
            (Field::Rto(Disruption::RegionOutage), "240m", "4h"),
            (Field::Service, "adls_gen2", "adls_gen2"),
        ];
        for (field, typed, shown) in edits {
            assert_eq!(set_field(&mut s, Some(0), &field, typed), Ok(true), "{field:?}");
            assert_eq!(field_text(&s, s.stages.first(), &field), shown, "{field:?}");
            assert_eq!(set_field(&mut s, Some(0), &field, shown), Ok(false), "{field:?} unchanged");
        }
        let stage = &s.stages[0];
        assert_eq!(stage.volume_gb, 2000.0);
        assert_eq!(stage.source_retention_days, Some(365));
        assert_eq!(stage.load, LoadPattern::DailyFull);
        assert_eq!(stage.refresh_minutes, Some(1440));
    }

    #[test]
    fn detection_delays_round_trip_on_the_scenario_and_on_a_stage() {
        let mut s = lake();
        let delay = Field::DetectionDelay;
        assert_eq!(field_text(&s, None, &delay), "", "not set: found at once");
        assert_eq!(field_text(&s, s.stages.first(), &delay), "", "not set: the scenario's");
        assert_eq!(set_field(&mut s, None, &delay, "2w"), Ok(true));
        assert_eq!(s.detection_delay_days, Some(14));
        assert_eq!(field_text(&s, None, &delay), "14 days");
        assert_eq!(field_text(&s, s.stages.first(), &delay), "", "the stage still inherits");
        assert_eq!(set_field(&mut s, Some(0), &delay, "0"), Ok(true));
        assert_eq!(s.stages[0].detection_delay_days, Some(0), "a stage may say found at once");
        assert_eq!(field_text(&s, s.stages.first(), &delay), "0 days");
        assert_eq!(set_field(&mut s, Some(0), &delay, "45 days"), Ok(true));
        assert_eq!(field_text(&s, s.stages.first(), &delay), "45 days");
        assert_eq!(set_field(&mut s, Some(0), &delay, "45"), Ok(false), "the same value");
        for bad in ["soon", "11y", "-3"] {
            assert!(set_field(&mut s, None, &delay, bad).expect_err("refused").contains("at most ten years"), "{bad}");
        }
        assert_eq!(set_field(&mut s, Some(0), &delay, " "), Ok(true));
        assert_eq!(set_field(&mut s, None, &delay, ""), Ok(true));
        assert_eq!(s, lake(), "empty clears both");
    }

    #[test]
    fn refresh_intervals_read_show_and_clear() {
        let mut s = lake();
        let refresh = Field::Refresh;
        assert_eq!(field_text(&s, s.stages.first(), &refresh), "", "not set: streaming or not known");
        for (typed, minutes, shown) in
            [("15m", 15, "15m"), ("1h", 60, "1h"), ("60", 60, "1h"), ("1d", 1440, "1d"), ("1w", 10080, "7d")]
        {
            assert_eq!(parse_refresh(typed), Ok(Some(minutes)), "{typed}");
            set_field(&mut s, Some(0), &refresh, typed).expect("accepted");
            assert_eq!(field_text(&s, s.stages.first(), &refresh), shown, "{typed}");
        }
        for (preset, _) in REFRESH_PRESETS {
            let read = parse_refresh(preset).expect("a preset reads");
            assert_eq!(read.map(format_minutes).unwrap_or_default(), preset, "a preset shows as itself");
        }
        assert_eq!(set_field(&mut s, Some(0), &refresh, " "), Ok(true));
        assert_eq!(s.stages[0].refresh_minutes, None, "empty clears it");
        for bad in ["0", "0m", "soon", "2y"] {
            assert!(set_field(&mut s, Some(0), &refresh, bad).expect_err("refused").contains("15m, 1h, 1d"), "{bad}");
        }
        assert_eq!(s, lake(), "refused text changes nothing");
    }

    #[test]
    fn the_first_own_target_starts_from_the_scenario_s() {
        let mut s = lake();
        assert_eq!(field_text(&s, s.stages.first(), &Field::Rto(Disruption::DataCorruption)), "1d");
        // Typing the inherited value changes nothing and keeps inheriting.
        assert_eq!(set_field(&mut s, Some(0), &Field::Rto(Disruption::DataCorruption), "24h"), Ok(false));
        assert_eq!(s.stages[0].targets, None);
        assert_eq!(set_field(&mut s, Some(0), &Field::Rto(Disruption::DataCorruption), "4h"), Ok(true));
        let own = s.stages[0].targets.expect("own targets");
        assert_eq!(own.data_corruption.rto_minutes, 240);
        assert_eq!(own.region_outage, Scenario::default().targets.region_outage, "the rest copied");
    }

    #[test]
    fn bad_text_says_what_to_type() {
        let mut s = lake();
        let err = |s: &mut Scenario, i, f: Field, t| set_field(s, i, &f, t).expect_err("refused");
        assert!(err(&mut s, Some(0), Field::Rto(Disruption::RegionOutage), "soon").contains("not a duration"));
        assert!(err(&mut s, Some(0), Field::Rpo(Disruption::RegionOutage), "").contains("15m, 4h or 2d"));
        assert!(err(&mut s, Some(0), Field::Label, "  ").contains("enter a name"));
        assert!(err(&mut s, Some(0), Field::Service, "power_bi").contains("does not run a raw zone stage"));
        assert!(err(&mut s, None, Field::Span, "0").contains("1 to 600"));
        assert!(err(&mut s, None, Field::Currency, "dollars").contains("three-letter"));
        assert!(err(&mut s, None, Field::Override("nope".into()), "1").contains("not in the price book"));
        assert!(err(&mut s, None, Field::DisastersPerYear, "-1").contains("0.2"));
        assert_eq!(s, lake(), "nothing changed");
    }

    #[test]
    fn scenario_fields_and_overrides() {
        let mut s = lake();
        assert_eq!(set_field(&mut s, None, &Field::Span, "3y"), Ok(false), "3 years is the default 36 months");
        assert_eq!(set_field(&mut s, None, &Field::Span, "2y"), Ok(true));
        assert_eq!(s.span_months, 24);
        assert_eq!(field_text(&s, None, &Field::Span), "24 months");
        assert_eq!(set_field(&mut s, None, &Field::Currency, "eur"), Ok(true));
        assert_eq!(s.currency, "EUR");
        assert_eq!(set_field(&mut s, None, &Field::Primary, "eastus"), Ok(true));
        assert_eq!(set_field(&mut s, None, &Field::Rpo(Disruption::DataCorruption), "15m"), Ok(true));
        assert_eq!(s.targets.data_corruption.rpo_minutes, 15);
        let key = PRICE_BOOK[0].key.to_string();
        assert_eq!(set_field(&mut s, None, &Field::Override(key.clone()), "0.05"), Ok(true));
        assert_eq!(s.overrides.get(&key), Some(&0.05));
        assert_eq!(field_text(&s, None, &Field::Override(key.clone())), "0.05");
        assert_eq!(set_field(&mut s, None, &Field::Override(key.clone()), ""), Ok(true));
        assert!(s.overrides.is_empty());
    }

    #[test]
    fn incident_rates_per_type_start_from_the_single_rate_and_fall_back_to_it() {
        let mut s = lake();
        s.disasters_per_year = 0.5;
        let corruption = Field::Incidents(Disruption::DataCorruption);
        let outage = Field::Incidents(Disruption::RegionOutage);
        assert_eq!(field_text(&s, None, &corruption), "", "no rates of their own: the single rate applies");
        assert_eq!(set_field(&mut s, None, &corruption, "4"), Ok(true));
        assert_eq!(
            s.incidents_per_year,
            Some(IncidentRates { data_corruption: 4.0, region_outage: 0.5, ransomware: None })
        );
        assert_eq!(field_text(&s, None, &corruption), "4");
        assert_eq!(field_text(&s, None, &outage), "0.5", "the other type keeps the single rate, now shown");
        assert_eq!(set_field(&mut s, None, &outage, "0.05"), Ok(true));
        assert_eq!(
            s.incidents_per_year,
            Some(IncidentRates { data_corruption: 4.0, region_outage: 0.05, ransomware: None })
        );
        assert!(set_field(&mut s, None, &outage, "-1").expect_err("refused").contains("leave empty"));
        assert!(set_field(&mut s, None, &outage, "400").is_err(), "more than one a day");
        // Emptying both gives the single rate back to both: no rates of their own, as before.
        assert_eq!(set_field(&mut s, None, &corruption, ""), Ok(true));
        assert_eq!(set_field(&mut s, None, &outage, " "), Ok(true));
        assert_eq!(s.incidents_per_year, None);
        assert_eq!(field_text(&s, None, &outage), "");
    }

    #[test]
    fn previews_are_allowed_from_the_panel() {
        let mut s = lake();
        assert_eq!(field_text(&s, None, &Field::AllowPreview), "false");
        assert_eq!(set_field(&mut s, None, &Field::AllowPreview, "true"), Ok(true));
        assert!(s.allow_preview);
        assert_eq!(set_field(&mut s, None, &Field::AllowPreview, "true"), Ok(false));
        assert!(set_field(&mut s, None, &Field::AllowPreview, "maybe").is_err());
        assert!(set_field(&mut s, Some(0), &Field::AllowPreview, "true").is_err(), "not a stage field");
    }

    #[test]
    fn changing_the_kind_drops_a_service_that_cannot_run_it() {
        let mut s = lake();
        s.stages[0].service = Some("adls_gen2".into());
        assert_eq!(set_field(&mut s, Some(0), &Field::Kind, "report"), Ok(true));
        assert_eq!(s.stages[0].kind, StageKind::Report);
        assert_eq!(s.stages[0].service, None);
        assert!(set_field(&mut s, Some(0), &Field::Kind, "lake").is_err());
    }
}
