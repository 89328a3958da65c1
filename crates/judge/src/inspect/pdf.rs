//! A bounded reader of a PDF's structure: the cross-reference data found from `startxref` at the
//! end (as the format says; no repair scan), the catalog, and the page tree, walked and counted.
//! Every read goes through `Bytes` (a buffer or positioned reads), with caps on the bytes read,
//! the bytes inflated and the objects resolved, so a hostile file costs bounded time and memory
//! whatever its size. Encrypted files are left to `lopdf`, which knows the security handlers.

use super::damage::Damage;
use flate2::read::ZlibDecoder;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::io::Read;

/// Where the bytes come from: the whole file in memory, or positioned reads of a large file.
pub trait Bytes {
    fn len(&self) -> u64;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Up to `n` bytes from `offset` (fewer at the end of the file); borrowed when in memory.
    fn read(&self, offset: u64, n: usize) -> std::io::Result<Cow<'_, [u8]>>;
}

impl Bytes for [u8] {
    fn len(&self) -> u64 {
        <[u8]>::len(self) as u64
    }
    fn read(&self, offset: u64, n: usize) -> std::io::Result<Cow<'_, [u8]>> {
        let start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(<[u8]>::len(self));
        let end = start.saturating_add(n).min(<[u8]>::len(self));
        Ok(Cow::Borrowed(&self[start..end]))
    }
}

/// A `Bytes` of unknown size behind a sized handle, so both a slice and a file can be read.
struct Dyn<'a, B: ?Sized>(&'a B);

impl<B: Bytes + ?Sized> Bytes for Dyn<'_, B> {
    fn len(&self) -> u64 {
        self.0.len()
    }
    fn read(&self, offset: u64, n: usize) -> std::io::Result<Cow<'_, [u8]>> {
        self.0.read(offset, n)
    }
}

/// What the structure says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Structure {
    Pages(u32),
    /// The trailer names an `/Encrypt` dictionary: the caller asks `lopdf`.
    Encrypted,
    Damaged(Damage),
}

/// Limits of one document's reading.
use crate::limits::{
    MAX_PDF_DEPTH as MAX_DEPTH, MAX_PDF_INFLATED as MAX_INFLATED,
    MAX_PDF_OBJECT_BYTES as MAX_OBJECT_BYTES, MAX_PDF_PAGE_NODES as MAX_PAGE_NODES,
    MAX_PDF_RESOLVED as MAX_RESOLVED, MAX_PDF_SECTIONS as MAX_SECTIONS,
    MAX_PDF_XREF_ENTRIES as MAX_XREF_ENTRIES,
};
use memchr::memmem::{find, rfind};

pub fn read<B: Bytes + ?Sized>(bytes: &B) -> Structure {
    let bytes: &dyn Bytes = &Dyn(bytes);
    match Reader::new(bytes).and_then(|mut r| r.pages()) {
        Ok(s) => s,
        Err(why) => Structure::Damaged(why),
    }
}

type R<T> = Result<T, Damage>;

#[derive(Debug, Clone, PartialEq)]
enum Obj {
    Null,
    Bool,
    Int(i64),
    Real,
    Name(Name),
    Str,
    Array(Vec<Obj>),
    Dict(Vec<(Name, Obj)>),
    Ref(u32),
}

/// A name as the structure uses it: its bytes when they are at most 16 (every name the reader
/// asks for is), else only "a longer name", which is none of those. A plain copyable value, so
/// names and dictionary keys cost no allocation and no more than a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(align(8))]
struct Name {
    /// The length, or `u8::MAX` for a name longer than `bytes`.
    len: u8,
    bytes: [u8; 16],
}

impl Name {
    fn from_slice(name: &[u8]) -> Name {
        let mut bytes = [0; 16];
        match bytes.get_mut(..name.len()) {
            Some(head) => {
                head.copy_from_slice(name);
                Name {
                    len: name.len() as u8,
                    bytes,
                }
            }
            None => Name {
                len: u8::MAX,
                bytes,
            },
        }
    }

    /// Whether this is the name `name` (a name asked for is at most 16 bytes long).
    fn is(&self, name: &[u8]) -> bool {
        self.bytes
            .get(..usize::from(self.len))
            .is_some_and(|b| b == name)
    }
}

impl Obj {
    fn is_name(&self, name: &[u8]) -> bool {
        matches!(self, Obj::Name(n) if n.is(name))
    }

    /// The value of `key`, taken out of a dictionary.
    fn take(&mut self, key: &[u8]) -> Option<Obj> {
        match self {
            Obj::Dict(d) => {
                let at = d.iter().position(|(k, _)| k.is(key))?;
                Some(d.swap_remove(at).1)
            }
            _ => None,
        }
    }

