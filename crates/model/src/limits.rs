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

/// Bytes an archive may unpack to, in all, whatever its size.
pub const MAX_UNPACKED: u64 = 4 << 30;

/// What an archive may unpack to against its own size: `MAX_UNPACK_RATIO` times its size and
/// `UNPACK_SLACK` more. Documents compress little (PDFs, Office files and images are compressed
/// already); a blank scan compresses well, which the slack allows for.
pub const MAX_UNPACK_RATIO: u64 = 100;
pub const UNPACK_SLACK: u64 = 64 << 20;

/// The central directory of an archive: a record of under a few hundred bytes per entry.
pub const MAX_ZIP_DIRECTORY_BYTES: u64 = 4 << 20;

/// `manifest.json` of an archive: a few hundred bytes per file, for at most
/// `MAX_ARCHIVE_ENTRIES` files.
pub const MAX_MANIFEST_BYTES: u64 = 16 << 20;

/// `SHA256SUMS` of an archive: one line of at most a few hundred bytes per file.
pub const MAX_SUMS_BYTES: u64 = 4 << 20;

/// A packed application (PDF or Word), read back to compare with a fresh draft.
pub const MAX_APPLICATION_BYTES: u64 = 16 << 20;

/// `dossier.lock`: a line or two per document.
pub const MAX_LOCK_BYTES: u64 = 1 << 20;

// --- Discovery ------------------------------------------------------------------------------

/// Folders below a path given on the command line that discovery descends.
pub const MAX_FOLDER_DEPTH: usize = 64;

// --- dossier.yaml ---------------------------------------------------------------------------

/// YAML structure: nesting, nodes, anchors and aliases, documents.
pub const MAX_YAML_DEPTH: usize = 64;
pub const MAX_YAML_NODES: usize = 100_000;
pub const MAX_YAML_ANCHORS: usize = 1_000;
pub const MAX_YAML_ALIASES: usize = 1_000;
/// Events replayed through aliases in all, their nesting, and per anchor.
pub const MAX_YAML_REPLAYED_EVENTS: usize = 10_000;
pub const MAX_YAML_REPLAY_DEPTH: usize = 16;
pub const MAX_YAML_EXPANSIONS_PER_ANCHOR: usize = 100;

// --- Editions -------------------------------------------------------------------------------

/// Rows of each table of an edition: kinds, requirements, facts, groups, criteria, grounds,
/// deadlines, drafts.
pub const MAX_EDITION_KINDS: usize = 20;
pub const MAX_EDITION_REQUIREMENTS: usize = 500;
pub const MAX_EDITION_FACTS: usize = 200;
pub const MAX_EDITION_GROUPS: usize = 50;
pub const MAX_EDITION_CRITERIA: usize = 200;
pub const MAX_EDITION_GROUNDS: usize = 50;
pub const MAX_EDITION_DEADLINES: usize = 50;
pub const MAX_EDITION_DRAFTS: usize = 20;
/// A statutory period, in working days.
pub const MAX_PERIOD_DAYS: u32 = 366;

// --- Documents ------------------------------------------------------------------------------

/// Leading bytes read at once; a file this small is read whole in one call.
pub const HEAD_BYTES: usize = 64 * 1024;
/// A ZIP-based document's entries, and what its main part may inflate to.
pub const MAX_ZIP_ENTRIES: u64 = 20_000;
pub const MAX_MAIN_PART: u64 = 64 << 20;
/// Digests a run remembers (by file identity, size and time) so a document is hashed once.
pub const MAX_REMEMBERED_DIGESTS: usize = 100_000;
/// A Word file's `docProps/app.xml`, read for the page count it records.
pub const MAX_APP_XML: u64 = 64 * 1024;
/// Encrypted PDFs are checked by `lopdf`, which reads them whole: only up to this size.
pub const MAX_ENCRYPTED_PDF: u64 = 64 << 20;
/// A PDF's cross-reference sections (`/Prev` chain), entries, bytes inflated from its
/// structural streams, bytes of one object, objects resolved, page-tree nodes and nesting.
pub const MAX_PDF_SECTIONS: usize = 64;
pub const MAX_PDF_XREF_ENTRIES: usize = 1_000_000;
pub const MAX_PDF_INFLATED: usize = 32 << 20;
pub const MAX_PDF_OBJECT_BYTES: usize = 1 << 20;
pub const MAX_PDF_RESOLVED: usize = 200_000;
pub const MAX_PDF_PAGE_NODES: usize = 200_000;
pub const MAX_PDF_DEPTH: usize = 32;

// --- Signatures -----------------------------------------------------------------------------

/// A signature file is read up to this size.
pub const MAX_SIGNATURE_BYTES: u64 = 1 << 20;
/// A signed PDF is hashed up to this size.
pub const MAX_SIGNED_PDF: u64 = 256 << 20;
/// The tail of a PDF looked through for `/ByteRange` (an incremental update puts it there).
pub const PDF_SIGNATURE_TAIL: u64 = 128 * 1024;
/// Signature dictionaries read in one PDF.
pub const MAX_PDF_SIGNATURES: usize = 16;
/// Signers read in one CMS signature.
pub const MAX_SIGNERS: usize = 16;
/// The largest RSA modulus whose signature value is checked, in bits (NIST's largest size is
/// 15,360): the public operation costs the square of the size, so a larger key is reported as
/// not verified rather than worked on for minutes.
pub const MAX_RSA_MODULUS_BITS: usize = 16_384;
/// A signature's ASN.1: nesting, elements in all, and elements of any SET OF (which the decoder
/// checks for order in time that grows with the square of its size).
pub const MAX_DER_DEPTH: usize = 64;
pub const MAX_DER_ELEMENTS: usize = 100_000;
pub const MAX_SET_ELEMENTS: usize = 256;
/// Around a `/ByteRange`: bytes read before it for the start of its dictionary, and after it
/// for the rest (a `/Contents` hex string twice the size of the largest signature file).
pub const PDF_SIGNATURE_BEFORE: usize = 64 << 10;
pub const PDF_SIGNATURE_AFTER: usize = (2 << 20) + (64 << 10);

// --- Templates ------------------------------------------------------------------------------

/// A custom template's instructions, and the text it may produce.
pub const TEMPLATE_FUEL: u64 = 5_000_000;
pub const MAX_TEMPLATE_OUTPUT: usize = 16 << 20;

/// Report text kept for the end of a run (the findings after a table) held in memory before
/// it moves to an anonymous temporary file: memory stays flat however many dossiers there are.
pub const SPILL_BYTES: usize = 256 << 10;
