//! Document inspection: is a file named in `dossier.yaml` a real document inside the dossier?
//!
//! A path is judged before anything is opened: absolute paths and `..` are refused unopened
//! (contract §2). Then it is opened relative to a handle on the dossier folder, component by
//! component (`cap-std`: `openat2` with `RESOLVE_BENEATH` where the kernel has it), so no link
//! can lead out of the folder however the tree changes meanwhile; a link that stays inside is
//! followed the same safe way. The file is opened non-blocking (a FIFO never hangs), checked with
//! `fstat` on that handle, and only that handle is read: never reopened by path.
//!
//! A file's type comes from its content, never its name (contract §3), and the content must hold
//! up: an image has dimensions, an Office file's main part inflates, a PDF's page tree holds the
//! pages it declares. Nothing is read whole: the head (64 KiB), a ZIP's end record and central
//! directory, an OLE header and directory, and a PDF's cross-reference data and page tree, each
//! with a cap on bytes read and inflated.

mod damage;
mod pdf;

pub use damage::Damage;

use crate::limits::{HEAD_BYTES, MAX_APP_XML, MAX_ENCRYPTED_PDF, MAX_MAIN_PART, MAX_ZIP_ENTRIES};

use crate::files::Unreadable;
use cap_std::fs::Dir;
use std::fs::File;
use std::io::{self, Read};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

pub use pdf::{Bytes, SignatureFields, signature_fields};

/// The first line of every placeholder `dossier init` writes. A file that starts with it
/// is a placeholder, not a document (contract §3).
pub const PLACEHOLDER_MARKER: &str = "DOSSIER-PLACEHOLDER";

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
    /// A real document; `pages` where the page count can be read. `id` names the file itself
    /// (device and inode), so the same file named twice counts once.
    Document {
        doc_type: DocType,
        pages: Option<u32>,
        /// Worksheets of a spreadsheet (XLSX), which has no pages of its own.
        sheets: Option<u32>,
        /// A PDF that may hold a signature: `/ByteRange` in what was read, or a file larger than
        /// what was read. A PDF read whole without it holds none (no second read is needed).
        maybe_signed: bool,
        id: (u64, u64),
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
    Unreadable(Damage),
    UnknownType,
    /// A ZIP archive that is no Word, Excel or OpenDocument file.
    OtherArchive,
    /// A broken ZIP-based or OLE office file, or a broken image or RTF.
    DamagedArchive(Damage),
    DamagedPdf(Damage),
    PasswordProtectedPdf,
}

pub use crate::files::open_root;

/// A path as written in `dossier.yaml` that names a place inside the dossier folder.
pub fn inside_the_folder(relative: &str) -> Result<(), Problem> {
    crate::files::inside_the_folder(relative).map_err(|o| match o {
        crate::files::Outside::Absolute => Problem::Absolute,
        crate::files::Outside::ParentDir => Problem::ParentDir,
    })
}

/// Inspects `relative` (as written in `dossier.yaml`) beneath the dossier folder `root`.
pub fn inspect(root: &Dir, relative: &str) -> Verdict {
    if let Err(problem) = inside_the_folder(relative) {
        return Verdict::Unusable(problem);
    }
    let rel = Path::new(relative);
    // Never a pipe or device: reading one could block or never end.
    let (file, meta) = match crate::files::open_beneath(root, rel) {
        Ok(opened) => opened,
        Err(Unreadable::NotFound) => return Verdict::NotFound,
        Err(Unreadable::NotAFile) => return Verdict::Unusable(Problem::NotAFile),
        Err(Unreadable::LinkOutside(target)) => {
            return Verdict::Unusable(Problem::LinkOutside(target));
        }
        // No bound is asked of a document here, so the last two are I/O errors.
        Err(Unreadable::Io(e)) => return Verdict::Unusable(Problem::Unreadable(Damage::read(&e))),
        Err(Unreadable::TooLarge { .. }) => {
            return Verdict::Unusable(Problem::Unreadable(Damage::Read(None)));
        }
    };
    if meta.len() == 0 {
        return Verdict::Unusable(Problem::Empty);
    }
    use std::os::unix::fs::MetadataExt;
    let id = (meta.dev(), meta.ino());
    let opened = Opened::File {
        file,
        len: meta.len(),
    };
    match inspect_file(&opened, Some(id)) {
        Ok(Verdict::Document {
            doc_type,
            pages,
            sheets,
            maybe_signed,
            ..
        }) => Verdict::Document {
            doc_type,
            pages,
            sheets,
            maybe_signed,
            id,
        },
        Ok(v) => v,
        Err(e) => Verdict::Unusable(Problem::Unreadable(Damage::read(&e))),
    }
}

