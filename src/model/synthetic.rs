//! Synthetic scenarios of any size, for benchmarks and stress tests.

use super::{Flow, LoadPattern, Pos, Scenario, Stage, StageKind, Target, Targets};

/// A realistic platform of `n` stages: repeated pipelines (source → ingest → raw → enriched →
/// curated → presentation → model → cache → report, with scripts, configuration, modeled data
/// and an archive beside them), laid out on a grid, with mixed services, volumes and targets.
pub fn synthetic(n: usize) -> Scenario {
    const PIPELINE: [(StageKind, &str); 13] = [
        (StageKind::SystemOfRecord, "azure_sql_database"),
        (StageKind::Ingest, "azure_data_factory"),
        (StageKind::Raw, "adls_gen2"),
        (StageKind::Enriched, "adls_gen2"),
        (StageKind::Curated, "azure_blob_storage"),
        (StageKind::Presentation, "synapse_dedicated_sql_pool"),
        (StageKind::Model, "azure_analysis_services"),
        (StageKind::Cache, "generic_compute"),
        (StageKind::Report, "power_bi"),
        (StageKind::Scripts, "azure_databricks"),
        (StageKind::InfraConfig, "git_repository"),
        (StageKind::ModeledData, "generic_object_store"),
        (StageKind::Archive, "azure_blob_archive"),
    ];
    let mut scenario = Scenario { name: format!("Synthetic platform, {n} stages"), ..Scenario::default() };
    for i in 0..n {
        let (kind, service) = PIPELINE[i % PIPELINE.len()];
        let lane = i / PIPELINE.len();
        let mut s = Stage::new(format!("s{i}"), kind);
        s.label = format!("{} {}", kind.label(), lane + 1);
        s.service = Some(service.to_string());
        s.pos = Pos { x: 40.0 + 220.0 * (i % PIPELINE.len()) as f64, y: 40.0 + 140.0 * lane as f64 };
        if kind.holds_data() {
            s.volume_gb = 500.0 + (i * 7919 % 20_000) as f64;
            // Rounded to 0.1 GB, as a person types it.
            s.daily_change_gb = (s.volume_gb / (30.0 + (i % 11) as f64 * 10.0) * 10.0).round() / 10.0;
        }
        s.modified_in_place = i % 5 == 0;
        s.hot_window_days = (i % 3 == 0).then_some(7);
        s.source_retention_days = (i % 4 == 0).then_some(365);
        if kind == StageKind::Model && i % 2 == 0 {
            s.load = LoadPattern::DailyFull;
        }
        let rto = [60, 240, 480, 1440][i % 4];
        s.targets = Some(Targets {
            data_corruption: Target { rpo_minutes: 1440, rto_minutes: rto },
            region_outage: Target { rpo_minutes: [15, 60, 1440][i % 3], rto_minutes: rto * 2 },
            ransomware: None,
        });
        scenario.stages.push(s);
        // Each stage reads from the one before it in its lane; side stages feed modeled data.
        let pos_in_lane = i % PIPELINE.len();
        if pos_in_lane > 0 && pos_in_lane < 9 {
            scenario.flows.push(Flow { from: format!("s{}", i - 1), to: format!("s{i}") });
        } else if pos_in_lane >= 11 {
            scenario.flows.push(Flow { from: format!("s{}", i - pos_in_lane + 4), to: format!("s{i}") });
        }
    }
    scenario
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_scenarios_are_valid_at_every_size() {
        for n in [0, 1, 13, 14, 200, 1000] {
            let s = synthetic(n);
            assert_eq!(s.stages.len(), n);
            let errors: Vec<_> =
                s.validate().into_iter().filter(|d| d.severity == crate::model::Severity::Error).collect();
            assert!(errors.is_empty(), "{n}: {errors:?}");
        }
    }
}
