//! The properties panel's fields: each shown as people write it, read back, refused with a
//! message that says what to type.

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

/// A ransomware target follows the corruption one (none of its own, as in files without it)
/// until it is set apart from it, and follows it again once set back to it.
#[test]
fn a_ransomware_target_follows_the_corruption_one_until_set_apart() {
    use crate::model::Target;
    let mut s = lake();
    let rto = Field::Rto(Disruption::Ransomware);
    assert_eq!(field_text(&s, None, &rto), "1d", "the corruption target");
    assert_eq!(set_field(&mut s, None, &rto, "24h"), Ok(false), "the same: still none of its own");
    assert_eq!(set_field(&mut s, None, &rto, "3d"), Ok(true));
    assert_eq!(s.targets.ransomware, Some(Target { rpo_minutes: 1440, rto_minutes: 4320 }));
    assert_eq!(set_field(&mut s, None, &Field::Rto(Disruption::DataCorruption), "4h"), Ok(true));
    assert_eq!(field_text(&s, None, &rto), "3d", "set apart: its own");
    // A stage's first own target starts from the scenario's, the ransomware one included.
    assert_eq!(set_field(&mut s, Some(0), &Field::Rpo(Disruption::Ransomware), "1h"), Ok(true));
    let own = s.stages[0].targets.expect("own targets");
    assert_eq!(own.ransomware, Some(Target { rpo_minutes: 60, rto_minutes: 4320 }));
    assert_eq!(field_text(&s, s.stages.first(), &rto), "3d");
    assert_eq!(set_field(&mut s, None, &rto, "4h"), Ok(true));
    assert_eq!(s.targets.ransomware, None, "back to the corruption target: follows it again");
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
