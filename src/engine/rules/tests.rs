//! One case per row of the guides' rules table, in `check(scenario, expect)` form: the plan for
//! the case's stage must come from that row, choose what the guide says, and say so. Each row's
//! quote must be the guide's own words.

use super::{ids, RULES};
use crate::engine::tests::{assert_rec, stage, targets, Backup};
use crate::engine::{plan, Plan, Recommendation, WarningCode};
use crate::model::{BackupMethod as B, Disruption, DrStrategy as D, LoadPattern, Scenario, Stage, StageKind as K};

const CORRUPTION: Disruption = Disruption::DataCorruption;
const OUTAGE: Disruption = Disruption::RegionOutage;
const RANSOMWARE: Disruption = Disruption::Ransomware;

fn on(service: &str) -> Option<String> {
    Some(service.to_string())
}

/// What a case expects of the plan for its stage.
struct Expect {
    rule: &'static str,
    backup: Backup,
    strategies: &'static [D],
    words: &'static [&'static str],
}

struct Case {
    stage: Stage,
    disruption: Disruption,
    expect: Expect,
}

fn recommendation(p: &Plan, disruption: Disruption) -> &Recommendation {
    let Some(rec) = p.stage("s").and_then(|s| s.recommendation(disruption)) else {
        panic!("no recommendation for s; diagnostics {:?}", p.diagnostics)
    };
    rec
}

/// Plans `scenario` and checks the recommendation for stage `s` after `disruption`: it comes
/// from the expected rule and plans what the guide says.
fn check(scenario: &Scenario, disruption: Disruption, expect: &Expect) {
    let p = plan(scenario);
    let rec = recommendation(&p, disruption);
    assert_eq!(rec.rule, expect.rule, "rule; reason: {}", rec.reason);
    assert_rec(expect.rule, rec, &expect.backup, expect.strategies, expect.words);
}

fn alone(s: Stage) -> Scenario {
    Scenario { stages: vec![s], ..Scenario::default() }
}

const REPLICAS: &[D] = &[D::GeoReplicatedStorage, D::PilotLight, D::WarmStandby, D::HotStandby, D::ActiveActive];
const COPIES_OFFSITE: &[D] =
    &[D::BackupRestore, D::GeoReplicatedStorage, D::PilotLight, D::WarmStandby, D::HotStandby, D::ActiveActive];
/// What a row that allows rebuilding may plan after an outage: waiting for the provider too,
/// which the default two-day RTO allows.
const ANY_DATA_DR: &[D] = &[
    D::WaitForProvider,
    D::Reprocess,
    D::BackupRestore,
    D::GeoReplicatedStorage,
    D::PilotLight,
    D::WarmStandby,
    D::HotStandby,
    D::ActiveActive,
];