    fn get(&self, key: &[u8]) -> Option<&Obj> {
        match self {
            Obj::Dict(d) => d.iter().find(|(k, _)| k.is(key)).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// A decoded object stream: its data, and (object number, offset) per index.
type ObjectStream = (Vec<u8>, Vec<(u32, usize)>);

#[derive(Debug, Clone, Copy)]
enum Entry {
    Offset(u64),
    Compressed { stream: u32, index: u32 },
    Free,
}

struct Reader<'a> {
    bytes: &'a dyn Bytes,
    xref: HashMap<u32, Entry>,
    trailer: Obj,
    inflated: usize,
    resolved: usize,
    streams: HashMap<u32, ObjectStream>,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a dyn Bytes) -> R<Reader<'a>> {
        let len = bytes.len();
        let head = bytes.read(0, 1024).map_err(|e| Damage::read(&e))?;
        // Where a file starts, nearly always; a search for it (allowed within the first KiB)
        // otherwise.
        if !head.starts_with(b"%PDF-") && find(&head, b"%PDF-").is_none() {
            return Err(Damage::NoPdfHeader);
        }
        let tail_len = len.min(4096);
        let tail = bytes
            .read(len - tail_len, tail_len as usize)
            .map_err(|e| Damage::read(&e))?;
        // A searcher made once: building one costs more than searching a tail.
        static STARTXREF: std::sync::LazyLock<memchr::memmem::FinderRev<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::FinderRev::new(b"startxref"));
        let at = STARTXREF.rfind(&tail).ok_or(Damage::NoStartxref)?;
        let mut p = Parser::new(&tail[at + 9..]);
        let offset = match p.object(0) {
            Ok(Obj::Int(n)) if n >= 0 && (n as u64) < len => n as u64,
            _ => return Err(Damage::StartxrefOutside),
        };
        let mut r = Reader {
            bytes,
            xref: HashMap::default(),
            trailer: Obj::Null,
            inflated: 0,
            resolved: 0,
            streams: HashMap::default(),
        };
        r.load_xref(offset)?;
        Ok(r)
    }

    /// Every cross-reference section from `offset` back through `/Prev`; newer entries win.
    fn load_xref(&mut self, mut offset: u64) -> R<()> {
        // At most MAX_SECTIONS offsets: a list, with no allocation for the usual one or two.
        let mut seen: smallvec::SmallVec<[u64; 4]> = smallvec::SmallVec::new();
        for section in 0..MAX_SECTIONS {
            if seen.contains(&offset) {
                return Err(Damage::XrefLoop);
            }
            seen.push(offset);
            let window = self.window(offset, 64)?;
            let trailer = if window.starts_with(b"xref") {
                self.classic_section(offset)?
            } else {
                let (dict, data) = self.stream_at(offset)?;
                if !dict.get(b"Type").is_some_and(|t| t.is_name(b"XRef")) {
                    return Err(Damage::StartxrefTarget);
                }
                self.stream_entries(&dict, &data)?;
                dict
            };
            if let Some(Obj::Int(stm)) = trailer.get(b"XRefStm")
                && *stm >= 0
            {
                let (dict, data) = self.stream_at(*stm as u64)?;
                self.stream_entries(&dict, &data)?;
            }
            let prev = match trailer.get(b"Prev") {
                Some(Obj::Int(prev)) if *prev >= 0 && (*prev as u64) < self.bytes.len() => {
                    Some(*prev as u64)
                }
                _ => None,
            };
            if section == 0 {
                self.trailer = trailer;
            }
            match prev {
                Some(prev) => offset = prev,
                None => return Ok(()),
            }
        }
        Err(Damage::TooManySections)
    }

    fn window(&self, offset: u64, n: usize) -> R<Cow<'a, [u8]>> {
        self.bytes.read(offset, n).map_err(|e| Damage::read(&e))
    }

    fn insert(&mut self, id: u32, e: Entry) -> R<()> {
        if self.xref.len() >= MAX_XREF_ENTRIES {
            return Err(Damage::TooManyObjects);
        }
        self.xref.entry(id).or_insert(e);
        Ok(())
    }

    /// A classic `xref` table and its trailer.
    fn classic_section(&mut self, offset: u64) -> R<Obj> {
        let mut pos = offset + 4;
        loop {
            let head = self.window(pos, 256)?;
            let mut p = Parser::new(&head);
            p.skip_space();
            if head[p.pos..].starts_with(b"trailer") {
                let at = pos + (p.pos + 7) as u64;
                let text = self.window(at, MAX_OBJECT_BYTES.min(64 << 10))?;
                return Parser::new(&text).object(0);
            }
            let (Ok(Obj::Int(start)), Ok(Obj::Int(count))) = (p.object(0), p.object(0)) else {
                return Err(Damage::BrokenXrefTable);
            };
            if start < 0 || count < 0 || count as usize > MAX_XREF_ENTRIES {
                return Err(Damage::BrokenXrefTable);
            }
            p.skip_space();
            pos += p.pos as u64;
            let rows = self.window(pos, count as usize * 20)?;
            if rows.len() < count as usize * 20 {
                return Err(Damage::XrefCutShort);
            }
            // The rows are there (and within MAX_XREF_ENTRIES): room for them at once.
            self.xref.reserve(count as usize);
            for (i, row) in rows.chunks(20).enumerate() {
                let off = ascii_number(&row[0..10]).ok_or(Damage::BrokenXrefEntry)?;
                let entry = match row.get(17) {
                    Some(b'n') => Entry::Offset(off),
                    Some(b'f') => Entry::Free,
                    _ => return Err(Damage::BrokenXrefEntry),
                };
                self.insert((start as usize + i) as u32, entry)?;
            }
            pos += rows.len() as u64;
        }
    }

    /// Entries of a cross-reference stream.
    fn stream_entries(&mut self, dict: &Obj, data: &[u8]) -> R<()> {
        let w: smallvec::SmallVec<[usize; 3]> = match dict.get(b"W") {
            Some(Obj::Array(a)) if a.len() == 3 => a
                .iter()
                .map(|x| match x {
                    Obj::Int(n) if (0..=8).contains(n) => Ok(*n as usize),
                    _ => Err(Damage::BadXrefWidths),
                })
                .collect::<R<_>>()?,
            _ => return Err(Damage::BadXrefWidths),
        };
        let row = w.iter().sum::<usize>();
        if row == 0 {
            return Err(Damage::BadXrefWidths);
        }
        let size = match dict.get(b"Size") {
            Some(Obj::Int(n)) if *n >= 0 => *n,
            _ => return Err(Damage::XrefWithoutSize),
        };
        let index: smallvec::SmallVec<[i64; 8]> = match dict.get(b"Index") {
            Some(Obj::Array(a)) => a
                .iter()
                .map(|x| match x {
                    Obj::Int(n) if *n >= 0 => Ok(*n),
                    _ => Err(Damage::BadXrefIndex),
                })
                .collect::<R<_>>()?,
            _ => smallvec::smallvec![0, size],
        };
        let mut rows = data.chunks_exact(row);
        // Room for the rows the data holds (not for what /Index claims).
        self.xref.reserve(
            rows.len()
                .min(MAX_XREF_ENTRIES.saturating_sub(self.xref.len())),
        );
        for pair in index.chunks(2) {
            let [start, count] = pair else {
                return Err(Damage::BadXrefIndex);
            };
            for i in 0..*count {
                let Some(r) = rows.next() else {
                    return Ok(());
                };
                let field = |k: usize| -> u64 {
                    let from: usize = w[..k].iter().sum();
                    r[from..from + w[k]]
                        .iter()
                        .fold(0u64, |a, b| (a << 8) | u64::from(*b))
                };
                let kind = if w[0] == 0 { 1 } else { field(0) };
                let entry = match kind {
                    0 => Entry::Free,
                    1 => Entry::Offset(field(1)),
                    2 => Entry::Compressed {
                        stream: field(1) as u32,
                        index: field(2) as u32,
                    },
                    _ => continue,
                };
                self.insert((start + i) as u32, entry)?;
            }
        }
        Ok(())
    }

    /// The indirect object at `offset`: its dictionary and, when it is a stream, its data
    /// decoded (FlateDecode with PNG predictors, or none).
    fn stream_at(&mut self, offset: u64) -> R<(Obj, Cow<'a, [u8]>)> {
        let text = self.window(offset, 64 << 10)?;
        let mut p = Parser::new(&text);
        p.object_header()?;
        let dict = p.object(0)?;
        p.skip_space();
        if !text[p.pos..].starts_with(b"stream") {
            return Ok((dict, Cow::Borrowed(&[])));
        }
        let mut start = p.pos + 6;
        if text.get(start) == Some(&b'\r') {
            start += 1;
        }
        if text.get(start) == Some(&b'\n') {
            start += 1;
        }
        let length = match dict.get(b"Length") {
            Some(Obj::Int(n)) if *n >= 0 => *n as u64,
            Some(Obj::Ref(id)) => match self.resolve(*id)? {
                Obj::Int(n) if n >= 0 => n as u64,
                _ => return Err(Damage::StreamLength),
            },
            _ => return Err(Damage::StreamLength),
        };
        if length > MAX_INFLATED as u64 {
            return Err(Damage::StreamTooLarge);
        }
        let raw = self.window(offset + start as u64, length as usize)?;
        let data = self.decode(&dict, raw)?;
        Ok((dict, data))
    }

    /// The stream's data decoded: the raw bytes themselves (not copied) when unfiltered.
    fn decode(&mut self, dict: &Obj, raw: Cow<'a, [u8]>) -> R<Cow<'a, [u8]>> {
        let filter = match dict.get(b"Filter") {
            None => return Ok(raw),
            Some(Obj::Name(n)) => *n,
            Some(Obj::Array(a)) if a.len() == 1 => match &a[0] {
                Obj::Name(n) => *n,
                _ => return Err(Damage::UnsupportedFilter),
            },
            _ => return Err(Damage::UnsupportedFilter),
        };
        if !filter.is(b"FlateDecode") {
            return Err(Damage::StructuralFilter);
        }
        let budget = MAX_INFLATED.saturating_sub(self.inflated);
        let mut out = Vec::new();
        ZlibDecoder::new(&raw[..])
            .take(budget as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|_| Damage::NotDecompressing)?;
        if out.len() > budget {
            return Err(Damage::InflatesBeyond);
        }
        self.inflated += out.len();
        let parms = match dict.get(b"DecodeParms") {
            Some(Obj::Array(a)) => a.first().cloned(),
            other => other.cloned(),
        };
        match parms.as_ref().and_then(|p| p.get(b"Predictor")) {
            Some(Obj::Int(p)) if *p >= 10 => {
                let columns = match parms.as_ref().and_then(|p| p.get(b"Columns")) {
                    Some(Obj::Int(c)) if *c > 0 && *c < 1 << 16 => *c as usize,
                    _ => 1,
                };
                png_unpredict(&out, columns).map(Cow::Owned)
            }
            Some(Obj::Int(p)) if *p > 1 => Err(Damage::UnsupportedPredictor),
            _ => Ok(Cow::Owned(out)),
        }
    }

    /// The object `id`, from its offset or its object stream.
    fn resolve(&mut self, id: u32) -> R<Obj> {
        self.resolve_keeping(id, Build::All)
    }

    /// The object `id`; when it is a dictionary, only the entries `build` keeps are built (the
    /// others are parsed just as strictly, and dropped as they are read).
    fn resolve_keeping(&mut self, id: u32, build: Build<'_>) -> R<Obj> {
        self.resolved += 1;
        if self.resolved > MAX_RESOLVED {
            return Err(Damage::TooManyToResolve);
        }
        match self.xref.get(&id).copied() {
            None | Some(Entry::Free) => Ok(Obj::Null),
            Some(Entry::Offset(off)) => {
                // Most objects fit in 64 KiB; a long /Kids list may need up to 1 MiB.
                let mut result = Err(Damage::ObjectCutShort);
                for size in [4 << 10, 64 << 10, MAX_OBJECT_BYTES] {
                    let text = self.window(off, size)?;
                    let mut p = Parser::new(&text);
                    let n = p.object_header()?;
                    if n != id {
                        return Err(Damage::WrongObject);
                    }
                    result = p.value(0, build);
                    if result.is_ok() || text.len() < size {
                        break;
                    }
                }
                result
            }
            Some(Entry::Compressed { stream, index }) => {
                if !self.streams.contains_key(&stream) {
                    let off = match self.xref.get(&stream) {
                        Some(Entry::Offset(o)) => *o,
                        _ => return Err(Damage::ObjectStreamMissing),
                    };
                    let (dict, data) = self.stream_at(off)?;
                    let (Some(Obj::Int(n)), Some(Obj::Int(first))) =
                        (dict.get(b"N"), dict.get(b"First"))
                    else {
                        return Err(Damage::BrokenObjectStream);
                    };
                    let (n, first) = (*n, *first);
                    if n < 0 || first < 0 || first as usize > data.len() {
                        return Err(Damage::BrokenObjectStream);
                    }
                    let mut p = Parser::new(&data[..first as usize]);
                    let mut table = Vec::new();
                    for _ in 0..n.min(100_000) {
                        match (p.object(0), p.object(0)) {
                            (Ok(Obj::Int(num)), Ok(Obj::Int(at))) if num >= 0 && at >= 0 => {
                                table.push((num as u32, first as usize + at as usize));
                            }
                            _ => break,
                        }
                    }
                    self.streams.insert(stream, (data.into_owned(), table));
                }
                let (data, table) = &self.streams[&stream];
                let Some((num, at)) = table.get(index as usize) else {
                    return Ok(Obj::Null);
                };
                if *num != id || *at > data.len() {
                    return Err(Damage::ObjectStreamLacks);
                }
                Parser::new(&data[*at..]).value(0, build)
            }
        }
    }

    /// Follows a reference, once.
    fn deref(&mut self, o: &Obj) -> R<Obj> {
        match o {
            Obj::Ref(id) => self.resolve(*id),
            other => Ok(other.clone()),
        }
    }

    /// The page tree walked from the catalog; its leaves counted against the root's `/Count`.
    fn pages(&mut self) -> R<Structure> {
        if self.trailer.get(b"Encrypt").is_some() {
            return Ok(Structure::Encrypted);
        }
        let root = self.trailer.get(b"Root").cloned().ok_or(Damage::NoRoot)?;
        let catalog = match root {
            Obj::Ref(id) => self.resolve_keeping(id, Build::Keys(&[b"Pages"]))?,
            other => other,
        };
        let pages = catalog.get(b"Pages").cloned().ok_or(Damage::NoPageTree)?;
        let Obj::Ref(root_id) = pages else {
            return Err(Damage::NoPageTree);
        };
        // A node's other entries (resources, boxes, contents) are not needed to count pages.
        const NODE: Build<'static> = Build::Keys(&[b"Kids", b"Type", b"Count"]);
        let root_node = self.resolve_keeping(root_id, NODE)?;
        let declared = match root_node.get(b"Count") {
            Some(Obj::Int(n)) if *n >= 0 => Some(*n as u64),
            _ => None,
        };
        let mut seen = Seen::default();
        seen.insert(root_id);
        let mut stack: smallvec::SmallVec<[(Obj, usize); 8]> = smallvec::smallvec![(root_node, 0)];
        let mut leaves: u64 = 0;
        while let Some((mut node, depth)) = stack.pop() {
            if seen.len() > MAX_PAGE_NODES {
                return Err(Damage::PageTreeTooLarge);
            }
            // Taken out of the node, which is not needed after: no copy of the list.
            let kids = match node.take(b"Kids") {
                Some(k @ Obj::Ref(_)) => self.deref(&k)?,
                Some(k) => k,
                None => {
                    if node.get(b"Type").is_some_and(|t| t.is_name(b"Pages")) {
                        return Err(Damage::NodeWithoutKids);
                    }
                    leaves += 1;
                    continue;
                }
            };
            if depth >= MAX_DEPTH {
                return Err(Damage::PageTreeTooDeep);
            }
            let Obj::Array(kids) = kids else {
                return Err(Damage::KidsNotList);
            };
            for kid in kids {
                let Obj::Ref(id) = kid else {
                    return Err(Damage::KidNotReference);
                };
                if !seen.insert(id) {
                    return Err(Damage::PageTreeLoop);
                }
                let child = self.resolve_keeping(id, NODE)?;
                if child == Obj::Null {
                    return Err(Damage::MissingPage);
                }
                stack.push((child, depth + 1));
            }
        }
        if let Some(declared) = declared
            && declared != leaves
        {
            return Err(Damage::PageCount { declared, leaves });
        }
        match u32::try_from(leaves) {
            Ok(0) => Err(Damage::NoPages),
            Ok(n) => Ok(Structure::Pages(n)),
            Err(_) => Err(Damage::PageTreeTooLarge),
        }
    }
}

