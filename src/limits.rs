//! The bounds every input is read within, in one place (docs/limits.md lists them), and the
//! readers that keep them: only regular files, opened non-blocking (a FIFO never hangs), their
//! size checked with `fstat` on the open handle before anything is read.

use crate::error::{Error, Result};
use crate::finding::Message;
use cap_std::fs::{Dir, OpenOptions, OpenOptionsExt};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;

/// `dossier.yaml` larger than this is refused before it is read.
pub const MAX_YAML_BYTES: u64 = 1024 * 1024;

/// `dossier.toml`, edition files, calendars and templates larger than this are refused.
pub const MAX_TEXT_BYTES: u64 = 4 * 1024 * 1024;

/// Findings reported per dossier; beyond, one finding says how many more there are.
pub const MAX_FINDINGS: usize = 100;

/// Rows whose every combination `to_pass` tries; beyond, it searches greedily.
pub const MAX_EXHAUSTIVE_ROWS: usize = 16;

/// Opens `rel` beneath `root` for reading: never out of the folder, never a non-regular file.
/// Returns the file and its size.
pub fn open_regular(root: &Dir, rel: &Path) -> io::Result<(std::fs::File, u64)> {
    let mut opts = OpenOptions::new();
    opts.read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    let file = root.open_with(rel, &opts)?.into_std();
    let meta = file.metadata()?;
    if meta.is_file() {
        Ok((file, meta.len()))
    } else {
        Err(io::Error::other("not a regular file"))
    }
}

/// Reads a small UTF-8 file a user or maintainer wrote (`dossier.toml`, an edition, a calendar,
/// a template): a regular file of at most `MAX_TEXT_BYTES`.
pub fn read_text(path: &Path) -> Result<String> {
    let io_error = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    if !meta.is_file() {
        return Err(Error::usage(
            Message::new("usage.not-a-regular-file").arg("file", path.display().to_string()),
        ));
    }
    if meta.len() > MAX_TEXT_BYTES {
        return Err(Error::usage(
            Message::new("usage.file-too-large")
                .arg("file", path.display().to_string())
                .arg("size", meta.len())
                .arg("max", MAX_TEXT_BYTES),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    String::from_utf8(bytes).map_err(|e| {
        Error::usage(
            Message::new("usage.not-utf8")
                .arg("file", path.display().to_string())
                .arg("why", crate::encoding::describe(e.as_bytes())),
        )
    })
}
