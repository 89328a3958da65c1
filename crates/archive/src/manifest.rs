//! The one archive model: what `pack` writes, `verify` reads back and checks, and the names both
//! agree on. `manifest.json` records the edition, the outcome and every file with its size,
//! pages and SHA-256; `SHA256SUMS` repeats the digests for `sha256sum -c`.

use crate::files::plain_name;
use dossier_model::edition::{Editions, Origin};
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

impl ManifestFile {
    /// The record of a file the tool made (its digest and size filled in when it is written).
    pub fn made(name: &str, role: &str) -> ManifestFile {
        ManifestFile {
            name: name.to_string(),
            role: role.to_string(),
            requirement: None,
            clause: None,
            source: None,
            size: 0,
            pages: None,
            sha256: String::new(),
        }
    }
}

pub const MANIFEST: &str = "manifest.json";
pub const SUMS: &str = "SHA256SUMS";

impl Manifest {
    /// `manifest.json` as `pack` writes it.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }

    /// `SHA256SUMS` for `sha256sum -c`: every file and `manifest.json` (given as written), by
    /// name.
    pub fn sums(&self, manifest_json: &str) -> String {
        let mut listed: Vec<(&str, String)> = self
            .files
            .iter()
            .map(|f| (f.name.as_str(), f.sha256.clone()))
            .collect();
        let own = crate::integrity::sha256_of(manifest_json.as_bytes())
            .map(|(d, _)| d)
            .unwrap_or_default();
        listed.push((MANIFEST, own));
        listed.sort();
        listed
            .iter()
            .map(|(name, sha)| format!("{sha}  {name}\n"))
            .collect()
    }

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

/// The edition's TOML text as the dossier was judged under it, and whether it is built in.
pub fn edition_text(j: &crate::judge::Judged) -> crate::error::Result<(String, bool)> {
    match &j.edition.origin {
        Origin::BuiltIn => Ok((
            Editions::built_in_text(j.edition.id())
                .unwrap_or_default()
                .to_string(),
            true,
        )),
        Origin::File(path) => crate::files::read_text(path).map(|t| (t, false)),
    }
}

/// The state body's own documents a pack carries, drafted from the packed dossier: the
/// application and the covering letter that lists (and digests) its attachments.
pub const PACKED_DRAFTS: [crate::render::Document; 2] = [
    crate::render::Document::Application,
    crate::render::Document::CoverLetter,
];

/// The name of a packed draft in a language and format: `application.kk.pdf`.
pub fn draft_name(
    document: crate::render::Document,
    lang: crate::lang::Lang,
    format: crate::render::Format,
) -> String {
    format!("{}.{}.{}", document.id(), lang.code(), format.extension())
}