fn png_unpredict(data: &[u8], columns: usize) -> R<Vec<u8>> {
    let stride = columns + 1;
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; columns];
    for row in data.chunks(stride) {
        if row.len() < stride {
            break;
        }
        let (kind, bytes) = (row[0], &row[1..]);
        let mut cur = vec![0u8; columns];
        for i in 0..columns {
            let left = if i > 0 { cur[i - 1] } else { 0 };
            let up = prev[i];
            let up_left = if i > 0 { prev[i - 1] } else { 0 };
            cur[i] = match kind {
                0 => bytes[i],
                1 => bytes[i].wrapping_add(left),
                2 => bytes[i].wrapping_add(up),
                3 => bytes[i].wrapping_add(((u16::from(left) + u16::from(up)) / 2) as u8),
                4 => {
                    let p = i16::from(left) + i16::from(up) - i16::from(up_left);
                    let (pa, pb, pc) = (
                        (p - i16::from(left)).abs(),
                        (p - i16::from(up)).abs(),
                        (p - i16::from(up_left)).abs(),
                    );
                    let pred = if pa <= pb && pa <= pc {
                        left
                    } else if pb <= pc {
                        up
                    } else {
                        up_left
                    };
                    bytes[i].wrapping_add(pred)
                }
                _ => return Err(Damage::PngPredictor),
            };
        }
        out.extend_from_slice(&cur);
        prev = cur;
    }
    Ok(out)
}

