//! Read connections for request handlers. SQLite connections are blocking and not shared
//! between threads at once, so each read takes one connection from a small pool and runs on
//! tokio's blocking threads; WAL mode lets these readers run beside an ingest. A read past the
//! request's deadline is interrupted inside SQLite (not merely abandoned), so a slow query
//! cannot keep a connection busy after its client was told it timed out.

use crate::error::ApiError;
use sitrep_store::{Interrupt, Store};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// A bounded set of read-only connections to one store, opened on first use.
pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
}

impl Pool {
    /// A pool of at most `size` connections to the store at `path`.
    pub fn new(path: PathBuf, size: usize) -> Pool {
        Pool {
            path,
            idle: Mutex::new(Vec::new()),
            permits: Arc::new(Semaphore::new(size.max(1))),
        }
    }

    fn take(&self) -> Result<Store, sitrep_store::Error> {
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        match idle {
            Some(s) => Ok(s),
            None => Store::open_read_only(&self.path),
        }
    }

    fn give_back(&self, store: Store) {
        if let Ok(mut v) = self.idle.lock() {
            v.push(store);
        }
    }

    /// Run `job` on a read connection, stopping it at `deadline` (then 503 `timeout`).
    pub async fn read<T, F>(
        self: &Arc<Self>,
        deadline: Instant,
        budget: Duration,
        job: F,
    ) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> sitrep_store::Result<T> + Send + 'static,
    {
        let ms = budget.as_millis();
        let left = || deadline.saturating_duration_since(Instant::now());
        let permit = match tokio::time::timeout(left(), self.permits.clone().acquire_owned()).await
        {
            Ok(Ok(p)) => p,
            Ok(Err(_)) => return Err(ApiError::internal("connection pool closed")),
            Err(_) => return Err(ApiError::timeout(ms)),
        };
        // Taking a connection (opening one on first use) and running the job happen in one
        // blocking task: one thread hop per request.
        let pool = self.clone();
        let (tx, rx) = std::sync::mpsc::sync_channel::<Interrupt>(1);
        let mut task = tokio::task::spawn_blocking(move || {
            let store = pool.take()?;
            let _ = tx.send(store.interrupt_handle());
            let out = job(&store);
            pool.give_back(store);
            out
        });
        match tokio::time::timeout(left(), &mut task).await {
            Ok(Ok(out)) => {
                drop(permit);
                out.map_err(|e| ApiError::from_store(e, ms))
            }
            // The job panicked: its connection is dropped with it, and the permit frees a slot
            // for a new one.
            Ok(Err(e)) => Err(ApiError::internal(format!("read task failed: {e}"))),
            Err(_) => {
                if let Ok(interrupt) = rx.try_recv() {
                    interrupt.interrupt();
                }
                // The permit stays taken until the interrupted job has really finished.
                tokio::spawn(async move {
                    let _ = task.await;
                    drop(permit);
                });
                Err(ApiError::timeout(ms))
            }
        }
    }
}
