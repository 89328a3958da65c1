//! Document inspection: is a file named in `dossier.yaml` a real document inside the dossier?
//!
//! A path is judged before anything is opened: absolute paths, `..` and links that resolve
//! outside the folder are refused unopened (contract §2). A file's type comes from its
//! content, never its name (contract §3). Large files are never read whole: the type needs the
//! first bytes, ZIP-based formats their central directory, and a PDF is memory-mapped so that
//! only the objects that hold the page tree are touched.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

/// The first line of every placeholder `dossier init` writes. A file that starts with it
/// is a placeholder, not a document (contract §3).
pub const PLACEHOLDER_MARKER: &str = "DOSSIER-PLACEHOLDER";

/// How many leading bytes are read to recognise a file's type.
const SNIFF_BYTES: usize = 8 * 1024;

/// Document types the contract accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocType {
    Pdf,
    /// Word or Excel 97–2003 (an OLE compound file).
    LegacyOffice,
    Docx,
    Xlsx,
    Odt,
    Ods,
    Rtf,
    Png,
    Jpeg,
    Tiff,
}

/// What one file named in `documents` turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A real document; `pages` where the page count can be read.
    Document {
        doc_type: DocType,
        pages: Option<u32>,
    },
    /// Nothing at that path.
    NotFound,
    /// A placeholder written by `dossier init`.
    Placeholder,
    /// There, but not usable as a document.
    Unusable(Problem),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// An absolute path: never followed.
    Absolute,
    /// The path climbs out of the dossier with `..`: never followed.
    ParentDir,
    /// A link (or a linked folder on the way) resolving outside the dossier.
    LinkOutside(PathBuf),
    /// A folder, device or pipe rather than a regular file.
    NotAFile,
    Empty,
    Unreadable(String),
    UnknownType,
    /// A ZIP archive that is no Word, Excel or OpenDocument file.
    OtherArchive,
    /// A broken ZIP-based office file.
    DamagedArchive(String),
    DamagedPdf(String),
    PasswordProtectedPdf,
}

/// Inspects `relative` (as written in `dossier.yaml`) inside the dossier folder `root`.
/// `root` must be canonical (see `std::fs::canonicalize`).
pub fn inspect(root: &Path, relative: &str) -> Verdict {
    let rel = Path::new(relative);
    // Windows drive and UNC prefixes count as absolute too, on every platform.
    if rel.is_absolute() || relative.starts_with(['/', '\\']) || looks_like_drive(relative) {
        return Verdict::Unusable(Problem::Absolute);
    }
    if rel.components().any(|c| c == Component::ParentDir)
        || relative.split('\\').any(|s| s == "..")
    {
        return Verdict::Unusable(Problem::ParentDir);
    }
    let joined = root.join(rel);
    if let Err(e) = std::fs::symlink_metadata(&joined) {
        return match e.kind() {
            io::ErrorKind::NotFound => Verdict::NotFound,
            _ => Verdict::Unusable(Problem::Unreadable(e.to_string())),
        };
    }
    // Resolves every link on the way; the file itself is not opened.
    let real = match std::fs::canonicalize(&joined) {
        Ok(p) => p,
        // A dangling link: it points at nothing we may follow.
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return match std::fs::read_link(&joined) {
                Ok(target) if !resolves_inside(root, &joined, &target) => {
                    Verdict::Unusable(Problem::LinkOutside(target))
                }
                _ => Verdict::NotFound,
            };
        }
        Err(e) => return Verdict::Unusable(Problem::Unreadable(e.to_string())),
    };
    if !real.starts_with(root) {
        return Verdict::Unusable(Problem::LinkOutside(real));
    }
    let meta = match std::fs::metadata(&real) {
        Ok(m) => m,
        Err(e) => return Verdict::Unusable(Problem::Unreadable(e.to_string())),
    };
    // Never open a pipe or device: reading one could block or never end.
    if !meta.is_file() {
        return Verdict::Unusable(Problem::NotAFile);
    }
    if meta.len() == 0 {
        return Verdict::Unusable(Problem::Empty);
    }
    match inspect_file(&real) {
        Ok(v) => v,
        Err(e) => Verdict::Unusable(Problem::Unreadable(e.to_string())),
    }
}

fn looks_like_drive(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':'
}