/// An unsigned integer of at most 18 digits (as nearly every number of a file's structure is),
/// without the general parse; `None` for anything else.
fn digits(tok: &[u8]) -> Option<i64> {
    if tok.is_empty() || tok.len() > 18 || !tok.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(tok.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
}

fn ascii_number(b: &[u8]) -> Option<u64> {
    if let Some(n) = digits(b) {
        return Some(n as u64);
    }
    let s = std::str::from_utf8(b).ok()?.trim();
    s.parse().ok()
}

/// The `/ByteRange` and `/Contents` of a signature dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureFields {
    pub byte_range: [usize; 4],
    /// The decoded `/Contents` hex string.
    pub contents: Option<Vec<u8>>,
    /// Where the `/Contents` string lies in the bytes given: from its `<` to after its `>`.
    pub contents_span: Option<(usize, usize)>,
}

/// The signature dictionary that holds the `/ByteRange` at `at`, read with this module's
/// tokenizer: the nearest `<<` before it that opens a dictionary reaching past it.
pub fn signature_fields(bytes: &[u8], at: usize) -> Option<SignatureFields> {
    let floor = at.saturating_sub(64 << 10);
    let mut end = at;
    for _ in 0..16 {
        let open = rfind(&bytes[floor..end], b"<<")? + floor;
        if let Some(mut fields) = signature_dictionary(&bytes[open..], at - open) {
            fields.contents_span = fields.contents_span.map(|(a, b)| (a + open, b + open));
            return Some(fields);
        }
        end = open;
    }
    None
}