/// An open regular file and its size at `fstat`, read only by position; or bytes in memory
/// (for the fuzz harnesses, which check the same content rules).
enum Opened<'m> {
    File { file: File, len: u64 },
    Mem(&'m [u8]),
}

impl Opened<'_> {
    fn size(&self) -> u64 {
        match self {
            Opened::File { len, .. } => *len,
            Opened::Mem(b) => b.len() as u64,
        }
    }

    /// Up to `n` bytes from `offset` (fewer at the end of the file) into `buf`, replacing what
    /// it held.
    fn read_into(&self, offset: u64, n: usize, buf: &mut Vec<u8>) -> io::Result<()> {
        let n = n.min(self.size().saturating_sub(offset) as usize);
        buf.clear();
        buf.resize(n, 0);
        let mut done = 0;
        while done < n {
            match self.read_at(&mut buf[done..], offset + done as u64) {
                Ok(0) => break,
                Ok(k) => done += k,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        buf.truncate(done);
        Ok(())
    }

    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        match self {
            Opened::File { file, .. } => file.read_at(buf, offset),
            Opened::Mem(b) => {
                let start = (offset as usize).min(b.len());
                let n = buf.len().min(b.len() - start);
                buf[..n].copy_from_slice(&b[start..start + n]);
                Ok(n)
            }
        }
    }
}

impl Bytes for Opened<'_> {
    fn len(&self) -> u64 {
        self.size()
    }
    fn read(&self, offset: u64, n: usize) -> io::Result<std::borrow::Cow<'_, [u8]>> {
        if let Opened::Mem(b) = self {
            return b.read(offset, n);
        }
        let mut buf = Vec::new();
        self.read_into(offset, n, &mut buf)?;
        Ok(std::borrow::Cow::Owned(buf))
    }
}

/// Judges bytes as a document, by the same content rules as a file (for fuzzing and tests).
pub fn inspect_bytes(bytes: &[u8]) -> Verdict {
    if bytes.is_empty() {
        return Verdict::Unusable(Problem::Empty);
    }
    inspect_file(&Opened::Mem(bytes), None)
        .unwrap_or_else(|e| Verdict::Unusable(Problem::Unreadable(Damage::read(&e))))
}

/// Positioned reads as `Read + Seek`, for the ZIP and OLE readers, never past `len`.
struct Cursor<'a> {
    opened: &'a Opened<'a>,
    pos: u64,
}

impl Read for Cursor<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.opened.size().saturating_sub(self.pos);
        let n = (buf.len() as u64).min(left) as usize;
        if n == 0 {
            return Ok(0);
        }
        let k = self.opened.read_at(&mut buf[..n], self.pos)?;
        self.pos += k as u64;
        Ok(k)
    }
}

impl io::Seek for Cursor<'_> {
    fn seek(&mut self, to: io::SeekFrom) -> io::Result<u64> {
        let next = match to {
            io::SeekFrom::Start(n) => Some(n),
            io::SeekFrom::End(d) => self.opened.size().checked_add_signed(d),
            io::SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = next.ok_or_else(|| io::Error::other("seek out of range"))?;
        Ok(self.pos)
    }
}

thread_local! {
    /// The buffer each worker reads a file's head into, kept from file to file: a head is
    /// nearly always a whole small document, and a new zeroed buffer for each was an
    /// allocation past the allocator's per-thread cache (so under its shared lock) per file.
    static HEAD: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
    /// The file (device, inode) whose whole content `HEAD` holds, if it holds a whole one.
    static HEAD_HOLDS: std::cell::Cell<Option<(u64, u64)>> = const { std::cell::Cell::new(None) };
}