fn resolves_inside(root: &Path, link: &Path, target: &Path) -> bool {
    if target.is_absolute() {
        return target.starts_with(root);
    }
    let base = link.parent().unwrap_or(root);
    let mut depth: i64 = base
        .strip_prefix(root)
        .map_or(-1, |p| p.components().count() as i64);
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

fn inspect_file(path: &Path) -> io::Result<Verdict> {
    let mut file = File::open(path)?;
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut file)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)?;
    if head.starts_with(PLACEHOLDER_MARKER.as_bytes()) {
        return Ok(Verdict::Placeholder);
    }
    if head.starts_with(&OLE_MAGIC) {
        return Ok(inspect_ole(file));
    }
    let Some(kind) = infer::get(&head) else {
        return Ok(Verdict::Unusable(Problem::UnknownType));
    };
    let verdict = match kind.mime_type() {
        "application/pdf" => inspect_pdf(&file),
        "application/rtf" => doc(DocType::Rtf),
        "image/png" => doc(DocType::Png),
        "image/jpeg" => doc(DocType::Jpeg),
        "image/tiff" => doc(DocType::Tiff),
        // Every ZIP-based format is checked by its central directory, whatever the head says.
        m if m == "application/zip"
            || m.contains("openxmlformats")
            || m.contains("opendocument") =>
        {
            inspect_zip(file)
        }
        _ => Verdict::Unusable(Problem::UnknownType),
    };
    Ok(verdict)
}

fn doc(doc_type: DocType) -> Verdict {
    Verdict::Document {
        doc_type,
        pages: None,
    }
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Word and Excel 97–2003 are OLE compound files holding a `WordDocument` or `Workbook`
/// (`Book` in Excel 5) stream; an installer or a Outlook message is not a document.
fn inspect_ole(file: File) -> Verdict {
    let compound = match cfb::CompoundFile::open(io::BufReader::new(file)) {
        Ok(c) => c,
        Err(e) => return Verdict::Unusable(Problem::DamagedArchive(e.to_string())),
    };
    let is_office = ["/WordDocument", "/Workbook", "/Book"]
        .iter()
        .any(|s| compound.is_stream(s));
    if is_office {
        doc(DocType::LegacyOffice)
    } else {
        Verdict::Unusable(Problem::UnknownType)
    }
}

/// DOCX, XLSX, ODT, ODS: a ZIP whose parts say what it is. Only the central directory and the
/// tiny stored `mimetype` entry are read.
fn inspect_zip(file: File) -> Verdict {
    let mut archive = match zip::ZipArchive::new(io::BufReader::new(file)) {
        Ok(a) => a,
        Err(e) => return Verdict::Unusable(Problem::DamagedArchive(e.to_string())),
    };
    let has = |name: &str| archive.file_names().any(|n| n == name);
    if has("word/document.xml") {
        return doc(DocType::Docx);
    }
    if has("xl/workbook.xml") {
        return doc(DocType::Xlsx);
    }
    if has("mimetype") {
        let mut mime = String::new();
        let read = archive
            .by_name("mimetype")
            .map_err(|e| e.to_string())
            .and_then(|f| {
                f.take(128)
                    .read_to_string(&mut mime)
                    .map_err(|e| e.to_string())
            });
        return match read {
            Err(e) => Verdict::Unusable(Problem::DamagedArchive(e)),
            Ok(_) if mime.trim() == "application/vnd.oasis.opendocument.text" => doc(DocType::Odt),
            Ok(_) if mime.trim() == "application/vnd.oasis.opendocument.spreadsheet" => {
                doc(DocType::Ods)
            }
            Ok(_) => Verdict::Unusable(Problem::OtherArchive),
        };
    }
    Verdict::Unusable(Problem::OtherArchive)
}

// The one place the crate allows `unsafe`: mapping a PDF instead of reading it whole.
#[allow(unsafe_code)]
fn inspect_pdf(file: &File) -> Verdict {
    // SAFETY: the map is read-only and dropped before this function returns. If another
    // process truncates the file under the map, reading the lost pages raises SIGBUS and the
    // process dies; the same trade-off ripgrep makes to avoid reading multi-hundred-megabyte
    // scans into memory.
    let map = match unsafe { memmap2::Mmap::map(file) } {
        Ok(m) => m,
        Err(e) => return Verdict::Unusable(Problem::Unreadable(e.to_string())),
    };
    match lopdf::Document::load_metadata_mem(&map) {
        Err(e) => Verdict::Unusable(Problem::DamagedPdf(e.to_string())),
        // With a user password, lopdf reports the file as encrypted and reads no pages.
        Ok(meta) if meta.encrypted && meta.page_count == 0 => {
            Verdict::Unusable(Problem::PasswordProtectedPdf)
        }
        Ok(meta) if meta.xref_recovery == Some(lopdf::xref::XrefRecovery::Reconstructed) => {
            Verdict::Unusable(Problem::DamagedPdf(
                "its cross-reference table is broken".to_string(),
            ))
        }
        Ok(meta) if meta.page_count == 0 => {
            Verdict::Unusable(Problem::DamagedPdf("it has no pages".to_string()))
        }
        Ok(meta) => Verdict::Document {
            doc_type: DocType::Pdf,
            pages: Some(meta.page_count),
        },
    }
}