fn signature_dictionary(s: &[u8], byte_range_at: usize) -> Option<SignatureFields> {
    let mut p = Parser::new(s);
    p.pos = 2;
    let (mut byte_range, mut contents, mut holds_it) = (None, None, false);
    let mut contents_span = None;
    loop {
        p.skip_space();
        match p.peek()? {
            b'>' => break,
            b'/' => {
                let key_at = p.pos;
                p.pos += 1;
                let key = p.token().to_vec();
                p.skip_space();
                let start = p.pos;
                let value = p.object(0).ok()?;
                match key.as_slice() {
                    b"ByteRange" => {
                        holds_it |= key_at == byte_range_at;
                        let Obj::Array(items) = value else {
                            return None;
                        };
                        let numbers: Vec<usize> = items
                            .iter()
                            .map(|o| match o {
                                Obj::Int(n) => usize::try_from(*n).ok(),
                                _ => None,
                            })
                            .collect::<Option<_>>()?;
                        byte_range = Some(<[usize; 4]>::try_from(numbers).ok()?);
                    }
                    b"Contents" if s.get(start) == Some(&b'<') => {
                        let hex: Vec<u8> = s[start + 1..p.pos - 1]
                            .iter()
                            .copied()
                            .filter(|c| !c.is_ascii_whitespace())
                            .collect();
                        contents = base16ct::mixed::decode_vec(&hex).ok();
                        contents_span = Some((start, p.pos));
                    }
                    _ => {}
                }
            }
            _ => return None,
        }
    }
    holds_it.then_some(SignatureFields {
        byte_range: byte_range?,
        contents,
        contents_span,
    })
}

