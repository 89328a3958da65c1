//! The bounds every input is read within, in one place (docs/limits.md lists them). The readers
//! that keep them are `crate::files`.

/// `dossier.yaml` larger than this is refused before it is read.
pub const MAX_YAML_BYTES: u64 = 1024 * 1024;

/// `dossier.toml`, edition files, calendars and templates larger than this are refused.
pub const MAX_TEXT_BYTES: u64 = 4 * 1024 * 1024;

/// Findings reported per dossier; beyond, one finding says how many more there are.
pub const MAX_FINDINGS: usize = 100;

/// Entries an archive may hold.
pub const MAX_ARCHIVE_ENTRIES: usize = 10_000;

/// Entries of a document's folder looked through for signature files beside it.
pub const MAX_FOLDER_ENTRIES: usize = 10_000;

/// Rows whose every combination `to_pass` tries; beyond, it searches greedily.
pub const MAX_EXHAUSTIVE_ROWS: usize = 16;

/// Bytes an archive may unpack to, in all.
pub const MAX_UNPACKED: u64 = 4 << 30;

/// An archive entry above 1 MiB that inflates beyond this ratio is a bomb, not a document.
pub const MAX_ENTRY_RATIO: u64 = 200;

/// `manifest.json` of an archive: a few hundred bytes per file, for at most
/// `MAX_ARCHIVE_ENTRIES` files.
pub const MAX_MANIFEST_BYTES: u64 = 16 << 20;

/// `SHA256SUMS` of an archive: one line of at most a few hundred bytes per file.
pub const MAX_SUMS_BYTES: u64 = 4 << 20;

/// `dossier.lock`: a line or two per document.
pub const MAX_LOCK_BYTES: u64 = 1 << 20;
