//! The one file layer: every file a user, a maintainer or an archive supplies is opened and
//! read here, and every folder walked.
//!
//! - Beneath a handle (`open_beneath`, `read_beneath`, `walk_beneath`): a dossier's documents,
//!   `dossier.yaml`, `dossier.lock`, signature files, an unpacked archive's members, its
//!   `manifest.json` and `SHA256SUMS`. The name is opened relative to a directory handle,
//!   component by component (`cap-std`: `openat2` with `RESOLVE_BENEATH` where the kernel has
//!   it), so no link leads out of the folder however the tree changes meanwhile.
//! - By a path the user named (`open_path`, `read_text`): an archive to verify, `dossier.toml`,
//!   an edition, a calendar, a template.
//!
//! Either way the file is opened non-blocking (a FIFO never hangs), checked with `fstat` on the
//! open handle (regular files only), never reopened by its path, and read within a bound from
//! `crate::limits` chosen by the caller for that kind of file.

use crate::dossier::DOSSIER_FILE;
use crate::dossier::yaml::{self, ReadError};
use crate::error::{Error, Result};
use crate::finding::{Code, Finding, Message};
use crate::limits::MAX_TEXT_BYTES;
use cap_std::fs::{Dir, OpenOptions, OpenOptionsExt};
use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Component, Path, PathBuf};

/// Why a file was not read.
#[derive(Debug)]
pub enum Unreadable {
    NotFound,
    /// A folder, FIFO, device or socket.
    NotAFile,
    /// A link (or a linked folder on the way) that leads out of the folder.
    LinkOutside(PathBuf),
    TooLarge {
        size: u64,
        max: u64,
    },
    Io(io::Error),
}

impl Unreadable {
    /// The reason in the catalogue's words, for `file` as the user knows it.
    pub fn message(&self, file: &str) -> Message {
        match self {
            Unreadable::NotFound => Message::new("file.not-found").arg("file", file),
            Unreadable::NotAFile => Message::new("usage.not-a-regular-file").arg("file", file),
            Unreadable::LinkOutside(target) => Message::new("file.link-outside")
                .arg("file", file)
                .arg("target", target.display().to_string()),
            Unreadable::TooLarge { size, max } => Message::new("usage.file-too-large")
                .arg("file", file)
                .arg("size", *size)
                .arg("max", *max),
            Unreadable::Io(e) => Message::new("file.unreadable")
                .arg("file", file)
                .arg("why", io_reason(e)),
        }
    }

    /// The reason alone, for a message that names the file itself.
    pub fn reason(&self) -> Message {
        match self {
            Unreadable::NotFound => Message::new("file.reason.not-found"),
            Unreadable::NotAFile => Message::new("file.reason.not-a-file"),
            Unreadable::LinkOutside(target) => {
                Message::new("file.reason.link-outside").arg("target", target.display().to_string())
            }
            Unreadable::TooLarge { size, max } => Message::new("file.reason.too-large")
                .arg("size", *size)
                .arg("max", *max),
            Unreadable::Io(e) => io_reason(e),
        }
    }

    fn from_io(e: io::Error) -> Unreadable {
        if e.kind() == io::ErrorKind::NotFound {
            Unreadable::NotFound
        } else {
            Unreadable::Io(e)
        }
    }
}

/// An I/O error in the catalogue's words (the system's own text is English): its kind, and the
/// system's error number when there is one.
pub fn io_reason(e: &io::Error) -> Message {
    let key = match e.kind() {
        io::ErrorKind::NotFound => "io.not-found",
        io::ErrorKind::PermissionDenied => "io.permission-denied",
        io::ErrorKind::NotADirectory => "io.not-a-directory",
        io::ErrorKind::IsADirectory => "io.is-a-directory",
        io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof => "io.invalid-data",
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "io.storage-full",
        io::ErrorKind::ReadOnlyFilesystem => "io.read-only",
        io::ErrorKind::AlreadyExists => "io.exists",
        _ => "io.other",
    };
    Message::new(key).arg(
        "code",
        u64::try_from(e.raw_os_error().unwrap_or(0)).unwrap_or(0),
    )
}

/// Opens a folder the user named, as the handle everything inside it is opened beneath.
pub fn open_root(dir: &Path) -> io::Result<Dir> {
    Dir::open_ambient_dir(dir, cap_std::ambient_authority())
}