/// The classes of bytes (PDF 32000-1, 7.2.2): white space, delimiters, regular characters; a
/// table, as a byte's class is asked for every byte of the structure.
const CLASS: [u8; 256] = {
    let mut class = [REGULAR; 256];
    let mut i = 0;
    while i < 256 {
        class[i] = match i as u8 {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | 0 => SPACE,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%' => DELIMITER,
            _ => REGULAR,
        };
        i += 1;
    }
    class
};
const REGULAR: u8 = 0;
const SPACE: u8 = 1;
const DELIMITER: u8 = 2;

/// The page tree's nodes met so far: a list while they are few (a file's usual tree), a set
/// beyond.
#[derive(Default)]
struct Seen {
    few: smallvec::SmallVec<[u32; 16]>,
    many: HashSet<u32>,
}

impl Seen {
    /// Adds `id`; false when it was there.
    fn insert(&mut self, id: u32) -> bool {
        if self.many.is_empty() {
            if self.few.contains(&id) {
                return false;
            }
            if self.few.len() < self.few.inline_size() {
                self.few.push(id);
                return true;
            }
            self.many.extend(self.few.drain(..));
        }
        self.many.insert(id)
    }

    fn len(&self) -> usize {
        self.few.len() + self.many.len()
    }
}

/// What of an object to build.
#[derive(Debug, Clone, Copy)]
enum Build<'k> {
    All,
    /// A dictionary with these entries only (whole); any other object whole.
    Keys(&'k [&'k [u8]]),
    /// Nothing: the object is only read, as strictly.
    Nothing,
}

/// A PDF object parser over a byte window: bounded depth, no allocation beyond the window.
struct Parser<'b> {
    s: &'b [u8],
    pos: usize,
}

impl<'b> Parser<'b> {
    fn new(s: &'b [u8]) -> Parser<'b> {
        Parser { s, pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            if CLASS[usize::from(c)] == SPACE {
                self.pos += 1;
            } else if c == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn token(&mut self) -> &'b [u8] {
        let start = self.pos;
        let len = self.s[start..]
            .iter()
            .position(|c| CLASS[usize::from(*c)] != REGULAR)
            .unwrap_or(self.s.len() - start);
        self.pos += len;
        &self.s[start..self.pos]
    }

    /// `N G obj`; returns N.
    fn object_header(&mut self) -> R<u32> {
        self.skip_space();
        let n = self.token();
        self.skip_space();
        let g = self.token();
        self.skip_space();
        let kw = self.token();
        match (ascii_number(n), ascii_number(g), kw) {
            (Some(n), Some(_), b"obj") if n <= u64::from(u32::MAX) => Ok(n as u32),
            _ => Err(Damage::ObjectMisplaced),
        }
    }

    fn object(&mut self, depth: usize) -> R<Obj> {
        self.value(depth, Build::All)
    }

    /// An object, built as `build` says: what is not built is still parsed (the same errors),
    /// but costs no allocation.
    fn value(&mut self, depth: usize, build: Build<'_>) -> R<Obj> {
        let mut out = Obj::Null;
        self.value_into(depth, build, &mut out)?;
        Ok(out)
    }

    /// An object, built into `out` as `build` says: a dictionary's entries and a list's items
    /// are read into their places, not returned and moved there; with `Build::Nothing` the same
    /// grammar is read and nothing is built or written.
    fn value_into(&mut self, depth: usize, build: Build<'_>, out: &mut Obj) -> Result<(), Syntax> {
        let building = !matches!(build, Build::Nothing);
        let c = self.object_start(depth)?;
        match c {
            b'/' => {
                self.pos += 1;
                let name = self.token();
                if building {
                    *out = Obj::Name(Name::from_slice(name));
                }
            }
            b'<' if self.s.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                // Most dictionaries of a file's structure have up to eight entries: one allocation.
                let mut entries = match build {
                    Build::Keys(keys) => Vec::with_capacity(keys.len()),
                    Build::All => Vec::with_capacity(8),
                    Build::Nothing => Vec::new(),
                };
                loop {
                    self.skip_space();
                    match self.peek() {
                        Some(b'>') => {
                            self.close_dictionary();
                            if building {
                                *out = Obj::Dict(entries);
                            }
                            return Ok(());
                        }
                        Some(b'/') => {
                            self.pos += 1;
                            let key = self.token();
                            let kept = match build {
                                Build::Keys(keys) => keys.contains(&key),
                                Build::All => true,
                                Build::Nothing => false,
                            };
                            if kept {
                                entries.push((Name::from_slice(key), Obj::Null));
                                let (_, slot) = entries.last_mut().expect("just pushed");
                                self.value_into(depth + 1, Build::All, slot)?;
                            } else {
                                self.skip(depth + 1)?;
                            }
                        }
                        _ => return Err(Syntax::BrokenDictionary),
                    }
                }
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        if building {
                            *out = Obj::Array(items);
                        }
                        return Ok(());
                    }
                    if building {
                        items.push(Obj::Null);
                        let slot = items.last_mut().expect("just pushed");
                        self.value_into(depth + 1, Build::All, slot)?;
                    } else {
                        self.skip(depth + 1)?;
                    }
                }
            }
            // Strings and the other scalars.
            _ => {
                let scalar = self.scalar(c)?;
                if building {
                    *out = match scalar {
                        Scalar::Null => Obj::Null,
                        Scalar::Bool => Obj::Bool,
                        Scalar::Int(n) => Obj::Int(n),
                        Scalar::Real => Obj::Real,
                        Scalar::Str => Obj::Str,
                        Scalar::Ref(id) => Obj::Ref(id),
                    }
                }
            }
        }
        Ok(())
    }

    /// Reads past an object, building nothing (`value_into` with `Build::Nothing`).
    fn skip(&mut self, depth: usize) -> Result<(), Syntax> {
        self.value_into(depth, Build::Nothing, &mut Obj::Null)
    }

    /// The first byte of an object at `depth`, past the white space before it.
    fn object_start(&mut self, depth: usize) -> Result<u8, Syntax> {
        if depth > MAX_DEPTH {
            return Err(Syntax::NestsTooDeeply);
        }
        self.skip_space();
        self.peek().ok_or(Syntax::ObjectCutShort)
    }

    /// `>>` ends a dictionary (a lone `>` at the end of the bytes too, never past them).
    fn close_dictionary(&mut self) {
        self.pos = (self.pos + 2).min(self.s.len());
    }

    /// A string, a keyword, a number or a reference, starting with `c`.
    fn scalar(&mut self, c: u8) -> Result<Scalar, Syntax> {
        match c {
            b'(' => {
                self.literal_string()?;
                Ok(Scalar::Str)
            }
            b'<' => {
                let end = self.s[self.pos..]
                    .iter()
                    .position(|&c| c == b'>')
                    .ok_or(Syntax::BrokenString)?;
                self.pos += end + 1;
                Ok(Scalar::Str)
            }
            _ => {
                let tok = self.token();
                if tok.is_empty() {
                    return Err(Syntax::UnexpectedCharacter);
                }
                match tok {
                    b"null" => Ok(Scalar::Null),
                    b"true" | b"false" => Ok(Scalar::Bool),
                    _ => self.number_or_reference(tok),
                }
            }
        }
    }

    fn number_or_reference(&mut self, tok: &[u8]) -> Result<Scalar, Syntax> {
        let Some(n) = digits(tok).or_else(|| {
            std::str::from_utf8(tok)
                .ok()
                .and_then(|t| t.parse::<i64>().ok())
        }) else {
            return if std::str::from_utf8(tok)
                .ok()
                .and_then(|t| t.parse::<f64>().ok())
                .is_some()
            {
                Ok(Scalar::Real)
            } else {
                Err(Syntax::UnexpectedToken)
            };
        };
        // `N G R` is a reference; look ahead without consuming otherwise.
        let save = self.pos;
        self.skip_space();
        let g = self.token();
        if !g.is_empty() && g.iter().all(u8::is_ascii_digit) {
            self.skip_space();
            if self.token() == b"R" && n >= 0 && n <= i64::from(u32::MAX) {
                return Ok(Scalar::Ref(n as u32));
            }
        }
        self.pos = save;
        Ok(Scalar::Int(n))
    }

    fn literal_string(&mut self) -> Result<(), Syntax> {
        let mut level = 0usize;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\\' => self.pos += 1,
                b'(' => level += 1,
                b')' => {
                    level -= 1;
                    if level == 0 {
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        Err(Syntax::BrokenString)
    }
}

/// An object that is not a collection or a name.
#[derive(Debug, Clone, Copy)]
enum Scalar {
    Null,
    Bool,
    Int(i64),
    Real,
    Str,
    Ref(u32),
}

/// A syntax error of the object parser: small, so a result of it comes back in registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    NestsTooDeeply,
    ObjectCutShort,
    BrokenDictionary,
    BrokenString,
    UnexpectedCharacter,
    UnexpectedToken,
}

