//! The one file layer: every read of a file a user, a maintainer or an archive supplies goes
//! through here. A file is opened beneath a directory handle (never following a link out of
//! it) or by a path the user named, non-blocking (a FIFO never hangs), checked with `fstat` on
//! the open handle (regular files only), and read within a bound from `crate::limits`.

use crate::dossier::DOSSIER_FILE;
use crate::dossier::yaml::{self, ReadError};
use crate::error::{Error, Result};
use crate::finding::{Code, Finding, Message};
use crate::limits::MAX_TEXT_BYTES;
use cap_std::fs::{Dir, OpenOptions, OpenOptionsExt};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;

/// Opens the dossier folder once, for every document of the dossier to be opened beneath it.
pub fn open_root(dir: &Path) -> io::Result<Dir> {
    Dir::open_ambient_dir(dir, cap_std::ambient_authority())
}

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

/// Reads `dossier.yaml` beneath the folder's handle: a regular file, its size checked before
/// any byte is read.
pub fn read_yaml(root: &cap_std::fs::Dir) -> Result<String, Finding> {
    let unreadable =
        |e: std::io::Error| Finding::error(Code::YamlUnreadable).arg("why", e.to_string());
    let (file, len) = open_regular(root, Path::new(DOSSIER_FILE)).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Finding::error(Code::YamlMissing),
        _ => unreadable(e),
    })?;
    let too_large = |n: u64| {
        Finding::error(Code::YamlTooLarge)
            .arg("size", n)
            .arg("max", yaml::MAX_YAML_BYTES)
    };
    if len > yaml::MAX_YAML_BYTES {
        return Err(too_large(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(yaml::MAX_YAML_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    yaml::decode(bytes).map_err(|e| match e {
        ReadError::TooLarge(n) => too_large(n),
        ReadError::NotUtf8(why) => Finding::error(Code::YamlEncoding).arg("why", why),
    })
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a rename.
/// Without `force` an existing file is never replaced.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_file_with(path, force, |f| std::io::Write::write_all(f, bytes))
}

/// [`write_file`] for content written in a stream (an archive): the writer fills a private
/// temporary file beside `path`, which then takes its place atomically.
pub fn write_file_with(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let exists =
        || Error::usage(Message::new("usage.exists").arg("file", path.display().to_string()));
    match std::fs::symlink_metadata(path) {
        // `--force` replaces a regular file, never a link, a pipe, a device or a folder.
        Ok(m) if !m.file_type().is_file() => {
            return Err(Error::usage(
                Message::new("usage.target-not-a-file").arg("file", path.display().to_string()),
            ));
        }
        Ok(_) if !force => return Err(exists()),
        _ => {}
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".dossier-tmp-")
        .tempfile_in(dir)
        .map_err(io)?;
    fill(tmp.as_file_mut()).map_err(io)?;
    // A temporary file is private (0600); the document is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    if force {
        tmp.persist(path).map_err(|e| io(e.error))?;
    } else {
        // No-clobber even if the file appeared meanwhile.
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                exists()
            } else {
                io(e.error)
            }
        })?;
    }
    Ok(())
}