fn read_options() -> OpenOptions {
    let mut opts = OpenOptions::new();
    opts.read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    opts
}

/// Opens `rel` beneath `root` for reading: never out of the folder, never a non-regular file.
/// Returns the file and what `fstat` said of it.
pub fn open_beneath(root: &Dir, rel: &Path) -> std::result::Result<(File, Metadata), Unreadable> {
    let file = match root.open_with(rel, &read_options()) {
        Ok(f) => f.into_std(),
        // Beneath the handle, a link out of the folder fails as an escape before any name past
        // it is looked up: a missing name is missing inside, with no link to look for (one
        // `stat` fewer for every absent `dossier.lock`).
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Unreadable::NotFound),
        Err(e) => {
            return Err(match link_outside(root, rel) {
                Some(target) => Unreadable::LinkOutside(target),
                None => Unreadable::from_io(e),
            });
        }
    };
    let meta = file.metadata().map_err(Unreadable::Io)?;
    if meta.is_file() {
        Ok((file, meta))
    } else {
        Err(Unreadable::NotAFile)
    }
}

/// `open_beneath` for callers that only need the file and its size.
pub fn open_regular(root: &Dir, rel: &Path) -> io::Result<(File, u64)> {
    match open_beneath(root, rel) {
        Ok((file, meta)) => Ok((file, meta.len())),
        Err(Unreadable::Io(e)) => Err(e),
        Err(Unreadable::NotFound) => Err(io::ErrorKind::NotFound.into()),
        Err(_) => Err(io::Error::other("not a regular file")),
    }
}

/// Reads `rel` beneath `root` whole, if it is at most `max` bytes (checked before reading, and
/// again while reading: a file that grows is cut off and refused).
pub fn read_beneath(root: &Dir, rel: &Path, max: u64) -> std::result::Result<Vec<u8>, Unreadable> {
    let (file, meta) = open_beneath(root, rel)?;
    read_bounded(file, meta.len(), max)
}