/// The content of the file `id` as the worker's last inspection read it, when that was the
/// whole file: a signature's digest is then taken of the very bytes inspected, without opening
/// the file again. Hand the buffer back with `return_content`.
pub fn inspected_content(id: (u64, u64)) -> Option<Vec<u8>> {
    (HEAD_HOLDS.get() == Some(id)).then(|| {
        HEAD_HOLDS.set(None);
        HEAD.take()
    })
}

/// Gives `inspected_content`'s buffer back for the next file's head.
pub fn return_content(buffer: Vec<u8>) {
    HEAD.set(buffer);
}

fn inspect_file(opened: &Opened<'_>, id: Option<(u64, u64)>) -> io::Result<Verdict> {
    let Opened::File { .. } = opened else {
        let head = opened.read(0, HEAD_BYTES)?;
        return Ok(inspect_content(opened, &head));
    };
    HEAD_HOLDS.set(None);
    let mut head = HEAD.take();
    let verdict = opened.read_into(0, HEAD_BYTES, &mut head).map(|()| {
        // A file that fits in its head is read once: everything else reads the head in memory.
        if head.len() as u64 == opened.size() {
            HEAD_HOLDS.set(id);
            inspect_content(&Opened::Mem(&head), &head)
        } else {
            inspect_content(opened, &head)
        }
    });
    HEAD.set(head);
    verdict
}

fn inspect_content(opened: &Opened<'_>, head: &[u8]) -> Verdict {
    if head.starts_with(PLACEHOLDER_MARKER.as_bytes()) {
        return Verdict::Placeholder;
    }
    if head.starts_with(&OLE_MAGIC) {
        return inspect_ole(opened, head);
    }
    // Most documents are PDFs, found by these four bytes (as `infer` finds them) without trying
    // the eighty signatures `infer` tries before.
    if head.starts_with(b"%PDF") {
        return inspect_pdf(opened, head);
    }
    // A ZIP (a Word or Excel file, most often) is checked by its central directory whatever
    // `infer` would call it, except the ZIP-based formats that are not documents (an EPUB, an
    // OpenRaster image), found by the mimetype member `infer` reads: `infer` would also scan
    // the entries three times over for the Office types.
    if head.starts_with(b"PK\x03\x04") && !infer::book::is_epub(head) && !infer::image::is_ora(head)
    {
        return inspect_zip(opened);
    }
    let Some(kind) = infer::get(head) else {
        return Verdict::Unusable(Problem::UnknownType);
    };
    match kind.mime_type() {
        "application/pdf" => inspect_pdf(opened, head),
        "application/rtf" => inspect_rtf(opened, head),
        "image/png" => inspect_image(head, DocType::Png),
        "image/jpeg" => inspect_image(head, DocType::Jpeg),
        "image/tiff" => inspect_image(head, DocType::Tiff),
        // Every ZIP-based format is checked by its central directory, whatever the head says.
        m if m == "application/zip"
            || m.contains("openxmlformats")
            || m.contains("opendocument") =>
        {
            inspect_zip(opened)
        }
        _ => Verdict::Unusable(Problem::UnknownType),
    }
}

fn doc(doc_type: DocType, pages: Option<u32>) -> Verdict {
    Verdict::Document {
        doc_type,
        pages,
        sheets: None,
        maybe_signed: false,
        id: (0, 0),
    }
}

fn damaged(why: Damage) -> Verdict {
    Verdict::Unusable(Problem::DamagedArchive(why))
}

/// An image is one when its header gives it dimensions.
fn inspect_image(head: &[u8], doc_type: DocType) -> Verdict {
    match imagesize::blob_size(head) {
        Ok(size) if size.width > 0 && size.height > 0 => doc(doc_type, None),
        _ => damaged(Damage::NoImageDimensions),
    }
}

