//! The one archive model: what `pack` writes, `verify` reads back and checks, and the names both
//! agree on. `manifest.json` records the edition, the outcome and every file with its size,
//! pages and SHA-256; `SHA256SUMS` repeats the digests for `sha256sum -c`.

use crate::files::plain_name;
use serde::{Deserialize, Serialize};

/// The manifest of a packed dossier.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub schema: u32,
    /// `dossier 0.1.0`
    pub tool: String,
    pub edition: EditionRef,
    /// The check date.
    pub checked: String,
    pub outcome: String,
    pub grounds: Vec<String>,
    pub ready: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<ScoreRef>,
    /// The findings were recorded though the dossier was not ready (`--force-incomplete`).
    #[serde(default)]
    pub forced: bool,
    pub files: Vec<ManifestFile>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct EditionRef {
    pub id: String,
    /// SHA-256 of the edition's TOML text.
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ScoreRef {
    pub total: u32,
    pub max: u32,
    pub passed: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    /// The name inside the archive's folder.
    pub name: String,
    /// `document`, `signature`, `draft`, `dossier`, `notes`.
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// The path in the dossier folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub size: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    pub sha256: String,
}

pub const MANIFEST: &str = "manifest.json";
pub const SUMS: &str = "SHA256SUMS";

impl Manifest {
    /// Parses `manifest.json`, refusing any file name an archive may not hold.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, ManifestError> {
        let manifest: Manifest =
            serde_json::from_slice(bytes).map_err(|e| ManifestError::Json {
                line: e.line(),
                column: e.column(),
            })?;
        if let Some(f) = manifest.files.iter().find(|f| !plain_name(&f.name)) {
            return Err(ManifestError::UnsafeName(f.name.clone()));
        }
        Ok(manifest)
    }
}

/// Why `manifest.json` cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManifestError {
    /// Not JSON of the manifest's shape; where the reader stopped.
    Json { line: usize, column: usize },
    /// A file name with `..`, a root, a backslash or a control character.
    UnsafeName(String),
}