fn read_bounded(mut file: File, len: u64, max: u64) -> std::result::Result<Vec<u8>, Unreadable> {
    if len > max {
        return Err(Unreadable::TooLarge { size: len, max });
    }
    // The size `fstat` gave and one byte more are asked for: a regular file gives fewer bytes
    // than asked only at its end, so one read usually reads it whole and shows it has not grown
    // (`read_to_end` would ask again to see the end: a system call more per file).
    let mut bytes = vec![0; len as usize + 1];
    let mut done = 0;
    while done < bytes.len() {
        match file.read(&mut bytes[done..]) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Unreadable::Io(e)),
        }
        if done as u64 == len {
            break;
        }
    }
    bytes.truncate(done);
    if done as u64 > len {
        // It grew since `fstat`: the rest, as far as the bound.
        (&mut file)
            .take(max + 1 - done as u64)
            .read_to_end(&mut bytes)
            .map_err(Unreadable::Io)?;
    }
    if bytes.len() as u64 > max {
        return Err(Unreadable::TooLarge {
            size: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

/// Opens a file the user named by its path (an archive to verify, a settings file): non-blocking,
/// a regular file only.
pub fn open_path(path: &Path) -> std::result::Result<(File, Metadata), Unreadable> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(Unreadable::from_io)?;
    let meta = file.metadata().map_err(Unreadable::Io)?;
    if meta.is_file() {
        Ok((file, meta))
    } else {
        Err(Unreadable::NotAFile)
    }
}

/// Reads a small UTF-8 file a user or maintainer wrote (`dossier.toml`, an edition, a calendar,
/// a template): a regular file of at most `MAX_TEXT_BYTES`.
pub fn read_text(path: &Path) -> Result<String> {
    let shown = path.display().to_string();
    let refuse = |why: Unreadable| match why {
        Unreadable::Io(source) => Error::Io {
            path: path.to_path_buf(),
            source,
        },
        Unreadable::NotFound => Error::Io {
            path: path.to_path_buf(),
            source: io::ErrorKind::NotFound.into(),
        },
        other => Error::usage(other.message(&shown)),
    };
    let (file, meta) = open_path(path).map_err(refuse)?;
    let bytes = read_bounded(file, meta.len(), MAX_TEXT_BYTES).map_err(refuse)?;
    String::from_utf8(bytes).map_err(|e| {
        Error::usage(
            Message::new("usage.not-utf8")
                .arg("file", shown.as_str())
                .arg("why", crate::encoding::describe(e.as_bytes())),
        )
    })
}

/// The names in the folder `rel` beneath `root` (`.` for the root itself) that `keep` keeps, of
/// its first `max` entries; names that are not UTF-8 are skipped. The folder is opened beneath
/// the handle as a file is (`openat2` with `RESOLVE_BENEATH` and the entries read from that
/// handle: three system calls fewer than `cap-std`'s `read_dir`, which opens the folder again).
pub fn names_beneath(
    root: &Dir,
    rel: &Path,
    max: usize,
    keep: impl Fn(&str) -> bool,
) -> io::Result<Vec<String>> {
    #[cfg(target_os = "linux")]
    if let Some(folder) = open_folder_beneath(root, rel)? {
        // Entries read into a buffer on the stack: no allocation per name, only per name kept.
        let mut buf = [std::mem::MaybeUninit::<u8>::uninit(); 4096];
        let mut dir = rustix::fs::RawDir::new(&folder, &mut buf);
        let mut names = Vec::new();
        for _ in 0..max {
            let Some(entry) = dir.next() else { break };
            if let Ok(name) = entry?.file_name().to_str()
                && name != "."
                && name != ".."
                && keep(name)
            {
                names.push(name.to_string());
            }
        }
        return Ok(names);
    }
    Ok(root
        .read_dir(rel)?
        .take(max)
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| keep(n))
        .collect())
}

/// A folder opened beneath `root` with `openat2`, as `cap-std` opens it; `None` where the
/// kernel lacks `openat2` or a sandbox refuses it (then `cap-std`'s own walk is used).
#[cfg(target_os = "linux")]
fn open_folder_beneath(root: &Dir, rel: &Path) -> io::Result<Option<std::os::fd::OwnedFd>> {
    use rustix::fs::{Mode, OFlags, ResolveFlags};
    use rustix::io::Errno;
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC | OFlags::NOCTTY;
    let resolve = ResolveFlags::BENEATH | ResolveFlags::NO_MAGICLINKS;
    // A rename anywhere on the host can fail a lookup with EAGAIN: tried again a few times.
    for _ in 0..4 {
        match rustix::fs::openat2(root, rel, flags, Mode::empty(), resolve) {
            Ok(fd) => return Ok(Some(fd)),
            Err(Errno::AGAIN) => continue,
            Err(Errno::NOSYS | Errno::PERM) => return Ok(None),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(None)
}

/// Every entry under `root`, as names relative to it joined with `/`, with its type as the
/// folder says it (links are not followed). At most `max` entries, else `None`.
pub fn walk_beneath(root: &Dir, max: usize) -> io::Result<Option<Vec<(String, EntryKind)>>> {
    let mut out = Vec::new();
    let mut stack = vec![String::new()];
    while let Some(prefix) = stack.pop() {
        let read = if prefix.is_empty() {
            root.entries()?
        } else {
            root.read_dir(&prefix)?
        };
        for entry in read {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            let kind = EntryKind::of(entry.file_type()?);
            if kind == EntryKind::Folder {
                stack.push(rel.clone());
            }
            out.push((rel, kind));
            if out.len() > max {
                return Ok(None);
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Some(out))
}

/// What a folder entry is, as the folder says (a link is not followed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Folder,
    Link,
    /// A FIFO, device or socket.
    Special,
}

impl EntryKind {
    fn of(t: cap_std::fs::FileType) -> EntryKind {
        if t.is_symlink() {
            EntryKind::Link
        } else if t.is_dir() {
            EntryKind::Folder
        } else if t.is_file() {
            EntryKind::File
        } else {
            EntryKind::Special
        }
    }
}

/// Creates `rel` beneath `root` (and the folders on the way) for writing; it must not exist.
pub fn create_beneath(root: &Dir, rel: &Path) -> io::Result<File> {
    if let Some(parent) = rel.parent().filter(|p| !p.as_os_str().is_empty()) {
        root.create_dir_all(parent)?;
    }
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    Ok(root.open_with(rel, &opts)?.into_std())
}

/// A path as written in `dossier.yaml` that names a place inside the dossier folder: not
/// absolute (Windows drive and UNC prefixes count as absolute too, on every platform) and
/// without `..`.
pub fn inside_the_folder(relative: &str) -> std::result::Result<(), Outside> {
    let rel = Path::new(relative);
    if rel.is_absolute() || relative.starts_with(['/', '\\']) || looks_like_drive(relative) {
        return Err(Outside::Absolute);
    }
    if rel.components().any(|c| c == Component::ParentDir)
        || relative.split('\\').any(|s| s == "..")
    {
        return Err(Outside::ParentDir);
    }
    Ok(())
}

/// Why a written path does not name a place inside the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outside {
    Absolute,
    ParentDir,
}

fn looks_like_drive(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':'
}

/// A name an archive may hold, and a manifest or `SHA256SUMS` may list: relative, joined with
/// `/`, with no empty, `.` or `..` part, no backslash, NUL or drive, and nothing that a
/// terminal would take for a control.
pub fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && inside_the_folder(name).is_ok()
        && !name.contains(['\\', '\0'])
        && !name.chars().any(char::is_control)
        && name
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..")
}

/// After a failed open: the first link on the way that points out of the folder, for the
/// message (read with `readlinkat` beneath the handle; nothing is followed).
fn link_outside(root: &Dir, rel: &Path) -> Option<PathBuf> {
    let mut prefix = PathBuf::new();
    for c in rel.components() {
        prefix.push(c);
        let meta = root.symlink_metadata(&prefix).ok()?;
        if meta.file_type().is_symlink() {
            let target = root.read_link_contents(&prefix).ok()?;
            let depth = prefix.components().count() - 1;
            if !stays_inside(depth, &target) {
                return Some(target);
            }
        }
    }
    None
}

/// Whether a link at `depth` folders below the root, pointing at `target`, stays inside.
fn stays_inside(depth: usize, target: &Path) -> bool {
    if target.is_absolute() {
        return false;
    }
    let mut depth = depth as i64;
    for c in target.components() {
        match c {
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    true
}

/// The kind of a path the user named, following links (`None` when it does not exist).
pub fn metadata(path: &Path) -> io::Result<Metadata> {
    std::fs::metadata(path)
}

/// The kind of a path itself (a link is not followed).
pub fn symlink_metadata(path: &Path) -> io::Result<Metadata> {
    std::fs::symlink_metadata(path)
}

/// The entries of a folder the user named (discovery walks the tree with it).
pub fn read_dir(path: &Path) -> io::Result<std::fs::ReadDir> {
    std::fs::read_dir(path)
}

/// The path with every link and `..` resolved (where the user's paths really are).
pub fn canonical(path: &Path) -> io::Result<PathBuf> {
    std::fs::canonicalize(path)
}

/// Whether `path`, once every link is resolved, lies inside `base`: a settings file's editions,
/// templates and anchors, an archive's own edition. A path that does not exist is left to its
/// reader to report.
pub fn stays_within(path: &Path, base: &Path) -> bool {
    let base = canonical(base).unwrap_or_else(|_| base.to_path_buf());
    canonical(path).map_or(true, |real| real.starts_with(&base))
}

/// Creates a folder where output was asked for.
pub fn create_dir_all(path: &Path) -> io::Result<()> {
    std::fs::create_dir_all(path)
}

/// Reads `dossier.yaml` beneath the folder's handle: a regular file, its size checked before
/// any byte is read.
pub fn read_yaml(root: &cap_std::fs::Dir) -> Result<String, Finding> {
    let too_large = |n: u64| {
        Finding::error(Code::YamlTooLarge)
            .arg("size", n)
            .arg("max", yaml::MAX_YAML_BYTES)
    };
    let bytes =
        read_beneath(root, Path::new(DOSSIER_FILE), yaml::MAX_YAML_BYTES).map_err(|e| match e {
            Unreadable::NotFound => Finding::error(Code::YamlMissing),
            Unreadable::TooLarge { size, .. } => too_large(size),
            Unreadable::Io(e) => Finding::error(Code::YamlUnreadable).arg("why", io_reason(&e)),
            Unreadable::NotAFile | Unreadable::LinkOutside(_) => {
                Finding::error(Code::YamlUnreadable).arg("why", e.reason())
            }
        })?;
    yaml::decode(bytes).map_err(|e| match e {
        ReadError::TooLarge(n) => too_large(n),
        ReadError::NotUtf8(why) => Finding::error(Code::YamlEncoding).arg("why", why),
    })
}

/// Temporary files being written now, removed by `remove_unfinished` when the run is
/// interrupted (the binary calls it on Ctrl-C and SIGTERM). `closed` once that has run: the
/// run is ending, and a file created after the sweep would be left behind.
static UNFINISHED: std::sync::Mutex<Unfinished> = std::sync::Mutex::new(Unfinished {
    paths: Vec::new(),
    closed: false,
});

struct Unfinished {
    paths: Vec<PathBuf>,
    closed: bool,
}

/// A temporary file's place in `UNFINISHED` while it is written.
struct Pending(PathBuf);

impl Pending {
    /// Creates the file at `path` (new, private) and records it in one step under the lock,
    /// so an interruption can never fall between the two.
    fn create(path: &Path) -> io::Result<File> {
        let mut registry = UNFINISHED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if registry.closed {
            return Err(io::Error::from(io::ErrorKind::Interrupted));
        }
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)?;
        registry.paths.push(path.to_path_buf());
        Ok(file)
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        let mut registry = UNFINISHED
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        registry.paths.retain(|p| p != &self.0);
    }
}

/// Removes every temporary file still being written: an interrupted run leaves none behind.
/// No temporary file can be created afterwards.
pub fn remove_unfinished() {
    let mut registry = UNFINISHED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    registry.closed = true;
    for p in registry.paths.drain(..) {
        let _ = std::fs::remove_file(p);
    }
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
    let mut file = AtomicFile::create(path, force)?;
    fill(file.as_file_mut()).map_err(|e| file.error(e))?;
    file.commit()
}

/// A file written over a whole run and put in place at the end: a private temporary file in
/// the target's folder, renamed over it only when complete (never over a file without
/// `force`, never over a link, pipe, device or folder). Dropped uncommitted, it is removed.
pub struct AtomicFile {
    path: PathBuf,
    force: bool,
    tmp: tempfile::NamedTempFile,
    _pending: Pending,
}

impl AtomicFile {
    /// Checks the target at once, so a run that could not write its result fails before it
    /// starts, and opens the temporary file.
    pub fn create(path: &Path, force: bool) -> Result<AtomicFile> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        match std::fs::symlink_metadata(path) {
            // `--force` replaces a regular file, never a link, a pipe, a device or a folder.
            Ok(m) if !m.file_type().is_file() => {
                return Err(Error::usage(
                    Message::new("usage.target-not-a-file").arg("file", path.display().to_string()),
                ));
            }
            Ok(_) if !force => return Err(exists(path)),
            _ => {}
        }
        // Known while it is written, so an interrupted run can remove it (`remove_unfinished`).
        let tmp = tempfile::Builder::new()
            .prefix(".dossier-tmp-")
            .make_in(dir, Pending::create)
            .map_err(|source| Error::Write {
                path: path.to_path_buf(),
                source,
            })?;
        let pending = Pending(tmp.path().to_path_buf());
        Ok(AtomicFile {
            path: path.to_path_buf(),
            force,
            tmp,
            _pending: pending,
        })
    }

    pub fn as_file_mut(&mut self) -> &mut File {
        self.tmp.as_file_mut()
    }

    /// A write error, naming the target.
    pub fn error(&self, source: io::Error) -> Error {
        Error::Write {
            path: self.path.clone(),
            source,
        }
    }

    /// Puts the complete file in place.
    pub fn commit(self) -> Result<()> {
        let io = |source| Error::Write {
            path: self.path.clone(),
            source,
        };
        // A temporary file is private (0600); the document is an ordinary file.
        {
            use std::os::unix::fs::PermissionsExt;
            self.tmp
                .as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644))
                .map_err(io)?;
        }
        self.tmp.as_file().sync_all().map_err(io)?;
        if self.force {
            self.tmp.persist(&self.path).map_err(|e| io(e.error))?;
        } else {
            // No-clobber even if the file appeared meanwhile.
            self.tmp.persist_noclobber(&self.path).map_err(|e| {
                if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                    exists(&self.path)
                } else {
                    io(e.error)
                }
            })?;
        }
        Ok(())
    }
}