/// RTF: a `{\rtf1` group that closes, with something in it.
fn inspect_rtf(opened: &Opened<'_>, head: &[u8]) -> Verdict {
    let tail = opened
        .read(opened.size().saturating_sub(64), 64)
        .unwrap_or_default();
    let closes = tail
        .iter()
        .rev()
        .find(|c| !c.is_ascii_whitespace() && **c != 0)
        == Some(&b'}');
    if head.starts_with(b"{\\rtf1") && opened.size() > 16 && closes {
        doc(DocType::Rtf, None)
    } else {
        damaged(Damage::RtfCutShort)
    }
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Word and Excel 97–2003 are OLE compound files holding a `WordDocument` or `Workbook`
/// (`Book` in Excel 5) stream; an installer or an Outlook message is not a document. The header
/// must be possible for the file's size before the directory is read.
fn inspect_ole(opened: &Opened<'_>, head: &[u8]) -> Verdict {
    if head.len() < 512 {
        return damaged(Damage::OleHeaderCutShort);
    }
    let shift = u16::from_le_bytes([head[30], head[31]]);
    let fat_sectors = u32::from_le_bytes([head[44], head[45], head[46], head[47]]);
    if !(shift == 9 || shift == 12)
        || u64::from(fat_sectors) << shift > opened.size()
        || fat_sectors == 0
    {
        return damaged(Damage::OleHeaderMisfit);
    }
    let compound = match cfb::CompoundFile::open(Cursor { opened, pos: 0 }) {
        Ok(c) => c,
        Err(_) => return damaged(Damage::OleUnreadable),
    };
    let main = ["/WordDocument", "/Workbook", "/Book"]
        .iter()
        .find(|s| compound.is_stream(s))
        .and_then(|s| compound.entry(s).ok());
    match main {
        Some(e) if !e.is_empty() && e.len() <= opened.size() => doc(DocType::LegacyOffice, None),
        Some(_) => damaged(Damage::OleStreamSize),
        None => Verdict::Unusable(Problem::UnknownType),
    }
}

/// DOCX, XLSX, ODT, ODS: a ZIP whose parts say what it is. The end record is found at the end
/// of the file, the entry count is capped, and the main part must inflate to XML.
fn inspect_zip(opened: &Opened<'_>) -> Verdict {
    if let Err(why) = zip_end_record(opened) {
        return damaged(why);
    }
    let mut archive = match zip::ZipArchive::new(Cursor { opened, pos: 0 }) {
        Ok(a) => a,
        Err(_) => return damaged(Damage::ZipUnreadable),
    };
    let has = |a: &zip::ZipArchive<Cursor>, name: &str| a.index_for_name(name).is_some();
    let (doc_type, main) = if has(&archive, "word/document.xml") {
        (DocType::Docx, "word/document.xml")
    } else if has(&archive, "xl/workbook.xml") {
        (DocType::Xlsx, "xl/workbook.xml")
    } else if has(&archive, "mimetype") {
        let mut mime = String::new();
        let read = match archive.by_name("mimetype") {
            Ok(f) if f.encrypted() => Err(Damage::ZipEncrypted),
            Ok(f) => f
                .take(128)
                .read_to_string(&mut mime)
                .map_err(|_| Damage::MimetypeUnreadable),
            Err(_) => Err(Damage::MimetypeUnreadable),
        };
        match (read, mime.trim()) {
            (Err(e), _) => return damaged(e),
            (Ok(_), "application/vnd.oasis.opendocument.text") => (DocType::Odt, "content.xml"),
            (Ok(_), "application/vnd.oasis.opendocument.spreadsheet") => {
                (DocType::Ods, "content.xml")
            }
            _ => return Verdict::Unusable(Problem::OtherArchive),
        }
    } else {
        return Verdict::Unusable(Problem::OtherArchive);
    };
    match main_part_holds(&mut archive, main) {
        Ok(()) => Verdict::Document {
            doc_type,
            pages: office_pages(&mut archive, doc_type),
            sheets: office_sheets(&archive, doc_type),
            maybe_signed: false,
            id: (0, 0),
        },
        Err(why) => damaged(why),
    }
}

/// The ZIP end record, read from the last 64 KiB as the format says, must describe a central
/// directory inside the file with a sane number of entries.
fn zip_end_record(opened: &Opened<'_>) -> Result<(), Damage> {
    let tail_len = opened.size().min(65_557);
    let tail = opened
        .read(opened.size() - tail_len, tail_len as usize)
        .map_err(|e| Damage::read(&e))?;
    static ZIP_END: std::sync::LazyLock<memchr::memmem::FinderRev<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::FinderRev::new(b"PK\x05\x06"));
    let at = ZIP_END.rfind(&tail).ok_or(Damage::NoZipEnd)?;
    let eocd = &tail[at..];
    if eocd.len() < 22 {
        return Err(Damage::ZipEndCutShort);
    }
    let entries = u16::from_le_bytes([eocd[10], eocd[11]]);
    let size = u32::from_le_bytes([eocd[12], eocd[13], eocd[14], eocd[15]]);
    let offset = u32::from_le_bytes([eocd[16], eocd[17], eocd[18], eocd[19]]);
    if entries != u16::MAX && u64::from(entries) > MAX_ZIP_ENTRIES {
        return Err(Damage::ZipTooManyEntries);
    }
    // ZIP64: the counts are in the ZIP64 end record, found through its locator just before.
    if entries == u16::MAX || size == u32::MAX || offset == u32::MAX {
        let locator = at.checked_sub(20).map(|l| &tail[l..at]);
        let Some(loc) = locator.filter(|l| l.starts_with(b"PK\x06\x07")) else {
            return Err(Damage::Zip64WithoutLocator);
        };
        let record_at = u64::from_le_bytes(loc[8..16].try_into().unwrap_or_default());
        let record = opened.read(record_at, 56).map_err(|e| Damage::read(&e))?;
        if record.len() < 56 || !record.starts_with(b"PK\x06\x06") {
            return Err(Damage::Zip64Misplaced);
        }
        let entries = u64::from_le_bytes(record[32..40].try_into().unwrap_or_default());
        let size = u64::from_le_bytes(record[40..48].try_into().unwrap_or_default());
        let offset = u64::from_le_bytes(record[48..56].try_into().unwrap_or_default());
        if entries > MAX_ZIP_ENTRIES {
            return Err(Damage::ZipTooManyEntries);
        }
        if offset
            .checked_add(size)
            .is_none_or(|end| end > opened.size())
        {
            return Err(Damage::ZipDirectoryOutside);
        }
    }
    if size != u32::MAX && offset != u32::MAX && u64::from(offset) + u64::from(size) > opened.size()
    {
        return Err(Damage::ZipDirectoryOutside);
    }
    Ok(())
}

