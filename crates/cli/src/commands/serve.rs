//! `sitrep serve`: the HTTP JSON API and dashboard over a store (crates/server).

use crate::args_store::ServeArgs;
use anyhow::Context;
use std::process::ExitCode;
use std::time::Duration;

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(args.timeout_ms > 0, "--timeout-ms must be at least 1");
    let token = args
        .token
        .clone()
        .or_else(|| std::env::var("SITREP_TOKEN").ok());
    if token.as_deref().is_some_and(|t| t.trim().is_empty()) {
        anyhow::bail!("--token (or SITREP_TOKEN) is empty; give a token or leave it unset");
    }
    let mut cfg = sitrep_server::Config::new(args.db.clone());
    cfg.token = token;
    cfg.max_body = args.max_body;
    cfg.timeout = Duration::from_millis(args.timeout_ms);
    let server = sitrep_server::start(&args.bind, &cfg)
        .with_context(|| format!("serving {}", args.db.display()))?;
    let mode = if cfg.token.is_some() {
        "ingest enabled with a token"
    } else {
        "read-only"
    };
    println!(
        "sitrep: serving {} on http://{}/ ({mode}); Ctrl-C stops",
        args.db.display(),
        server.addr()
    );
    server.wait();
    Ok(ExitCode::SUCCESS)
}
