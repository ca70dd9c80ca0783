//! Stage kinds and the palette groups the guides put them in.

use serde::{Deserialize, Serialize};

/// What a stage is. The names in files are the snake_case forms (`system_of_record`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageKind {
    /// A line-of-business source (ERP, CRM, SQL database) owned by another team.
    SystemOfRecord,
    /// Transient movement of data into the lake (Data Factory pipelines, integration runtime).
    Ingest,
    /// Lake zone holding data copied verbatim from the sources.
    Raw,
    /// Lake zone holding cleansed and joined data, produced automatically.
    Enriched,
    /// Lake zone holding data shaped for consumption.
    Curated,
    /// Warehouse or data marts serving consumers.
    Presentation,
    /// Prep & train scripts and notebooks.
    Scripts,
    /// Modeled data sets produced by prep & train.
    ModeledData,
    /// Infrastructure configuration and deployment scripts.
    InfraConfig,
    /// The model / semantic layer that data is loaded into for queries.
    Model,
    /// A serving cache in front of the model.
    Cache,
    /// Reports and dashboards.
    Report,
    /// Long-term archive kept for compliance or history.
    Archive,
}

/// The palette groups, in the order the guides describe the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PaletteGroup {
    /// Systems of record.
    Sources,
    /// Ingest.
    Ingest,
    /// The lake zones.
    Store,
    /// Prep & train.
    PrepAndTrain,
    /// Model / semantic layer.
    Model,
    /// Cache and reports.
    Serve,
    /// Archive.
    Archive,
}

impl PaletteGroup {
    /// All groups, in palette order.
    pub const ALL: [PaletteGroup; 7] = [
        PaletteGroup::Sources,
        PaletteGroup::Ingest,
        PaletteGroup::Store,
        PaletteGroup::PrepAndTrain,
        PaletteGroup::Model,
        PaletteGroup::Serve,
        PaletteGroup::Archive,
    ];

    /// The heading shown in the palette.
    pub fn label(self) -> &'static str {
        match self {
            PaletteGroup::Sources => "Sources",
            PaletteGroup::Ingest => "Ingest",
            PaletteGroup::Store => "Store",
            PaletteGroup::PrepAndTrain => "Prep & train",
            PaletteGroup::Model => "Model",
            PaletteGroup::Serve => "Serve",
            PaletteGroup::Archive => "Archive",
        }
    }

    /// The stage kinds in this group.
    pub fn kinds(self) -> impl Iterator<Item = StageKind> {
        StageKind::ALL.into_iter().filter(move |k| k.group() == self)
    }
}

impl StageKind {
    /// Every kind, in palette order.
    pub const ALL: [StageKind; 13] = [
        StageKind::SystemOfRecord,
        StageKind::Ingest,
        StageKind::Raw,
        StageKind::Enriched,
        StageKind::Curated,
        StageKind::Presentation,
        StageKind::Scripts,
        StageKind::ModeledData,
        StageKind::InfraConfig,
        StageKind::Model,
        StageKind::Cache,
        StageKind::Report,
        StageKind::Archive,
    ];

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            StageKind::SystemOfRecord => "system_of_record",
            StageKind::Ingest => "ingest",
            StageKind::Raw => "raw",
            StageKind::Enriched => "enriched",
            StageKind::Curated => "curated",
            StageKind::Presentation => "presentation",
            StageKind::Scripts => "scripts",
            StageKind::ModeledData => "modeled_data",
            StageKind::InfraConfig => "infra_config",
            StageKind::Model => "model",
            StageKind::Cache => "cache",
            StageKind::Report => "report",
            StageKind::Archive => "archive",
        }
    }

    /// The kind with file name `key`.
    pub fn from_key(key: &str) -> Option<StageKind> {
        StageKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The human name.
    pub fn label(self) -> &'static str {
        match self {
            StageKind::SystemOfRecord => "System of record",
            StageKind::Ingest => "Ingest",
            StageKind::Raw => "Raw zone",
            StageKind::Enriched => "Enriched zone",
            StageKind::Curated => "Curated zone",
            StageKind::Presentation => "Presentation",
            StageKind::Scripts => "Prep & train scripts",
            StageKind::ModeledData => "Modeled data",
            StageKind::InfraConfig => "Infrastructure config",
            StageKind::Model => "Model / semantic layer",
            StageKind::Cache => "Serving cache",
            StageKind::Report => "Reports",
            StageKind::Archive => "Archive",
        }
    }

    /// The palette group.
    pub fn group(self) -> PaletteGroup {
        match self {
            StageKind::SystemOfRecord => PaletteGroup::Sources,
            StageKind::Ingest => PaletteGroup::Ingest,
            StageKind::Raw | StageKind::Enriched | StageKind::Curated | StageKind::Presentation => PaletteGroup::Store,
            StageKind::Scripts | StageKind::ModeledData | StageKind::InfraConfig => PaletteGroup::PrepAndTrain,
            StageKind::Model => PaletteGroup::Model,
            StageKind::Cache | StageKind::Report => PaletteGroup::Serve,
            StageKind::Archive => PaletteGroup::Archive,
        }
    }

    /// Whether the stage holds data of its own (as opposed to code, configuration or
    /// transient data that is reloaded from elsewhere).
    pub fn holds_data(self) -> bool {
        !matches!(
            self,
            StageKind::Ingest | StageKind::Scripts | StageKind::InfraConfig | StageKind::Cache | StageKind::Report
        )
    }

    /// Whether a target for the newest days of data (`recent`) means something for the stage:
    /// data stages, caches and the reports that serve them — not systems of record (their
    /// owners give their figures), archives (history by purpose), ingest, scripts or
    /// infrastructure configuration (code, with no days of data of their own to serve).
    pub fn serves_recent_data(self) -> bool {
        (self.holds_data() && !matches!(self, StageKind::SystemOfRecord | StageKind::Archive))
            || matches!(self, StageKind::Cache | StageKind::Report)
    }

    /// Whether the stage is code or configuration that a divided restore brings back first.
    pub fn is_code(self) -> bool {
        matches!(self, StageKind::Ingest | StageKind::Scripts | StageKind::InfraConfig | StageKind::Report)
    }
}
