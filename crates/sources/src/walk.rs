//! Expanding folders: recursive, in sorted (byte) order, never following symlinked folders,
//! so a symlink loop cannot trap the walk. Hidden entries (names starting with `.`, such as
//! `.git`) are not read; they and other ignored entries are counted in [`Ignored`].

use sitrep_doc::{Skip, SkipReason};
use std::fs::{self, FileType};
use std::path::{Path, PathBuf};

/// Entries a folder walk passed over on purpose (none of them is a lost record).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ignored {
    /// Hidden files and folders (name starts with `.`) inside walked folders.
    pub hidden: u64,
    /// Symlinks to folders, not followed (this is what rules out loops).
    pub symlinked_dirs: u64,
    /// Sockets, FIFOs and devices: reading them could block or never end.
    pub special: u64,
}

/// A depth-first walk of one folder.
pub(crate) struct Walker {
    /// Entries still to visit, the next one last.
    stack: Vec<(PathBuf, FileType)>,
}

impl Walker {
    /// Start at `root` (already known to be a folder).
    pub(crate) fn new(root: &Path, ignored: &mut Ignored) -> Result<Walker, Skip> {
        let mut w = Walker { stack: Vec::new() };
        w.push_dir(root, ignored)?;
        Ok(w)
    }

    /// The next file to read, a folder that could not be listed, or `None` at the end.
    pub(crate) fn next(&mut self, ignored: &mut Ignored) -> Option<Result<PathBuf, Skip>> {
        while let Some((path, ft)) = self.stack.pop() {
            if ft.is_dir() {
                if let Err(skip) = self.push_dir(&path, ignored) {
                    return Some(Err(skip));
                }
            } else if ft.is_file() {
                return Some(Ok(path));
            } else if ft.is_symlink() {
                match fs::metadata(&path) {
                    Err(e) => {
                        return Some(Err(Skip {
                            input: path.display().to_string(),
                            record: None,
                            reason: SkipReason::Unreadable,
                            detail: format!("symlink target: {e}"),
                        }))
                    }
                    Ok(m) if m.is_dir() => ignored.symlinked_dirs += 1,
                    Ok(m) if m.is_file() => return Some(Ok(path)),
                    Ok(_) => ignored.special += 1,
                }
            } else {
                ignored.special += 1;
            }
        }
        None
    }

    /// List `dir` and push its visible entries so that they pop in sorted order.
    fn push_dir(&mut self, dir: &Path, ignored: &mut Ignored) -> Result<(), Skip> {
        let unreadable = |e: std::io::Error| Skip {
            input: dir.display().to_string(),
            record: None,
            reason: SkipReason::Unreadable,
            detail: format!("cannot list folder: {e}"),
        };
        let mut entries = Vec::new();
        for entry in fs::read_dir(dir).map_err(unreadable)? {
            let entry = entry.map_err(unreadable)?;
            let ft = entry.file_type().map_err(unreadable)?;
            entries.push((entry.file_name(), ft));
        }
        entries.sort_by(|a, b| b.0.cmp(&a.0));
        self.stack.reserve(entries.len());
        for (name, ft) in entries {
            if name.as_encoded_bytes().first() == Some(&b'.') {
                ignored.hidden += 1;
                continue;
            }
            self.stack.push((dir.join(name), ft));
        }
        Ok(())
    }
}