impl io::Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tmp.as_file_mut().write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.tmp.as_file_mut().flush()
    }
}

fn exists(path: &Path) -> Error {
    Error::usage(Message::new("usage.exists").arg("file", path.display().to_string()))
}

/// Text kept for later in a report (the findings printed after a table laid out at the end):
/// in memory up to a bound, then in an anonymous temporary file, so a report over any number
/// of dossiers holds a bounded amount in memory.
#[derive(Default)]
pub struct Spill {
    memory: String,
    file: Option<File>,
    /// No temporary file could be made: everything stays in memory.
    in_memory: bool,
    /// A write to the temporary file failed: what was kept is incomplete.
    lost: Option<io::Error>,
}

impl Spill {
    pub fn push_str(&mut self, text: &str) {
        // Moved out before the string would grow past the bound, so its capacity stays within
        // it; a piece larger than the bound goes straight to the file.
        if self.memory.len() + text.len() > crate::limits::SPILL_BYTES {
            self.spill();
        }
        if self.memory.is_empty() && text.len() > crate::limits::SPILL_BYTES && !self.in_memory {
            self.memory.push_str(text);
            self.spill();
            return;
        }
        if self.memory.capacity() == 0 && !self.in_memory {
            self.memory.reserve_exact(crate::limits::SPILL_BYTES);
        }
        self.memory.push_str(text);
    }