/// The main part exists, is not encrypted, inflates within the cap, and starts as XML.
fn main_part_holds(archive: &mut zip::ZipArchive<Cursor>, name: &str) -> Result<(), Damage> {
    if archive.len() as u64 > MAX_ZIP_ENTRIES {
        return Err(Damage::ZipTooManyEntries);
    }
    let part = archive
        .by_name(name)
        .map_err(|_| Damage::PartMissing(name.to_string()))?;
    if part.encrypted() {
        return Err(Damage::ZipEncrypted);
    }
    if part.size() == 0 {
        return Err(Damage::PartEmpty(name.to_string()));
    }
    if part.size() > MAX_MAIN_PART {
        return Err(Damage::PartInflatesBeyond(name.to_string()));
    }
    // Inflated to the end (the ZIP reader checks its CRC there), keeping only the head.
    let mut head = Vec::new();
    let mut part = part.take(MAX_MAIN_PART);
    let broken = |_| Damage::PartNotDecompressing(name.to_string());
    (&mut part)
        .take(4096)
        .read_to_end(&mut head)
        .map_err(broken)?;
    io::copy(&mut part, &mut io::sink()).map_err(broken)?;
    let text = String::from_utf8_lossy(&head);
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        Ok(())
    } else {
        Err(Damage::PartNotXml(name.to_string()))
    }
}

