//! sitrep-server: the HTTP JSON API over a sitrep store (`sitrep serve`) and the dashboard it
//! serves. Reads go through a small pool of read-only SQLite connections on tokio's blocking
//! threads, each interrupted at the request's deadline; the optional ingest endpoint (enabled
//! by a token) runs the same coder and write path as `sitrep ingest`. The API is described by
//! the OpenAPI document at `/api/openapi.json` ([`openapi::document`]).
//!
//! ```no_run
//! let cfg = sitrep_server::Config::new("sitrep.db".into());
//! let server = sitrep_server::start("127.0.0.1:0", &cfg).unwrap();
//! println!("serving on http://{}", server.addr());
//! server.stop();
//! ```
#![warn(missing_docs)]

mod assets;
mod error;
mod handlers;
mod ingest;
mod json;
pub mod openapi;
mod params;
mod pool;
mod series;

pub use error::{ApiError, Error};

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How to serve.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store file (must exist).
    pub db: PathBuf,
    /// Bearer token that enables `POST /api/ingest`; None serves read-only.
    pub token: Option<String>,
    /// Largest request body in bytes (413 above it).
    pub max_body: usize,
    /// Time budget of one request (503 `timeout` past it).
    pub timeout: Duration,
    /// Read connections in the pool.
    pub readers: usize,
}

impl Config {
    /// Defaults: read-only, 10 MiB bodies, 10 s per request, 4 read connections.
    pub fn new(db: PathBuf) -> Config {
        Config {
            db,
            token: None,
            max_body: 10 << 20,
            timeout: Duration::from_secs(10),
            readers: 4,
        }
    }
}

/// What every handler shares.
pub(crate) struct AppState {
    pub(crate) config: Config,
    pub(crate) pool: Arc<pool::Pool>,
    pub(crate) ingest: Option<Arc<ingest::Ingest>>,
    /// Country and organisation names by code, from the actor knowledge base.
    pub(crate) labels: HashMap<String, String>,
}

fn labels() -> HashMap<String, String> {
    let Ok(kb) = sitrep_actors::kb::Kb::builtin() else {
        return HashMap::new();
    };
    let countries = kb
        .countries()
        .iter()
        .filter_map(|c| Some((c.code.clone(), c.names.first()?.clone())));
    let igos = kb
        .igos()
        .iter()
        .filter_map(|i| Some((i.code.clone(), i.names.first()?.clone())));
    countries.chain(igos).collect()
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such endpoint")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this endpoint does not take that method",
    )
}

/// Build the application: checks the store, brings its layout up to date when it predates
/// the API's rollup, and loads the coder when a token enables ingest.
pub fn app(cfg: &Config) -> Result<Router, Error> {
    if !cfg.db.is_file() {
        return Err(Error::NoStore(cfg.db.clone()));
    }
    let ingest = match &cfg.token {
        Some(token) => Some(Arc::new(ingest::Ingest {
            token: token.clone(),
            pipeline: sitrep_pipeline::Pipeline::new(&sitrep_pipeline::PipelineOptions::default())?,
            writer: Mutex::new(sitrep_store::Store::open(&cfg.db)?),
            busy: Arc::new(tokio::sync::Semaphore::new(1)),
        })),
        None => {
            // A store written before the per-quad rollup gets it once (the only write a
            // read-only server ever makes, and only to the layout).
            if sitrep_store::Store::open_read_only(&cfg.db)?.needs_upgrade()? {
                eprintln!(
                    "sitrep serve: adding the per-quad rollup to {} (once)",
                    cfg.db.display()
                );
                drop(sitrep_store::Store::open(&cfg.db)?);
            }
            None
        }
    };
    let state = Arc::new(AppState {
        config: cfg.clone(),
        pool: Arc::new(pool::Pool::new(cfg.db.clone(), cfg.readers)),
        ingest,
        labels: labels(),
    });
    let api = Router::new()
        .route("/api/health", get(handlers::health))
        .route("/api/openapi.json", get(assets::openapi))
        .route("/api/events", get(handlers::events))
        .route("/api/series", get(handlers::series))
        .route("/api/actors/top", get(handlers::top_actors))
        .route("/api/network", get(handlers::network))
        .route("/api/locations", get(handlers::locations))
        .route("/api/articles/{id}", get(handlers::article))
        .route("/api/ingest", axum::routing::post(ingest::ingest))
        .route("/", get(assets::index))
        .route("/assets/{file}", get(assets::file))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        // The ingest handler reads its body itself with the configured limit, to answer 413
        // as JSON; no other route takes a body.
        .layer(DefaultBodyLimit::disable())
        .with_state(state);
    Ok(api)
}

/// A running server; [`Server::stop`] (or dropping it) shuts it down.
pub struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stop accepting, let requests in flight finish, and wait for the server thread.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }

    /// Block until the server stops (Ctrl-C, or a failure of the listener).
    pub fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Bind `bind` and serve `cfg` on a thread of its own (a 2-worker tokio runtime), until
/// [`Server::stop`] or Ctrl-C.
pub fn start(bind: &str, cfg: &Config) -> Result<Server, Error> {
    let app = app(cfg)?;
    let io = |what: String| move |source| Error::Io { what, source };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(io("starting the runtime".into()))?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(bind))
        .map_err(io(format!("binding {bind}")))?;
    let addr = listener
        .local_addr()
        .map_err(io(format!("binding {bind}")))?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::Builder::new()
        .name("sitrep-serve".into())
        .spawn(move || {
            runtime.block_on(async move {
                let stop = async move {
                    tokio::select! {
                        _ = rx => {}
                        _ = tokio::signal::ctrl_c() => {}
                    }
                };
                if let Err(e) = axum::serve(listener, app)
                    .with_graceful_shutdown(stop)
                    .await
                {
                    eprintln!("sitrep serve: {e}");
                }
            });
            // Blocking reads still running past shutdown are not waited for.
            runtime.shutdown_timeout(Duration::from_secs(1));
        })
        .map_err(io("starting the server thread".into()))?;
    Ok(Server {
        addr,
        stop: Some(tx),
        thread: Some(thread),
    })
}