/// Every case, one (at least) per row of the table.
fn cases() -> Vec<Case> {
    let case = |stage: Stage, disruption, rule, backup, strategies, words| Case {
        stage,
        disruption,
        expect: Expect { rule, backup, strategies, words },
    };
    let manual_enriched = stage(K::Enriched, |s| {
        s.automated = false;
        s.recreatable = true;
    });
    let manual_curated = stage(K::Curated, |s| {
        s.automated = false;
        s.recreatable = true;
    });
    vec![
        // "Scripted creation – Git versioning … Data lives on lake"
        case(
            stage(K::Ingest, |s| s.service = on("azure_databricks")),
            CORRUPTION,
            "stateless_compute",
            Backup::Is(B::Git),
            &[D::Redeploy],
            &["Stateless compute", "redeployed"],
        ),
        // "These data sources … should already have backups in place."
        case(
            stage(K::SystemOfRecord, |s| s.targets = targets((15, 240), (60, 480))),
            CORRUPTION,
            "system_of_record",
            Backup::Is(B::ServiceNative),
            &[D::None],
            &["owner's recovery point", "back in 4h with data up to 15m old"],
        ),
        // "The scripts and configuration for this component should be backed up"
        case(
            stage(K::Ingest, |s| s.service = on("azure_data_factory")),
            CORRUPTION,
            "ingest.corruption",
            Backup::Is(B::Git),
            &[D::Redeploy],
            &["holds no data"],
        ),
        // "it is often simpler to redeploy and configure in DR"
        case(
            stage(K::Ingest, |s| s.service = on("azure_data_factory")),
            OUTAGE,
            "ingest.outage",
            Backup::Is(B::Git),
            &[D::Redeploy],
            &["integration runtime"],
        ),
        // "the raw data store would generally be both backed up" — re-ingesting is cheaper here,
        // and the reason says that backups were the guide's first choice.
        case(
            stage(K::Raw, |s| s.recreatable = true),
            CORRUPTION,
            "raw.recreatable",
            Backup::Is(B::None),
            &[D::Reprocess],
            &["loads the systems of record", "The guide's first choice here is backups"],
        ),
        // "without adversely impacting systems of record"
        case(
            stage(K::Raw, |s| s.recreatable = true),
            OUTAGE,
            "raw.recreatable.outage",
            Backup::Is(B::None),
            ANY_DATA_DR,
            &["without adverse impact"],
        ),
        case(stage(K::Raw, |_| {}), CORRUPTION, "raw", Backup::KeepsCopy, &[D::BackupRestore], &["verbatim"]),
        case(stage(K::Raw, |_| {}), OUTAGE, "raw.outage", Backup::Is(B::None), COPIES_OFFSITE, &["sets up DR"]),
        // "no data loss is acceptable and so syncronous replication is necessary": dual ingest.
        case(
            stage(K::Raw, |s| s.targets = targets((1440, 1440), (0, 60))),
            OUTAGE,
            "raw.outage",
            Backup::Is(B::None),
            &[D::DualIngest],
            &["sets up DR", "syncronous replication", "written into northeurope too"],
        ),
        // "re-point any data sources to the new location": readers of a read-access account
        // switch to its secondary without waiting for the failover.
        case(
            stage(K::Raw, |s| {
                s.service = on("azure_blob_storage");
                s.targets = targets((1440, 1440), (1440, 30));
            }),
            OUTAGE,
            "raw.outage",
            Backup::Is(B::None),
            &[D::ReadAccessGeo],
            &["readers switch to the secondary", "writes resume once the account fails over"],
        ),
        // Fix a: a recreatable, hand-touched enriched zone keeps recovery points of its own.
        case(
            manual_enriched.clone(),
            CORRUPTION,
            "enriched.manual",
            Backup::KeepsCopy,
            &[D::BackupRestore],
            &["not fully automated", "recovery points of its own"],
        ),
        case(
            manual_enriched,
            OUTAGE,
            "enriched.manual.outage",
            Backup::Is(B::None),
            COPIES_OFFSITE,
            &["cannot be recreated by re-running"],
        ),
        case(
            manual_curated.clone(),
            CORRUPTION,
            "curated.manual",
            Backup::KeepsCopy,
            &[D::BackupRestore],
            &["not fully automated", "recovery points of its own"],
        ),
        case(
            manual_curated,
            OUTAGE,
            "curated.manual.outage",
            Backup::Is(B::None),
            COPIES_OFFSITE,
            &["cannot be recreated by reprocessing"],
        ),
        // "the process is at fault and so that is what needs to be fixed and re-run"
        case(
            stage(K::Enriched, |s| s.recreatable = true),
            CORRUPTION,
            "enriched.automated",
            Backup::Is(B::None),
            &[D::Reprocess],
            &["fix it and re-run it", "achieves very little"],
        ),
        // "It would be rare for it to be cheaper to recreate this data"
        case(
            stage(K::Enriched, |s| {
                s.recreatable = true;
                s.targets = targets((1440, 1440), (1440, 480));
            }),
            OUTAGE,
            "enriched.automated.outage",
            Backup::Is(B::None),
            ANY_DATA_DR,
            &["rarely dearer"],
        ),
        // "balance the speed and complexity of a failover with the speed and efficiency of the
        // cloud provider recovering": with two days to come back, it waits for the provider.
        case(
            stage(K::Enriched, |s| s.recreatable = true),
            OUTAGE,
            "enriched.automated.outage",
            Backup::Is(B::None),
            &[D::WaitForProvider],
            &["rarely dearer", "efficiency of the cloud provider recovering", "a DR architect should sign"],
        ),
        case(
            stage(K::Enriched, |_| {}),
            CORRUPTION,
            "enriched.kept",
            Backup::KeepsCopy,
            &[D::BackupRestore],
            &["not marked recreatable"],
        ),
        case(
            stage(K::Enriched, |_| {}),
            OUTAGE,
            "enriched.kept.outage",
            Backup::Is(B::None),
            COPIES_OFFSITE,
            &["cannot be recreated from upstream"],
        ),
        // "processes that modify files and so backup could be a requirement to allow rollback"
        case(
            stage(K::Curated, |s| {
                s.modified_in_place = true;
                s.recreatable = true;
            }),
            CORRUPTION,
            "curated.in_place",
            Backup::KeepsCopy,
            &[D::BackupRestore],
            &["rolling back"],
        ),
        // "Where new files are created, re-processing would be less"
        case(
            stage(K::Curated, |s| s.recreatable = true),
            CORRUPTION,
            "curated.new_files",
            Backup::Is(B::None),
            &[D::Reprocess],
            &["damaged partition"],
        ),
        case(
            stage(K::Curated, |_| {}),
            CORRUPTION,
            "curated.kept",
            Backup::KeepsCopy,
            &[D::BackupRestore],
            &["not marked recreatable"],
        ),
        case(
            stage(K::Curated, |s| s.recreatable = true),
            OUTAGE,
            "curated.outage",
            Backup::Is(B::None),
            ANY_DATA_DR,
            &["partitioning limits"],
        ),
        case(
            stage(K::Curated, |_| {}),
            OUTAGE,
            "curated.kept.outage",
            Backup::Is(B::None),
            COPIES_OFFSITE,
            &["only way back"],
        ),
        // Fix d: "you choose not to back it up at all": a reload of the day's full set is offered.
        case(
            stage(K::Presentation, |s| s.load = LoadPattern::DailyFull),
            CORRUPTION,
            "presentation.daily_full",
            Backup::Is(B::None),
            &[D::Reprocess],
            &[
                "choose not to back the warehouse up",
                "reloading the dated full set",
                "The guide's first choice here is backups",
            ],
        ),
        case(
            stage(K::Presentation, |s| s.load = LoadPattern::DailyFull),
            OUTAGE,
            "presentation.daily_full.outage",
            Backup::Is(B::None),
            ANY_DATA_DR,
            &["reload of the day's full set"],
        ),
        // "Here we would certainly wish to store backups": never reprocessing, even when recreatable.
        case(
            stage(K::Presentation, |s| s.recreatable = true),
            CORRUPTION,
            "presentation",
            Backup::KeepsCopy,
            &[D::BackupRestore],
            &["certainly keep backups"],
        ),
        case(
            stage(K::Presentation, |s| s.recreatable = true),
            OUTAGE,
            "presentation.outage",
            Backup::KeepsCopy,
            COPIES_OFFSITE,
            &["replicated copy for DR"],
        ),
        case(
            stage(K::Scripts, |_| {}),
            OUTAGE,
            "scripts",
            Backup::Is(B::Git),
            &[D::Redeploy],
            &["every commit is a snapshot", "clone the repository"],
        ),
        // "that system may provide for point in time recoveries for the data natively"
        case(
            stage(K::ModeledData, |s| s.service = on("azure_sql_database")),
            CORRUPTION,
            "modeled_data.semantic_layer",
            Backup::Is(B::PointInTime),
            &[D::BackupRestore],
            &["semantic layer"],
        ),
        // Fix e: dated complete sets on the lake, and the reason says so.
        case(
            stage(K::ModeledData, |s| {
                s.service = on("adls_gen2");
                s.recreatable = true;
            }),
            CORRUPTION,
            "modeled_data",
            Backup::Is(B::FullCopies),
            &[D::BackupRestore],
            &["new complete data set per update", "dated full copies"],
        ),
        case(
            stage(K::ModeledData, |s| s.recreatable = true),
            OUTAGE,
            "modeled_data.outage",
            Backup::Is(B::None),
            ANY_DATA_DR,
            &["feeds consumption directly"],
        ),
        case(
            stage(K::InfraConfig, |_| {}),
            CORRUPTION,
            "infra_config",
            Backup::Is(B::Git),
            &[D::Redeploy],
            &["deployment scripts", "recreated"],
        ),
        // Fix b: on a service that offers point-in-time restore, a daily full model is still
        // reloaded — even when the reload misses the RTO (today's code chose point-in-time).
        case(
            stage(K::Model, |s| {
                s.load = LoadPattern::DailyFull;
                s.service = on("generic_database");
                s.targets = targets((1440, 60), (1440, 2880));
            }),
            CORRUPTION,
            "model.daily_full",
            Backup::Is(B::None),
            &[D::Reprocess],
            &["no backup or replica of its own", "reloading the dated full set"],
        ),
        // "a comparison of the load time with the RTO": a standby only when the load is longer.
        // (200 GB load in 4 h 30 min, within an 8-hour RTO that waiting for the provider misses.)
        case(
            stage(K::Model, |s| {
                s.load = LoadPattern::DailyFull;
                s.service = on("azure_analysis_services");
                s.volume_gb = 200.0;
                s.targets = targets((1440, 1440), (1440, 480));
            }),
            OUTAGE,
            "model.daily_full.outage",
            Backup::Is(B::None),
            &[D::Reprocess],
            &["reload them in the paired region"],
        ),
        case(
            stage(K::Model, |s| {
                s.load = LoadPattern::DailyFull;
                s.service = on("azure_analysis_services");
                s.targets = targets((1440, 1440), (1440, 60));
            }),
            OUTAGE,
            "model.daily_full.outage",
            Backup::Is(B::None),
            REPLICAS,
            &["loaded standby", "The guide's first choice here is reload a dated full set"],
        ),
        // Fix c: an in-solution backup to roll back a failed load.
        case(
            stage(K::Model, |s| {
                s.service = on("azure_analysis_services");
                s.recreatable = true;
            }),
            CORRUPTION,
            "model.incremental",
            Backup::KeepsCopy,
            &[D::BackupRestore],
            &["roll back a failed load", "back up the incremental data"],
        ),
        case(
            stage(K::Model, |s| {
                s.service = on("azure_analysis_services");
                s.recreatable = true;
            }),
            OUTAGE,
            "model.incremental.outage",
            Backup::Is(B::None),
            ANY_DATA_DR,
            &["replicate the lake"],
        ),
        case(
            stage(K::Cache, |s| {
                s.service = on("power_bi");
                s.volume_gb = 40.0;
            }),
            CORRUPTION,
            "cache",
            Backup::Is(B::Git),
            &[D::Redeploy],
            &["reloaded from the model", "reload 40 GB"],
        ),
        // Fix f: a backup of the cached data only when a reload is too slow for the RTO.
        case(
            stage(K::Cache, |s| {
                s.service = on("power_bi");
                s.volume_gb = 500.0;
                s.targets = targets((1440, 120), (1440, 2880));
            }),
            CORRUPTION,
            "cache",
            Backup::Is(B::ServiceNative),
            &[D::BackupRestore],
            &["too slow for the RTO", "The guide's first choice here is redeploy from git"],
        ),
        case(
            stage(K::Cache, |s| {
                s.service = on("power_bi");
                s.volume_gb = 40.0;
            }),
            OUTAGE,
            "cache.outage",
            Backup::Is(B::Git),
            &[D::Redeploy],
            &["redeployed in the paired region"],
        ),
        case(
            stage(K::Report, |s| s.service = on("power_bi")),
            OUTAGE,
            "report",
            Backup::Is(B::Git),
            &[D::Redeploy],
            &["re-point"],
        ),
        // "Treat the archive data as a system in its own right": never reprocessing.
        case(
            stage(K::Archive, |s| s.recreatable = true),
            CORRUPTION,
            "archive",
            Backup::KeepsCopy,
            &[D::BackupRestore],
            &["system in its own right"],
        ),
        case(
            stage(K::Archive, |s| s.recreatable = true),
            OUTAGE,
            "archive.outage",
            Backup::Is(B::None),
            &[D::GeoReplicatedStorage],
            &["replica"],
        ),
        // Ransomware. "at least one copy is blocked from deletion": code from a protected mirror.
        case(
            stage(K::Ingest, |s| s.service = on("azure_databricks")),
            RANSOMWARE,
            "ransomware.stateless_compute",
            Backup::Is(B::Git),
            &[D::Redeploy],
            &[
                "Stateless compute is code",
                "from a protected git mirror (in another tenant, deletion blocked)",
                "that includes 8h",
            ],
        ),
        // "should already have backups in place" — and out of the platform's reach.
        case(
            stage(K::SystemOfRecord, |s| s.targets = targets((15, 240), (60, 480))),
            RANSOMWARE,
            "ransomware.system_of_record",
            Backup::Is(B::ServiceNative),
            &[D::None],
            &["out of reach of this platform's credentials", "back in 4h with data up to 15m old"],
        ),
        case(
            stage(K::InfraConfig, |_| {}),
            RANSOMWARE,
            "ransomware.code",
            Backup::Is(B::Git),
            &[D::Redeploy],
            &["blocked from deletion", "protected git mirror"],
        ),
        // "a recovery would be as simple as reloading from a given set of files"
        case(
            stage(K::Model, |s| {
                s.service = on("azure_analysis_services");
                s.load = LoadPattern::DailyFull;
                s.volume_gb = 100.0;
            }),
            RANSOMWARE,
            "ransomware.daily_full",
            Backup::Is(B::None),
            &[D::Reprocess],
            &["reloaded into a clean environment", "reprocess by reloading the dated full set"],
        ),
        // "can potentially be recreated rather than restored"
        case(
            stage(K::Enriched, |s| s.recreatable = true),
            RANSOMWARE,
            "ransomware.rebuilt",
            Backup::Is(B::None),
            &[D::Reprocess],
            &["rebuilt in a clean environment", "reprocess all 2 TB"],
        ),
        // Re-ingesting is cheaper here; the reason says backups were the guide's first choice.
        case(
            stage(K::Raw, |s| s.recreatable = true),
            RANSOMWARE,
            "ransomware.raw.recreatable",
            Backup::Is(B::None),
            &[D::Reprocess],
            &["re-ingesting from the systems of record", "The guide's first choice here is backups"],
        ),
        case(
            stage(K::Cache, |_| {}),
            RANSOMWARE,
            "ransomware.cache",
            Backup::Is(B::Git),
            &[D::Redeploy],
            &["a mirror the attacker could not delete", "protected git mirror"],
        ),
        // "protecting data and code against … ransomware": only copies out of reach.
        case(
            stage(K::Archive, |s| {
                s.recreatable = true;
                s.service = on("azure_blob_archive");
            }),
            RANSOMWARE,
            "ransomware.data",
            Backup::KeepsCopy,
            &[D::BackupRestore],
            &[
                "Only copies kept in immutable storage",
                "kept in immutable blob container, in another subscription, immutable (retention locked)",
            ],
        ),
    ]
}

