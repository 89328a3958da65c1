//! The layout of a ZIP archive as `pack` writes it, checked byte by byte before anything is
//! unpacked: one end record at the very end, the central directory right before it holding
//! exactly the entries the end record counts, and the local entries tiling the file from its
//! first byte to the directory — each named as in the directory, none overlapping another,
//! nothing between them. An archive that passes is read the same way by every extractor: no
//! entry an extractor could find is left out of the check, and no two names share data.

use crate::limits::{MAX_ARCHIVE_ENTRIES, MAX_ZIP_DIRECTORY_BYTES};
use crate::verify::Unusable;
use std::fs::File;
use std::os::unix::fs::FileExt;

/// One entry of the central directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    /// Declared sizes: compressed in the archive, and unpacked.
    pub compressed: u64,
    pub size: u64,
    /// The Unix mode, when the entry was made on Unix.
    pub mode: Option<u32>,
}

const END: &[u8; 4] = b"PK\x05\x06";
const CENTRAL: &[u8; 4] = b"PK\x01\x02";
const LOCAL: &[u8; 4] = b"PK\x03\x04";
const DESCRIPTOR: &[u8; 4] = b"PK\x07\x08";

fn u16_at(b: &[u8], at: usize) -> u64 {
    u64::from(u16::from_le_bytes([b[at], b[at + 1]]))
}

fn u32_at(b: &[u8], at: usize) -> u64 {
    u64::from(u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]))
}

fn read(file: &File, offset: u64, n: usize) -> Result<Vec<u8>, Unusable> {
    let mut buf = vec![0u8; n];
    file.read_exact_at(&mut buf, offset)
        .map_err(|_| Unusable::Layout)?;
    Ok(buf)
}

/// Checks the layout of the archive `file` of `len` bytes; returns its entries in directory
/// order.
pub fn check(file: &File, len: u64) -> Result<Vec<Entry>, Unusable> {
    // The end record: 22 bytes and its comment, which must end the file.
    let tail_len = len.min(22 + 0xFFFF);
    let tail = read(file, len - tail_len, tail_len as usize)?;
    let at = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| &tail[i..i + 4] == END && i + 22 + u16_at(&tail, i + 20) as usize == tail.len())
        .ok_or(Unusable::NotAnArchive)?;
    let end = &tail[at..];
    let end_at = len - tail_len + at as u64;
    let (disk, cd_disk) = (u16_at(end, 4), u16_at(end, 6));
    let (here, total) = (u16_at(end, 8), u16_at(end, 10));
    let (cd_size, cd_offset) = (u32_at(end, 12), u32_at(end, 16));
    if disk != 0 || cd_disk != 0 || here != total {
        return Err(Unusable::Layout);
    }
    // ZIP64 markers: `pack` writes none (an archive over 4 GiB is not a dossier).
    if total == 0xFFFF || cd_size == 0xFFFF_FFFF || cd_offset == 0xFFFF_FFFF {
        return Err(Unusable::Layout);
    }
    if total as usize > MAX_ARCHIVE_ENTRIES {
        return Err(Unusable::TooManyEntries);
    }
    if cd_size > MAX_ZIP_DIRECTORY_BYTES || cd_offset + cd_size != end_at {
        return Err(Unusable::Layout);
    }
    // The central directory: exactly `total` records, filling it to the end record.
    let cd = read(file, cd_offset, cd_size as usize)?;
    let mut entries = Vec::with_capacity(total as usize);
    let mut locals: Vec<(u64, usize)> = Vec::with_capacity(total as usize);
    let mut pos = 0usize;
    for _ in 0..total {
        let fixed = cd.get(pos..pos + 46).ok_or(Unusable::Layout)?;
        if &fixed[..4] != CENTRAL {
            return Err(Unusable::Layout);
        }
        let creator = u16_at(fixed, 4) >> 8;
        let (compressed, size) = (u32_at(fixed, 20), u32_at(fixed, 24));
        let (name_len, extra_len, comment_len) = (
            u16_at(fixed, 28) as usize,
            u16_at(fixed, 30) as usize,
            u16_at(fixed, 32) as usize,
        );
        let (disk_start, external, local) =
            (u16_at(fixed, 34), u32_at(fixed, 38), u32_at(fixed, 42));
        if disk_start != 0 || compressed == 0xFFFF_FFFF || size == 0xFFFF_FFFF {
            return Err(Unusable::Layout);
        }
        let name = cd
            .get(pos + 46..pos + 46 + name_len)
            .ok_or(Unusable::Layout)?;
        let name = String::from_utf8(name.to_vec()).map_err(|_| Unusable::Layout)?;
        pos += 46 + name_len + extra_len + comment_len;
        if pos > cd.len() {
            return Err(Unusable::Layout);
        }
        locals.push((local, entries.len()));
        entries.push(Entry {
            name,
            compressed,
            size,
            mode: (creator == 3).then_some((external >> 16) as u32),
        });
    }
    // No record beyond the count: an extractor that reads the directory to its end would find
    // it, a reader that trusts the count would not.
    if pos != cd.len() {
        return Err(Unusable::Layout);
    }
    // The local entries tile the file from byte 0 to the directory.
    locals.sort_unstable();
    let mut next = 0u64;
    for (offset, i) in locals {
        if offset != next {
            return Err(Unusable::Layout);
        }
        let e = &entries[i];
        let head = read(file, offset, 30)?;
        if &head[..4] != LOCAL {
            return Err(Unusable::Layout);
        }
        let flags = u16_at(&head, 6);
        let (name_len, extra_len) = (u16_at(&head, 26), u16_at(&head, 28));
        let name = read(file, offset + 30, name_len as usize)?;
        if name != e.name.as_bytes() {
            return Err(Unusable::Layout);
        }
        let mut end = offset + 30 + name_len + extra_len + e.compressed;
        // A data descriptor after the data (bit 3): 12 bytes, or 16 with its signature.
        if flags & 0x8 != 0 {
            let d = read(file, end, 4).unwrap_or_default();
            end += if d == DESCRIPTOR { 16 } else { 12 };
        }
        if end > cd_offset {
            return Err(Unusable::Layout);
        }
        next = end;
    }
    if next != cd_offset {
        return Err(Unusable::Layout);
    }
    Ok(entries)
}