    pub fn is_empty(&self) -> bool {
        self.memory.is_empty() && self.file.is_none()
    }

    fn spill(&mut self) {
        use std::io::Write;
        if self.in_memory {
            return;
        }
        let file = match &mut self.file {
            Some(f) => f,
            None => match tempfile::tempfile() {
                Ok(f) => self.file.insert(f),
                Err(_) => {
                    self.in_memory = true;
                    return;
                }
            },
        };
        if self.memory.is_empty() {
            return;
        }
        if let Err(e) = file.write_all(self.memory.as_bytes()) {
            self.lost.get_or_insert(e);
        }
        self.memory.clear();
    }

    /// Everything kept, in order, as text in pieces of at most a few tens of KiB.
    pub fn drain(self, mut each: impl FnMut(&str) -> Result<()>) -> Result<()> {
        use std::io::Seek;
        let path = PathBuf::from("<temporary file>");
        let io = |source| Error::Io {
            path: path.clone(),
            source,
        };
        if let Some(e) = self.lost {
            return Err(io(e));
        }
        if let Some(mut f) = self.file {
            f.seek(io::SeekFrom::Start(0)).map_err(io)?;
            let mut buf = vec![0u8; 64 << 10];
            // Bytes of a character cut at the end of a read, carried to the next.
            let mut carried = 0;
            loop {
                let n = f.read(&mut buf[carried..]).map_err(io)?;
                if n == 0 {
                    break;
                }
                let filled = carried + n;
                let valid = match std::str::from_utf8(&buf[..filled]) {
                    Ok(_) => filled,
                    Err(e) => e.valid_up_to(),
                };
                // Written from `&str`, so only a cut character can be invalid here.
                each(std::str::from_utf8(&buf[..valid]).unwrap_or_default())?;
                buf.copy_within(valid..filled, 0);
                carried = filled - valid;
            }
        }
        each(&self.memory)
    }
}

#[cfg(test)]
mod spill_tests {
    use super::Spill;

    #[test]
    fn spilled_text_comes_back_whole_and_in_order() {
        // Several MiB of two- and three-byte characters: pieces are cut inside characters.
        let line = "Заявление өтініш № 1 — ₸\n";
        let mut spill = Spill::default();
        let mut expected = String::new();
        for i in 0..200_000 {
            let piece = format!("{i} {line}");
            spill.push_str(&piece);
            expected.push_str(&piece);
        }
        assert!(spill.file.is_some(), "more than the bound moved to a file");
        assert!(spill.memory.capacity() <= crate::limits::SPILL_BYTES);
        let mut back = String::new();
        spill
            .drain(|piece| {
                back.push_str(piece);
                Ok(())
            })
            .unwrap();
        assert_eq!(back.len(), expected.len());
        assert!(back == expected);
    }
}
