//! Durable, idempotent outputs: `DIR/<coder-version-slug>/<input-hash>.jsonl` (events) and
//! `<input-hash>.skips.jsonl` (records lost, with reasons).
//!
//! Every file is written to a temporary name in the same folder, fsynced, renamed into place
//! and the folder fsynced, so after a crash a name either holds the complete bytes or does not
//! exist. The events file is written last and marks the task done: a redelivered task whose
//! events file exists is acknowledged without coding again. Two workers that code the same
//! task at once (a redelivery after the ack deadline) rename identical bytes over each other.

use crate::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Distinguishes temporary files of one process; the pid tells processes apart.
static TMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The folder name for a coder version: `sitrep-coder/0.1.0` -> `sitrep-coder-0.1.0`.
pub fn version_slug(version: &str) -> String {
    version
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The output folder of one coder version.
#[derive(Debug, Clone)]
pub struct OutDir {
    dir: PathBuf,
}

impl OutDir {
    /// Creates (if needed) `root/<slug of coder_version>`.
    pub fn create(root: &Path, coder_version: &str) -> Result<OutDir, Error> {
        let dir = root.join(version_slug(coder_version));
        std::fs::create_dir_all(&dir).map_err(|e| Error::output(&dir, e))?;
        // The new folder's own entry must survive a crash too.
        sync_dir(root).map_err(|e| Error::output(root, e))?;
        Ok(OutDir { dir })
    }

    /// The folder holding the outputs.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Events of a task (present = the task is done).
    pub fn events_path(&self, hash: &str) -> PathBuf {
        self.dir.join(format!("{hash}.jsonl"))
    }

    /// Skips of a task (present only when a record was lost).
    pub fn skips_path(&self, hash: &str) -> PathBuf {
        self.dir.join(format!("{hash}.skips.jsonl"))
    }

    /// Whether a task's outputs are complete.
    pub fn is_done(&self, hash: &str) -> bool {
        self.events_path(hash).is_file()
    }

    /// Starts writing `dest` under a temporary name.
    pub fn start(&self, dest: PathBuf) -> Result<Pending, Error> {
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let n = TMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        // A leading dot keeps half-written files (left by a kill -9) out of `*.jsonl` globs.
        let tmp = self
            .dir
            .join(format!(".{name}.tmp-{}-{n}", std::process::id()));
        let file = File::create(&tmp).map_err(|e| Error::output(&tmp, e))?;
        Ok(Pending {
            out: Some(BufWriter::new(file)),
            tmp,
            dest,
        })
    }
}

/// A file being written; [`Pending::commit`] makes it durable under its final name, dropping
/// it without a commit removes the temporary file.
#[derive(Debug)]
pub struct Pending {
    out: Option<BufWriter<File>>,
    tmp: PathBuf,
    dest: PathBuf,
}

impl Pending {
    /// Appends bytes.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        match &mut self.out {
            Some(w) => w.write_all(bytes).map_err(|e| Error::output(&self.tmp, e)),
            None => Ok(()),
        }
    }

    /// Flush, fsync, rename into place, fsync the folder: only then is the output durable.
    pub fn commit(mut self) -> Result<(), Error> {
        let Some(w) = self.out.take() else {
            return Ok(());
        };
        let file = w
            .into_inner()
            .map_err(|e| Error::output(&self.tmp, e.into_error()))?;
        file.sync_all().map_err(|e| Error::output(&self.tmp, e))?;
        drop(file);
        std::fs::rename(&self.tmp, &self.dest).map_err(|e| Error::output(&self.dest, e))?;
        let dir = self.dest.parent().unwrap_or(Path::new("."));
        sync_dir(dir).map_err(|e| Error::output(dir, e))?;
        Ok(())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if self.out.take().is_some() {
            // Best effort: a leftover temporary file is harmless (dot-named, never read).
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// fsync a folder so a rename or creation in it survives a crash.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_slug_is_a_plain_folder_name() {
        assert_eq!(version_slug("sitrep-coder/0.1.0"), "sitrep-coder-0.1.0");
        assert_eq!(version_slug("../x y"), "..-x-y");
    }

    #[test]
    fn pending_commit_renames_and_drop_cleans_up() {
        let root = tempfile::tempdir().unwrap();
        let out = OutDir::create(root.path(), "v/1").unwrap();
        let mut p = out.start(out.events_path("abc")).unwrap();
        p.write(b"line\n").unwrap();
        assert!(!out.is_done("abc"));
        p.commit().unwrap();
        assert!(out.is_done("abc"));
        assert_eq!(std::fs::read(out.events_path("abc")).unwrap(), b"line\n");

        let mut p = out.start(out.events_path("def")).unwrap();
        p.write(b"half").unwrap();
        drop(p);
        assert!(!out.is_done("def"));
        let names: Vec<_> = std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, vec!["abc.jsonl".to_string()]);
    }
}