/// Pages as Word and LibreOffice record them in `docProps/app.xml`, when present.
fn office_pages(archive: &mut zip::ZipArchive<Cursor>, doc_type: DocType) -> Option<u32> {
    if doc_type != DocType::Docx {
        return None;
    }
    let part = archive.by_name("docProps/app.xml").ok()?;
    let mut text = String::new();
    part.take(MAX_APP_XML).read_to_string(&mut text).ok()?;
    // <Properties xmlns=".../extended-properties"><Pages>4</Pages>: the element by its
    // namespace, wherever the writer put it, so a `<Pages>` inside a comment or another
    // element's text is not taken.
    const EXTENDED: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    let xml = roxmltree::Document::parse(&text).ok()?;
    xml.root_element()
        .children()
        .find(|n| n.tag_name().name() == "Pages" && n.tag_name().namespace() == Some(EXTENDED))?
        .text()?
        .trim()
        .parse()
        .ok()
        .filter(|n| *n > 0)
}

/// Worksheets of an XLSX workbook: its `xl/worksheets/*.xml` parts, named in the central
/// directory already read.
fn office_sheets(archive: &zip::ZipArchive<Cursor>, doc_type: DocType) -> Option<u32> {
    if doc_type != DocType::Xlsx {
        return None;
    }
    let n = archive
        .file_names()
        .filter(|n| {
            n.strip_prefix("xl/worksheets/")
                .is_some_and(|rest| !rest.contains('/') && rest.ends_with(".xml"))
        })
        .count();
    u32::try_from(n).ok().filter(|n| *n > 0)
}

/// PDF: the structure read within bounds; an encrypted file is checked by `lopdf` when small
/// enough, to tell a password-protected file from one only restricted in its permissions.
fn inspect_pdf(opened: &Opened<'_>, head: &[u8]) -> Verdict {
    let whole = opened.size() as usize <= head.len();
    let structure = if whole {
        pdf::read(head)
    } else {
        pdf::read(opened)
    };
    // A searcher made once: building one costs more than searching a small file.
    static BYTE_RANGE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"/ByteRange"));
    let maybe_signed = !whole || BYTE_RANGE.find(head).is_some();
    match structure {
        pdf::Structure::Pages(n) => Verdict::Document {
            doc_type: DocType::Pdf,
            pages: Some(n),
            sheets: None,
            maybe_signed,
            id: (0, 0),
        },
        pdf::Structure::Damaged(why) => Verdict::Unusable(Problem::DamagedPdf(why)),
        pdf::Structure::Encrypted if opened.size() > MAX_ENCRYPTED_PDF => Verdict::Unusable(
            Problem::Unreadable(Damage::EncryptedTooLarge(MAX_ENCRYPTED_PDF)),
        ),
        pdf::Structure::Encrypted => {
            let bytes = match opened.read(0, opened.size() as usize) {
                Ok(b) => b,
                Err(e) => return Verdict::Unusable(Problem::Unreadable(Damage::read(&e))),
            };
            match lopdf::Document::load_metadata_mem(&bytes) {
                Err(_) => Verdict::Unusable(Problem::DamagedPdf(Damage::PdfUnreadable)),
                // With a user password, lopdf reports the file as encrypted and reads no pages.
                Ok(meta) if meta.page_count == 0 => {
                    Verdict::Unusable(Problem::PasswordProtectedPdf)
                }
                Ok(meta) => doc(DocType::Pdf, Some(meta.page_count)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A ZIP whose first member is a stored `mimetype` naming `mime`, as EPUB and OpenRaster
    /// files begin.
    fn zip_with_mimetype(mime: &str) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).unwrap();
        zip.write_all(mime.as_bytes()).unwrap();
        zip.start_file("content.xml", stored).unwrap();
        zip.write_all(b"<x/>").unwrap();
        zip.finish().unwrap();
        out.into_inner()
    }

    /// ZIP-based formats that are not documents are still refused as of an unknown type when
    /// the ZIP check is reached without `infer`.
    #[test]
    fn an_epub_or_an_openraster_image_is_not_a_document() {
        for mime in ["application/epub+zip", "image/openraster"] {
            let bytes = zip_with_mimetype(mime);
            assert_eq!(infer::get(&bytes).map(|k| k.mime_type()), Some(mime));
            assert!(
                matches!(
                    inspect_bytes(&bytes),
                    Verdict::Unusable(Problem::UnknownType)
                ),
                "{mime}: {:?}",
                inspect_bytes(&bytes)
            );
        }
    }
}
