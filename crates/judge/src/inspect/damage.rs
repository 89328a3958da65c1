//! Why a file is not a usable document, as data: each reason is worded by the catalogue
//! (`damage.<id>`, in en, ru and kk), and the JSON carries its id.

use crate::finding::Message;

/// One reason a document does not hold up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// It has no PDF header.
    NoPdfHeader,
    /// Its startxref does not point into the file.
    StartxrefOutside,
    /// There is no startxref at the end of the file.
    NoStartxref,
    /// Its cross-reference sections form a loop.
    XrefLoop,
    /// Its startxref points at neither a cross-reference table nor a stream.
    StartxrefTarget,
    /// It has too many cross-reference sections.
    TooManySections,
    /// It has too many objects.
    TooManyObjects,
    /// Its cross-reference table is broken.
    BrokenXrefTable,
    /// Its cross-reference table is cut short.
    XrefCutShort,
    /// An entry of its cross-reference table is broken.
    BrokenXrefEntry,
    /// A cross-reference stream has a wrong /W.
    BadXrefWidths,
    /// A cross-reference stream has no /Size.
    XrefWithoutSize,
    /// A cross-reference stream has a wrong /Index.
    BadXrefIndex,
    /// A stream has no usable /Length.
    StreamLength,
    /// A structural stream is too large.
    StreamTooLarge,
    /// A stream uses an unsupported filter.
    UnsupportedFilter,
    /// A structural stream uses an unsupported filter.
    StructuralFilter,
    /// A structural stream does not decompress.
    NotDecompressing,
    /// Its structural streams unpack beyond the limit.
    InflatesBeyond,
    /// A stream uses an unsupported predictor.
    UnsupportedPredictor,
    /// It has too many objects to resolve.
    TooManyToResolve,
    /// Its cross-reference table points at the wrong object.
    WrongObject,
    /// An object stream is missing.
    ObjectStreamMissing,
    /// An object stream is broken.
    BrokenObjectStream,
    /// An object stream does not hold the object it should.
    ObjectStreamLacks,
    /// Its trailer names no document catalogue.
    NoRoot,
    /// It has no page tree.
    NoPageTree,
    /// Its page tree is too large.
    PageTreeTooLarge,
    /// A node of its page tree has no /Kids.
    NodeWithoutKids,
    /// Its page tree is too deep.
    PageTreeTooDeep,
    /// A node of its page tree has /Kids that is not a list.
    KidsNotList,
    /// Its page tree holds a child that is not a reference.
    KidNotReference,
    /// Its page tree has a loop.
    PageTreeLoop,
    /// Its page tree names a page that is not there.
    MissingPage,
    /// It has no pages.
    NoPages,
    /// A stream uses an unknown PNG predictor.
    PngPredictor,
    /// An object is not where its cross-reference table says.
    ObjectMisplaced,
    /// Its objects nest too deeply.
    NestsTooDeeply,
    /// An object is cut short.
    ObjectCutShort,
    /// A dictionary is broken.
    BrokenDictionary,
    /// A string is broken.
    BrokenString,
    /// An unexpected character stands in its structure.
    UnexpectedCharacter,
    /// An unexpected token stands in its structure.
    UnexpectedToken,
    /// The image has no readable dimensions.
    NoImageDimensions,
    /// The RTF text is cut short.
    RtfCutShort,
    /// Its OLE header is cut short.
    OleHeaderCutShort,
    /// Its OLE header does not fit the file.
    OleHeaderMisfit,
    /// Its document stream is empty or larger than the file.
    OleStreamSize,
    /// There is no ZIP end record at the end of the file.
    NoZipEnd,
    /// Its ZIP end record is cut short.
    ZipEndCutShort,
    /// The archive has too many entries.
    ZipTooManyEntries,
    /// It is a ZIP64 archive without its locator.
    Zip64WithoutLocator,
    /// Its ZIP64 end record is not where its locator says.
    Zip64Misplaced,
    /// Its ZIP central directory lies outside the file.
    ZipDirectoryOutside,
    /// The archive is encrypted.
    ZipEncrypted,
    /// Its page tree declares {declared} pages but holds {leaves}.
    PageCount { declared: u64, leaves: u64 },
    /// Its part {part} is empty.
    PartEmpty(String),
    /// Its part {part} unpacks beyond the limit.
    PartInflatesBeyond(String),
    /// Its part {part} does not decompress.
    PartNotDecompressing(String),
    /// Its part {part} is not XML.
    PartNotXml(String),
    /// Its part {part} cannot be read from the archive.
    PartMissing(String),
    /// Its ZIP directory cannot be read.
    ZipUnreadable,
    /// Its OLE directory cannot be read.
    OleUnreadable,
    /// Its mimetype entry cannot be read.
    MimetypeUnreadable,
    /// Its structure cannot be read.
    PdfUnreadable,
    /// Reading it failed ({error}).
    Read(Option<i32>),
    /// It is an encrypted PDF larger than {max} bytes, which is not checked.
    EncryptedTooLarge(u64),
}

