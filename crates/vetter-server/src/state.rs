//! What every request shares: the loaded index (swapped whole on reload), the configuration and the metrics.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use arc_swap::ArcSwap;
use vetter_engine::{Engine, OpenOptions};

use crate::error::ApiError;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Where the lists and the index are; a reload opens these again.
    pub open: OpenOptions,
    /// When set, `Authorization: Bearer <key>` is required on `/admin/*` (and on every API route when
    /// [`ServerConfig::protect_api`] is set).
    pub api_key: Option<String>,
    /// Require the API key on the API routes too, not only on `/admin/*`.
    pub protect_api: bool,
    /// Requests taking longer are answered 408.
    pub request_timeout: Duration,
    /// Larger request bodies are answered 413.
    pub max_body_bytes: usize,
    /// The largest body `POST /screen` reads; it streams, so this bounds time, not memory.
    pub max_screen_bytes: u64,
}

impl ServerConfig {
    /// Defaults for a data folder: no API key, 30 s timeout, 4 MiB bodies, 256 MiB for `/screen`.
    pub fn new(open: OpenOptions) -> ServerConfig {
        ServerConfig {
            open,
            api_key: None,
            protect_api: false,
            request_timeout: Duration::from_secs(30),
            max_body_bytes: 4 << 20,
            max_screen_bytes: 256 << 20,
        }
    }
}

/// One loaded index and facts about it, replaced whole by a reload.
#[derive(Debug)]
pub struct Loaded {
    /// The engine.
    pub engine: Engine,
    /// 1 for the index loaded at start, +1 per reload.
    pub generation: u64,
    /// When this index was loaded.
    pub loaded_at: SystemTime,
    /// When the index file was written (its modification time).
    pub built_at: Option<SystemTime>,
    /// Canonical entities.
    pub entities: u64,
    /// Per dataset: id, snapshot date, entities.
    pub datasets: Vec<(String, String, u64)>,
    /// The records merged into each entity.
    pub records: RecordsByEntity,
}

/// The records merged into each entity, by entity index, found once per load so that a hit's
/// `referents` cost a slice rather than a scan of every record of the artifact (which
/// [`Engine::show`] does, about 0.1 ms an entity).
#[derive(Debug, Default)]
pub struct RecordsByEntity {
    /// `starts[e]..starts[e + 1]` is entity `e`'s range of `records`.
    starts: Vec<u32>,
    /// Indices into the artifact's records (sorted by id), grouped by entity.
    records: Vec<u32>,
}

impl RecordsByEntity {
    fn new(engine: &Engine) -> RecordsByEntity {
        let data = engine.index().data();
        let n = data.entities.len();
        let mut starts = vec![0u32; n + 1];
        for r in data.records.iter() {
            let e = r.entity.to_native() as usize;
            if e < n {
                starts[e + 1] += 1;
            }
        }
        for e in 0..n {
            starts[e + 1] += starts[e];
        }
        let mut next = starts.clone();
        let mut records = vec![0u32; starts[n] as usize];
        for (i, r) in data.records.iter().enumerate() {
            let e = r.entity.to_native() as usize;
            if e < n {
                records[next[e] as usize] = i as u32;
                next[e] += 1;
            }
        }
        RecordsByEntity { starts, records }
    }

    /// The indices of the records merged into entity `entity` (into the artifact's records).
    pub fn of(&self, entity: u32) -> &[u32] {
        let e = entity as usize;
        match (self.starts.get(e), self.starts.get(e + 1)) {
            (Some(&a), Some(&b)) => &self.records[a as usize..b as usize],
            _ => &[],
        }
    }
}

impl Loaded {
    fn new(engine: Engine, generation: u64) -> Loaded {
        let built_at = std::fs::metadata(engine.index().path()).and_then(|m| m.modified()).ok();
        let datasets = engine.index().datasets().into_iter().map(|d| (d.dataset, d.snapshot, d.entities)).collect();
        let records = RecordsByEntity::new(&engine);
        Loaded {
            entities: engine.len() as u64,
            engine,
            generation,
            loaded_at: SystemTime::now(),
            built_at,
            datasets,
            records,
        }
    }

    /// Seconds since the index file was written.
    pub fn age_seconds(&self) -> f64 {
        self.built_at.and_then(|t| t.elapsed().ok()).map_or(0.0, |d| d.as_secs_f64())
    }
}

/// The state behind every handler.
#[derive(Debug)]
pub struct Shared {
    loaded: ArcSwap<Loaded>,
    config: ServerConfig,
    reloads: AtomicU64,
    reload_lock: tokio::sync::Mutex<()>,
}

/// What a reload did.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ReloadReport {
    /// The generation now serving.
    pub generation: u64,
    /// True when the index was rebuilt from the lists (a list file changed).
    pub rebuilt: bool,
    /// Canonical entities now loaded.
    pub entities: u64,
    /// Milliseconds the reload took.
    pub millis: u64,
}

impl Shared {
    /// State over an opened engine.
    pub fn new(engine: Engine, config: ServerConfig) -> Arc<Shared> {
        Arc::new(Shared {
            loaded: ArcSwap::from_pointee(Loaded::new(engine, 1)),
            config,
            reloads: AtomicU64::new(1),
            reload_lock: tokio::sync::Mutex::new(()),
        })
    }

    /// The index serving now; a request keeps the one it started with for its whole life.
    pub fn loaded(&self) -> Arc<Loaded> {
        self.loaded.load_full()
    }

    /// The configuration.
    pub fn config(&self) -> &ServerConfig {
        &self.config
    }

    /// Opens the data folder again (rebuilding the index when a list changed) and swaps the new index
    /// in; requests in flight finish on the old one. One reload at a time.
    pub async fn reload(&self) -> Result<ReloadReport, ApiError> {
        let _guard = self.reload_lock.lock().await;
        let started = std::time::Instant::now();
        let options = self.config.open.clone();
        let opened = tokio::task::spawn_blocking(move || Engine::open(&options))
            .await
            .map_err(|e| ApiError::Internal(format!("reload task failed: {e}")))?;
        let (engine, report) = opened.map_err(|e| ApiError::Internal(format!("reloading the index: {e}")))?;
        let generation = self.reloads.fetch_add(1, Ordering::SeqCst) + 1;
        let loaded = Loaded::new(engine, generation);
        let entities = loaded.entities;
        self.loaded.store(Arc::new(loaded));
        let millis = started.elapsed().as_millis() as u64;
        tracing::info!(generation, rebuilt = report.rebuilt, entities, millis, "index reloaded");
        Ok(ReloadReport { generation, rebuilt: report.rebuilt, entities, millis })
    }
}