impl From<Syntax> for Damage {
    fn from(e: Syntax) -> Damage {
        match e {
            Syntax::NestsTooDeeply => Damage::NestsTooDeeply,
            Syntax::ObjectCutShort => Damage::ObjectCutShort,
            Syntax::BrokenDictionary => Damage::BrokenDictionary,
            Syntax::BrokenString => Damage::BrokenString,
            Syntax::UnexpectedCharacter => Damage::UnexpectedCharacter,
            Syntax::UnexpectedToken => Damage::UnexpectedToken,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    include!("../../../../tests/common/pdf.rs");

    #[test]
    fn counts_the_pages_of_a_classic_file() {
        assert_eq!(read(classic(3, 3).as_slice()), Structure::Pages(3));
    }

    #[test]
    fn a_count_the_tree_does_not_hold_is_damage() {
        let s = read(classic(1, 500).as_slice());
        assert!(
            matches!(
                s,
                Structure::Damaged(Damage::PageCount { declared: 500, .. })
            ),
            "{s:?}"
        );
        let s = read(classic(0, 4294967295).as_slice());
        assert!(matches!(s, Structure::Damaged(_)), "{s:?}");
    }

    #[test]
    fn no_startxref_is_damage_without_a_scan() {
        let mut pdf = classic(2, 2);
        let at = rfind(&pdf, b"startxref").unwrap();
        pdf.truncate(at);
        assert_eq!(
            read(pdf.as_slice()),
            Structure::Damaged(Damage::NoStartxref)
        );
    }

    #[test]
    fn short_digit_runs_read_as_the_general_parse_reads_them() {
        for tok in [
            "0",
            "7",
            "00042",
            "999999999999999999",
            "123456789012345678",
        ] {
            assert_eq!(digits(tok.as_bytes()), tok.parse::<i64>().ok(), "{tok}");
        }
        for tok in ["", "-1", "+1", "1.5", "1e3", "9999999999999999999", "12a"] {
            assert_eq!(digits(tok.as_bytes()), None, "{tok}");
        }
    }

    /// A page tree read keeping only what counts pages gives what reading it whole gives, and a
    /// syntax error in an entry that is not kept is still damage.
    #[test]
    fn entries_not_kept_are_still_checked() {
        let obj =
            b"<</Type/Page/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Parent 2 0 R>>";
        let keys: &[&[u8]] = &[b"Type", b"Kids"];
        let kept = Parser::new(obj).value(0, Build::Keys(keys)).unwrap();
        assert_eq!(
            kept,
            Obj::Dict(vec![(
                Name::from_slice(b"Type"),
                Obj::Name(Name::from_slice(b"Page"))
            )])
        );
        let mut p = Parser::new(obj);
        assert_eq!(p.skip(0), Ok(()));
        assert_eq!(p.pos, obj.len());
        let broken = b"<</Type/Page/MediaBox[0 0 595 842/Resources<</Font 5 0 R>>>>";
        assert_eq!(
            Parser::new(broken).value(0, Build::Keys(keys)).is_err(),
            Parser::new(broken).object(0).is_err()
        );
        let broken = b"<</Type/Page/Contents (unclosed>>";
        assert!(Parser::new(broken).value(0, Build::Keys(keys)).is_err());
        assert!(Parser::new(broken).skip(0).is_err());
    }

    /// `skip` reads exactly what `value` reads: the same end, the same error, on every sequence
    /// of up to four pieces of the structure's syntax and on slices of the sample files.
    #[test]
    fn skip_and_value_read_alike() {
        let agree = |bytes: &[u8]| {
            let (mut a, mut b) = (Parser::new(bytes), Parser::new(bytes));
            let built = a.object(0).map(|_| ()).map_err(|e| format!("{e:?}"));
            let skipped = b.skip(0).map_err(|e| format!("{:?}", Damage::from(e)));
            assert_eq!(built, skipped, "{:?}", String::from_utf8_lossy(bytes));
            if built.is_ok() {
                assert_eq!(a.pos, b.pos, "{:?}", String::from_utf8_lossy(bytes));
            }
        };
        let alphabet: &[&[u8]] = &[
            b"<<", b">>", b">", b"<", b"[", b"]", b"(", b")", b"\\", b"/N", b" ", b"1", b"0 R",
            b"-2.5", b"x", b"%c\n", b"null",
        ];
        let mut stack = vec![(Vec::new(), 0)];
        while let Some((prefix, pieces)) = stack.pop() {
            agree(&prefix);
            if pieces < 4 {
                for piece in alphabet {
                    stack.push(([&prefix[..], piece].concat(), pieces + 1));
                }
            }
        }
        let samples =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../sample-dossiers");
        for dossier in std::fs::read_dir(samples).unwrap() {
            for doc in std::fs::read_dir(dossier.unwrap().path().join("docs")).unwrap() {
                let bytes = std::fs::read(doc.unwrap().path()).unwrap();
                for at in (0..bytes.len()).step_by(7) {
                    agree(&bytes[at..]);
                }
            }
        }
    }

    #[test]
    fn a_name_is_itself_up_to_sixteen_bytes_and_no_asked_name_beyond() {
        assert!(Name::from_slice(b"FlateDecode").is(b"FlateDecode"));
        assert!(!Name::from_slice(b"FlateDecode").is(b"Flate"));
        assert!(Name::from_slice(b"0123456789abcdef").is(b"0123456789abcdef"));
        let long = Name::from_slice(b"0123456789abcdefX");
        assert!(!long.is(b"0123456789abcdef") && !long.is(b"0123456789abcdefX"));
        assert!(Name::from_slice(b"").is(b""));
    }

    #[test]
    fn the_nodes_met_are_remembered_past_the_list() {
        let mut seen = Seen::default();
        for id in 1..=40 {
            assert!(seen.insert(id), "{id}");
            assert!(!seen.insert(id), "{id} again");
        }
        assert!((1..=40).all(|id| !seen.insert(id)));
        assert_eq!(seen.len(), 40);
    }

    /// A dictionary closed by a single `>` at the very end of what was read is damage, not a
    /// read past the end.
    #[test]
    fn a_dictionary_cut_at_its_last_byte_is_damage() {
        let pdf = b"%PDF-1.7\nstartxref\n28\n%%EOF\n1 0 obj<</A 1>";
        assert_eq!(&pdf[28..36], b"1 0 obj<");
        assert!(matches!(read(&pdf[..]), Structure::Damaged(_)));
        let mut p = Parser::new(b"<</A 1>");
        assert!(p.object(0).is_ok());
        assert!(p.pos <= 7);
        assert_eq!(p.token(), b"");
    }

    #[test]
    fn png_up_predictor_round_trips() {
        // Two rows of 3 columns with the Up filter (2).
        let data = [2, 1, 2, 3, 2, 1, 1, 1];
        assert_eq!(png_unpredict(&data, 3).unwrap(), vec![1, 2, 3, 2, 3, 4]);
    }
}