impl Damage {
    /// The stable id of the reason (the JSON `reason`).
    pub fn id(&self) -> &'static str {
        match self {
            Damage::NoPdfHeader => "pdf-no-header",
            Damage::StartxrefOutside => "pdf-startxref-outside",
            Damage::NoStartxref => "pdf-no-startxref",
            Damage::XrefLoop => "pdf-xref-loop",
            Damage::StartxrefTarget => "pdf-startxref-target",
            Damage::TooManySections => "pdf-too-many-sections",
            Damage::TooManyObjects => "pdf-too-many-objects",
            Damage::BrokenXrefTable => "pdf-broken-xref-table",
            Damage::XrefCutShort => "pdf-xref-cut-short",
            Damage::BrokenXrefEntry => "pdf-broken-xref-entry",
            Damage::BadXrefWidths => "pdf-bad-xref-widths",
            Damage::XrefWithoutSize => "pdf-xref-without-size",
            Damage::BadXrefIndex => "pdf-bad-xref-index",
            Damage::StreamLength => "pdf-stream-length",
            Damage::StreamTooLarge => "pdf-stream-too-large",
            Damage::UnsupportedFilter => "pdf-unsupported-filter",
            Damage::StructuralFilter => "pdf-structural-filter",
            Damage::NotDecompressing => "pdf-not-decompressing",
            Damage::InflatesBeyond => "pdf-inflates-beyond",
            Damage::UnsupportedPredictor => "pdf-unsupported-predictor",
            Damage::TooManyToResolve => "pdf-too-many-to-resolve",
            Damage::WrongObject => "pdf-wrong-object",
            Damage::ObjectStreamMissing => "pdf-object-stream-missing",
            Damage::BrokenObjectStream => "pdf-broken-object-stream",
            Damage::ObjectStreamLacks => "pdf-object-stream-lacks",
            Damage::NoRoot => "pdf-no-root",
            Damage::NoPageTree => "pdf-no-page-tree",
            Damage::PageTreeTooLarge => "pdf-page-tree-too-large",
            Damage::NodeWithoutKids => "pdf-node-without-kids",
            Damage::PageTreeTooDeep => "pdf-page-tree-too-deep",
            Damage::KidsNotList => "pdf-kids-not-list",
            Damage::KidNotReference => "pdf-kid-not-reference",
            Damage::PageTreeLoop => "pdf-page-tree-loop",
            Damage::MissingPage => "pdf-missing-page",
            Damage::NoPages => "pdf-no-pages",
            Damage::PngPredictor => "pdf-png-predictor",
            Damage::ObjectMisplaced => "pdf-object-misplaced",
            Damage::NestsTooDeeply => "pdf-nests-too-deeply",
            Damage::ObjectCutShort => "pdf-object-cut-short",
            Damage::BrokenDictionary => "pdf-broken-dictionary",
            Damage::BrokenString => "pdf-broken-string",
            Damage::UnexpectedCharacter => "pdf-unexpected-character",
            Damage::UnexpectedToken => "pdf-unexpected-token",
            Damage::NoImageDimensions => "image-no-dimensions",
            Damage::RtfCutShort => "rtf-cut-short",
            Damage::OleHeaderCutShort => "ole-header-cut-short",
            Damage::OleHeaderMisfit => "ole-header-misfit",
            Damage::OleStreamSize => "ole-stream-size",
            Damage::NoZipEnd => "zip-no-end-record",
            Damage::ZipEndCutShort => "zip-end-record-cut-short",
            Damage::ZipTooManyEntries => "zip-too-many-entries",
            Damage::Zip64WithoutLocator => "zip-zip64-without-locator",
            Damage::Zip64Misplaced => "zip-zip64-misplaced",
            Damage::ZipDirectoryOutside => "zip-directory-outside",
            Damage::ZipEncrypted => "zip-encrypted",
            Damage::PageCount { .. } => "pdf-page-count",
            Damage::PartEmpty(_) => "part-empty",
            Damage::PartInflatesBeyond(_) => "part-inflates-beyond",
            Damage::PartNotDecompressing(_) => "part-not-decompressing",
            Damage::PartNotXml(_) => "part-not-xml",
            Damage::PartMissing(_) => "part-missing",
            Damage::ZipUnreadable => "zip-unreadable",
            Damage::OleUnreadable => "ole-unreadable",
            Damage::MimetypeUnreadable => "zip-mimetype-unreadable",
            Damage::PdfUnreadable => "pdf-unreadable",
            Damage::Read(_) => "read",
            Damage::EncryptedTooLarge(_) => "pdf-encrypted-too-large",
        }
    }

    /// The reason in the catalogue's words.
    pub fn message(&self) -> Message {
        let m = Message::new(self.key());
        match self {
            Damage::PageCount { declared, leaves } => {
                m.arg("declared", *declared).arg("leaves", *leaves)
            }
            Damage::PartEmpty(part)
            | Damage::PartInflatesBeyond(part)
            | Damage::PartNotDecompressing(part)
            | Damage::PartNotXml(part)
            | Damage::PartMissing(part) => m.arg("part", part.as_str()),
            Damage::Read(code) => m.arg("error", u64::try_from(code.unwrap_or(0)).unwrap_or(0)),
            Damage::EncryptedTooLarge(max) => m.arg("max", *max),
            _ => m,
        }
    }

    /// The catalogue key: `damage.` and the id.
    fn key(&self) -> &'static str {
        match self {
            Damage::NoPdfHeader => "damage.pdf.no-header",
            Damage::StartxrefOutside => "damage.pdf.startxref-outside",
            Damage::NoStartxref => "damage.pdf.no-startxref",
            Damage::XrefLoop => "damage.pdf.xref-loop",
            Damage::StartxrefTarget => "damage.pdf.startxref-target",
            Damage::TooManySections => "damage.pdf.too-many-sections",
            Damage::TooManyObjects => "damage.pdf.too-many-objects",
            Damage::BrokenXrefTable => "damage.pdf.broken-xref-table",
            Damage::XrefCutShort => "damage.pdf.xref-cut-short",
            Damage::BrokenXrefEntry => "damage.pdf.broken-xref-entry",
            Damage::BadXrefWidths => "damage.pdf.bad-xref-widths",
            Damage::XrefWithoutSize => "damage.pdf.xref-without-size",
            Damage::BadXrefIndex => "damage.pdf.bad-xref-index",
            Damage::StreamLength => "damage.pdf.stream-length",
            Damage::StreamTooLarge => "damage.pdf.stream-too-large",
            Damage::UnsupportedFilter => "damage.pdf.unsupported-filter",
            Damage::StructuralFilter => "damage.pdf.structural-filter",
            Damage::NotDecompressing => "damage.pdf.not-decompressing",
            Damage::InflatesBeyond => "damage.pdf.inflates-beyond",
            Damage::UnsupportedPredictor => "damage.pdf.unsupported-predictor",
            Damage::TooManyToResolve => "damage.pdf.too-many-to-resolve",
            Damage::WrongObject => "damage.pdf.wrong-object",
            Damage::ObjectStreamMissing => "damage.pdf.object-stream-missing",
            Damage::BrokenObjectStream => "damage.pdf.broken-object-stream",
            Damage::ObjectStreamLacks => "damage.pdf.object-stream-lacks",
            Damage::NoRoot => "damage.pdf.no-root",
            Damage::NoPageTree => "damage.pdf.no-page-tree",
            Damage::PageTreeTooLarge => "damage.pdf.page-tree-too-large",
            Damage::NodeWithoutKids => "damage.pdf.node-without-kids",
            Damage::PageTreeTooDeep => "damage.pdf.page-tree-too-deep",
            Damage::KidsNotList => "damage.pdf.kids-not-list",
            Damage::KidNotReference => "damage.pdf.kid-not-reference",
            Damage::PageTreeLoop => "damage.pdf.page-tree-loop",
            Damage::MissingPage => "damage.pdf.missing-page",
            Damage::NoPages => "damage.pdf.no-pages",
            Damage::PngPredictor => "damage.pdf.png-predictor",
            Damage::ObjectMisplaced => "damage.pdf.object-misplaced",
            Damage::NestsTooDeeply => "damage.pdf.nests-too-deeply",
            Damage::ObjectCutShort => "damage.pdf.object-cut-short",
            Damage::BrokenDictionary => "damage.pdf.broken-dictionary",
            Damage::BrokenString => "damage.pdf.broken-string",
            Damage::UnexpectedCharacter => "damage.pdf.unexpected-character",
            Damage::UnexpectedToken => "damage.pdf.unexpected-token",
            Damage::NoImageDimensions => "damage.image.no-dimensions",
            Damage::RtfCutShort => "damage.rtf.cut-short",
            Damage::OleHeaderCutShort => "damage.ole.header-cut-short",
            Damage::OleHeaderMisfit => "damage.ole.header-misfit",
            Damage::OleStreamSize => "damage.ole.stream-size",
            Damage::NoZipEnd => "damage.zip.no-end-record",
            Damage::ZipEndCutShort => "damage.zip.end-record-cut-short",
            Damage::ZipTooManyEntries => "damage.zip.too-many-entries",
            Damage::Zip64WithoutLocator => "damage.zip.zip64-without-locator",
            Damage::Zip64Misplaced => "damage.zip.zip64-misplaced",
            Damage::ZipDirectoryOutside => "damage.zip.directory-outside",
            Damage::ZipEncrypted => "damage.zip.encrypted",
            Damage::PageCount { .. } => "damage.pdf.page-count",
            Damage::PartEmpty(_) => "damage.part.empty",
            Damage::PartInflatesBeyond(_) => "damage.part.inflates-beyond",
            Damage::PartNotDecompressing(_) => "damage.part.not-decompressing",
            Damage::PartNotXml(_) => "damage.part.not-xml",
            Damage::PartMissing(_) => "damage.part.missing",
            Damage::ZipUnreadable => "damage.zip.unreadable",
            Damage::OleUnreadable => "damage.ole.unreadable",
            Damage::MimetypeUnreadable => "damage.zip.mimetype-unreadable",
            Damage::PdfUnreadable => "damage.pdf.unreadable",
            Damage::Read(_) => "damage.read",
            Damage::EncryptedTooLarge(_) => "damage.pdf.encrypted-too-large",
        }
    }

    /// A read that failed, by its system error number (the system's own text is English).
    pub fn read(e: &std::io::Error) -> Damage {
        Damage::Read(e.raw_os_error())
    }
}
