//! `vetter serve`: the HTTP API and web UI over the loaded lists (see the `vetter-server` crate).

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;

use crate::Settings;

/// Arguments of `vetter serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "VETTER_ADDR", default_value = "127.0.0.1:8000")]
    addr: SocketAddr,
    /// API key: required as `Authorization: Bearer <key>` on `/admin/*` (and on the whole API with `--protect-api`).
    #[arg(long, env = "VETTER_API_KEY", hide_env_values = true)]
    api_key: Option<String>,
    /// Require the API key on the API and UI routes too, not only on `/admin/*`.
    #[arg(long, requires = "api_key")]
    protect_api: bool,
    /// Seconds a request may take before it is answered 408.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 4 << 20)]
    max_body: usize,
    /// Largest body `POST /screen` reads, in bytes (it streams: this bounds time, not memory).
    #[arg(long, default_value_t = 256 << 20)]
    max_screen_body: u64,
    /// Log as text rather than JSON lines.
    #[arg(long)]
    text_logs: bool,
}

/// Opens the lists and serves until ctrl-c or SIGTERM.
pub fn run(args: &ServeArgs, settings: &Settings) -> anyhow::Result<()> {
    vetter_server::init_logging(!args.text_logs);
    let engine = settings.open()?;
    let mut open = vetter_engine::OpenOptions::new(settings.data_dir.clone());
    open.index_path = Some(engine.index().path().to_owned());
    let mut config = vetter_server::ServerConfig::new(open);
    config.api_key = args.api_key.clone().filter(|k| !k.is_empty());
    config.protect_api = args.protect_api;
    config.request_timeout = Duration::from_secs(args.timeout.max(1));
    config.max_body_bytes = args.max_body;
    config.max_screen_bytes = args.max_screen_body;
    let shared = vetter_server::Shared::new(engine, config);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the runtime")?;
    runtime.block_on(async {
        let listener =
            tokio::net::TcpListener::bind(args.addr).await.with_context(|| format!("listening on {}", args.addr))?;
        vetter_server::serve(listener, shared, vetter_server::shutdown_signal()).await.context("serving")
    })
}