#[test]
fn every_rule_case_plans_as_the_guide_says() {
    for c in cases() {
        check(&alone(c.stage), c.disruption, &c.expect);
    }
}

#[test]
fn every_rule_has_a_case() {
    let covered: Vec<&str> = cases().iter().map(|c| c.expect.rule).collect();
    for id in ids() {
        assert!(covered.contains(&id), "rule {id} has no case in engine/rules/tests.rs");
    }
    let mut all: Vec<&str> = ids().collect();
    let n = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), n, "rule ids are unique");
}

/// Whitespace-insensitive text of the two guides (beside the checkout, as on every machine
/// and in CI).
fn guides() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
    let mut text = String::new();
    for f in ["000_a05d66880287cc82.txt", "002_c6a3a61b139d5504.txt"] {
        let path = format!("{dir}/{f}");
        match std::fs::read_to_string(&path) {
            Ok(t) => text.push_str(&t),
            Err(e) => panic!("the guides must be beside the checkout ({path}): {e}"),
        }
    }
    normalise(&text)
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_rule_quotes_the_guide_word_for_word() {
    let text = guides();
    for r in RULES {
        assert!(!r.quote.is_empty() && !r.section.is_empty(), "{} needs a quote and a section", r.id);
        assert!(text.contains(&normalise(r.quote)), "{}: the quote is not in the guides: {}", r.id, r.quote);
    }
}

#[test]
fn every_way_through_an_outage_quotes_the_guide_word_for_word() {
    let text = guides();
    for w in super::WAYS {
        assert!(!w.quote.is_empty() && !w.section.is_empty(), "{:?} needs a quote and a section", w.strategy);
        assert!(text.contains(&normalise(w.quote)), "{:?}: the quote is not in the guides: {}", w.strategy, w.quote);
        assert!(RULES.iter().any(|r| r.allows(w.family)), "{:?}: no row allows it", w.strategy);
    }
}

#[test]
fn docs_show_the_ways_through_an_outage() {
    let doc = include_str!("../../../docs/engine.md");
    let table = super::ways_table();
    assert!(
        doc.contains(&table),
        "docs/engine.md's ways through a region outage are out of step with engine/rules.rs; paste this in:\n{table}"
    );
}

#[test]
fn every_stage_finds_a_row_of_its_own_kind() {
    use crate::catalogue::Service;
    for kind in K::ALL {
        for service in Service::fitting(kind) {
            for bits in 0..16u8 {
                let s = stage(kind, |s| {
                    s.automated = bits & 1 != 0;
                    s.recreatable = bits & 2 != 0;
                    s.modified_in_place = bits & 4 != 0;
                    s.load = if bits & 8 != 0 { LoadPattern::DailyFull } else { LoadPattern::default() };
                });
                for d in Disruption::ALL {
                    let r = super::find(&s, service, d);
                    assert!(
                        r.kinds.contains(&kind) || (r.id.ends_with("stateless_compute") && service.stateless_compute),
                        "{kind:?} on {} ({bits:04b}, {d:?}) found {}",
                        service.id,
                        r.id
                    );
                }
            }
        }
    }
}

#[test]
fn docs_show_the_rules_table() {
    let doc = include_str!("../../../docs/engine.md");
    let table = super::markdown_table();
    assert!(
        doc.contains(&table),
        "docs/engine.md's rules table is out of step with engine/rules.rs; paste this in:\n{table}"
    );
}

/// Fix g: data on stateless compute is warned about.
#[test]
fn data_on_stateless_compute_is_warned_about() {
    let p = plan(&alone(stage(K::Cache, |s| {
        s.service = on("azure_databricks");
        s.volume_gb = 300.0;
    })));
    let rec = recommendation(&p, CORRUPTION);
    assert_eq!((rec.backup, rec.strategy, &*rec.rule), (B::Git, D::Redeploy, "stateless_compute"));
    let w = p.warnings.iter().find(|w| w.code == WarningCode::DataOnStatelessCompute).expect("warning");
    assert!(w.message.contains("300 GB") && w.message.contains("DBFS-root"), "{}", w.message);
    let none = plan(&alone(stage(K::Ingest, |s| s.service = on("azure_databricks"))));
    assert!(!none.warnings.iter().any(|w| w.code == WarningCode::DataOnStatelessCompute));
}
